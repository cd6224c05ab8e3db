// Whether a sample object can be an object of a type: its keys are members of the type's whole base
// chain (inherited members live inside the derived object, §4.1), it omits only what a sample can
// omit (§2.8: null members), and each value has the shape of its member's type (an array for a
// collection, a member name for an enum). The chains are resolved through a TypeLookup, so a
// hypothesis (element-bases.ts) can replace some models.
import type { PropertyModel, SampleNode, TypeRef } from "../types.js";
import { NUMERIC_ALIASES, cachedCSharpType, isCollectionName, isDictionaryName, isSystemTypeName } from "../../csharp-type.js";
import { sampleKindOf, scalarType } from "../infer.js";
import { isC1Type, keyOf, objectKeys, type WalkedType } from "../walk/index.js";

/** How deep the value check follows nested objects (a sample is a tree; its first levels say enough). */
export const DEPTH = 3;
export const NONE: ReadonlySet<string> = new Set();

/** Types by name: a map, or a view of one with some models replaced (a hypothesis, element-bases.ts). */
export interface TypeLookup {
  get(name: string): WalkedType | undefined;
}

export interface Types {
  byName: TypeLookup;
}

/** keyOf() of each class's own property names, by its properties array (stale with the indexes). */
let memberKeys = new WeakMap<readonly PropertyModel[], ReadonlySet<string>>();

/** The memoised member keys are stale: a code view was overlaid on the models. */
export function forgetMemberKeys(): void {
  memberKeys = new WeakMap();
}

/** keyOf() of each of the class's own property names (memoised by its properties array). */
export function ownKeys(t: WalkedType): ReadonlySet<string> {
  const props = t.model.properties ?? [];
  let keys = memberKeys.get(props);
  if (!keys) {
    keys = new Set(props.map((p) => keyOf(p.name)));
    memberKeys.set(props, keys);
  }
  return keys;
}

/** The member keys of t's whole chain, resolved as explains() resolves it (by `byName`). */
export function chainKeySet(t: WalkedType, byName: TypeLookup): Set<string> {
  const keys = new Set<string>();
  for (const w of chainOf(t, { byName })) for (const k of ownKeys(w)) keys.add(k);
  return keys;
}

/** t and its bases, as explains() resolves them (by `types`), each once (a cycle ends the chain). */
function chainOf(t: WalkedType | undefined, types: Types): WalkedType[] {
  const chain: WalkedType[] = [];
  const visited = new Set<string>();
  for (let w = t; w && !visited.has(w.model.name); w = baseOf(w, types)) {
    visited.add(w.model.name);
    chain.push(w);
  }
  return chain;
}

/**
 * The keys of t's chain whose member a sample object of t always shows (alwaysShown: explains()
 * is -1 for an untruncated object without one), of each key's first member as explains() meets it.
 */
export function shownKeys(t: WalkedType, byName: TypeLookup): Set<string> {
  const types: Types = { byName };
  const keys = new Set<string>();
  const seen = new Set<string>();
  for (const w of chainOf(t, types)) {
    for (const p of w.model.properties ?? []) {
      const k = keyOf(p.name);
      if (seen.has(k)) continue;
      seen.add(k);
      if (alwaysShown(p.type, types)) keys.add(k);
    }
  }
  return keys;
}

/** Whether the chain of the type named `c` (as explains() resolves it, by `byName`) visits `name`. */
export function chainVisits(c: string, name: string, byName: TypeLookup): boolean {
  return chainOf(byName.get(c), { byName }).some((w) => w.model.name === name);
}

/**
 * Whether some class of t's chain has a member with this key: explains() is -1 for an element
 * with a key no member of the chain has, so the classes with a base are tried only when this holds.
 */
export function chainHasKey(t: WalkedType, key: string, types: Types): boolean {
  return chainOf(t, types).some((w) => ownKeys(w).has(key));
}

/**
 * Members of the chain of `base` that a sample object of a type whose own members are `own` leaves
 * out, or -1 when that type cannot derive from `base`: the object holds a key neither explains, lacks
 * a member a sample always shows, shows a value of the wrong shape, or `base` would redeclare an own
 * member (spec §4.1: real DTOs do not hide inherited members).
 */
export function baseOmits(
  base: WalkedType,
  obj: SampleNode & { kind: "object" },
  byName: TypeLookup,
  own: ReadonlySet<string>,
): number {
  return explains(base, obj, { byName }, DEPTH, own);
}

/** What explains() notes along the way (elementCost): the types whose objects enclose this one, and the counts. */
export interface Tally {
  open: string[];
  nested: number;
  missing: number;
  loose: number;
}

/** Members of t's chain the object leaves out, or -1 when the object cannot be a t (with `own` members besides). */
export function explains(t: WalkedType, obj: SampleNode & { kind: "object" }, types: Types, depth: number, own: ReadonlySet<string> = NONE, tally?: Tally): number {
  const first = objectKeys(obj).first;
  const members = new Set<string>(own);
  const visited = new Set<string>();
  const top = tally?.open.length === 0;
  tally?.open.push(t.model.name);
  try {
    let omitted = 0;
    for (let w: WalkedType | undefined = t; w && !visited.has(w.model.name); w = baseOf(w, types)) {
      visited.add(w.model.name);
      for (const p of w.model.properties ?? []) {
        const k = keyOf(p.name);
        if (own.has(k)) return -1;
        if (members.has(k)) continue;
        members.add(k);
        const v = first.get(k)?.[1];
        if (v === undefined) {
          if (!obj.truncated && alwaysShown(p.type, types)) return -1;
          omitted++;
          if (top && !obj.truncated && built(cachedCSharpType(p.type), types, tally!.open)) tally!.missing++;
        } else if (!fits(cachedCSharpType(p.type), v, types, depth, tally)) return -1;
      }
    }
    for (const k of first.keys()) if (!members.has(k)) return -1;
    return omitted;
  } finally {
    tally?.open.pop();
  }
}

