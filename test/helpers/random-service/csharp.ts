// C# type trees for the generator: constructors, the canonical form of spec §7.2, the display form
// a page prints (§7.1: aliases at the top level only, CLR names and Nullable<> when nested), and
// refType of the §4 walk.
import type { TypeRef } from "../../../src/model/types.js";

export const named = (name: string, ...args: TypeRef[]): TypeRef => ({ kind: "named", name, args });
export const listOf = (t: TypeRef): TypeRef => named("List", t);
export const arrayOf = (t: TypeRef): TypeRef => ({ kind: "array", element: t });
export const nullable = (t: TypeRef): TypeRef => ({ kind: "nullable", inner: t });
export const dictOf = (k: TypeRef, v: TypeRef): TypeRef => named("Dictionary", k, v);

export const ALIAS_TO_CLR: Readonly<Record<string, string>> = {
  string: "String", bool: "Boolean", byte: "Byte", sbyte: "SByte", short: "Int16", int: "Int32",
  long: "Int64", ushort: "UInt16", uint: "UInt32", ulong: "UInt64", float: "Single", double: "Double",
  decimal: "Decimal", object: "Object", char: "Char",
};
export const NUMERIC = new Set(["byte", "sbyte", "short", "int", "long", "ushort", "uint", "ulong", "float", "double", "decimal"]);
const VALUE_STRUCTS = new Set(["DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan", "Guid"]);
const COLLECTIONS = new Set(["List", "IList", "IEnumerable", "ICollection", "HashSet", "Queue", "Stack"]);
const DICTIONARIES = new Set(["Dictionary", "IDictionary"]);
/** Names that never get a table (§4 rule 3). */
export const SYSTEM = new Set([
  ...Object.keys(ALIAS_TO_CLR), ...Object.values(ALIAS_TO_CLR), ...VALUE_STRUCTS, ...COLLECTIONS, ...DICTIONARIES,
  "Uri", "Type", "Stream", "Nullable", "KeyValuePair", "Tuple",
]);
/** Hidden by default (§4 rule 4): the row stays, the table does not appear. */
export const HIDDEN = new Set(["ResponseStatus", "ResponseError"]);

export function canonical(t: TypeRef): string {
  switch (t.kind) {
    case "named":
      return t.args.length ? `${t.name}<${t.args.map(canonical).join(",")}>` : t.name;
    case "array":
      return `${canonical(t.element)}[]`;
    case "nullable":
      return `${canonical(t.inner)}?`;
  }
}

/**
 * As a Data Type cell shows it (§7.1): aliases at the top level and in its own generic arguments,
 * CLR names deeper, and Nullable<X> inside any argument list: `Dictionary<string, List<Int32>>`.
 */
export function display(t: TypeRef, depth = 0): string {
  switch (t.kind) {
    case "named": {
      const name = depth <= 1 ? t.name : (ALIAS_TO_CLR[t.name] ?? t.name);
      return t.args.length ? `${name}<${t.args.map((a) => display(a, depth + 1)).join(", ")}>` : name;
    }
    case "array":
      return `${display(t.element, depth)}[]`;
    case "nullable":
      return depth === 0 ? `${display(t.inner, 0)}?` : `Nullable<${display(t.inner, depth + 1)}>`;
  }
}

export const isCollection = (t: TypeRef): boolean => t.kind === "array" || (t.kind === "named" && COLLECTIONS.has(t.name));
export const isDictionary = (t: TypeRef): boolean => t.kind === "named" && DICTIONARIES.has(t.name);
export const isValueStruct = (name: string): boolean => NUMERIC.has(name) || name === "bool" || name === "char" || VALUE_STRUCTS.has(name);

/** A type that can have a table: not System, not hidden. */
export const isCandidate = (name: string): boolean => !SYSTEM.has(name) && !HIDDEN.has(name);

/** refType(p) of §4: the type itself if a candidate, else its first-level candidate generic args, else X of X[]. */
export function refTypes(t: TypeRef): TypeRef[] {
  const core = t.kind === "nullable" ? t.inner : t;
  if (core.kind === "array") {
    const e = core.element.kind === "nullable" ? core.element.inner : core.element;
    return e.kind === "named" && isCandidate(e.name) ? [e] : [];
  }
  if (core.kind !== "named") return [];
  if (isCandidate(core.name)) return [core];
  return core.args
    .map((a) => (a.kind === "nullable" ? a.inner : a))
    .filter((a): a is Extract<TypeRef, { kind: "named" }> => a.kind === "named" && isCandidate(a.name));
}

/** Replace generic parameters by arguments (`List<T>` with T=Customer -> `List<Customer>`). */
export function substitute(t: TypeRef, map: ReadonlyMap<string, TypeRef>): TypeRef {
  switch (t.kind) {
    case "named":
      return !t.args.length && map.has(t.name) ? map.get(t.name)! : { ...t, args: t.args.map((a) => substitute(a, map)) };
    case "array":
      return { kind: "array", element: substitute(t.element, map) };
    case "nullable":
      return { kind: "nullable", inner: substitute(t.inner, map) };
  }
}

/** camel(s) of spec §5.5 rule 4. */
export function camel(s: string): string {
  let run = 0;
  while (run < s.length && /[A-Z]/.test(s[run]!)) run++;
  if (run === 0) return s;
  if (run === s.length) return s.toLowerCase();
  // the run's last letter stays upper-case when a lower-case letter follows and it is not the first
  const keep = run > 1 && /[a-z]/.test(s[run]!) ? run - 1 : run;
  return s.slice(0, keep).toLowerCase() + s.slice(keep);
}
