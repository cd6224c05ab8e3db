// [DataMember(Name)] aliases recovered from samples (spec §5.5 rule 3). The tables show C# names;
// a sample key that matches no property of its object while one property has no key is that
// property's wire name (`sku_code` for `Sku`). Sending the C# name instead loses the value
// silently, so the pairing matters; it is made only when it is unique by JSON kind, else by
// position (a weak hint: JSON key order means nothing, §2.8), and always said in a warning.
import type { Diagnostic, SampleNode } from "./types.js";
import { NUMERIC_ALIASES, isCollectionName, isDictionaryName, tryParseCSharpType } from "../csharp-type.js";
import { keyOf, type WalkedType } from "./walk/index.js";

type Kind = "string" | "number" | "boolean" | "object" | "array";

const STRING_TYPES: ReadonlySet<string> = new Set([
  "string", "char", "Guid", "Uri", "Type", "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan",
]);

/** JSON kind a property of this C# type shows in a sample; undefined when it cannot be told. */
function kindOfType(type: string, enums: ReadonlySet<string>): Kind | undefined {
  let ref = tryParseCSharpType(type);
  if (!ref) return undefined;
  if (ref.kind === "nullable") ref = ref.inner;
  if (ref.kind === "array") return ref.element.kind === "named" && ref.element.name === "byte" ? "string" : "array";
  if (ref.kind !== "named") return undefined;
  if (STRING_TYPES.has(ref.name)) return "string";
  if (NUMERIC_ALIASES.has(ref.name)) return "number";
  if (ref.name === "bool") return "boolean";
  if (isCollectionName(ref.name)) return "array";
  if (isDictionaryName(ref.name)) return "object";
  if (enums.has(ref.name)) return "string";
  return ref.name === "object" ? undefined : "object";
}

function kindOfValue(v: SampleNode | undefined): Kind | undefined {
  if (!v || v.kind === "null") return undefined;
  if (v.kind !== "scalar") return v.kind;
  if (v.quoted) return "string";
  if (/^(true|false)$/i.test(v.text)) return "boolean";
  return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v.text) ? "number" : "string";
}

interface Slot {
  type: number;
  prop: number;
  kind: Kind | undefined;
  /** A sample always shows it: a string or a non-nullable scalar. */
  shown: boolean;
}

/**
 * Pairs unmatched sample keys with keyless properties, writing the exact key into `keys`
 * (per type, per property, as page.ts computed them). Returns the warnings and, per sample
 * object, the keys that are now explained.
 */
export function pairAliases(
  types: WalkedType[],
  keys: (string | undefined)[][],
): { diagnostics: Diagnostic[]; explained: Map<SampleNode, Set<string>> } {
  const diagnostics: Diagnostic[] = [];
  const explained = new Map<SampleNode, Set<string>>();
  const byName = new Map(types.map((t, i) => [t.model.name, i]));
  const enums = new Set(types.filter((t) => t.model.kind === "enum").map((t) => t.model.name));
  for (let ti = 0; ti < types.length; ti++) {
    const t = types[ti]!;
    const obj = t.sample;
    if (!obj || obj.kind !== "object" || obj.truncated || t.model.role === "base") continue;
    // the chain: the type and the bases whose members live in the same object
    const chain: number[] = [ti];
    for (let w = t, depth = 0; w.model.base && depth < 64; depth++) {
      const bi = byName.get(w.model.base.replace(/<.*$/, ""));
      // a base met earlier on the page (role reference) has its members in this object all the same
      if (bi === undefined || chain.includes(bi)) break;
      chain.push(bi);
      w = types[bi]!;
    }
    const known = new Set<string>();
    let anyKeyless = false;
    for (const ci of chain) {
      const c = types[ci]!;
      (c.model.properties ?? []).forEach((p, k) => {
        known.add(c.propertyKeys?.[k] ?? keyOf(p.name));
        if (keys[ci]![k] === undefined) anyKeyless = true;
      });
    }
    if (!anyKeyless) continue;
    const unmatched = obj.entries.filter(([key]) => !known.has(keyOf(key)));
    if (unmatched.length === 0) continue;
    // most objects stop here: only an unmatched key needs the keyless properties' kinds
    const keyless: Slot[] = [];
    for (const ci of chain) {
      (types[ci]!.model.properties ?? []).forEach((p, k) => {
        if (keys[ci]![k] !== undefined) return;
        const kind = kindOfType(p.type, enums);
        const shown = !p.type.endsWith("?") && (kind === "string" || kind === "number" || kind === "boolean");
        keyless.push({ type: ci, prop: k, kind, shown });
      });
    }
    const done = new Set<string>();
    const byKind = new Map<Kind, { keys: [string, SampleNode][]; slots: Slot[] }>();
    for (const entry of unmatched) {
      const kind = kindOfValue(entry[1]);
      if (!kind) continue;
      const group = byKind.get(kind) ?? { keys: [], slots: keyless.filter((s) => s.kind === kind) };
      group.keys.push(entry);
      byKind.set(kind, group);
    }
    for (const [, group] of byKind) {
      // null members are omitted from samples (§2.8): when too many properties lack a key, only
      // those a sample always shows (strings, non-nullable scalars) can own the alias
      if (group.slots.length > group.keys.length) group.slots = group.slots.filter((s) => s.shown);
      if (group.slots.length !== group.keys.length) continue;
      const byPosition = group.keys.length > 1;
      group.keys.forEach(([key], i) => {
        const slot = group.slots[i]!;
        const owner = types[slot.type]!;
        const prop = owner.model.properties![slot.prop]!;
        keys[slot.type]![slot.prop] = key;
        done.add(key);
        diagnostics.push({
          code: "W_ALIAS_FROM_SAMPLE",
          detail: `${owner.model.name}.${prop.name} is sent as "${key}" (a [DataMember(Name)] alias read from the ${t.model.name} sample${
            byPosition ? ", paired by position: a weak hint, since sample key order is not guaranteed" : ""
          })`,
        });
      });
    }
    if (done.size) explained.set(obj, done);
  }
  return { diagnostics, explained };
}
