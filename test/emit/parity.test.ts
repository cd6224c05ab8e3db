// Parity with ServiceStack's own /types/typescript (spec §7.4): --optional auto|legacy|all, a code
// view's own optional markers win, and required collections get `= []` / `= {}` initializers.
import { describe, expect, it } from "vitest";
import { emitDtos, prepareApi } from "../../src/emit/dtos.js";
import type { PropertyModel } from "../../src/model/types.js";
import { api, cls, op, options, props } from "./models.js";
import { typecheck } from "../helpers/tsc.js";
import { removeDir, tempDir, writeFiles } from "./support.js";

function model(extra: Partial<PropertyModel>[] = []) {
  const rows = props(
    "body",
    ["Name", "name", "string"],
    ["Code", "code", "string", true],
    ["Count", "count", "int"],
    ["Limit", "limit", "int?"],
    ["Tags", "tags", "List<string>", true],
    ["Meta", "meta", "Dictionary<string,string>", true],
    ["Notes", "notes", "List<string>"],
  ).map((p, i) => ({ ...p, ...(extra[i] ?? {}) }));
  return api([op("Save", "void")], [cls("Save", rows, { role: "request" }), cls("Search", props("query", ["Ids", "ids", "List<int>", true]), { role: "request", base: "QueryDb<Save>" })]);
}

function lines(optional: "auto" | "all" | "legacy", extra: Partial<PropertyModel>[] = []): string[] {
  const m = model(extra);
  const text = emitDtos(m, options({ optional }), prepareApi(m)).text;
  const body = text.slice(text.indexOf("export class Save"), text.indexOf("public constructor", text.indexOf("export class Save")));
  // the printer's own spacing of type literals is not what this test is about
  return body.split("\n").map((l) => l.trim().replace(/;\s*\}/g, " }")).filter((l) => l.startsWith("public "));
}

describe("optional markers and initializers", () => {
  it("auto: the current generator's rule, and required collections initialised", () => {
    expect(lines("auto")).toEqual([
      "public name?: string;",
      "public code!: string;",
      "public count!: number;",
      "public limit?: number;",
      "public tags: string[] = [];",
      "public meta: { [index: string]: string } = {};",
      "public notes?: string[];",
    ]);
  });

  it("legacy: ServiceStack v5-v8 put `?` only on Nullable<T>, and wrote no initializers", () => {
    expect(lines("legacy")).toEqual([
      "public name!: string;",
      "public code!: string;",
      "public count!: number;",
      "public limit?: number;",
      "public tags!: string[];",
      "public meta!: { [index: string]: string };",
      "public notes!: string[];",
    ]);
  });

  it("all: every property optional", () => {
    expect(lines("all").every((l) => l.includes("?:"))).toBe(true);
  });

  it("a code view's own markers and initializers win over auto and legacy", () => {
    const view: Partial<PropertyModel>[] = [{ optional: false }, { optional: true }, {}, { optional: false }, {}, {}, { optional: false, initializer: "[]" }];
    for (const mode of ["auto", "legacy"] as const) {
      const l = lines(mode, view);
      expect(l[0]).toBe("public name!: string;");
      expect(l[1]).toBe("public code?: string;");
      expect(l[3]).toBe("public limit!: number;");
      expect(l[6]).toBe("public notes: string[] = [];");
    }
  });

  it("AutoQuery requests get no initializers, and the output type-checks", async () => {
    const m = model();
    const text = emitDtos(m, options(), prepareApi(m)).text;
    expect(text).toMatch(/public ids!: number\[\];/);
    const dir = await tempDir("parity");
    await writeFiles(dir, [{ path: "dtos.ts", content: text }]);
    await typecheck(dir);
    await removeDir(dir);
  });
});
