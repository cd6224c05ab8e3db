// The search's continuations (search.ts): what runs after a type's walk, as pooled records rather
// than closures, so that a search node allocates nothing.
import type { SampleNode } from "../types.js";

/** A table and its assigned bases, checked together against one sample object. */
export interface Chain {
  t: number[];
  /** Tables in the chain whose C1-required keys are missing (C1 can only get worse as bases are added). */
  fails: number;
}

/** What a Step continues with. */
export const Then = { response: 0, leaf: 1, finish: 2, generics: 3, refs: 4 } as const;

/**
 * A continuation of the search: the response step, a leaf, a type's finish (score its chain when
 * `checked`, then `next`), the generic arguments of t's base (then `next`), or t's references from
 * the q-th (then `next`).
 */
export class Step {
  then = 0;
  t = 0;
  q = 0;
  obj: SampleNode | undefined = undefined;
  chain: Chain | undefined = undefined;
  checked = false;
  next: Step | undefined = undefined;
  // The memo's id of this step and what it was computed from (memo.ts): valid while they are unchanged.
  memoId = -1;
  memoNext = -1;
  memoObj: SampleNode | undefined = undefined;
  memoA = 0;
  memoC = 0;
  memoF = 0;
  memoThen = -1;
  memoT = 0;
  memoQ = 0;
}
