// Which reading of a type keeps its name when pages read it differently (W_TYPE_CONFLICT, spec
// §4.1): the one most pages show (ties: the first in merge order), not merely the first page's.
// A page whose search ran out of budget kept a guess: its reading wins only where no page that
// searched to the end shows another. Every other reading that cannot be the same type is renamed
// once, and each page showing that reading uses that one name: 21 pages agreeing on CustomerLevel3 {Large, Weekly, Active} against
// one page that ran another enum into it came out as 21 numbered copies of the true type
// (seed 1, 5,000 ops, text-pipe).
import type { PageModel, TypeModel } from "./types.js";

export interface Variant {
  /** The reading the variant is, as the first page in merge order showing it read it. */
  model: TypeModel;
  page: string;
  pages: number;
  /** Pages whose walk searched to the end (PageModel.guessed unset): they outrank any count of guesses. */
  sure: number;
  /** The name this reading gets: the type's own for the winner, else a numbered one. */
  name: string;
}

export interface NameChoice {
  /** Per page, the renames of its types that are not the winning reading. */
  renames: Map<PageModel, Map<string, Variant>>;
  /** The winning reading of each renamed type (what the conflict notes compare against). */
  winners: Map<string, Variant>;
}

/**
 * Readings by type name, grouped by `same` (one type), among the pages in merge order. Readings
 * `exempt` says nothing against (inferred from samples) join whatever reading is kept.
 */
export function chooseNames(
  sorted: readonly PageModel[],
  same: (a: TypeModel, b: TypeModel) => boolean,
  exempt: (t: TypeModel) => boolean,
): NameChoice {
  const variants = new Map<string, Variant[]>();
  const of = new Map<PageModel, Map<string, Variant>>();
  for (const page of sorted) {
    const mine = new Map<string, Variant>();
    for (const t of page.types) {
      if (exempt(t) || mine.has(t.name)) continue;
      let list = variants.get(t.name);
      if (!list) variants.set(t.name, (list = []));
      let v = list.find((x) => same(x.model, t));
      if (!v) list.push((v = { model: t, page: page.source, pages: 0, sure: 0, name: t.name }));
      v.pages++;
      if (!page.guessed) v.sure++;
      mine.set(t.name, v);
    }
    of.set(page, mine);
  }
  const taken = new Set<string>();
  for (const page of sorted) for (const t of page.types) taken.add(t.name);
  const winners = new Map<string, Variant>();
  for (const [name, list] of variants) {
    if (list.length < 2) continue;
    // most pages that searched to the end first, then most pages; equal counts keep merge order (the sort is stable)
    const ranked = [...list].sort((a, b) => b.sure - a.sure || b.pages - a.pages);
    winners.set(name, ranked[0]!);
    let k = 2;
    for (const v of list) {
      if (v === ranked[0]) continue;
      while (taken.has(`${name}${k}`)) k++;
      v.name = `${name}${k}`;
      taken.add(v.name);
    }
  }
  const renames = new Map<PageModel, Map<string, Variant>>();
  for (const [page, mine] of of) {
    const own = new Map([...mine].filter(([name, v]) => v.name !== name));
    if (own.size) renames.set(page, own);
  }
  return { renames, winners };
}
