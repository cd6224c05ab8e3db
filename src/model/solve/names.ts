// Names across pages (spec §4.1): a table without a caption is known by its rows, and a name a
// reference gives it on any page names it on every page. Tables only ever named by inference
// (`<Op>Response`, `<T>Base`, provisional `Unnamed<k>`) take one inferred name everywhere, so one
// type never comes out as several copies.
import { shortPageName } from "../../diagnostics.js";
import type { Diagnostic, TypeFrom } from "../types.js";
import { renameTypeInPlace, rewriteTypeText } from "../rename.js";
import type { WalkResult } from "../walk/index.js";
import { WEAK } from "./identity.js";

export interface NamedReading {
  source: string;
  keys: string[];
  result: WalkResult;
}

const STRONG: ReadonlySet<TypeFrom> = new Set(["caption", "operation", "reference", "xml", "late-binding", "builtin"]);

interface KeyNames {
  strong: Map<string, string[]>;
  weak: Set<string>;
  /** Names references give the key only on readings whose search ran out of budget (greedy guesses). */
  guessed: Map<string, string[]>;
  /** How many readings within budget name the key only by inference. */
  inferred: number;
}

/** The name every page should use for each row-identified table, where the pages allow one. */
function agreedNames(readings: readonly NamedReading[]): Map<string, { name: string; pages: string[] }> {
  const byKey = new Map<string, KeyNames>();
  for (const r of readings) {
    for (const t of r.result.types) {
      if (t.table === undefined) continue;
      const key = r.keys[t.table]!;
      if (!key.startsWith("#")) continue;
      let names = byKey.get(key);
      if (!names) byKey.set(key, (names = { strong: new Map(), weak: new Set(), guessed: new Map(), inferred: 0 }));
      if (STRONG.has(t.model.from)) {
        const named = r.result.overflowed ? names.guessed : names.strong;
        const pages = named.get(t.model.name);
        if (pages) pages.push(r.source);
        else named.set(t.model.name, [r.source]);
      } else {
        names.weak.add(t.model.name);
        if (!r.result.overflowed) names.inferred++;
      }
    }
  }
  const home = homeKeys(byKey);
  const out = new Map<string, { name: string; pages: string[] }>();
  for (const [key, names] of byKey) {
    // a name whose references name other rows on most pages is not these rows' name: one reading
    // that took them for it (FindShipment60's request base read as its `Shipment18`, seed 1, 5,000
    // ops) would rename every page's table of them
    for (const name of names.strong.keys()) if ((home.get(name) ?? key) !== key) names.strong.delete(name);
    // greedy guesses name the key only if they outweigh the readings within budget that found no
    // reference for it (as in identity.ts: many such pages outweigh one stray reference)
    const guesses = [...names.guessed.values()].reduce((n, pages) => n + pages.length, 0);
    const strong = names.strong.size || guesses < 2 * WEAK * names.inferred ? names.strong : names.guessed;
    if (strong.size === 1) {
      const [name, pages] = [...strong][0]!;
      out.set(key, { name, pages });
    } else if (strong.size === 0 && names.weak.size > 1) {
      const sorted = [...names.weak].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
      out.set(key, { name: sorted[0]!, pages: [] });
    }
  }
  return out;
}

/**
 * For each name readings within budget give to several row keys, the key it names on at least
 * twice as many pages as all its other keys together (none: no such key, every naming stands).
 */
function homeKeys(byKey: ReadonlyMap<string, KeyNames>): Map<string, string> {
  const pagesOf = new Map<string, Map<string, number>>();
  for (const [key, names] of byKey) {
    for (const [name, pages] of names.strong) {
      let keys = pagesOf.get(name);
      if (!keys) pagesOf.set(name, (keys = new Map()));
      keys.set(key, pages.length);
    }
  }
  const out = new Map<string, string>();
  for (const [name, keys] of pagesOf) {
    if (keys.size < 2) continue;
    const total = [...keys.values()].reduce((a, b) => a + b, 0);
    for (const [key, n] of keys) if (n >= 2 * (total - n)) out.set(name, key);
  }
  return out;
}

/** Provisional names last: any inferred name says more than `Unnamed3`. */
const rank = (name: string): number => (isProvisionalName(name) ? 1 : 0);

/** A walk's provisional name for a table no page names (`Unnamed<k>`). */
export function isProvisionalName(name: string): boolean {
  return /^Unnamed\d+$/.test(name);
}

/** Renames every reading's row-identified tables to the agreed names, with a note where it changed one. */
export function applyAgreedNames(readings: readonly NamedReading[]): void {
  const agreed = agreedNames(readings);
  if (agreed.size === 0) return;
  for (const r of readings) {
    const used = new Set(r.result.types.map((t) => t.model.name));
    const renames = new Map<string, string>();
    const notes: Diagnostic[] = [];
    for (const t of r.result.types) {
      if (t.table === undefined) continue;
      const want = agreed.get(r.keys[t.table]!);
      if (!want || want.name === t.model.name || used.has(want.name) || renames.has(t.model.name)) continue;
      renames.set(t.model.name, want.name);
      used.add(want.name);
      const where = want.pages.length ? `named by a reference on ${want.pages.slice(0, 3).map(shortPageName).join(", ")}` : "inferred alike on other pages";
      notes.push({ code: "W_READING_FORCED", detail: `${t.model.name} is ${want.name}: the same rows are ${where}` });
    }
    if (renames.size === 0) continue;
    for (const t of r.result.types) {
      const old = t.model.name;
      renameTypeInPlace(t.model, renames);
      // an inferred name that another page's reference replaced is no longer inferred
      if (renames.has(old) && agreed.get(r.keys[t.table!]!)?.pages.length) t.model.from = "reference";
    }
    if (r.result.response) r.result.response = rewriteTypeText(r.result.response, renames);
    r.result.diagnostics = r.result.diagnostics
      .filter((d) => !(d.code === "W_NAME_INFERRED" && renames.has(d.detail) && agreed.get(keyOfName(r, renames.get(d.detail)!) ?? "")?.pages.length))
      .concat(notes);
  }
}

function keyOfName(r: NamedReading, name: string): string | undefined {
  const t = r.result.types.find((x) => x.model.name === name);
  return t?.table !== undefined ? r.keys[t.table] : undefined;
}
