// Params rows of the flat layout (spec §5.1): `{Name}{Parameter}{Data Type}{Yes|No}{Description}`
// with the cells run together. A row can have several readings: a name may embed a Parameter keyword
// (`UniformDue` + `form` + `DateTime?` also reads as `Uni` + `form` + `DueformDateTime?`) and a type
// name may embed Yes/No (`ShipmentNote` + `Yes` also reads as `Shipment` + `No` + `teYes`). Every
// reading is listed (bounded work per row); the page then picks the one whose cells are possible:
// a Data Type made of types the page knows, the Parameter spec §2.4 gives that name in that table,
// a name the samples show.
import { ALIASES, isSystemTypeName, tryParseCSharpType } from "../csharp-type.js";
import type { TypeRef } from "../model/types.js";

export interface FlatSplit {
  name: string;
  param: string;
  type: string;
  required: boolean;
  rest?: string;
}

const PARAM_KEYWORDS = ["path", "query", "body", "form", "header"] as const;
const MAX_NAME = 128;
const MAX_TYPE = 200;
const IDENT_CHAR = /[A-Za-z0-9_]/;

function typeStartsWell(type: string): boolean {
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(type);
  if (!m) return false;
  return /^[A-Z]/.test(m[0]) || ALIASES.has(m[0]);
}

function parseType(type: string): TypeRef | undefined {
  // blanks only where pages print them: after `,` or `<`, before `>`
  if (/\s/.test(type.replace(/([,<])\s+/g, "$1").replace(/\s+>/g, ">"))) return undefined;
  return typeStartsWell(type) ? tryParseCSharpType(type) : undefined;
}

/**
 * Every reading of a flat params row: for each Parameter keyword (leftmost first; only `form` in
 * non-request tables, §2.4) that has a name before it, each Data Type (§7.1) followed by Yes/No
 * (the row-final Yes/No first, then left to right).
 */
export function flatRowSplits(line: string, requestTable: boolean): FlatSplit[] {
  const keywords = requestTable ? PARAM_KEYWORDS : (["form"] as const);
  const out: FlatSplit[] = [];
  if (!/^[A-Za-z_]/.test(line)) return out;
  const identEnd = Math.min(line.length, MAX_NAME + 1);
  for (let i = 1; i < identEnd && IDENT_CHAR.test(line[i - 1]!); i++) {
    for (const kw of keywords) {
      if (!line.startsWith(kw, i)) continue;
      for (const split of typeAndRequired(line, i + kw.length)) out.push({ name: line.slice(0, i), param: kw, ...split });
    }
  }
  return out;
}

function typeAndRequired(line: string, t: number): Omit<FlatSplit, "name" | "param">[] {
  const out: Omit<FlatSplit, "name" | "param">[] = [];
  // Row-final Yes/No: an empty description.
  let final = -1;
  for (const word of ["Yes", "No"]) {
    const e = line.length - word.length;
    if (e > t && e - t <= MAX_TYPE && line.endsWith(word) && parseType(line.slice(t, e))) {
      out.push({ type: line.slice(t, e), required: word === "Yes" });
      final = e;
    }
  }
  const limit = Math.min(line.length, t + MAX_TYPE + 1);
  for (let j = t + 1; j < limit; j++) {
    if (j === final) continue;
    const word = line.startsWith("Yes", j) ? "Yes" : line.startsWith("No", j) ? "No" : undefined;
    if (!word) continue;
    const type = line.slice(t, j);
    if (parseType(type)) {
      const rest = line.slice(j + word.length).trim();
      out.push({ type, required: word === "Yes", ...(rest ? { rest } : {}) });
    }
  }
  return out;
}

/** What the page tells about a table's rows. */
export interface RowContext {
  /** The op's request table: any Parameter keyword is possible. */
  request: boolean;
  /** Type names the page shows a table for, and the generic parameters of its captions. */
  known: ReadonlySet<string>;
  /** Sample keys, lower case, `_` removed. */
  sampleKeys: ReadonlySet<string>;
  /** The op's routes (spec §2.4), when the page shows its route lines. */
  routes?: RouteFacts;
}

export interface RouteFacts {
  /** The op has at least one declared route. */
  any: boolean;
  /** Some route lists POST or PUT (`All Verbs` does not count). */
  postOrPut: boolean;
  /** `{Var}` names of every route, lower case. */
  vars: ReadonlySet<string>;
}

/** Types every page may name without a table (§4 rules 3 and 4, §5.3 known-tableless). */
const TABLELESS = new Set(["ResponseStatus", "ResponseError", "QueryDb", "QueryData", "QueryBase", "QueryResponse"]);

function knownType(ref: TypeRef, known: ReadonlySet<string>): boolean {
  switch (ref.kind) {
    case "array":
      return knownType(ref.element, known);
    case "nullable":
      return knownType(ref.inner, known);
    case "named":
      return (isSystemTypeName(ref.name) || TABLELESS.has(ref.name) || known.has(ref.name)) && ref.args.every((a) => knownType(a, known));
  }
}

/** The Parameter spec §2.4 prints for a request property without [ApiMember(ParameterType)]. */
function expectedParam(name: string, routes: RouteFacts): string {
  if (!routes.any) return "query";
  if (routes.vars.has(name.toLowerCase())) return "path";
  return routes.postOrPut ? "body" : "query";
}

/** How possible a reading is; compared field by field, higher first. */
function score(s: FlatSplit, ctx: RowContext): [number, number, number] {
  const ref = tryParseCSharpType(s.type);
  const known = ref !== undefined && knownType(ref, ctx.known) ? 1 : 0;
  // outside the request table only `form` was read; inside it the §2.4 value, else an [ApiMember] override (header most often)
  const param = !ctx.request || !ctx.routes ? 2 : s.param === expectedParam(s.name, ctx.routes) ? 2 : s.param === "header" ? 1 : 0;
  const key = ctx.sampleKeys.has(s.name.toLowerCase().replace(/_/g, "")) ? 1 : 0;
  return [known, param, key];
}

export interface RowChoice {
  pick: FlatSplit;
  /** Readings as possible as the pick with other cells: the pick is a guess (W_FLAT_SPLIT). */
  rivals: FlatSplit[];
}

/**
 * The most possible reading. Among equals: the leftmost name (spec §5.1); for one name, the longest
 * Data Type the page knows (`ShipmentNote`, not `Shipment` + `No` + `te…`), else the row-final
 * Yes/No, else the first.
 */
export function chooseSplit(splits: readonly FlatSplit[], ctx: RowContext): RowChoice | undefined {
  let best: { s: FlatSplit; sc: [number, number, number] } | undefined;
  const scored = splits.map((s) => ({ s, sc: score(s, ctx) }));
  for (const c of scored) {
    if (!best) {
      best = c;
      continue;
    }
    const d = compare(c.sc, best.sc);
    if (d > 0 || (d === 0 && c.s.name === best.s.name && c.sc[0] === 1 && c.s.type.length > best.s.type.length)) best = c;
  }
  if (!best) return undefined;
  const top = best;
  const rivals = scored
    .filter((c) => c !== top && compare(c.sc, top.sc) === 0 && (c.s.name !== top.s.name || c.s.type !== top.s.type || c.s.required !== top.s.required))
    .filter((c) => !(c.s.name === top.s.name && top.sc[0] === 1))
    .map((c) => c.s);
  return { pick: top.s, rivals };
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
