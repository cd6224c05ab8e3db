// What a page is told when the cross-page decision overrides its own reading (step 3 of index.ts):
// W_READING_FORCED names the pages that decided, W_AMBIGUOUS_WALK a page no reading under the decision explains.
import { shortPageName } from "../../diagnostics.js";
import type { Diagnostic } from "../types.js";
import type { WalkResult } from "../walk/index.js";
import type { Walked } from "./walked.js";

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The name a reading gives the first table of `key` on the page (the key itself where none). */
function nameIn(w: Walked, result: WalkResult, key: string): string {
  const i = w.keys.keys.indexOf(key);
  return (i >= 0 ? result.types.find((t) => t.table === i)?.model.name : undefined) ?? key;
}

/** The first three pages by their short names, and how many more. */
const pagesPhrase = (pages: readonly string[]): string => `${pages.slice(0, 3).map(shortPageName).join(", ")}${pages.length > 3 ? ` and ${pages.length - 3} more` : ""}`;

/** W_AMBIGUOUS_WALK for a page that no reading under the decided bases explains, naming the pages that decided. */
export function disagreement(w: Walked, own: ReadonlyMap<string, string>, decided: ReadonlyMap<string, { base: string; pages: string[] }>): Diagnostic {
  const nameOf = (key: string): string => nameIn(w, w.result!, key);
  const parts: string[] = [];
  const types = new Set([...own.keys(), ...decided.keys()].filter((t) => w.keys.keys.includes(t) || t === w.keys.tablelessRequest));
  for (const t of [...types].sort(cmp)) {
    const mine = own.get(t);
    const d = decided.get(t);
    if (mine === d?.base) continue;
    const pages = d?.pages ?? [];
    const by = pages.length ? pagesPhrase(pages) : "the other pages";
    parts.push(`${nameOf(t)}: base ${d ? nameOf(d.base) : "none"} on ${by}, ${mine !== undefined ? nameOf(mine) : "none"} here`);
  }
  return { code: "W_AMBIGUOUS_WALK", detail: `no reading of this page agrees with the other pages (${parts.join("; ") || "their bases"}); kept its own` };
}

/** W_READING_FORCED for every type whose base this page would have read differently. */
export function forcedNotes(
  w: Walked,
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  result: WalkResult,
  decided: ReadonlyMap<string, { base: string; pages: string[] }>,
): Diagnostic[] {
  const nameOf = (key: string): string => nameIn(w, result, key);
  const notes: Diagnostic[] = [];
  const types = new Set([...before.keys(), ...after.keys()]);
  for (const t of [...types].sort(cmp)) {
    const was = before.get(t);
    const now = after.get(t);
    if (was === now) continue;
    const pages = decided.get(t)?.pages ?? [];
    const by = now !== undefined && pages.length ? ` as ${pagesPhrase(pages)} read it` : " as the other pages read it";
    notes.push({
      code: "W_READING_FORCED",
      detail: `${t === w.keys.tablelessRequest ? t : nameOf(t)}: base ${now !== undefined ? nameOf(now) : "none"}${by}; this page alone read ${was !== undefined ? nameOf(was) : "no base"}`,
    });
  }
  return notes;
}
