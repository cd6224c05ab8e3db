// The JSON sample bodies of spec §2.8: example values, inherited members inside the derived object,
// null members omitted (nullable value types, types that could not be constructed).
import type { TypeRef } from "../../../src/model/types.js";
import { camel, isCollection, isDictionary, NUMERIC, substitute } from "./csharp.js";
import { baseName } from "./generate.js";
import type { TrueClass, TrueOperation, TrueService } from "./service.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MAX_DEPTH = 4;
const SCALAR_EXAMPLES: Readonly<Record<string, Json>> = {
  string: "String", char: "S", bool: false, DateTime: "0001-01-01T00:00:00.0000000", DateTimeOffset: "0001-01-01T00:00:00.0000000+00:00",
  Guid: "00000000000000000000000000000000", TimeSpan: "PT0S", object: {},
};

export function wireKey(service: TrueService, name: string): string {
  return service.wireCase === "camel" ? camel(name) : name;
}

function responseStatus(service: TrueService): Json {
  const k = (n: string) => wireKey(service, n);
  const meta = { String: "String" };
  return {
    [k("ErrorCode")]: "String", [k("Message")]: "String", [k("StackTrace")]: "String",
    [k("Errors")]: [{ [k("ErrorCode")]: "String", [k("FieldName")]: "String", [k("Message")]: "String", [k("Meta")]: meta }],
    [k("Meta")]: meta,
  };
}

/**
 * Names of the classes whose sample objects show inherited members (evidence for their base, §5.3),
 * collected while building samples when a caller asks.
 */
export type Witness = Set<string>;

/** The example value of a type, or undefined when the server omits it. */
export function exampleValue(service: TrueService, t: TypeRef, stack: readonly string[] = [], witness?: Witness): Json | undefined {
  if (t.kind === "nullable") return undefined;
  if (t.kind === "array" || isCollection(t)) {
    const element = t.kind === "array" ? t.element : t.args[0]!;
    const v = exampleValue(service, element, stack, witness);
    return v === undefined ? undefined : [v];
  }
  if (isDictionary(t) && t.kind === "named") {
    const key = t.args[0]!;
    const v = exampleValue(service, t.args[1]!, stack, witness);
    if (v === undefined) return undefined;
    const k = key.kind === "named" && NUMERIC.has(key.name) ? "0" : "String";
    return { [k]: v };
  }
  if (t.kind !== "named") return undefined;
  if (NUMERIC.has(t.name)) return 0;
  if (t.name in SCALAR_EXAMPLES) return SCALAR_EXAMPLES[t.name]!;
  if (t.name === "ResponseStatus") return responseStatus(service);
  const def = service.types.get(t.name);
  if (!def) return undefined;
  if (def.kind === "enum") {
    const first = def.members[0]!;
    return def.valued === "int" ? Number(first.value) : def.valued === "member" ? first.value! : first.name;
  }
  return objectOf(service, def, t.args, stack, witness);
}

/** Own members first, then each base's (spec §2.8: inherited members live inside the derived object). */
export function objectOf(service: TrueService, def: TrueClass, args: readonly TypeRef[], stack: readonly string[] = [], witness?: Witness): Json | undefined {
  if (stack.includes(def.name) || stack.length >= MAX_DEPTH) return undefined;
  const inner = [...stack, def.name];
  const out: { [key: string]: Json } = {};
  let map = new Map((def.genericParams ?? []).map((p, i) => [p, args[i]!]));
  for (let t: TrueClass | undefined = def; t; ) {
    for (const p of t.properties) {
      const v = exampleValue(service, substitute(p.type, map), inner, witness);
      if (v === undefined) continue;
      out[wireKey(service, p.name)] = v;
      if (t !== def) witness?.add(def.name);
    }
    if (!t.base) break;
    const base = substitute(t.base, map);
    const next = service.types.get(baseName(base)) as TrueClass | undefined;
    map = new Map((next?.genericParams ?? []).map((p, i) => [p, (base as { args: TypeRef[] }).args[i]!]));
    t = next;
  }
  return out;
}

export interface SampleRequest {
  verb: string;
  url: string;
  /** JSON text; absent for GET/DELETE (no body). */
  body?: string;
}

/** The sample request line of §2.8 (not the preferred verb) and its body. */
export function sampleRequest(service: TrueService, op: TrueOperation, witness?: Witness): SampleRequest {
  let verb = "POST";
  let url = `/json/${op.response === "void" ? "oneway" : "reply"}/${op.name}`;
  if (op.routes.length) {
    const all = op.routes.some((r) => r.verbs === "*");
    const verbs = new Set(op.routes.flatMap((r) => (r.verbs === "*" ? [] : r.verbs)));
    verb = all ? "POST" : (["POST", "PUT", "PATCH", "GET", "DELETE"].find((v) => verbs.has(v)) ?? "POST");
    url = (op.routes.find((r) => r.verbs === "*" || r.verbs.includes("POST")) ?? op.routes[0]!).path;
  }
  if (verb === "GET" || verb === "DELETE") return { verb, url };
  const request = service.types.get(op.name) as TrueClass;
  return { verb, url, body: JSON.stringify(objectOf(service, request, [], [], witness) ?? {}) };
}

/** The response body as JSON text, or undefined for a void op (no response block). */
export function sampleResponse(service: TrueService, op: TrueOperation, witness?: Witness): string | undefined {
  if (op.response === "void") return undefined;
  return JSON.stringify(exampleValue(service, op.response, [], witness) ?? {});
}
