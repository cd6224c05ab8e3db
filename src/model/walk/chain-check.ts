// C1-C3 of spec §5.3 for one chain (a table and its bases) against its sample object, with the two
// ways a key the chain's rows do not hold is still explained: a base seen earlier on the page, or
// (text-pipe) one the cross-page solve decided. Reads the search's placed slots; decides nothing
// about names.
import type { SampleNode } from "../types.js";
import type { Table } from "./tables.js";
import { objectKeys } from "./sample-access.js";
import type { WalkInput } from "./index.js";
import { chainEnd, type Slot } from "./reading.js";

export class ChainCheck {
  constructor(
    readonly tables: readonly Table[],
    readonly input: WalkInput,
    /** The search's slots, by table (its own array: a placed table has one). */
    readonly slots: readonly (Slot | undefined)[],
  ) {}

  /** C1-C3 over a chain (a table and its bases) against its sample object. */
  check(given: number[], obj: SampleNode): number {
    if (obj.kind !== "object") return 0;
    const chain = this.withRepeatedBases(given);
    const present = objectKeys(obj).set;
    let c1 = true;
    if (!obj.truncated) {
      for (const t of chain) {
        for (const req of this.tables[t]!.required) {
          if (!present.has(req)) {
            c1 = false;
            break;
          }
        }
        if (!c1) break;
      }
    }
    let unmatched: string[] | undefined;
    for (const k of present) {
      let found = false;
      for (const t of chain) {
        if (this.tables[t]!.keys.has(k)) {
          found = true;
          break;
        }
      }
      if (!found) (unmatched ??= []).push(k);
    }
    const c2 = unmatched === undefined || this.seenBase(chain, unmatched, present, obj.truncated === true) || this.decidedSeenBase(chain, unmatched);
    return (c1 ? 0 : -10) + (c2 ? 0 : -10) + (c1 && c2 && obj.entries.length > 0 ? 3 : 0);
  }

  /** A response shown again (Slot.dupOf) derives from the bases placed after its first table. */
  private withRepeatedBases(chain: number[]): number[] {
    const j = chain.length ? this.slots[chain[0]!]?.dupOf : undefined;
    if (j === undefined) return chain;
    const out = [...chain];
    for (let k = j + 1, end = chainEnd(this.slots, j); k < end; k++) out.push(k);
    return out;
  }

  /**
   * The keys a chain leaves unexplained are the members of types whose tables came earlier on the
   * page: a base seen before its derived type, and that base's own seen bases (§4.1: such a base gets
   * no table after its derived type, but its members live in the derived object). Each such table
   * must redeclare nothing of the chain or of the others, and show its required keys. The solve then
   * reads the base from the sample (solve/sample-bases.ts); the walk only must not hold those keys
   * against the chain. Without captions only a table the walk placed under a name that says which
   * type it is, and whose own object does not refute it, may explain keys (earlierExplains).
   */
  private seenBase(chain: readonly number[], unmatched: readonly string[], present: ReadonlySet<string>, truncated: boolean): boolean {
    const head = chain[0];
    if (head === undefined || head < 0) return false;
    const fits = (s: number): boolean => {
      const tb = this.tables[s]!;
      return this.earlierExplains(s) && !chain.includes(s) && !chain.some((t) => [...this.tables[t]!.keys].some((x) => tb.keys.has(x))) && (truncated || tb.required.every((r) => present.has(r)));
    };
    // fewest tables: each time the earlier table that explains most of the keys left
    const left = new Set(unmatched);
    const chosen: Table[] = [];
    while (left.size) {
      const [k] = left;
      let best: Table | undefined;
      let most = 0;
      for (const s of this.tablesWithKey(k!)) {
        if (s >= head) break;
        const tb = this.tables[s]!;
        let n = 0;
        for (const x of left) if (tb.keys.has(x)) n++;
        if (n > most && fits(s)) [best, most] = [tb, n];
      }
      if (!best) return false;
      if (chosen.some((tb) => [...tb.keys].some((x) => best!.keys.has(x)))) return false; // one would redeclare the other's member
      chosen.push(best);
      for (const x of best.keys) left.delete(x);
    }
    return true;
  }

  /**
   * Text-pipe: the keys a chain leaves unexplained are the members of the bases the cross-page solve
   * decided for its tables, where those bases were seen earlier on the page (no table follows the
   * derived one, but their members live in its object: one type, one reading, §4.1).
   */
  private decidedSeenBase(chain: readonly number[], unmatched: readonly string[]): boolean {
    const hints = this.input.seenBases;
    if (!hints) return false;
    let left = unmatched;
    for (const t of chain) {
      for (const b of hints(t) ?? []) {
        const keys = this.tables[b]!.keys;
        left = left.filter((k) => !keys.has(k));
        if (!left.length) return true;
      }
    }
    return false;
  }

  /**
   * Whether the placed table s may explain a later object's keys as its seen base. A caption names
   * the type for certain. Without captions the walk's own placement must stand on other evidence:
   * not an inferred (`<T>Base`) or provisional name, which only this reading gives it (such a table,
   * read as a base with no sample to check it, would earn its place by the very keys it excuses:
   * everything seed 16, ApproveRefundRecord); and its own sample object, if any, must hold the keys C1
   * requires of it (a table whose placement its own object refutes is no evidence of the type elsewhere:
   * accuracy seed 2, CreateEmployee7 read the table of CustomerRecord3's rows as its base and so the
   * next table as Policy10).
   */
  private earlierExplains(s: number): boolean {
    const slot = this.slots[s];
    if (!slot) return false;
    if (this.input.captions) return true;
    if (slot.naming === "inferred" || slot.naming === "provisional") return false;
    const obj = slot.obj;
    if (!obj || obj.kind !== "object" || obj.truncated) return true;
    const keys = objectKeys(obj).set;
    return this.tables[s]!.required.every((r) => keys.has(r));
  }

  #byKey?: Map<string, number[]>;
  /** Indexes of the params tables that have a row with this key, ascending. */
  private tablesWithKey(key: string): readonly number[] {
    if (!this.#byKey) {
      this.#byKey = new Map();
      this.tables.forEach((t, i) => {
        if (t.kind !== "params") return;
        for (const k of t.keys) {
          const list = this.#byKey!.get(k);
          if (list) list.push(i);
          else this.#byKey!.set(k, [i]);
        }
      });
    }
    return this.#byKey.get(key) ?? [];
  }
}
