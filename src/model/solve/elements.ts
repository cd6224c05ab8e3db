// The element of a collection response (spec §4 rule 3: a `List<X>` response has no table) is a
// type some page may show elsewhere (one type graph, §4.1). Its sample object holds the members
// of X and of X's bases (inherited members live inside the derived object), omits only what a
// sample can omit (§2.8: null members), and each value has the shape of its member's type (an
// array for a collection, a member name for an enum). So it is matched against whole base chains.
import type { SampleNode } from "../types.js";
import { cachedCSharpType } from "../../csharp-type.js";
import { keyOf, objectKeys, type WalkedType } from "../walk/index.js";
import { DEPTH, NONE, baseOf, chainHasKey, explains, forgetMemberKeys, ownKeys, type Tally, type Types } from "./explains.js";

/**
 * What matchArrayElement needs of a list that is every page's table classes (`elsewhere`): its
 * first-wins name map and, for the classes without a base (whose chain is the class alone on any
 * page), an index from a member key to the classes that have it. A class without a base can explain
 * an element only if it has the element's first key, so only those of them are tried; a class with a
 * base only if some class of its chain (resolved per call: the page's own types come first) has that
 * key (chainHasKey). Built on first use; forgetElementIndexes() drops every index when a
 * code view changes the models (names, bases, members) after the solve.
 */
interface ListIndex {
  byName: Map<string, WalkedType>;
  /** Positions in the list, ascending. */
  byKey: Map<string, number[]>;
  /** Positions of the classes with a base, ascending. */
  rest: number[];
  /** The chains of the classes with a base as this list alone resolves them (built on first use). */
  chains?: ChainIndex;
}

/**
 * For the classes with a base, their chains resolved by this list's names alone: a member key ->
 * the classes whose chain has it, and a name -> the classes whose chain visits it or ends at it
 * unresolved. A call whose own types (a page's) give one of those names another type resolves
 * those classes' chains again (chainHasKey); every other class's chain is the one indexed here.
 */
interface ChainIndex {
  byKey: Map<string, number[]>;
  byName: Map<string, number[]>;
}
let listIndexes = new WeakMap<readonly WalkedType[], ListIndex>();

/** Every index is stale: a code view was overlaid on models that some list holds. */
export function forgetElementIndexes(): void {
  listIndexes = new WeakMap();
  forgetMemberKeys();
}

function chainIndex(list: readonly WalkedType[], index: ListIndex): ChainIndex {
  if (index.chains) return index.chains;
  const chains: ChainIndex = { byKey: new Map(), byName: new Map() };
  const types: Types = { byName: index.byName };
  const add = (map: Map<string, number[]>, key: string, at: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [at]);
    else if (list[list.length - 1] !== at) list.push(at);
  };
  for (const at of index.rest) {
    const visited = new Set<string>();
    const keys = new Set<string>();
    let w: WalkedType | undefined = list[at]!;
    while (w && !visited.has(w.model.name)) {
      visited.add(w.model.name);
      for (const k of ownKeys(w)) keys.add(k);
      const ref = w.model.base === undefined ? undefined : cachedCSharpType(w.model.base);
      if (ref?.kind === "named") add(chains.byName, ref.name, at);
      w = baseOf(w, types);
    }
    for (const k of keys) add(chains.byKey, k, at);
  }
  index.chains = chains;
  return chains;
}

/**
 * The positions of the classes with a base whose chain has this key, ascending: from the chain
 * index, except the classes whose chain meets a name `own` gives another type (resolved again).
 */
function basedWithKey(list: readonly WalkedType[], index: ListIndex, key: string, own: ReadonlyMap<string, WalkedType>, types: Types): number[] {
  const chains = chainIndex(list, index);
  const indexed = chains.byKey.get(key) ?? [];
  let again: Set<number> | undefined;
  for (const [name, t] of own) {
    if (index.byName.get(name) === t) continue;
    for (const at of chains.byName.get(name) ?? []) (again ??= new Set()).add(at);
  }
  if (!again) return indexed;
  const kept = indexed.filter((at) => !again.has(at));
  const redone = [...again].filter((at) => chainHasKey(list[at]!, key, types)).sort((a, b) => a - b);
  return mergeSorted(kept, redone);
}

