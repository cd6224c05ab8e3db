// ServiceStack's own DTOs that pages show as tables (AutoQuery), as the server declares them.
import { dictOf, listOf, named, nullable } from "./csharp.js";
import type { TrueClass } from "./service.js";

const str = named("string");
const prop = (name: string, type: ReturnType<typeof named>) => ({ name, type, required: false });

export const QUERY_BASE: TrueClass = {
  kind: "class",
  name: "QueryBase",
  builtin: true,
  properties: [
    prop("Skip", nullable(named("int"))),
    prop("Take", nullable(named("int"))),
    prop("OrderBy", str),
    prop("OrderByDesc", str),
    prop("Include", str),
    prop("Fields", str),
    prop("Meta", dictOf(str, str)),
  ],
};

export const QUERY_DB: TrueClass = {
  kind: "class",
  name: "QueryDb",
  genericParams: ["T"],
  base: named("QueryBase"),
  builtin: true,
  properties: [],
};

export const QUERY_RESPONSE: TrueClass = {
  kind: "class",
  name: "QueryResponse",
  genericParams: ["T"],
  builtin: true,
  properties: [
    prop("Offset", named("int")),
    prop("Total", named("int")),
    prop("Results", listOf(named("T"))),
    prop("Meta", dictOf(str, str)),
    prop("ResponseStatus", named("ResponseStatus")),
  ],
};

/** Built-ins ssgen supplies itself (spec §8.2) and never expects a table for. */
export const SUPPLIED_BUILTINS = new Set(["QueryDb", "ResponseStatus", "ResponseError"]);
