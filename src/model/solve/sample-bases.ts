// Bases only a sample shows (spec §4.1, finding 3). A base seen before its derived type on every
// page gets no table after it, so no table order tells it; but inherited members are serialized
// inside the derived object (§2.8), so a sample object of T whose extra keys are exactly the
// members of one type B's chain says T : B. Captioned pages only: there a name is a type.
import type { PropertyModel, SampleNode } from "../types.js";
import type { WalkedType } from "../walk/index.js";
import { keyOf, objectKeys } from "../walk/index.js";
import { accessOf, entryOf } from "../walk/sample-access.js";
import { typeFacts, WELL_KNOWN, type Ref } from "../walk/tables.js";
import { baseOmits, chainKeySet, type TypeLookup } from "./explains.js";

export interface CaptionedPage {
  types: readonly WalkedType[];
  /** First table index of every name on the page. */
  first: ReadonlyMap<string, number>;
}

/** The sample objects of each type without a base, each with the keys its rows (and its derived types' rows down to the object's type) explain. */
export interface SampleObjects {
  samples: Map<string, { obj: SampleObject; own: ReadonlySet<string> }[]>;
  /** The types some object shows with keys those rows do not explain. */
  evidence: Set<string>;
}

export function sampleObjects(pages: readonly CaptionedPage[], byName: ReadonlyMap<string, WalkedType>, across?: AcrossRounds): SampleObjects {
  const samples: SampleObjects["samples"] = new Map();
  const listed = new Map<string, Set<SampleObject>>();
  const evidence = new Set<string>();
  const refRows = across?.refRows ?? new WeakMap();
  for (const page of pages) {
    const onPage = new Map<string, WalkedType>();
    for (const t of page.types) if (!onPage.has(t.model.name)) onPage.set(t.model.name, t);
    for (const [name, objects] of objectsOfTypes(page.types, byName, onPage, refRows)) {
      // a derived type's object is an object of every type up its chain: the chain's top may lack a base
      const chain: WalkedType[] = [];
      const visited = new Set<string>();
      for (let w = onPage.get(name); w && !visited.has(w.model.name); w = w.model.base === undefined ? undefined : onPage.get(bareName(w.model.base))) {
        visited.add(w.model.name);
        chain.push(w);
      }
      const t = chain[chain.length - 1];
      if (!t || t.table === undefined || t.model.kind !== "class" || t.model.base !== undefined || t.model.genericParams?.length) continue;
      if (WELL_KNOWN.has(t.model.name)) continue;
      // the keys the chain's rows explain (only a chain whose top may take a base needs them)
      const own = new Set<string>();
      for (const w of chain) (w.model.properties ?? []).forEach((p, k) => own.add(w.propertyKeys?.[k] ?? keyOf(p.name)));
      let list = samples.get(t.model.name);
      let seen = listed.get(t.model.name);
      if (!list || !seen) {
        samples.set(t.model.name, (list = []));
        listed.set(t.model.name, (seen = new Set()));
      }
      for (const obj of objects) {
        if (seen.has(obj)) continue;
        seen.add(obj);
        list.push({ obj, own });
        if (!evidence.has(t.model.name) && someKeyNotIn(obj, own)) evidence.add(t.model.name);
      }
    }
  }
  return { samples, evidence };
}

/** A base's name without its generic arguments (`QueryDb<Order>` -> `QueryDb`), as `replace(/<.*$/, "")` reads it. */
export const bareName = (base: string): string => (base.includes("<") ? base.replace(/<.*$/, "") : base);

/** The rows of a properties array whose type references a type: their keys and references (typeFacts). */
type RefRows = { key: string; refs: readonly Ref[] }[];

function refRowsOf(properties: readonly PropertyModel[], cache: WeakMap<readonly PropertyModel[], RefRows>): RefRows {
  let rows = cache.get(properties);
  if (!rows) {
    rows = [];
    for (const p of properties) {
      const refs = typeFacts(p.type).refs;
      if (refs.length) rows.push({ key: keyOf(p.name), refs });
    }
    cache.set(properties, rows);
  }
  return rows;
}

/**
 * Base of each type without one whose sample objects hold keys its own rows do not explain, when
 * exactly one type explains them best: its chain holds every extra key with a value of the right
 * shape, lacks no member a sample always shows, redeclares no own member, and is seen before T (or
 * comes right after it) on every page that shows T. Of several, the one that leaves the
 * fewest members out; a tie decides nothing.
 */
