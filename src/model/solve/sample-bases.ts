// Bases only a sample shows (spec §4.1, finding 3). A base seen before its derived type on every
// page gets no table after it, so no table order tells it; but inherited members are serialized
// inside the derived object (§2.8), so a sample object of T whose extra keys are exactly the
// members of one type B's chain says T : B. Captioned pages only: there a name is a type.
import type { SampleNode } from "../types.js";
import type { WalkedType } from "../walk/index.js";
import { keyOf, objectKeys } from "../walk/index.js";
import { accessOf, entryOf } from "../walk/sample-access.js";
import { typeFacts, WELL_KNOWN } from "../walk/tables.js";
import { baseOmits } from "./elements.js";

export interface CaptionedPage {
  types: readonly WalkedType[];
  /** First table index of every name on the page. */
  first: ReadonlyMap<string, number>;
}

/**
 * Base of each type without one whose sample objects hold keys its own rows do not explain, when
 * exactly one type explains them best: its chain holds every extra key with a value of the right
 * shape, lacks no member a sample always shows, redeclares no own member, and is seen before T (or
 * comes right after it) on every page that shows T. Of several, the one that leaves the
 * fewest members out; a tie decides nothing.
 */
export function sampleBases(pages: readonly CaptionedPage[], byName: ReadonlyMap<string, WalkedType>): Map<string, string> {
  // T -> its sample objects, each with the keys T's rows (and, for a derived type's object, the rows down to it) explain
  const samples = new Map<string, { obj: SampleObject; own: ReadonlySet<string> }[]>();
  // the types some object shows with keys those rows do not explain
  const evidence = new Set<string>();
  for (const page of pages) {
    const onPage = new Map<string, WalkedType>();
    for (const t of page.types) if (!onPage.has(t.model.name)) onPage.set(t.model.name, t);
    for (const [name, objects] of objectsOfTypes(page.types, byName)) {
      // a derived type's object is an object of every type up its chain: the chain's top may lack a base
      const own = new Set<string>();
      const visited = new Set<string>();
      let top: WalkedType | undefined = onPage.get(name);
      for (let w = top; w && !visited.has(w.model.name); w = w.model.base === undefined ? undefined : onPage.get(w.model.base.replace(/<.*$/, ""))) {
        visited.add(w.model.name);
        for (const p of w.model.properties ?? []) own.add(keyOf(p.name));
        top = w;
      }
      const t = top;
      if (!t || t.table === undefined || t.model.kind !== "class" || t.model.base !== undefined || t.model.genericParams?.length) continue;
      if (WELL_KNOWN.has(t.model.name)) continue;
      let list = samples.get(t.model.name);
      if (!list) samples.set(t.model.name, (list = []));
      for (const obj of objects) {
        if (list.some((s) => s.obj === obj)) continue;
        list.push({ obj, own });
        if ([...objectKeys(obj).set].some((k) => !own.has(k))) evidence.add(t.model.name);
      }
    }
  }
  if (evidence.size === 0) return new Map();
  // types by the keys of their own rows: a base's chain holds an extra key as its own or deeper
  const byKey = new Map<string, string[]>();
  for (const [name, t] of byName) {
    if (t.model.kind !== "class" || t.model.genericParams?.length) continue;
    for (const p of t.model.properties ?? []) {
      const k = keyOf(p.name);
      const list = byKey.get(k);
      if (!list) byKey.set(k, [name]);
      else if (list[list.length - 1] !== name) list.push(name);
    }
  }
  const out = new Map<string, string>();
  for (const name of evidence) {
    const objects = samples.get(name)!;
    const candidates = new Set<string>();
    for (const { obj, own } of objects) for (const k of objectKeys(obj).set) if (!own.has(k)) for (const c of byKey.get(k) ?? []) candidates.add(c);
    let best: string | undefined;
    let bestOmitted = Infinity;
    let tie = false;
    for (const c of [...candidates].sort()) {
      const base = byName.get(c);
      if (!base || c === name || derivesFrom(base, name, byName) || !seenBefore(pages, name, c)) continue;
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
  return out;
}

type SampleObject = SampleNode & { kind: "object" };

/**
 * Every sample object of each type on one page: the walk's own (a base's is its derived type's
 * object, so not its own) and every value a property typed with it holds, at any depth. The walk
 * lends a type the first object it meets, which may be a shallow one the sample cut off at its
 * depth limit (§2.8); another may show its inherited members.
 */
function objectsOfTypes(types: readonly WalkedType[], byName: ReadonlyMap<string, WalkedType>): Map<string, SampleObject[]> {
  const onPage = new Map<string, WalkedType>();
  for (const t of types) if (!onPage.has(t.model.name)) onPage.set(t.model.name, t);
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
      for (const p of w.model.properties ?? []) {
        for (const ref of typeFacts(p.type).refs) {
          const target = onPage.get(ref.name) ?? byName.get(ref.name);
          if (!target) continue;
          const value = accessOf(entryOf(obj, keyOf(p.name)), ref.access);
          if (value?.kind === "object") queue.push([target, value, true]);
        }
      }
      const b: string | undefined = w.model.base?.replace(/<.*$/, "");
      w = b !== undefined ? (onPage.get(b) ?? byName.get(b)) : undefined;
    }
  }
  return out;
}

/** `base` or one of its bases is `name`: T : B would close a cycle. */
function derivesFrom(base: WalkedType, name: string, byName: ReadonlyMap<string, WalkedType>): boolean {
  const visited = new Set<string>();
  for (let w: WalkedType | undefined = base; w && !visited.has(w.model.name); ) {
    if (w.model.name === name) return true;
    visited.add(w.model.name);
    const b: string | undefined = w.model.base?.replace(/<.*$/, "");
    w = b !== undefined ? byName.get(b) : undefined;
  }
  return false;
}

/**
 * On every page that shows T, B's table comes first, or right after T: a base not seen yet follows
 * its derived type, and where B is also what the walk visits next from T (its first reference)
 * the page is the same with or without the base, so only the sample tells.
 */
function seenBefore(pages: readonly CaptionedPage[], t: string, b: string): boolean {
  for (const page of pages) {
    const at = page.first.get(t);
    if (at === undefined) continue;
    const bAt = page.first.get(b);
    if (bAt === undefined || (bAt >= at && bAt !== at + 1)) return false;
  }
  return true;
}
