// Table preparation for the walk parse (spec §5.3): each table's rows, the references the walk
// steps through, the well-known signatures, and which rows C1 needs a sample key for.
import type { RawEnumTable, RawParamsTable, RawTable, TypeRef } from "../types.js";
import {
  NUMERIC_ALIASES,
  canonicalType,
  formatType,
  isCollectionName,
  isDictionaryName,
  isSystemTypeName,
  tryParseCSharpType,
} from "../../csharp-type.js";

export const HIDDEN: ReadonlySet<string> = new Set(["ResponseStatus", "ResponseError"]);
export const WELL_KNOWN: ReadonlySet<string> = new Set(["QueryBase", "QueryResponse", "ResponseStatus", "ResponseError"]);

export type Access = "self" | "element" | "value" | "none";
export interface Ref {
  name: string;
  arity: number;
  access: Access;
}
export interface Row {
  raw: RawParamsTable["rows"][number];
  type: string;
  ref?: TypeRef;
  key: string;
  refs: Ref[];
}
export interface Table {
  index: number;
  kind: "params" | "enum";
  raw: RawTable;
  /** Bare caption name and its generic parameters. */
  caption?: string;
  captionParams?: string[];
  rows: Row[];
  /** Every reference of every row, flattened: the walk steps through these, never through scalar rows. */
  refList: { row: Row; x: Ref }[];
  signature?: "QueryBase" | "QueryResponse" | "ResponseStatus" | "ResponseError";
  /** Rows that C1 requires a sample key for. */
  required: string[];
  keys: Set<string>;
}

/** Sample keys and property names compare case-insensitively after the §5.5 mapping. */
export function keyOf(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    // the model asks for the same few thousand names again and again (every page, sample and vote)
    if (keys.size >= KEYS_LIMIT) keys.clear();
    key = (name.includes("_") ? name.replace(/_/g, "") : name).toLowerCase();
    keys.set(name, key);
  }
  return key;
}
const keys = new Map<string, string>();
/** Enough for a 5,000-op service's names and sample keys (fewer would be cleared again and again). */
const KEYS_LIMIT = 1 << 17;

export function refsOf(ref: TypeRef | undefined): Ref[] {
  if (!ref) return [];
  const unwrap = (r: TypeRef): TypeRef => (r.kind === "nullable" ? r.inner : r);
  const cand = (r: TypeRef): boolean => r.kind === "named" && !isSystemTypeName(r.name);
  const t = unwrap(ref);
  if (t.kind === "named" && cand(t)) return [{ name: t.name, arity: t.args.length, access: "self" }];
  if (t.kind === "named") {
    const out: Ref[] = [];
    t.args.forEach((a, i) => {
      const u = unwrap(a);
      if (u.kind !== "named" || !cand(u) || out.some((o) => o.name === u.name)) return;
      const access: Access = isCollectionName(t.name)
        ? "element"
        : isDictionaryName(t.name) && i === t.args.length - 1
          ? "value"
          : "none";
      out.push({ name: u.name, arity: u.args.length, access });
    });
    return out;
  }
  if (t.kind === "array") {
    const u = unwrap(t.element);
    return u.kind === "named" && cand(u) ? [{ name: u.name, arity: u.args.length, access: "element" }] : [];
  }
  return [];
}

export function isC1Type(type: string): boolean {
  return type === "string" || type === "bool" || type === "char" || NUMERIC_ALIASES.has(type);
}

export const SIGNATURE_NAMES: ReadonlySet<string> = new Set(
  ["Skip", "Take", "OrderBy", "OrderByDesc", "Offset", "Total", "Results", "ErrorCode", "Message", "StackTrace", "Errors", "FieldName"].map(
    (n) => n.toLowerCase(),
  ),
);

export function signatureOf(names: Set<string>): Table["signature"] {
  const has = (...n: string[]) => n.every((x) => names.has(x.toLowerCase()));
  if (has("Skip", "Take", "OrderBy", "OrderByDesc")) return "QueryBase";
  if (has("Offset", "Total", "Results")) return "QueryResponse";
  if (has("ErrorCode", "Message", "StackTrace", "Errors")) return "ResponseStatus";
  if (has("ErrorCode", "FieldName", "Message")) return "ResponseError";
  return undefined;
}

