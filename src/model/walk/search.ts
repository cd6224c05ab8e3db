// The search of spec §5.3: every assignment the server's type walk (§4) could have produced,
// depth-first, each scored against the sample bodies (C1-C4), with branch-and-bound pruning.
import type { SampleNode, TypeRole } from "../types.js";
import { HIDDEN, WELL_KNOWN, knownTableless, type Ref, type Table } from "./tables.js";
import { accessValue, asObject, countObjects, objectKeys } from "./sample-access.js";
import type { WalkInput } from "./index.js";
import { Step, Then, type Chain } from "./steps.js";
import { Memo, NameSet, NOT_RECORDED, PRUNED } from "./memo.js";
import { CaptionedBound, plainBound } from "./bound.js";

export type { Chain } from "./steps.js";

// --------------------------------------------------------------------------------------------
// The search

export interface Slot {
  name: string;
  role: TypeRole;
  /** How the name was found. */
  naming: "caption" | "operation" | "reference" | "inferred" | "signature" | "xml" | "provisional";
  /** Table index of the derived type (-1: the tableless request) for bases; owner for generic args. */
  of?: number;
  obj?: SampleNode;
  /** `role:name`, built once per slot for the leaf signatures of the search. */
  label?: string;
}

export interface Snapshot {
  score: number;
  slots: (Slot | undefined)[];
  consumed: number;
  responseTable: number;
  /** The references that found no table, in walk order; `at`: the index of the next table then (tables before it were placed). */
  x0: X0[];
  /** How many x0 entries came before the response table was placed (the rest are the response's walk's). */
  responseX0?: number;
  sig: string;
}

export interface X0 {
  name: string;
  value?: SampleNode;
  at: number;
}

export class Overflow extends Error {}

/** The name a table has before the walk places it: its caption, else the name the solve identified. */
export function knownName(input: WalkInput, tb: Table): string | undefined {
  return tb.caption ?? input.names?.[tb.index];
}

/**
 * A reference X may take table tb: with captions only the table captioned X (base name and arity);
 * a table the solve identified only X of that name, and X, once identified, no other table.
 */
export function fitsTable(input: WalkInput, tb: Table, x: Ref): boolean {
  if (input.captions && tb.caption !== undefined) {
    return tb.caption === x.name && (tb.captionParams?.length ?? 0) === x.arity;
  }
  const known = input.names?.[tb.index];
  if (known !== undefined) return known === x.name;
  if (input.identified?.has(x.name)) return false;
  if (HIDDEN.has(x.name)) return tb.signature === x.name;
  if (tb.kind === "params" && input.valueTypes?.has(x.name)) return false;
  return input.mayBe?.(x.name, tb.index) ?? true;
}

/** The name and naming of a table taken as a base. */
function baseNaming(input: WalkInput, tb: Table, derived: string, into: Naming = { name: "", naming: "inferred" }): Naming {
  if (tb.caption) return named(into, tb.caption, "caption");
  const known = input.names?.[tb.index];
  if (known !== undefined) return named(into, known, "reference");
  if (tb.signature === "QueryBase") return named(into, "QueryBase", "signature");
  return named(into, `${derived}Base`, "inferred");
}

interface Naming {
  name: string;
  naming: Slot["naming"];
}

function named(into: Naming, name: string, naming: Slot["naming"]): Naming {
  into.name = name;
  into.naming = naming;
  return into;
}

/**
 * Every key of WalkInput, unset. The solve builds walk inputs with different sets of keys (spread
 * with optional ones), so reads of them at every search node would meet many object shapes (slow,
 * megamorphic loads); `{ ...UNSET, ...input }` gives every input the same shape and meaning.
 */
const UNSET: Record<keyof WalkInput, undefined> = {
  operation: undefined,
  tables: undefined,
  captions: undefined,
  request: undefined,
  response: undefined,
  responseRoot: undefined,
  nodeCap: undefined,
  voidResponse: undefined,
  tableful: undefined,
  baseRule: undefined,
  names: undefined,
  identified: undefined,
  mayBe: undefined,
  valueTypes: undefined,
  seenBases: undefined,
};

/** When the exact search's parts start (search nodes): small pages never pay for them. */
export interface ExactFrom {
  bound: number;
  memo: number;
}
export const EXACT_FROM: ExactFrom = { bound: 64, memo: 512 };