function listIndex(list: readonly WalkedType[]): ListIndex {
  let index = listIndexes.get(list);
  if (index) return index;
  index = { byName: new Map(), byKey: new Map(), rest: [] };
  list.forEach((t, i) => {
    if (!index.byName.has(t.model.name)) index.byName.set(t.model.name, t);
    if (t.model.kind !== "class" || !t.model.properties?.length || t.model.genericParams?.length) return; // never tried
    if (t.model.base !== undefined) {
      index.rest.push(i);
      return;
    }
    for (const k of new Set(t.model.properties.map((p) => keyOf(p.name)))) {
      const at = index.byKey.get(k);
      if (at) at.push(i);
      else index.byKey.set(k, [i]);
    }
  });
  listIndexes.set(list, index);
  return index;
}

/**
 * The table-backed class whose base chain explains the first element of an array sample: every
 * key is a member of the chain with a value of its type's shape, every member the sample lacks
 * could be null. Of several, the one of least cost (elementCost: no object nested in its own
 * type, no member missing that the server builds, fewest members left out), then the one the op
 * is named for (`PatchFlight` returns `Flight[]`); else none (the name is then the sample's). An element with no key (`[{}]`) fits every type whose members may all be
 * null: only the op's name can pick one. Types of this page come first (`lists[0]`), each further
 * list only when the earlier ones matched nothing or only at a cost (elementCost) a later one beats.
 */
export function matchArrayElement(
  value: SampleNode | undefined,
  lists: readonly (readonly WalkedType[])[],
  /** How many of the last lists are every page's classes (indexed once, see ListIndex). */
  indexedLists = 0,
  operation = "",
): string | undefined {
  if (!value || value.kind !== "array") return undefined;
  const el = value.items[0];
  if (!el || el.kind !== "object") return undefined;
  const names = namesOf(lists, indexedLists);
  const types: Types = { byName: names };
  const firstIndexed = lists.length - indexedLists;
  const namedFor = (name: string) => name !== operation && operation.endsWith(name) && /^[A-Z]/.test(name);
  // a keyless element: only the types the op is named for (`PatchFlight`: `Flight`, `PatchFlight`... no)
  const opNamed = el.entries.length ? undefined : operationSuffixes(operation);
  const firstKey = el.entries.length ? keyOf(el.entries[0]![0]) : "";
  // every key of the element must be a member of the chain: the rarest one prunes most
  const elementKeys = [...objectKeys(el).set];
  // the best of the first list that explains the element, unless a later list explains it better
  // (an element this page's types explain only with a type nested in itself or a member missing)
  let kept: { best: string[]; cost: Cost; loose: ReadonlyMap<string, number> } | undefined;
  for (const [i, all] of lists.entries()) {
    // an indexed list's candidates, in list order: its based classes and the base-less ones with the first key
    const index = i >= firstIndexed ? listIndex(all) : undefined;
    const list = opNamed
      ? opNamed.flatMap((n) => (index ? index.byName.get(n) : all.find((t) => t.model.name === n)) ?? [])
      : index
        ? mergeSorted(
            // one indexed list: its names resolve every chain but where the page's own types differ
            indexedLists === 1
              ? basedWithKey(all, index, rarest(elementKeys, chainIndex(all, index).byKey), names.own, types)
              : index.rest.filter((at) => chainHasKey(all[at]!, firstKey, types)),
            index.byKey.get(rarest(elementKeys, index.byKey)) ?? [],
          ).map((at) => all[at]!)
        : all;
    let best: string[] = [];
    let bestCost: Cost | undefined;
    const loose = new Map<string, number>();
    for (const t of list) {
      if (t.model.kind !== "class" || !t.model.properties?.length || t.model.genericParams?.length) continue;
      const cost = elementCost(t, el, types);
      // `{}` is no object of a type whose members the server would build there (GetDevice, lists seed
      // 523333645: Device's `Started: Dictionary<string, Review>` is built inside a Device; Review's
      // `Platform: Review[]` is not, inside a Review)
      if (!cost || best.includes(t.model.name) || (opNamed && cost.missing > 0)) continue;
      const order = bestCost ? compareCost(cost, bestCost) : -1;
      if (order > 0) continue;
      if (order < 0) [best, bestCost] = [[], cost];
      best.push(t.model.name);
      loose.set(t.model.name, cost.loose);
    }
    if (!best.length || (kept && compareCost(bestCost!, kept.cost) >= 0)) continue;
    kept = { best, cost: bestCost!, loose };
    if (!kept.cost.nested && !kept.cost.missing) break;
  }
  if (!kept) return undefined;
  if (kept.best.length === 1 && el.entries.length) return kept.best[0];
  const named = kept.best.filter(namedFor);
  if (named.length === 1) return named[0];
  // a string member shows "String" unless initialised: of equals, the one reading every value as its example
  // (`[{"bodyweight":"Weekly"}]`: Employee8's enum Bodyweight, not PolicyStat2's string; SearchInvoice14, seed 2)
  const exact = el.entries.length ? kept.best.filter((n) => kept.loose.get(n) === 0) : [];
  return exact.length === 1 ? exact[0] : undefined;
}