export function sampleBases(
  pages: readonly CaptionedPage[],
  byName: ReadonlyMap<string, WalkedType>,
  /** Bases other evidence asks for (a collection response's element, element-bases.ts): taken where T's objects admit them. */
  preferred: ReadonlyMap<string, string> = new Map(),
  { samples, evidence }: SampleObjects = sampleObjects(pages, byName),
  facts: RoundFacts = roundFacts(pages, byName),
): Map<string, string> {
  if (evidence.size === 0) return new Map(preferred);
  // types by the keys of their own rows (a base's chain holds an extra key as its own or deeper), and
  // the types derived from each (B2 : B1 where B1 has the key holds it too)
  const { index, shownOn } = facts;
  const chains = new ChainKeys(byName, facts.chains);
  const out = new Map<string, string>();
  for (const name of evidence) {
    const objects = samples.get(name)!;
    const extra = objects.flatMap(({ obj, own }) => [...objectKeys(obj).set].filter((k) => !own.has(k)));
    // baseOmits is -1 for a base whose chain lacks an extra key: only those holding all are tried
    const candidates = [...holding(extra, index)].filter((c) => chains.holdsAll(c, extra));
    let best: string | undefined;
    let bestOmitted = Infinity;
    let tie = false;
    const wanted = preferred.get(name);
    for (const c of wanted !== undefined ? [wanted] : [...candidates].sort()) {
      const base = byName.get(c);
      if (!base || c === name || derivesFrom(base, name, byName) || !seenBefore(shownOn, name, c)) continue;
      let omitted = 0;
      for (const { obj, own } of objects) {
        const o = baseOmits(base, obj, byName, own);
        if (o < 0) {
          omitted = -1;
          break;
        }
        omitted += o;
      }
      if (omitted < 0 || omitted > bestOmitted) continue;
      if (omitted === bestOmitted) tie = true;
      else [best, bestOmitted, tie] = [c, omitted, false];
    }
    if (best !== undefined && !tie) out.set(name, best);
  }
  for (const [t, b] of preferred) if (!evidence.has(t)) out.set(t, b);
  return out;
}

export type SampleObject = SampleNode & { kind: "object" };

function someKeyNotIn(obj: SampleObject, own: ReadonlySet<string>): boolean {
  for (const k of objectKeys(obj).set) if (!own.has(k)) return true;
  return false;
}

/** The member keys of each type's chain as baseOmits resolves it (chainKeySet), computed once per type. */
class ChainKeys {
  constructor(
    readonly byName: ReadonlyMap<string, WalkedType>,
    readonly keys: Map<string, ReadonlySet<string>> = new Map(),
  ) {}
  holdsAll(name: string, keys: readonly string[]): boolean {
    const chain = plainChain(name, this.byName, this.keys);
    for (const k of keys) if (!chain.has(k)) return false;
    return true;
  }
}

/**
 * What one round of basesFromSamples asks of byName again and again, computed once for both
 * elementBases and sampleBases (neither changes a model: a round's models are fixed until its
 * bases are set). `across`: what no round changes (a round only sets bases), kept for the next.
 */
export interface RoundFacts {
  shownOn: ReadonlyMap<string, readonly CaptionedPage[]>;
  index: KeyIndex;
  /** chainKeySet of each type under byName, filled on first use (plainChain). */
  chains: Map<string, ReadonlySet<string>>;
  across: AcrossRounds;
}

/** What every round of one solve shares: the pages' first indexes, and the types' own rows, never change. */
export interface AcrossRounds {
  shownOn: ReadonlyMap<string, readonly CaptionedPage[]>;
  /** keyIndex's byKey: of the kinds, generic parameters and rows of the types, which setting a base keeps. */
  byKey?: Map<string, string[]>;
  /** element-bases.ts: the names seen before each T on every page that shows it (of shownOn alone). */
  seenBefore: Map<string, string[] | undefined>;
  /** objectsOfTypes: the referencing rows of each properties array (setting a base keeps the array). */
  refRows?: WeakMap<readonly PropertyModel[], RefRows>;
}

export function roundFacts(
  pages: readonly CaptionedPage[],
  byName: ReadonlyMap<string, WalkedType>,
  across: AcrossRounds = { shownOn: pagesByType(pages), seenBefore: new Map() },
): RoundFacts {
  let index: KeyIndex | undefined;
  // built on first use: a round without elements or evidence asks for none
  return {
    shownOn: across.shownOn,
    get index() {
      if (!index) {
        index = keyIndex(byName, across.byKey);
        across.byKey = index.byKey;
      }
      return index;
    },
    chains: new Map(),
    across,
  };
}

/** The member keys of the chain of the type named so under byName (none: empty), memoised in `cache`. */
export function plainChain(name: string, byName: ReadonlyMap<string, WalkedType>, cache: Map<string, ReadonlySet<string>>): ReadonlySet<string> {
  let chain = cache.get(name);
  if (!chain) {
    const t = byName.get(name);
    chain = t ? chainKeySet(t, byName) : new Set<string>();
    cache.set(name, chain);
  }
  return chain;
}

/**
 * Every sample object of each type on one page: the walk's own (a base's is its derived type's
 * object, so not its own) and every value a property typed with it holds, at any depth. The walk
 * lends a type the first object it meets, which may be a shallow one the sample cut off at its
 * depth limit (§2.8); another may show its inherited members.
 */