export class Search {
  readonly n: number;
  pos = 0;
  score = 0;
  openChecks = 0;
  /** Open chains that already fail C1: each can end at -10 at best, not +3. */
  openFailed = 0;
  startedChecks = 0;
  /** Object nodes in the samples: no parse can pass more chain checks than there are. */
  objects = 0;
  nodes = 0;
  seen = new NameSet();
  slots: (Slot | undefined)[];
  x0: X0[] = [];
  /** One x0 entry object per depth of x0, reused (snapshots copy them). */
  #x0At: X0[] = [];
  /** One Slot object per table, reused: a table holds one slot at a time (snapshots copy them). */
  #slotAt: Slot[] = [];
  #naming: Naming = { name: "", naming: "inferred" };
  /** Per table t (at t + 1: -1 is the tableless request), the generic arguments of its base placed so far. */
  #argsOf: number[];
  responseTable = -1;
  readonly memo: Memo;
  /** Captioned pages: the bound of bound.ts; undefined: the plain bound. */
  #bound?: CaptionedBound;
  best?: Snapshot;
  first?: Snapshot;
  alternatives: Snapshot[] = [];

  /** The input with every key of WalkInput present, in one order (see UNSET). */
  readonly input: WalkInput;

  constructor(
    readonly tables: Table[],
    input: WalkInput,
    readonly cap: number,
    /**
     * Captioned pages: prune with the captions (bound.ts) and remember states (memo.ts) from these
     * node counts on; same result, far fewer nodes. Text-pipe pages keep the plain search: there a
     * search that ends within its cap reads more pages wrong (measured, bench/accuracy.mjs --render pipe).
     */
    exact: ExactFrom | false = EXACT_FROM,
  ) {
    this.input = { ...UNSET, ...input } as WalkInput;
    this.n = tables.length;
    const on = exact !== false && input.captions;
    if (on) {
      const response = (tb: Table): boolean => tb.kind === "params" && responseMayTake(tb, this.input);
      this.#bound = new CaptionedBound(tables, this.input, { response, captionedResponse: (tb) => captionedResponse(tb, this.input) }, exact.bound);
    }
    this.memo = new Memo(on, on ? exact.memo : 0);
    this.slots = new Array(this.n).fill(undefined);
    this.#argsOf = new Array(this.n + 1).fill(0);
    // Checks started never exceed pos + 1 (a tableless request, then one per consumed table), so
    // beyond n + 2 objects the bound in node() takes n - pos either way: stop counting there.
    const limit = this.n + 2;
    this.objects = countObjects(input.request, limit);
    if (this.objects < limit) this.objects += countObjects(input.response, limit - this.objects);
  }

