// A memo of search states (search.ts, captioned pages). Big pages reach the same state again and
// again by different prefixes (a base read or not, then the same references met): the rest of the
// search from there is the same, only its starting score differs. A state's entry is an upper bound
// on what its subtree added to the score; a later visit whose score plus that bound cannot reach
// the best parse found is skipped. Ties are never skipped, so the search's result (its best parse,
// its first parse and its tied alternatives) is exactly that of the search without the memo.
import type { SampleNode } from "../types.js";
import { Then, type Step } from "./steps.js";

/**
 * The names the walk has met, as a Set of them would say, plus a key of the set for the memo. Names
 * get bit positions in order of first sight; a name is only ever cleared, never forgotten (the
 * search adds and removes the same names millions of times).
 */
export class NameSet {
  /** Name -> its bit while in the set, else -1 - its bit (has() is one lookup, as in a plain map). */
  #bit = new Map<string, number>();
  #words: number[] = [];
  has(name: string): boolean {
    return (this.#bit.get(name) ?? -1) >= 0;
  }
  add(name: string): void {
    let b = this.#bit.get(name);
    if (b === undefined) {
      b = this.#bit.size;
      if (b >>> 5 >= this.#words.length) this.#words.push(0);
    } else if (b < 0) b = -1 - b;
    this.#bit.set(name, b);
    this.#words[b >>> 5]! |= 1 << (b & 31);
  }
  delete(name: string): void {
    const b = this.#bit.get(name);
    if (b === undefined || b < 0) return;
    this.#bit.set(name, -1 - b);
    this.#words[b >>> 5]! &= ~(1 << (b & 31));
  }
  /** Writes the set into `into` from `at`: its count of words, then the words (trailing empty words left out); returns the next index. */
  write(into: Int32Array, at: number): number {
    let end = this.#words.length;
    while (end > 0 && this.#words[end - 1] === 0) end--;
    into[at++] = end;
    for (let i = 0; i < end; i++) into[at++] = this.#words[i]!;
    return at;
  }
  /** How many words write() may write, at most (plus one for their count). */
  get words(): number {
    return this.#words.length;
  }
}

/** What the memo reads of the search. */
export interface MemoSearch {
  readonly pos: number;
  readonly n: number;
  readonly score: number;
  readonly nodes: number;
  readonly seen: NameSet;
  readonly best?: { score: number };
  /** Generic-argument tables of t's base placed so far. */
  genericArgsOf(t: number): number;
}

/** What Memo.enter() returns for a state whose subtree cannot reach the best parse. */
export const PRUNED = -2;
/** What Memo.enter() returns for a visit it does not record. */
export const NOT_RECORDED = -1;

export class Memo {
  #table: StateTable | undefined;
  /** The interned continuation steps (an entry's index is the step's id). */
  #steps: StateTable | undefined;
  #path: Step[] = [];
  #stepKey = new Int32Array(8);
  #ids = new Map<SampleNode, number>();
  #names = new Map<string, number>();
  /** The key being built (grown as needed). */
  #buf = new Int32Array(0);
  /** Open recorded visits, innermost last: the starting score, and the outer visit's leafTop and cut. */
  #scores: number[] = [];
  #tops: number[] = [];
  #cuts: boolean[] = [];
  #depth = 0;
  /** The highest leaf score since the innermost recorded visit began. */
  leafTop = -Infinity;
  /** Whether a branch was pruned since the innermost recorded visit began (its leaves scored below the best). */
  cut = false;

  constructor(
    readonly on: boolean,
    /** Nodes before the memo switches on: small pages never pay for keys. */
    readonly after: number,
  ) {}

  /**
   * Entering type t's walk (`k`: the continuation, from t's finish): PRUNED when the memo shows this
   * state's subtree cannot reach the best parse; else the visit, which leave() must close when it
   * is recorded (>= 0; NOT_RECORDED: the memo is off, or this is a base's walk).
   */
  enter(s: MemoSearch, t: number, name: string, obj: SampleNode | undefined, k: Step, head: boolean): number {
    // a base's walk is rarely met again by another path (measured: 2% of such visits): only a type's own walk is recorded
    if (!this.on || !head || s.nodes < this.after) return NOT_RECORDED;
    const n = this.key(s, t, name, obj, k);
    const table = (this.#table ??= new StateTable());
    let entry = table.find(this.#buf, n);
    if (entry >= 0 && s.best && s.score + table.upper[entry]! < s.best.score) {
      this.cut = true;
      return PRUNED;
    }
    if (entry < 0) entry = table.add(this.#buf, n);
    const d = this.#depth++;
    this.#scores[d] = s.score;
    this.#tops[d] = this.leafTop;
    this.#cuts[d] = this.cut;
    this.leafTop = -Infinity;
    this.cut = false;
    return entry;
  }

  /** The recorded visit's subtree is done: its bound recorded, the outer visit's leafTop and cut updated. */
  leave(s: MemoSearch, entry: number): void {
    const d = --this.#depth;
    // every pruned leaf scored below the best at the time, so below the best now
    const reached = this.cut && s.best ? Math.max(this.leafTop, s.best.score) : this.leafTop;
    const upper = this.#table!.upper;
    upper[entry] = Math.min(upper[entry]!, reached - this.#scores[d]!);
    this.leafTop = Math.max(this.leafTop, this.#tops[d]!);
    this.cut ||= this.#cuts[d]!;
  }

  /** A leaf scored. */
  leaf(score: number): void {
    if (score > this.leafTop) this.leafTop = score;
  }

  /**
   * What decides the rest of the search from the start of type t's walk, into #buf: the position,
   * t, its sample object and name, the continuation, and the names met. Slots before pos are read
   * only through those, and the score only adds. Returns the key's length.
   */
  private key(s: MemoSearch, t: number, name: string, obj: SampleNode | undefined, k: Step): number {
    const cont = this.continuation(s, k);
    let b = this.#buf;
    if (b.length < 6 + s.seen.words) b = this.#buf = new Int32Array(2 * (6 + s.seen.words) + 32);
    b[0] = s.pos;
    b[1] = t;
    b[2] = this.id(obj);
    b[3] = this.nameId(name);
    b[4] = cont;
    return s.seen.write(b, 5);
  }

  /**
   * The continuation's id: equal continuations, equal ids. Each step is interned as its kind, table,
   * reference index and object, what it reads that changes while it lives (a checked finish's
   * chain; how many generic arguments a generics step's base has had so far), and the id of the
   * rest; a step keeps its id while none of those changed, so a visit interns only the new steps.
   */
  private continuation(s: MemoSearch, k: Step): number {
    const path = this.#path;
    let depth = 0;
    for (let x: Step | undefined = k; x; x = x.next) path[depth++] = x;
    const steps = (this.#steps ??= new StateTable());
    const b = this.#stepKey;
    let id = -1;
    for (let d = depth - 1; d >= 0; d--) {
      const x = path[d]!;
      // a chain is its head and the tables right after it (bases follow their derived type): its length and last table name it
      let a = 0;
      let c = 0;
      let f = 0;
      if (x.then === Then.finish) {
        if (x.checked) {
          a = x.chain!.t.length;
          c = a ? x.chain!.t[a - 1]! : -1;
          f = x.chain!.fails;
        } else a = -1;
      } else if (x.then === Then.generics) a = s.genericArgsOf(x.t);
      const obj = x.obj;
      if (x.memoNext === id && x.memoObj === obj && x.memoA === a && x.memoC === c && x.memoF === f && x.memoThen === x.then && x.memoT === x.t && x.memoQ === x.q && x.memoId >= 0) {
        id = x.memoId;
        continue;
      }
      b[0] = x.then;
      b[1] = x.t;
      b[2] = x.q;
      b[3] = this.id(obj);
      b[4] = a;
      b[5] = c;
      b[6] = f;
      b[7] = id;
      let e = steps.find(b, 8);
      if (e < 0) e = steps.add(b, 8);
      x.memoNext = id;
      x.memoObj = obj;
      x.memoA = a;
      x.memoC = c;
      x.memoF = f;
      x.memoThen = x.then;
      x.memoT = x.t;
      x.memoQ = x.q;
      x.memoId = e;
      id = e;
    }
    return id;
  }

  private id(obj: SampleNode | undefined): number {
    if (obj === undefined) return -1;
    let id = this.#ids.get(obj);
    if (id === undefined) this.#ids.set(obj, (id = this.#ids.size));
    return id;
  }

  private nameId(name: string): number {
    let id = this.#names.get(name);
    if (id === undefined) this.#names.set(name, (id = this.#names.size));
    return id;
  }
}

/**
 * The memo's entries: keys (sequences of numbers) in one growing array, chained hash buckets, and
 * each entry's bound. Typed arrays rather than objects and strings: a big page records tens of
 * thousands of states, and the search asks at most of its nodes.
 */
class StateTable {
  #data = new Int32Array(1 << 14);
  #used = 0;
  #start = new Int32Array(1 << 10);
  #length = new Int32Array(1 << 10);
  #hash = new Int32Array(1 << 10);
  #next = new Int32Array(1 << 10);
  upper = new Float64Array(1 << 10);
  #count = 0;
  #heads = new Int32Array(1 << 10).fill(-1);

  /** The entry of this key, or -1. */
  find(key: Int32Array, n: number): number {
    const h = hashOf(key, n);
    for (let e = this.#heads[h & (this.#heads.length - 1)]!; e >= 0; e = this.#next[e]!) {
      if (this.#hash[e] === h && this.#length[e] === n && this.#equal(e, key, n)) return e;
    }
    return -1;
  }

  /** A new entry for this key (not in the table), its bound unknown (Infinity). */
  add(key: Int32Array, n: number): number {
    if (this.#used + n > this.#data.length) this.#data = grown(this.#data, this.#used + n);
    if (this.#count === this.#start.length) this.#growEntries();
    const e = this.#count++;
    this.#data.set(key.subarray(0, n), this.#used);
    this.#start[e] = this.#used;
    this.#length[e] = n;
    this.#used += n;
    const h = hashOf(key, n);
    this.#hash[e] = h;
    this.upper[e] = Infinity;
    const slot = h & (this.#heads.length - 1);
    this.#next[e] = this.#heads[slot]!;
    this.#heads[slot] = e;
    return e;
  }

  #equal(e: number, key: Int32Array, n: number): boolean {
    const data = this.#data;
    const at = this.#start[e]!;
    for (let i = 0; i < n; i++) if (data[at + i] !== key[i]) return false;
    return true;
  }

  /** Twice the entries and buckets (one bucket per entry on average at most), rehashed. */
  #growEntries(): void {
    const size = 2 * this.#start.length;
    this.#start = grown(this.#start, size);
    this.#length = grown(this.#length, size);
    this.#hash = grown(this.#hash, size);
    this.#next = grown(this.#next, size);
    const upper = new Float64Array(size);
    upper.set(this.upper);
    this.upper = upper;
    this.#heads = new Int32Array(size).fill(-1);
    for (let e = 0; e < this.#count; e++) {
      const slot = this.#hash[e]! & (size - 1);
      this.#next[e] = this.#heads[slot]!;
      this.#heads[slot] = e;
    }
  }
}

function grown(a: Int32Array, atLeast: number): Int32Array<ArrayBuffer> {
  let size = a.length;
  while (size < atLeast) size *= 2;
  const out = new Int32Array(size);
  out.set(a);
  return out;
}

function hashOf(b: Int32Array, n: number): number {
  let h = n;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ b[i]!, 0x9e3779b1) ^ (h >>> 15);
  return h | 0;
}
