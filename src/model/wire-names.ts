// §5.5: each property's wire name, from the keys of the sample objects the walk matched it with,
// and what those objects show besides (sample kinds, keys no property explains).
import type { Diagnostic, SampleBody, SampleNode, WireCase } from "./types.js";
import { wireNameFor } from "./wire-case.js";
import { pascalCase, sampleKindOf } from "./infer.js";
import { forEachObject, keyOf, objectKeys, type WalkedType } from "./walk/index.js";

/** Sample object nodes that may vote: JSON and JSV bodies (XML always uses C# names). */
export function voteableObjects(...bodies: SampleBody[]): Set<SampleNode> {
  const out = new Set<SampleNode>();
  for (const b of bodies) if (b.syntax === "json" || b.syntax === "jsv") forEachObject([b.value], (obj) => void out.add(obj));
  return out;
}

/** Per property of t: the sample key it matches case-insensitively (§5.5), if any. */
export function sampleKeys(t: WalkedType, obj: SampleNode | undefined): (string | undefined)[] {
  const props = t.model.properties ?? [];
  if (!obj || obj.kind !== "object") return props.map(() => undefined);
  const first = objectKeys(obj).first;
  const keys = propertyKeys(t);
  return keys.map((k) => first.get(k)?.[0]);
}

function propertyKeys(t: WalkedType): string[] {
  return t.propertyKeys ?? (t.model.properties ?? []).map((p) => keyOf(p.name));
}

export function applyWireNames(t: WalkedType, wireCase: WireCase, keys: (string | undefined)[]): void {
  (t.model.properties ?? []).forEach((p, k) => {
    p.wireName = wireNameFor(p.name, wireCase, keys[k]);
  });
}

/** sampleKind of each property of t whose key is in its sample object (§7.3 evidence for tableless names). */
export function applySampleKinds(t: WalkedType, obj: SampleNode): void {
  if (obj.kind !== "object") return;
  const first = objectKeys(obj).first;
  const keys = propertyKeys(t);
  (t.model.properties ?? []).forEach((p, k) => {
    const kind = sampleKindOf(first.get(keys[k]!)?.[1]);
    if (kind) p.sampleKind = kind;
  });
}


/** The AutoQuery bases no page shows a table for; each extends QueryBase. */
const TABLELESS_QUERY_BASES: ReadonlySet<string> = new Set(["QueryDb", "QueryData"]);

/** Keys of a checked sample object that no property of its chain explains: probably [DataMember(Name)]. */
export function unmatchedKeys(types: WalkedType[], explained: ReadonlyMap<SampleNode, ReadonlySet<string>>): Diagnostic[] {
  const byName = new Map(types.map((t) => [t.model.name, t]));
  const out: Diagnostic[] = [];
  for (const t of types) {
    if (!t.sample || t.sample.kind !== "object" || t.model.role === "base") continue;
    const names: ReadonlySet<string>[] = [];
    let w: WalkedType | undefined = t;
    for (let depth = 0; w && depth < 64; depth++) {
      names.push(w.propertyKeySet ?? new Set(propertyKeys(w)));
      const base: string | undefined = w.model.base?.replace(/<.*$/, "");
      // QueryDb<T> and QueryData<T> have no table: their members are QueryBase's (spec §5.3 AutoQuery)
      w = base ? byName.get(base) ?? (TABLELESS_QUERY_BASES.has(base) ? byName.get("QueryBase") : undefined) : undefined;
    }
    const keys = objectKeys(t.sample).entries;
    for (let k = 0; k < keys.length; k++) {
      const key = t.sample.entries[k]![0];
      if (!names.some((set) => set.has(keys[k]!)) && !explained.get(t.sample)?.has(key)) {
        out.push({ code: "W_SAMPLE_KEY_UNMATCHED", detail: `${key} in the ${t.model.name} sample` });
      }
    }
  }
  return out;
}

/** Pairs for pages without tables: the key against its own PascalCase name. */
export function keyPairs(body: SampleBody): { name: string; key: string }[] {
  if (body.syntax !== "json" && body.syntax !== "jsv") return [];
  const out: { name: string; key: string }[] = [];
  forEachObject([body.value], (obj) => {
    for (const [k] of obj.entries) out.push({ name: pascalCase(k), key: k });
  });
  return out;
}