  /** Counts a node; false when the subtree can neither beat nor tie the best parse. */
  private node(): boolean {
    if (++this.nodes > this.cap) throw new Overflow();
    if (this.best && (this.#bound ? this.#bound.bound(this) : plainBound(this)) < this.best.score) {
      this.memo.cut = true;
      return false;
    }
    return true;
  }

  run(requestTable: boolean): void {
    const op = this.input.operation;
    this.seen.add(op);
    const rq = asObject(this.input.request);
    if (requestTable) {
      this.slots[0] = { name: op, role: "request", naming: this.input.captions ? "caption" : "operation", obj: rq };
      this.pos = 1;
    }
    this.walkType(requestTable ? 0 : -1, op, rq, undefined, this.step(Then.response, 0, undefined, 0, undefined));
  }

  // Continuations are Step records from a stack, not closures: a node allocates nothing. A step lives
  // exactly as long as the call that took it (every continuation runs inside that call), so each
  // method gives back what it took before it returns.
  #steps: Step[] = [];
  #stepTop = 0;
  #chains: Chain[] = [];
  #chainTop = 0;

  private step(then: number, t: number, obj: SampleNode | undefined, q: number, next: Step | undefined): Step {
    const s = this.#steps[this.#stepTop] ?? (this.#steps[this.#stepTop] = new Step());
    this.#stepTop++;
    s.then = then;
    s.t = t;
    s.obj = obj;
    s.q = q;
    s.next = next;
    s.chain = undefined;
    s.checked = false;
    return s;
  }

  /** Places a slot at table i (the search's own Slot object for i). */
  private place(i: number, name: string, role: TypeRole, naming: Slot["naming"], of: number | undefined, obj: SampleNode | undefined): void {
    const s = this.#slotAt[i] ?? (this.#slotAt[i] = { name, role, naming, of, obj, label: undefined });
    s.name = name;
    s.role = role;
    s.naming = naming;
    s.of = of;
    s.obj = obj;
    s.label = undefined;
    this.slots[i] = s;
  }

  /** A fresh chain of table t alone (none for the tableless request), given back by its walkType. */
  private chainOf(t: number): Chain {
    const c = this.#chains[this.#chainTop] ?? (this.#chains[this.#chainTop] = { t: [], fails: 0 });
    this.#chainTop++;
    c.t.length = 0;
    if (t >= 0) c.t.push(t);
    c.fails = 0;
    return c;
  }

  private resume(k: Step): void {
    switch (k.then) {
      case Then.response:
        return this.responseStep();
      case Then.leaf:
        return this.leaf();
      case Then.finish:
        return this.finish(k);
      case Then.generics:
        return this.walkGenerics(k);
      default:
        return this.walkRefs(k.t, k.obj, k.q, k.next!);
    }
  }

  /** After a type's walk (bases, generic arguments, references): its chain's C1-C3 score, then what follows. */
  private finish(k: Step): void {
    if (!k.checked) return this.resume(k.next!);
    const chain = k.chain!;
    const d = this.check(chain.t, k.obj!);
    const failed = chain.fails > 0 ? 1 : 0;
    this.openChecks--;
    this.openFailed -= failed;
    this.score += d;
    this.resume(k.next!);
    this.score -= d;
    this.openFailed += failed;
    this.openChecks++;
  }

  /** Type t (-1: the tableless request): its base (B0 or B1), then its references; `derivedChain`: t is that chain's base. */
  private walkType(t: number, name: string, obj: SampleNode | undefined, derivedChain: Chain | undefined, k: Step): void {
    const steps = this.#stepTop;
    const head = derivedChain === undefined;
    const chain = derivedChain ?? this.chainOf(t);
    const checked = head && obj !== undefined;
    const headFails = checked && t >= 0 && !this.c1(t, obj!) ? 1 : 0;
    if (checked) {
      this.openChecks++;
      this.startedChecks++;
      chain.fails += headFails;
      if (chain.fails > 0) this.openFailed++;
    }
    const finish = this.step(Then.finish, t, obj, 0, k);
    finish.chain = chain;
    finish.checked = checked;
    const visit = !this.node() ? PRUNED : this.memo.on ? this.memo.enter(this, t, name, obj, finish, head) : NOT_RECORDED;
    if (visit !== PRUNED) {
      const i = this.pos;
      const tb = this.tables[i];
      // The well-known ServiceStack types have no base; trying one only adds equal-score parses.
      // A caption naming a use of a generic over T itself (`QueryResponse<Customer>` after
      // `Customer`) is never T's base: a class cannot derive from a generic of itself here.
      const cyclic = this.input.captions && tb?.captionParams?.includes(name) === true;
      // With captions the op's own `<Op>Response` and ServiceStack's QueryResponse<T> are responses,
      // not bases: taking one as a base only trades the response for another table.
      // Without captions the rows show QueryResponse<T> (§5.3 signature): a response, never a base either.
      const responseLike = tb !== undefined && (captionedResponse(tb, this.input) || (!this.input.captions && tb.signature === "QueryResponse"));
      const based = tb && tb.kind === "params" && !WELL_KNOWN.has(name) && !cyclic && !responseLike ? baseNaming(this.input, tb, name, this.#naming) : undefined;
      const bname = based?.name;
      const bnaming = based?.naming; // read now: the B0 walk below reuses the naming record
      // a table whose name is known cannot be T's base if that name was seen already: it would show no table here
      const possible = bname !== undefined && ((!this.input.captions && bnaming === "inferred") || !this.seen.has(bname));
      // the cross-page solve (§4.1) may have settled this base already: every page, one answer
      const rule = possible ? (this.input.baseRule?.(t, i) ?? "may") : "never";
      if (rule !== "must") this.walkRefs(t, obj, 0, finish); // B0 first: B0 > B1 on ties
      if (bname !== undefined && tb && rule !== "never") {
        {
          const added = !this.seen.has(bname);
          if (added) this.seen.add(bname);
          this.place(i, bname, "base", bnaming!, t, obj);
          this.pos++;
          this.score -= 1;
          chain.t.push(i);
          const fails = obj !== undefined && !this.c1(i, obj) ? 1 : 0;
          const newlyFailed = fails && chain.fails === 0 && this.isOpenHead(obj) ? 1 : 0;
          chain.fails += fails;
          this.openFailed += newlyFailed;
          // after the base's walk: its generic arguments, then t's own references
          const refs = this.step(Then.refs, t, obj, 0, finish);
          this.walkType(i, bname, obj, chain, this.step(Then.generics, t, undefined, 0, refs));
          this.openFailed -= newlyFailed;
          chain.fails -= fails;
          chain.t.pop();
          this.score += 1;
          this.pos--;
          this.slots[i] = undefined;
          if (added) this.seen.delete(bname);
        }
      }
      if (visit >= 0) this.memo.leave(this, visit);
    }
    if (checked) {
      if (chain.fails > 0) this.openFailed--;
      chain.fails -= headFails;
      this.openChecks--;
      this.startedChecks--;
    }
    this.#stepTop = steps;
    if (head) this.#chainTop--;
  }

  /** A base only joins a chain that is being checked when the derived type had a sample object. */
  private isOpenHead(obj: SampleNode | undefined): boolean {
    return obj !== undefined;
  }

  /** C1 for one table of a chain; truncated objects are not held to it. */
  private c1(t: number, obj: SampleNode): boolean {
    if (obj.kind !== "object" || obj.truncated) return true;
    const keys = objectKeys(obj).set;
    for (const k of this.tables[t]!.required) if (!keys.has(k)) return false;
    return true;
  }

  /** Generic arguments of the base of table g.t, each walked, then g.next (`g` itself follows each argument). */
  private walkGenerics(g: Step): void {
    if (!this.node()) return;
    const t = g.t;
    this.resume(g.next!); // no G1 first
    const i = this.pos;
    const tb = this.tables[i];
    if (!tb || tb.kind !== "params") return;
    const known = knownName(this.input, tb);
    const name = known ?? `Unnamed${i + 1}`;
    if (known !== undefined && this.seen.has(name)) return;
    if (captionedResponse(tb, this.input) || (!this.input.captions && tb.signature === "QueryResponse")) return;
    // With captions a base shows whether it is generic: only QueryBase (under a prop-less
    // QueryDb<T>) or a table captioned with parameters can be followed by generic arguments.
    const base = this.tables[t + 1];
    if (this.input.captions && base?.caption !== undefined && base.caption !== "QueryBase" && !base.captionParams?.length) return;
    // Without captions only QueryBase's rows show a generic base (QueryDb<From[, Into]>, §5.3
    // AutoQuery): after any other base a G1 would only trade a referenced table for a nameless one.
    if (!this.input.captions && base?.signature !== "QueryBase") return;
    // ... and no more of them than the base has parameters (QueryDb<T> under QueryBase: one)
    if (this.input.captions ? base?.caption !== undefined : true) {
      const arity = this.input.captions ? base!.captionParams?.length || 1 : 2;
      if (this.genericArgsOf(t) >= arity) return;
    }
    const cost = !this.input.captions && this.genericArgsOf(t) > 0 ? 1 + SECOND_ARGUMENT : 1;
    this.genericAs(i, t, name, tb.caption ? "caption" : known !== undefined ? "reference" : "provisional", cost, g);
    // Without captions an argument that references itself (`RefundInfo { Parents: List<RefundInfo> }`) is
    // named by that reference: with a provisional name the reference would take the next table.
    if (known === undefined && !this.input.captions) {
      for (const x of selfReferences(tb)) if (!this.seen.has(x.name) && fitsTable(this.input, tb, x)) this.genericAs(i, t, x.name, "reference", cost, g);
    }
  }

  private genericAs(i: number, t: number, name: string, naming: Slot["naming"], cost: number, g: Step): void {
    const added = naming !== "provisional" && !this.seen.has(name);
    if (added) this.seen.add(name);
    this.place(i, name, "generic-arg", naming, t, undefined);
    this.#argsOf[t + 1]++;
    this.pos++;
    this.score -= cost;
    this.walkType(i, name, undefined, undefined, g);
    this.score += cost;
    this.pos--;
    this.#argsOf[t + 1]--;
    this.slots[i] = undefined;
    if (added) this.seen.delete(name);
  }

  /** Generic-argument tables of t's base placed so far (all before pos). */
  genericArgsOf(t: number): number {
    return this.#argsOf[t + 1]!;
  }

  /** From the q-th reference of table t (rows in table order, refType order within a row). */
  private walkRefs(t: number, obj: SampleNode | undefined, q: number, k: Step): void {
    const list = t >= 0 ? this.tables[t]!.refList : [];
    for (; q < list.length; q++) {
      const { row, x } = list[q]!;
      if (this.seen.has(x.name)) continue;
      const next = this.tables[this.pos];
      const fits = next !== undefined && this.fits(next, x);
      if (HIDDEN.has(x.name) && !fits) continue;
      if (!this.node()) return;
      const steps = this.#stepTop;
      const v = accessValue(obj, row, x.access);
      this.seen.add(x.name);
      if (fits) {
        const i = this.pos;
        const c4 =
          v === undefined || v.kind === "null"
            ? 0
            : (next!.kind === "enum") === (v.kind === "object" || v.kind === "array")
              ? -10
              : 0;
        this.place(i, x.name, "reference", next!.caption ? "caption" : "reference", undefined, asObject(v));
        this.pos++;
        this.score += c4;
        if (next!.kind === "params") this.walkType(i, x.name, asObject(v), undefined, this.step(Then.refs, t, obj, q + 1, k));
        else if (this.node()) this.walkRefs(t, obj, q + 1, k);
        this.score -= c4;
        this.pos--;
        this.slots[i] = undefined;
      }
      // A table captioned X right where the server's walk visits X is X's table: no sample evidence
      // (a [DataMember(Name)] alias fails C2) may reassign it and leave X tableless.
      // A type that has a table on some page has properties, so the server shows its table when
      // the walk visits it: with tables left on this page, skipping it cannot be the walk (§4.1).
      // Generic tables are exempt: their rows may name another operation's argument (§4 rule 7).
      const mustShow =
        this.input.captions && this.pos < this.n && this.input.tableful?.has(x.name) === true && !this.tables[t]?.captionParams?.length;
      // likewise the table the solve identified as X, right where the walk visits X
      const identifiedHere = fits && !this.input.captions && this.input.names?.[next!.index] === x.name;
      // ... or identified as X further on: visited now, X's table would be here (generic rows exempt, as above)
      const identifiedLater = !identifiedHere && !this.input.captions && this.tables[t]?.signature !== "QueryResponse" && this.identifiedAfter(x.name);
      if (!(fits && this.input.captions && next!.caption !== undefined) && !mustShow && !identifiedHere && !identifiedLater) {
        const pen = knownTableless(x.name) ? 0 : 1;
        this.score -= pen;
        const entry = this.#x0At[this.x0.length] ?? (this.#x0At[this.x0.length] = { name: "", value: undefined, at: 0 });
        entry.name = x.name;
        entry.value = v;
        entry.at = this.pos;
        this.x0.push(entry);
        this.walkRefs(t, obj, q + 1, k);
        this.x0.pop();
        this.score += pen;
      }
      this.seen.delete(x.name);
      this.#stepTop = steps;
      return;
    }
    this.resume(k);
  }

  /** A table after pos that the solve identified as this name. */
  private identifiedAfter(name: string): boolean {
    const names = this.input.names;
    if (!names) return false;
    for (let i = this.pos + 1; i < this.n; i++) if (names[i] === name) return true;
    return false;
  }

  private fits(tb: Table, x: Ref): boolean {
    return fitsTable(this.input, tb, x);
  }

  #responseX0 = 0;

  private responseAs(i: number, tb: Table, name: string, naming: Slot["naming"], rs: SampleNode | undefined): void {
    this.#responseX0 = this.x0.length;
    this.place(i, name, "response", naming, undefined, rs);
    this.pos++;
    this.responseTable = i;
    const added = !this.seen.has(name);
    if (added) this.seen.add(name);
    const pen = requestNamed(tb, this.input) ? REQUEST_NAMED_RESPONSE : 0;
    this.score -= pen;
    const steps = this.#stepTop;
    this.walkType(i, name, rs, undefined, this.step(Then.leaf, i, undefined, 0, undefined));
    this.#stepTop = steps;
    this.score += pen;
    if (added) this.seen.delete(name);
    this.responseTable = -1;
    this.pos--;
    this.slots[i] = undefined;
  }

  private responseStep(): void {
    if (!this.node()) return;
    const i = this.pos;
    const tb = this.tables[i];
    const rs = asObject(this.input.response);
    if (tb && tb.kind === "params" && responseMayTake(tb, this.input)) {
      let name: string;
      let naming: Slot["naming"];
      if (tb.caption) [name, naming] = [tb.caption, "caption"];
      else if (this.input.names?.[i] !== undefined) [name, naming] = [this.input.names[i]!, "reference"];
      else if (this.input.responseRoot) [name, naming] = [this.input.responseRoot, "xml"];
      else if (tb.signature === "QueryResponse") [name, naming] = ["QueryResponse", "signature"];
      else [name, naming] = [`${this.input.operation}Response`, "inferred"];
      this.responseAs(i, tb, name, naming, rs);
      // Without captions an entity returned as the response may reference itself
      // (`Employee { Peers: Dictionary<string, Employee> }`): named so, that reference needs no other table.
      if (naming === "inferred" && !this.input.captions) {
        for (const x of selfReferences(tb)) {
          if (!this.seen.has(x.name) && fitsTable(this.input, tb, x) && selfConsistent(tb, x.name, rs)) this.responseAs(i, tb, x.name, "reference", rs);
        }
      }
    }
    const pen = rs && rs.kind === "object" && rs.entries.length > 0 ? 10 : 0;
    this.score -= pen;
    this.leaf();
    this.score += pen;
  }

  private leaf(): void {
    const score = this.score - 10 * (this.n - this.pos);
    this.memo.leaf(score);
    // a parse that scores below the best needs neither a signature nor a snapshot
    if (this.first && this.best && score < this.best.score) return;
    let sig = "";
    for (let i = 0; i < this.n; i++) {
      const s = this.slots[i];
      sig += (s && i < this.pos ? (s.label ??= `${s.role}:${s.name}`) : "?") + "|";
    }
    sig += `R${this.responseTable}`;
    const snap = (): Snapshot => ({
      score,
      // the search reuses its slot and x0 objects: a snapshot keeps copies
      slots: this.slots.map((slot) => (slot ? { ...slot } : undefined)),
      consumed: this.pos,
      responseTable: this.responseTable,
      x0: this.x0.map((x) => ({ ...x })),
      ...(this.responseTable >= 0 && { responseX0: this.#responseX0 }),
      sig,
    });
    if (!this.first) this.first = snap();
    if (!this.best || score > this.best.score) {
      this.best = this.first.sig === sig && this.first.score === score ? this.first : snap();
      this.alternatives = [];
      this.unsure = undefined;
    } else if (score === this.best.score && sig !== this.best.sig) {
      this.markUnsure();
      if (this.alternatives.length < 3 && !this.alternatives.some((a) => a.sig === sig)) {
        this.alternatives.push(snap());
      }
    }
  }

  /**
   * A parse tied with the best: the tables it names otherwise (every tie counts, not only the
   * alternatives kept for the warning). A table that is provisional or unexplained in either is named
   * by late binding from the parse's tableless references: it is unsure when those differ.
   */
  private markUnsure(): void {
    const best = this.best!;
    let x0: string | undefined;
    let bestX0: string | undefined;
    for (let i = 0; i < this.n; i++) {
      const a = i < this.pos ? this.slots[i] : undefined;
      const b = i < best.consumed ? best.slots[i] : undefined;
      const open = !a || !b || a.naming === "provisional" || b.naming === "provisional";
      const differs = open ? (x0 ??= this.x0.map((x) => x.name).join("|")) !== (bestX0 ??= best.x0.map((x) => x.name).join("|")) || a?.name !== b?.name : a.name !== b.name;
      if (differs) (this.unsure ??= new Set()).add(i);
    }
  }

  /** Table indexes that parses tied with the best name differently (markUnsure). */
  unsure?: Set<number>;

  /** C1-C3 over a chain (a table and its bases) against its sample object. */
  private check(chain: number[], obj: SampleNode): number {
    if (obj.kind !== "object") return 0;
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

  /**
   * Captioned pages: the keys a chain leaves unexplained are the members of types whose tables came
   * earlier on the page: a base seen before its derived type, and that base's own seen bases (§4.1:
   * such a base gets no table after its derived type, but its members live in the derived object).
   * Each such table must redeclare nothing of the chain or of the others, and show its required
   * keys. The solve then reads the base from the sample (solve/sample-bases.ts); the walk only must
   * not hold those keys against the chain.
   */
  private seenBase(chain: readonly number[], unmatched: readonly string[], present: ReadonlySet<string>, truncated: boolean): boolean {
    const head = chain[0];
    if (!this.input.captions || head === undefined || head < 0) return false;
    const fits = (s: number): boolean => {
      const tb = this.tables[s]!;
      return !!this.slots[s] && !chain.includes(s) && !chain.some((t) => [...this.tables[t]!.keys].some((x) => tb.keys.has(x))) && (truncated || tb.required.every((r) => present.has(r)));
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

const RESPONSE = "\u0000response";
const END = "\u0000end";

/**
 * The tie order applied at every choice (B0, no G1, X1 whenever the next table fits, R1): the
 * search's first complete parse, computed with an explicit stack so that no page can overflow it.
 * On captioned pages it also takes a base wherever the walk could visit no other table there.
 */

export function greedyParse(tables: Table[], input: WalkInput, requestTable: boolean): Snapshot {
  const slots: (Slot | undefined)[] = new Array(tables.length).fill(undefined);
  const seen = new Set<string>([input.operation]);
  const x0: Snapshot["x0"] = [];
  let pos = 0;
  const rq = asObject(input.request);
  if (requestTable) {
    slots[0] = { name: input.operation, role: "request", naming: input.captions ? "caption" : "operation", obj: rq };
    pos = 1;
  }
  const fits = (tb: Table, x: Ref): boolean => fitsTable(input, tb, x);
  /** `args`: generic-argument tables that may follow the base's walk (captioned pages, §4 step 2). */
  type Frame = { t: number; obj?: SampleNode; r: number; j: number; args?: number };
  let inResponse = false;
  /**
   * Captioned pages: the name whose table must come next if the type on top of `stack` takes no
   * base (the first unseen reference that has a table on some page), else the response or the end.
   */
  const expectedNext = (stack: readonly Frame[]): string => {
    for (let s = stack.length - 1; s >= 0; s--) {
      const f = stack[s]!;
      const rows = f.t >= 0 ? tables[f.t]!.rows : [];
      for (let r = f.r, j = f.j; r < rows.length; r++, j = 0) {
        for (const x of rows[r]!.refs.slice(j)) if (!seen.has(x.name) && !HIDDEN.has(x.name) && input.tableful!.has(x.name)) return x.name;
      }
    }
    return inResponse ? END : RESPONSE;
  };
  /**
   * Whether the table at pos is the base of `derived`: the solve says so, or (captioned pages) no
   * other reading explains it there, since the walk would visit another table next.
   */
  const takesBase = (derived: number, derivedName: string, tb: Table, stack: readonly Frame[]): boolean => {
    const rule = input.baseRule?.(derived, pos) ?? "may";
    if (rule !== "may") return rule === "must";
    if (!input.captions || !input.tableful || tb.caption === undefined || WELL_KNOWN.has(derivedName)) return false;
    if (tb.captionParams?.includes(derivedName) || captionedResponse(tb, input)) return false;
    const expected = expectedNext(stack);
    if (expected === RESPONSE) return !responseMayTake(tb, input) || tb.caption === "QueryBase";
    return expected === END || expected !== tb.caption;
  };
  /** Captioned pages: the table at pos is a generic argument of the frame's base (the walk would visit another table). */
  const takesArgument = (tb: Table, stack: readonly Frame[]): boolean => {
    if (tb.kind !== "params" || tb.caption === undefined || seen.has(tb.caption) || captionedResponse(tb, input)) return false;
    const expected = expectedNext(stack);
    return expected === RESPONSE ? !responseMayTake(tb, input) || !/Response$/.test(tb.caption) : expected !== tb.caption;
  };
  /** A visited type's frame, then the frames of the bases right after it (deepest on top). */
  const enter = (t: number, obj: SampleNode | undefined, name: string, outer: readonly Frame[]): Frame[] => {
    const frames: Frame[] = [{ t, obj, r: 0, j: 0 }];
    let derived = t;
    let derivedName = name;
    for (;;) {
      const tb = tables[pos];
      if (!tb || tb.kind !== "params" || !takesBase(derived, derivedName, tb, [...outer, ...frames])) break;
      const { name: bname, naming } = baseNaming(input, tb, derivedName);
      if ((input.captions || naming !== "inferred") && seen.has(bname)) break;
      seen.add(bname);
      slots[pos] = { name: bname, role: "base", naming, of: derived, obj };
      if (input.captions && input.tableful) frames[frames.length - 1]!.args = bname === "QueryBase" ? 1 : (tb.captionParams?.length ?? 0);
      frames.push({ t: pos, obj, r: 0, j: 0 });
      derived = pos++;
      derivedName = bname;
    }
    return frames;
  };
  const walk = (root: number, rootObj: SampleNode | undefined, rootName: string) => {
    const stack: Frame[] = enter(root, rootObj, rootName, []);
    while (stack.length) {
      const f = stack[stack.length - 1]!;
      if (f.args && f.r === 0 && f.j === 0) {
        // after the base's walk, before the type's own references: its base's generic arguments
        const tb = tables[pos];
        if (tb && takesArgument(tb, stack)) {
          f.args--;
          const i = pos++;
          seen.add(tb.caption!);
          slots[i] = { name: tb.caption!, role: "generic-arg", naming: "caption", of: f.t };
          stack.push(...enter(i, undefined, tb.caption!, stack));
          continue;
        }
        f.args = 0;
      }
      const rows = f.t >= 0 ? tables[f.t]!.rows : [];
      if (f.r >= rows.length) {
        stack.pop();
        continue;
      }
      const row = rows[f.r]!;
      if (f.j >= row.refs.length) {
        f.r++;
        f.j = 0;
        continue;
      }
      const x = row.refs[f.j++]!;
      if (seen.has(x.name)) continue;
      const next = tables[pos];
      const fit = next !== undefined && fits(next, x);
      if (HIDDEN.has(x.name) && !fit) continue;
      seen.add(x.name);
      const v = accessValue(f.obj, row, x.access);
      if (!fit) {
        x0.push({ name: x.name, value: v, at: pos });
        continue;
      }
      const i = pos++;
      slots[i] = { name: x.name, role: "reference", naming: next!.caption ? "caption" : "reference", obj: asObject(v) };
      if (next!.kind === "params") stack.push(...enter(i, asObject(v), x.name, stack));
    }
  };
  walk(requestTable ? 0 : -1, rq, input.operation);
  let responseTable = -1;
  let responseX0 = 0;
  const tb = tables[pos];
  if (tb && tb.kind === "params" && responseMayTake(tb, input)) {
    const rs = asObject(input.response);
    const known = knownName(input, tb);
    const name = known ?? input.responseRoot ?? (tb.signature === "QueryResponse" ? "QueryResponse" : `${input.operation}Response`);
    const naming: Slot["naming"] = tb.caption
      ? "caption"
      : known !== undefined
        ? "reference"
        : input.responseRoot
          ? "xml"
          : tb.signature === "QueryResponse"
            ? "signature"
            : "inferred";
    responseTable = pos;
    slots[pos++] = { name, role: "response", naming, obj: rs };
    seen.add(name);
    inResponse = true;
    responseX0 = x0.length;
    walk(responseTable, rs, name);
  }
  return { score: 0, slots, consumed: pos, responseTable, x0, ...(responseTable >= 0 && { responseX0 }), sig: "greedy" };
}

/** The distinct names a table's own rows reference that could be a class (not System, hidden or an interface). */
function selfReferences(tb: Table): Ref[] {
  const out: Ref[] = [];
  for (const { x } of tb.refList) if (x.arity === 0 && !knownTableless(x.name) && !out.some((o) => o.name === x.name)) out.push(x);
  return out;
}

/** The sample values of the table's references to `name` could be objects of the table itself. */
function selfConsistent(tb: Table, name: string, obj: SampleNode | undefined): boolean {
  for (const { row, x } of tb.refList) {
    if (x.name !== name) continue;
    const v = accessValue(obj, row, x.access);
    if (!v || v.kind === "null") continue;
    if (v.kind !== "object") return false;
    for (const k of objectKeys(v).set) if (!tb.keys.has(k)) return false;
  }
  return true;
}

/**
 * Half a point against a response captioned `…Request` (`AuditedRequest`): where a request base
 * whose members are all null in the samples and a response with that base explain a page equally
 * (the page would be the same), the names decide, and DTOs are named for their role. Never more
 * than a tie-break: every other score step is a whole point.
 */
const REQUEST_NAMED_RESPONSE = 0.5;
/**
 * Without captions, half a point against a second generic argument after QueryBase: `QueryDb<From, Into>`
 * and `QueryDb<T>` whose T has a base explain such a page equally, and the rows cannot show which; the
 * second is the common DTO. Never more than a tie-break.
 */
const SECOND_ARGUMENT = 0.5;
function requestNamed(tb: Table, input: WalkInput): boolean {
  return input.captions && tb.caption !== undefined && /Request\d*$/.test(tb.caption) && tb.caption !== input.operation;
}

/** With captions the op's own `<Op>Response` and ServiceStack's QueryResponse<T> are responses, never bases or arguments. */
function captionedResponse(tb: Table, input: WalkInput): boolean {
  if (!input.captions || tb.caption === undefined) return false;
  // caption === `${operation}Response`, without building that string at every node of the search
  const c = tb.caption;
  const op = input.operation;
  return c === "QueryResponse" || (c.length === op.length + 8 && c.endsWith("Response") && c.startsWith(op));
}

/**
 * A void, collection or raw response has no table (page.ts: noResponseTable), except a table
 * captioned as a response: then the page was cut after its request sample.
 */
function responseMayTake(tb: Table, input: WalkInput): boolean {
  return !input.voidResponse || captionedResponse(tb, input);
}

export function describe(s: Snapshot, tables: Table[]): string {
  return tables
    .map((_, i) => {
      const slot = s.slots[i];
      return slot ? `${slot.name}(${slot.role})` : `table ${i + 1}(unexplained)`;
    })
    .join(",");
}

export function decideRequest(tables: Table[], input: WalkInput): boolean {
  const p0 = tables[0];
  if (!p0 || p0.kind !== "params") return false;
  if (input.captions && p0.caption !== undefined) {
    return p0.caption.toLowerCase() === input.operation.toLowerCase();
  }
  // §2.4: only request tables show anything but `form` (path, query, body, or an [ApiMember] ParameterType such as header)
  if (p0.rows.some((r) => r.raw.param !== "" && !/^form$/i.test(r.raw.param))) return true;
  // QueryBase's rows first: the base of a prop-less AutoQuery request (QueryDb<T>, §4 rule 2), whose
  // sample holds exactly those keys
  if (p0.signature === "QueryBase") return false;
  const rq = input.request;
  if (!rq || rq.kind !== "object" || rq.entries.length === 0) return false;
  const present = objectKeys(rq).set;
  const c1 = rq.truncated || p0.required.every((k) => present.has(k));
  if (!c1) return false;
  for (const k of present) if (!p0.keys.has(k)) return false;
  return true;
}
