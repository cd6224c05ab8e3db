// After the walks (spec §4.1): the bases that only samples show, or that a page could not show
// because it met the base before the derived type, set on every page's reading of the type.
import type { WalkedType } from "../walk/index.js";
import type { PageKeys } from "./bases.js";
import { isProvisionalName } from "./names.js";
import { pagesByType, roundFacts, sampleBases, sampleObjects, type AcrossRounds } from "./sample-bases.js";
import { elementBases } from "./element-bases.js";
import { forgetElementIndexes } from "./elements.js";
import type { Walked } from "./walked.js";

/**
 * A page that met a type's base before the type itself shows no base table after it, so its
 * reading has no base there: the decided base applies all the same (one type, one reading).
 */
export function inheritSeenBases(walked: readonly Walked[], decided: ReadonlyMap<string, { base: string }>): void {
  const names = new Map<string, string>();
  for (const w of walked) {
    for (const t of w.result!.types) {
      const key = t.table !== undefined ? w.keys.keys[t.table] : w.keys.tablelessRequest;
      if (key !== undefined && !names.has(key)) names.set(key, t.model.name);
    }
  }
  for (const w of walked) {
    for (const t of w.result!.types) {
      const key = t.table !== undefined ? w.keys.keys[t.table] : w.keys.tablelessRequest;
      const d = key !== undefined ? decided.get(key) : undefined;
      if (!d || t.model.base !== undefined || t.model.kind !== "class") continue;
      const base = names.get(d.base);
      if (base === undefined || base === t.model.name) continue;
      setBase(t, base);
    }
  }
}

/** Rebuilt so the base sits where a walked base does: the model is the same whichever page it came from. */
function setBase(t: WalkedType, base: string): void {
  const { properties, members, valued, ...head } = t.model;
  t.model = { ...head, base, ...(members ? { members } : {}), ...(valued ? { valued } : {}), ...(properties ? { properties } : {}) };
}

/** Rounds of sample-bases.ts: a base found in one round changes the chains the next one matches objects against. */
const SAMPLE_BASE_ROUNDS = 3;

/** sample-bases.ts over every page: bases seen earlier that only a sample object shows. */
export function basesFromSamples(walked: readonly Walked[], firsts: ReadonlyMap<PageKeys, Map<string, number>>, tables: readonly WalkedType[]): void {
  if (!walked.length) return;
  // the same WalkedType objects as the pages': a base set below is in the next round's chains
  const byName = new Map(tables.map((t) => [t.model.name, t] as const));
  const pages = walked.map((w) => ({ types: w.result!.types, first: firsts.get(w.keys)! }));
  // the elements of collection responses (no table): JSON/JSV arrays of objects with keys
  const elements = walked.flatMap((w) => {
    const { raw, resBody } = w.prepared;
    const el = w.result!.response === undefined && raw.response && (resBody.syntax === "json" || resBody.syntax === "jsv") && resBody.value?.kind === "array" ? resBody.value.items[0] : undefined;
    return el?.kind === "object" && el.entries.length ? [el] : [];
  });
  const across: AcrossRounds = { shownOn: pagesByType(pages), seenBefore: new Map(), refRows: new WeakMap() };
  for (let round = 0; round < SAMPLE_BASE_ROUNDS; round++) {
    // an element no class explains asks for a base; T's own objects must admit it
    const objects = sampleObjects(pages, byName, across);
    const facts = roundFacts(pages, byName, across);
    const bases = sampleBases(pages, byName, elementBases(elements, pages, byName, objects, facts), objects, facts);
    let changed = false;
    for (const w of walked) {
      for (const t of w.result!.types) {
        const base = bases.get(t.model.name);
        if (base === undefined || t.model.base !== undefined || t.model.kind !== "class") continue;
        // uncaptioned text: a table no page names is no evidence of a base (its keys are only its own)
        if (!w.prepared.walk!.captions && isProvisionalName(base)) continue;
        setBase(t, base);
        changed = true;
      }
    }
    if (!changed) return;
    forgetElementIndexes(); // matchArrayElement's indexes know which classes have a base
  }
}

/** One walked class (with properties) or enum per name from a table, for responses that show only a sample. */
export function tablesOnAnyPage(walked: readonly Walked[]): WalkedType[] {
  const byName = new Map<string, WalkedType>();
  for (const w of walked) {
    for (const t of w.result!.types) {
      if (t.table === undefined || t.model.partial) continue;
      if (t.model.kind === "class" ? !t.model.properties?.length : t.model.kind !== "enum") continue;
      if (!byName.has(t.model.name)) byName.set(t.model.name, t);
    }
  }
  return [...byName.values()];
}