function objectsOfTypes(
  types: readonly WalkedType[],
  byName: ReadonlyMap<string, WalkedType>,
  /** The first type of each name in `types`. */
  onPage: ReadonlyMap<string, WalkedType>,
  refRows: WeakMap<readonly PropertyModel[], RefRows>,
): Map<string, SampleObject[]> {
  const out = new Map<string, SampleObject[]>();
  const done = new Set<SampleNode>();
  const queue: [WalkedType, SampleObject, boolean][] = [];
  for (const t of types) if (t.sample?.kind === "object") queue.push([t, t.sample, t.model.role !== "base"]);
  for (let q = 0; q < queue.length; q++) {
    const [t, obj, own] = queue[q]!;
    if (own) {
      const list = out.get(t.model.name);
      if (!list) out.set(t.model.name, [obj]);
      else if (!list.includes(obj)) list.push(obj);
    }
    if (done.has(obj)) continue;
    done.add(obj);
    // the object holds the members of t's whole chain
    const visited = new Set<string>();
    for (let w: WalkedType | undefined = t; w && !visited.has(w.model.name); ) {
      visited.add(w.model.name);
      for (const { key, refs } of w.model.properties ? refRowsOf(w.model.properties, refRows) : []) {
        for (const ref of refs) {
          const target = onPage.get(ref.name) ?? byName.get(ref.name);
          if (!target) continue;
          const value = accessOf(entryOf(obj, key), ref.access);
          if (value?.kind === "object") queue.push([target, value, true]);
        }
      }
      const b: string | undefined = w.model.base === undefined ? undefined : bareName(w.model.base);
      w = b !== undefined ? (onPage.get(b) ?? byName.get(b)) : undefined;
    }
  }
  return out;
}

export interface KeyIndex {
  byKey: Map<string, string[]>;
  derived: Map<string, string[]>;
}

/** The types whose chain holds one of the keys: those with it as an own row, and the types derived from them. */
export function holding(keys: Iterable<string>, index: KeyIndex): Set<string> {
  const found = new Set<string>();
  const add = (c: string) => {
    if (found.has(c)) return;
    found.add(c);
    for (const d of index.derived.get(c) ?? []) add(d);
  };
  for (const k of keys) for (const c of index.byKey.get(k) ?? []) add(c);
  return found;
}

/** Types by the keys of their own rows, and each type's derived types (their chains hold those keys too). */
export function keyIndex(
  byName: ReadonlyMap<string, WalkedType>,
  /** The byKey of an earlier keyIndex over the same types, when only their bases changed since. */
  known?: Map<string, string[]>,
): KeyIndex {
  const byKey = known ?? new Map<string, string[]>();
  const derived = new Map<string, string[]>();
  for (const [name, t] of byName) {
    const b = t.model.base?.replace(/<.*$/, "");
    if (b !== undefined) {
      const list = derived.get(b);
      if (list) list.push(name);
      else derived.set(b, [name]);
    }
    if (known || t.model.kind !== "class" || t.model.genericParams?.length) continue;
    for (const p of t.model.properties ?? []) {
      const k = keyOf(p.name);
      const list = byKey.get(k);
      if (!list) byKey.set(k, [name]);
      else if (list[list.length - 1] !== name) list.push(name);
    }
  }
  return { byKey, derived };
}

/** `base` or one of its bases is `name`: T : B would close a cycle. */
export function derivesFrom(base: WalkedType, name: string, byName: TypeLookup): boolean {
  const visited = new Set<string>();
  for (let w: WalkedType | undefined = base; w && !visited.has(w.model.name); ) {
    if (w.model.name === name) return true;
    visited.add(w.model.name);
    const b: string | undefined = w.model.base?.replace(/<.*$/, "");
    w = b !== undefined ? byName.get(b) : undefined;
  }
  return false;
}

/** The pages that show each type (seenBefore asks about one type's pages only). */
export function pagesByType(pages: readonly CaptionedPage[]): Map<string, CaptionedPage[]> {
  const out = new Map<string, CaptionedPage[]>();
  for (const page of pages) {
    for (const name of page.first.keys()) {
      const list = out.get(name);
      if (list) list.push(page);
      else out.set(name, [page]);
    }
  }
  return out;
}

/**
 * On every page that shows T, B's table comes first, or right after T: a base not seen yet follows
 * its derived type, and where B is also what the walk visits next from T (its first reference)
 * the page is the same with or without the base, so only the sample tells.
 */
export function seenBefore(shownOn: ReadonlyMap<string, readonly CaptionedPage[]>, t: string, b: string): boolean {
  for (const page of shownOn.get(t) ?? []) {
    const at = page.first.get(t)!;
    const bAt = page.first.get(b);
    if (bAt === undefined || (bAt >= at && bAt !== at + 1)) return false;
  }
  return true;
}