/**
 * Whether the server builds an example value of this type inside objects of the `open` types
 * (§2.8): scalars, enums, collections and dictionaries of such, table classes not open. Nullable
 * and unknown types (interfaces, external types) may be null.
 */
function built(ref: TypeRef | undefined, types: Types, open: readonly string[]): boolean {
  if (!ref || ref.kind === "nullable") return false;
  if (ref.kind === "array") return built(ref.element, types, open);
  if (isCollectionName(ref.name)) return ref.args.length === 1 && built(ref.args[0], types, open);
  if (isDictionaryName(ref.name)) return ref.args.length === 2 && built(ref.args[1], types, open);
  if (ref.args.length) return false;
  if (isSystemTypeName(ref.name)) return isC1Type(ref.name) || SHOWN_AS[ref.name] !== undefined;
  const t = types.byName.get(ref.name);
  if (t?.model.kind === "enum") return true;
  return t?.model.kind === "class" && !t.model.genericParams?.length && !open.includes(ref.name);
}

/**
 * A non-nullable scalar (number, bool, string, date, Guid, enum...) always has an example value
 * (§2.8); only nullable values and objects the sample could not construct are left out.
 */
function alwaysShown(type: string, types: Types): boolean {
  if (isC1Type(type)) return true;
  const ref = cachedCSharpType(type);
  if (ref?.kind !== "named" || ref.args.length) return false;
  if (isSystemTypeName(ref.name)) return SHOWN_AS[ref.name] !== undefined;
  return types.byName.get(ref.name)?.model.kind === "enum";
}

/** The value has the shape of the type (unknown types fit anything). */
function fits(ref: TypeRef | undefined, v: SampleNode, types: Types, depth: number, tally?: Tally): boolean {
  if (!ref || v.kind === "null") return true;
  if (ref.kind === "nullable") return fits(ref.inner, v, types, depth, tally);
  if (ref.kind === "array" && ref.element.kind === "named" && ref.element.name === "byte") return true; // base64 text
  if (ref.kind === "array") return v.kind === "array" && (v.items[0] === undefined || fits(ref.element, v.items[0], types, depth, tally));
  if (isCollectionName(ref.name)) return v.kind === "array" && (v.items[0] === undefined || fits(ref.args[0], v.items[0], types, depth, tally));
  if (isDictionaryName(ref.name)) {
    // one entry under a placeholder key (§2.8): its value has the value type's shape
    const value = v.kind === "object" ? v.entries[0]?.[1] : undefined;
    return v.kind === "object" && (value === undefined || fits(ref.args[1], value, types, depth, tally));
  }
  if (isSystemTypeName(ref.name)) {
    if (v.kind !== "scalar") return ref.name === "object" || ref.name === "Object";
    const ok = scalarFits(ref.name, v);
    if (ok && tally && ref.name === "string" && v.text !== "String") tally.loose++;
    return ok;
  }
  const t = types.byName.get(ref.name);
  if (!t) return true;
  if (t.model.kind === "enum") {
    if (v.kind !== "scalar") return false;
    // flags and valued enums may serialize as numbers or as several names; one name is a member's
    // name or, for [EnumMember] values, its value (§6: "Enums: member names")
    if (!/^[A-Za-z_]\w*$/.test(v.text)) return true;
    return t.model.members?.some((m) => m.name === v.text || (t.model.valued && m.value === v.text)) ?? true;
  }
  if (v.kind !== "object") return false;
  if (tally?.open.includes(t.model.name)) tally.nested++;
  return depth <= 0 || t.model.genericParams?.length || explains(t, v, types, depth - 1, NONE, tally) >= 0 ? true : false;
}

const SHOWN_AS: Readonly<Record<string, string>> = { DateTime: "DateTime", DateTimeOffset: "DateTime", DateOnly: "DateTime", Guid: "Guid", TimeSpan: "TimeSpan" };

/** A number for a number type, a boolean for bool, text for the rest (JSV leaves text unquoted). */
function scalarFits(name: string, v: SampleNode & { kind: "scalar" }): boolean {
  const kind = sampleKindOf(v);
  if (NUMERIC_ALIASES.has(name)) return kind === "number";
  if (name === "bool") return kind === "boolean";
  if (name === "object" || name === "Object") return true;
  if (kind !== "string") return false;
  // example values (§2.8): the minimum date, zero Guids, XSD durations
  const shown = SHOWN_AS[name];
  return shown === undefined || scalarType(v.text, v.quoted) === shown;
}

/** AutoQuery's QueryDb<T> / QueryData<T> have no table: their members are QueryBase's (§8.2). */
const QUERY_BASED: ReadonlySet<string> = new Set(["QueryDb", "QueryData"]);

export function baseOf(t: WalkedType, types: Types): WalkedType | undefined {
  const base = t.model.base;
  if (base === undefined) return undefined;
  const ref = cachedCSharpType(base);
  if (ref?.kind !== "named") return undefined;
  return types.byName.get(ref.name) ?? (QUERY_BASED.has(ref.name) ? types.byName.get("QueryBase") : undefined);
}
