// The walk's rules for tables (spec §5.3, §4.1): which table a reference may take, how a base or
// the response is named, which tables are responses, and whether the first table is the request.
import type { SampleNode } from "../types.js";
import type { WalkInput } from "./index.js";
import { accessValue, objectKeys } from "./sample-access.js";
import { HIDDEN, knownTableless, type Ref, type Table } from "./tables.js";
import type { Slot } from "./reading.js";

/** The name a table has before the walk places it: its caption, else the name the solve identified. */
export function knownName(input: WalkInput, tb: Table): string | undefined {
  return tb.caption ?? input.names?.[tb.index];
}

/**
 * A reference X may take table tb: with captions only the table captioned X (base name and arity);
 * a table the solve identified only X of that name, and X, once identified, no other table.
 */
export function fitsTable(input: WalkInput, tb: Table, x: Ref): boolean {
  if (input.captions && tb.caption !== undefined) {
    return tb.caption === x.name && (tb.captionParams?.length ?? 0) === x.arity;
  }
  const known = input.names?.[tb.index];
  if (known !== undefined) return known === x.name;
  if (input.unreferenced?.has(tb.index)) return false;
  if (input.identified?.has(x.name)) return false;
  if (HIDDEN.has(x.name)) return tb.signature === x.name;
  if (tb.kind === "params" && input.valueTypes?.has(x.name)) return false;
  return input.mayBe?.(x.name, tb.index) ?? true;
}

/** The name and naming of a table taken as a base. */
export function baseNaming(input: WalkInput, tb: Table, derived: string, into: Naming = { name: "", naming: "inferred" }): Naming {
  if (tb.caption) return named(into, tb.caption, "caption");
  const known = input.names?.[tb.index];
  if (known !== undefined) return named(into, known, "reference");
  if (tb.signature === "QueryBase") return named(into, "QueryBase", "signature");
  return named(into, `${derived}Base`, "inferred");
}

export interface Naming {
  name: string;
  naming: Slot["naming"];
}

export function named(into: Naming, name: string, naming: Slot["naming"]): Naming {
  into.name = name;
  into.naming = naming;
  return into;
}

/** The distinct names a table's own rows reference that could be a class (not System, hidden or an interface). */
export function selfReferences(tb: Table): Ref[] {
  const out: Ref[] = [];
  for (const { x } of tb.refList) if (x.arity === 0 && !knownTableless(x.name) && !out.some((o) => o.name === x.name)) out.push(x);
  return out;
}

/** The sample values of the table's references to `name` could be objects of the table itself. */
export function selfConsistent(tb: Table, name: string, obj: SampleNode | undefined): boolean {
  for (const { row, x } of tb.refList) {
    if (x.name !== name) continue;
    const v = accessValue(obj, row, x.access);
    if (!v || v.kind === "null") continue;
    if (v.kind !== "object") return false;
    for (const k of objectKeys(v).set) if (!tb.keys.has(k)) return false;
  }
  return true;
}

/**
 * Half a point against a response captioned `…Request` (`AuditedRequest`): where a request base
 * whose members are all null in the samples and a response with that base explain a page equally
 * (the page would be the same), the names decide, and DTOs are named for their role. Never more
 * than a tie-break: every other score step is a whole point.
 */
export const REQUEST_NAMED_RESPONSE = 0.5;
/**
 * Without captions, half a point against a second generic argument after QueryBase: `QueryDb<From, Into>`
 * and `QueryDb<T>` whose T has a base explain such a page equally, and the rows cannot show which; the
 * second is the common DTO. Never more than a tie-break.
 */
export const SECOND_ARGUMENT = 0.5;
export function requestNamed(tb: Table, input: WalkInput): boolean {
  return input.captions && tb.caption !== undefined && /Request\d*$/.test(tb.caption) && tb.caption !== input.operation;
}

/** With captions the op's own `<Op>Response` and ServiceStack's QueryResponse<T> are responses, never bases or arguments. */
export function captionedResponse(tb: Table, input: WalkInput): boolean {
  if (!input.captions || tb.caption === undefined) return false;
  // caption === `${operation}Response`, without building that string at every node of the search
  const c = tb.caption;
  const op = input.operation;
  return c === "QueryResponse" || (c.length === op.length + 8 && c.endsWith("Response") && c.startsWith(op));
}

/**
 * A void, collection or raw response has no table (page.ts: noResponseTable), except a table
 * captioned as a response: then the page was cut after its request sample.
 */
export function responseMayTake(tb: Table, input: WalkInput): boolean {
  return !input.voidResponse || captionedResponse(tb, input);
}

export function decideRequest(tables: Table[], input: WalkInput): boolean {
  const p0 = tables[0];
  if (!p0 || p0.kind !== "params") return false;
  if (input.captions && p0.caption !== undefined) {
    return p0.caption.toLowerCase() === input.operation.toLowerCase();
  }
  // §2.4: only request tables show anything but `form` (path, query, body, or an [ApiMember] ParameterType such as header)
  if (p0.rows.some((r) => r.raw.param !== "" && !/^form$/i.test(r.raw.param))) return true;
  // QueryBase's rows first: the base of a prop-less AutoQuery request (QueryDb<T>, §4 rule 2), whose
  // sample holds exactly those keys
  if (p0.signature === "QueryBase") return false;
  const rq = input.request;
  if (!rq || rq.kind !== "object" || rq.entries.length === 0) return false;
  const present = objectKeys(rq).set;
  const c1 = rq.truncated || p0.required.every((k) => present.has(k));
  if (!c1) return false;
  for (const k of present) if (!p0.keys.has(k)) return false;
  return true;
}

/** Per table, the Results row's single reference of the first QueryResponse table after it (null: none). */
export function resultsRefs(tables: readonly Table[]): (Ref | null)[] {
  const out: (Ref | null)[] = new Array(tables.length).fill(null);
  let next: Ref | null = null;
  for (let i = tables.length - 1; i >= 0; i--) {
    out[i] = next;
    const tb = tables[i]!;
    if (tb.signature !== "QueryResponse") continue;
    const refs = tb.rows.find((r) => r.raw.name === "Results")?.refs ?? [];
    next = refs.length === 1 && refs[0]!.arity === 0 ? refs[0]! : null;
  }
  return out;
}