export function prepare(raw: RawTable, index: number, captions: boolean): Table {
  let caption: string | undefined;
  let captionParams: string[] | undefined;
  if (captions && raw.caption) {
    const ref = parseTypeText(raw.caption);
    if (ref && ref.kind === "named") {
      caption = ref.name;
      if (ref.args.length) captionParams = ref.args.map(formatType);
    } else caption = raw.caption.trim();
  }
  if (raw.kind === "enum") {
    return { index, kind: "enum", raw, caption, captionParams, rows: [], refList: [], required: [], keys: new Set() };
  }
  const rows: Row[] = [];
  const keys = new Set<string>();
  /** Lower-cased names that take part in a well-known signature (the only names signatureOf asks about). */
  const names = new Set<string>();
  const required: string[] = [];
  const refList: Table["refList"] = [];
  for (const r of raw.rows) {
    const facts = typeFacts(r.type);
    const key = keyOf(r.name);
    const row: Row = { raw: r, type: facts.type, ref: facts.ref, key, refs: facts.refs };
    rows.push(row);
    for (const x of facts.refs) refList.push({ row, x });
    keys.add(key);
    const lower = r.name.includes("_") ? r.name.toLowerCase() : key;
    if (SIGNATURE_NAMES.has(lower)) names.add(lower);
    if (facts.c1) required.push(key);
  }
  return { index, kind: "params", raw, caption, captionParams, rows, refList, signature: signatureOf(names), required, keys };
}

/** What a Data Type cell means to the walk; pages repeat a handful of type strings, so it is memoised. */
export interface TypeFacts {
  type: string;
  /** Shared between rows: never mutated (substitute() builds new refs). */
  ref?: TypeRef;
  refs: Ref[];
  c1: boolean;
}

export const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * tryParseCSharpType, skipping the grammar for a bare name that is no system type (most captions
 * and references): the grammar would return that name unchanged, with no arguments.
 */
export function parseTypeText(text: string): TypeRef | undefined {
  if (PLAIN_NAME.test(text) && !isSystemTypeName(text)) return { kind: "named", name: text, args: [] };
  return tryParseCSharpType(text);
}

export const TYPE_FACTS_LIMIT = 4096;
export const typeFactsCache = new Map<string, TypeFacts>();

export function typeFacts(text: string): TypeFacts {
  let facts = typeFactsCache.get(text);
  if (facts) return facts;
  const ref = parseTypeText(text);
  const type = ref ? formatType(ref) : canonicalType(text);
  facts = { type, ref, refs: refsOf(ref), c1: isC1Type(type) };
  // bounded: a crawl of many services must not grow it without limit
  if (typeFactsCache.size >= TYPE_FACTS_LIMIT) typeFactsCache.clear();
  typeFactsCache.set(text, facts);
  return facts;
}

/**
 * Names a Data Type shows as `X?` / `Nullable<X>`: value types (§7.4), so an enum or a struct, never
 * a class with a params table. Added to `into`.
 */
export function nullableNames(ref: TypeRef | undefined, into: Set<string>): void {
  if (!ref) return;
  if (ref.kind === "nullable") {
    if (ref.inner.kind === "named" && !isSystemTypeName(ref.inner.name)) into.add(ref.inner.name);
    nullableNames(ref.inner, into);
  } else if (ref.kind === "array") nullableNames(ref.element, into);
  else for (const a of ref.args) nullableNames(a, into);
}

/** Names whose missing table costs nothing (§5.3 score). */
export function knownTableless(name: string): boolean {
  return (
    isSystemTypeName(name) ||
    HIDDEN.has(name) ||
    name === "QueryDb" ||
    name === "QueryData" ||
    /^I[A-Z]/.test(name)
  );
}

/**
 * What identifies a table on every page (§4.1): its caption when it has one, else its rows
 * (`#` + name:type pairs, `!` for a required row, `="…"` for a described one, or the members of an enum),
 * which are the same on every page.
 */
export function tableKey(t: Table): string {
  if (t.caption !== undefined) return t.caption;
  if (t.kind === "enum") return "#enum:" + (t.raw as RawEnumTable).members.map((m) => m.name).join("|");
  // the Required and Description columns are the member's own ([ApiMember(IsRequired)], [Description], and the
  // description's Allowable Values and Valid Range), the same on every page: two tables that differ only in them
  // are two types (Invoice8's `Pathway` with Allowable Values, Room2's without, seed 1)
  return "#" + t.rows.map((r) => `${r.raw.name}:${r.type}${r.raw.required ? "!" : ""}${r.raw.description ? "=" + JSON.stringify(r.raw.description) : ""}${r.raw.allowableValues ? "~" + JSON.stringify(r.raw.allowableValues) : ""}${r.raw.range ? "~" + r.raw.range.join("..") : ""}`).join(",");
}