/** `PatchFlightNote` -> `FlightNote`, `Note`: the names an op could be named for. */
function operationSuffixes(operation: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < operation.length; i++) if (/[A-Z]/.test(operation[i]!) && /[a-z0-9]/.test(operation[i - 1]!)) out.push(operation.slice(i));
  return out;
}

/** One first-wins name map over the lists, as one map over all lists in order would say. */
function namesOf(lists: readonly (readonly WalkedType[])[], indexedLists: number): Types["byName"] & { own: ReadonlyMap<string, WalkedType> } {
  const firstIndexed = lists.length - indexedLists;
  const own = new Map<string, WalkedType>();
  for (const list of lists.slice(0, firstIndexed)) for (const t of list) if (!own.has(t.model.name)) own.set(t.model.name, t);
  const shared = lists.slice(firstIndexed).map(listIndex);
  return {
    own,
    get(name: string): WalkedType | undefined {
      const t = own.get(name);
      if (t) return t;
      for (const index of shared) {
        const u = index.byName.get(name);
        if (u) return u;
      }
      return undefined;
    },
  };
}

/** The element's keys paired with the members of the matched type's chain (a §5.5 vote). */
export function elementKeyPairs(
  value: SampleNode | undefined,
  name: string,
  lists: readonly (readonly WalkedType[])[],
  indexedLists = 0,
): { name: string; key: string }[] {
  const el = value?.kind === "array" ? value.items[0] : undefined;
  if (!el || el.kind !== "object") return [];
  const types: Types = { byName: namesOf(lists, indexedLists) };
  const first = objectKeys(el).first;
  const pairs: { name: string; key: string }[] = [];
  const visited = new Set<string>();
  for (let w = types.byName.get(name); w && !visited.has(w.model.name); w = baseOf(w, types)) {
    visited.add(w.model.name);
    for (const p of w.model.properties ?? []) {
      const key = first.get(keyOf(p.name))?.[1] !== undefined ? first.get(keyOf(p.name))![0] : undefined;
      if (key !== undefined) pairs.push({ name: p.name, key });
    }
  }
  return pairs;
}

/** The key with the fewest classes listed under it (none listed: no class can have it). */
function rarest(keys: readonly string[], byKey: ReadonlyMap<string, readonly number[]>): string {
  let best = keys[0] ?? "";
  let count = Infinity;
  for (const k of keys) {
    const n = byKey.get(k)?.length ?? 0;
    if (n < count) [best, count] = [k, n];
    if (n === 0) break;
  }
  return best;
}

/** Two ascending lists of distinct positions as one ascending list. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return out;
}

/**
 * How well a class explains a collection element, when it does (lower is better, compareCost):
 * - `nested`: objects the element shows inside an object of their own type (by the candidate's
 *   reading of every member type). The server builds a sample depth-first and leaves a type it is
 *   already building null (§2.8: nested types that could not be constructed, recursion), so a
 *   `TicketEntry` element cannot show its `EmailQuery: List<TicketEntry>` as an object: the element
 *   that does is a type derived from TicketEntry, in whose object TicketEntry is not yet open.
 * - `missing`: members absent although the server would have built them (a non-nullable collection
 *   or dictionary of scalars, a table class not open in the element): a `RefundItem` element would
 *   show its `ScoreColor: Dictionary<string, ClaimLink>`; one of `ClaimLink : RefundItem` cannot
 *   (ClaimLink is open), so an element without it reads as a ClaimLink.
 * - `omitted`: every member left out (the sample shows what it can: fewer is more likely).
 * - `loose` (not compared; the last tie-break of matchArrayElement): `string` members whose value is
 *   not the example value `"String"` (§2.8).
 * Only the element's own members count as missing: how deep the page's own object sits is unknown,
 * so deeper objects' absent members say nothing (the server also stops at a depth).
 */
interface Cost {
  nested: number;
  missing: number;
  omitted: number;
  loose: number;
}
const compareCost = (a: Cost, b: Cost): number => a.nested - b.nested || a.missing - b.missing || a.omitted - b.omitted;

function elementCost(t: WalkedType, el: SampleNode & { kind: "object" }, types: Types): Cost | undefined {
  const tally: Tally = { open: [], nested: 0, missing: 0, loose: 0 };
  const omitted = explains(t, el, types, DEPTH, NONE, tally);
  return omitted < 0 ? undefined : { nested: tally.nested, missing: tally.missing, omitted, loose: tally.loose };
}

