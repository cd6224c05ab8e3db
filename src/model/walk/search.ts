// The search of spec §5.3: every assignment the server's type walk (§4) could have produced,
// depth-first, each scored against the sample bodies (C1-C4), with branch-and-bound pruning.
import type { SampleNode, TypeRole } from "../types.js";
import { HIDDEN, WELL_KNOWN, knownTableless, tableKey, type Ref, type Table } from "./tables.js";
import { accessValue, asObject, countObjects, objectKeys, resultsElement } from "./sample-access.js";
import type { WalkInput } from "./index.js";
import { Step, Then, type Chain } from "./steps.js";
import { ChainCheck } from "./chain-check.js";
import { Memo, NameSet, NOT_RECORDED, PRUNED } from "./memo.js";
import { CaptionedBound, plainBound } from "./bound.js";
import { Overflow, chainEnd, type Slot, type Snapshot, type X0 } from "./reading.js";
import {
  REQUEST_NAMED_RESPONSE,
  SECOND_ARGUMENT,
  baseNaming,
  captionedResponse,
  fitsTable,
  knownName,
  requestNamed,
  responseMayTake,
  resultsRefs,
  selfConsistent,
  selfReferences,
  type Naming,
} from "./rules.js";

export type { Chain } from "./steps.js";

// --------------------------------------------------------------------------------------------
// The search

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
  unreferenced: undefined,
  mayBe: undefined,
  valueTypes: undefined,
  enums: undefined,
  seenBases: undefined,
  elsewhere: undefined,
};

/** When the exact search's parts start (search nodes): small pages never pay for them. */
export interface ExactFrom {
  bound: number;
  memo: number;
}
export const EXACT_FROM: ExactFrom = { bound: 64, memo: 512 };

/**
 * Parses tied with the best that the search keeps for the tie-break (tie-break.ts). A page of
 * bases can tie many ways (each table a base of the one before it, or not); the true reading need
 * not be among the first few found (GetInvoiceStat, request-bases seed 861942057: five tied parses).
 */
const TIED_KEPT = 32;

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
  /** Parses tied with the best beyond the TIED_KEPT alternatives kept. */
  moreTied = false;

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
    const s = this.#slotAt[i] ?? (this.#slotAt[i] = { name, role, naming, of, obj, label: undefined, dupOf: undefined });
    s.name = name;
    s.role = role;
    s.naming = naming;
    s.of = of;
    s.obj = obj;
    s.label = undefined;
    s.dupOf = undefined;
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
    const d = (this.#chainCheck ??= new ChainCheck(this.tables, this.input, this.slots)).check(chain.t, k.obj!);
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
      const canB1 = bname !== undefined && tb !== undefined && rule !== "never";
      // B0 first: B0 > B1 on ties. Without captions, where B0 would end a chain its object refutes
      // (a key no table of it holds), B1 first: a capped search then still meets the base
      // (FindVoucher8, accuracy seed 2: the request sample's own base keys).
      const b1First = canB1 && rule !== "must" && !this.input.captions && obj !== undefined && chain.fails === 0 && this.refutedAsIs(chain, obj);
      for (let pass = 0; pass < 2; pass++) {
        if ((pass === 0) !== b1First) {
          if (rule !== "must") this.walkRefs(t, obj, 0, finish);
          continue;
        }
        if (!canB1 || bname === undefined) continue;
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

  /** The chain, ended here, fails its object's check: a key of the object no table of it holds, nor an earlier base. */
  private refutedAsIs(chain: Chain, obj: SampleNode): boolean {
    if (obj.kind !== "object") return false;
    let unmatched = false;
    for (const k of objectKeys(obj).set) {
      if (!chain.t.some((t) => this.tables[t]!.keys.has(k))) {
        unmatched = true;
        break;
      }
    }
    return unmatched && (this.#chainCheck ??= new ChainCheck(this.tables, this.input, this.slots)).check(chain.t, obj) < 0;
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
      const self = selfReferences(tb);
      const results = this.resultsRef(i);
      // named as the Results row names its element, the argument's objects are that row's (as late binding's
      // below); so checked, its base table earns its place (QueryAccountNote, everything seed 1401691863:
      // unchecked, `AccountNote : Agent` lost to a reading that gave Agent's table to AccountNote's self-reference)
      for (const x of self) {
        if (this.seen.has(x.name) || !fitsTable(this.input, tb, x)) continue;
        this.genericAs(i, t, x.name, "reference", cost, g, results?.name === x.name ? resultsElement(this.input.response) : undefined);
      }
      // ... and by the Results row of the QueryResponse table further on: with a provisional name a
      // reference to it from the argument's own references (`Contract { Due: OrderStat }` under
      // `OrderStat { Pathway: Contract }`) would cost an X0 or take the next table (an enum's)
      // (§5.3 late binding, decided inside the search: from=late-binding; so named, `results` holds its objects).
      const x = results;
      if (x && !self.some((s) => s.name === x.name) && !this.seen.has(x.name) && fitsTable(this.input, tb, x)) this.genericAs(i, t, x.name, "late-binding", cost, g, resultsElement(this.input.response));
    }
  }

  #resultsRefs?: (Ref | null)[];

  /** The single type a QueryResponse table after table i names in its Results row (§4 rule 7: a hint only). */
  private resultsRef(i: number): Ref | undefined {
    const memo = (this.#resultsRefs ??= resultsRefs(this.tables));
    return memo[i] ?? undefined;
  }

  private genericAs(i: number, t: number, name: string, naming: Slot["naming"], cost: number, g: Step, obj?: SampleNode): void {
    const added = naming !== "provisional" && !this.seen.has(name);
    if (added) this.seen.add(name);
    this.place(i, name, "generic-arg", naming, t, obj);
    this.#argsOf[t + 1]++;
    this.pos++;
    this.score -= cost;
    this.walkType(i, name, obj, undefined, g);
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
    // C4 and C1 at later visits too (text-pipe): a seen type's value of the wrong kind for the table it
    // was given, or an object of it without a key C1 requires, is a fault of the parse, though only its
    // first visit's object is checked against its chain
    let faults = 0;
    for (; q < list.length; q++) {
      const { row, x } = list[q]!;
      if (this.seen.has(x.name)) {
        if (!this.input.captions && obj) faults += this.laterVisitFault(x.name, accessValue(obj, row, x.access));
        continue;
      }
      const next = this.tables[this.pos];
      const fits = next !== undefined && this.fits(next, x);
      if (HIDDEN.has(x.name) && !fits) continue;
      this.score -= faults;
      if (!this.node()) {
        this.score += faults;
        return;
      }
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
        const pen = knownTableless(x.name) ? 0 : (this.lateBindable(v) ? 0 : 1) + (fits ? this.keyedX0(v) : 0);
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
      this.score += faults;
      return;
    }
    this.score -= faults;
    this.resume(k);
    this.score += faults;
  }

  /**
   * 10 when value v of a seen type is the wrong kind for the table the parse gave that type (an object
   * for an enum, a name for a class), or an object of it lacks a key C1 requires of that table or its
   * placed bases: a sample shows every such member wherever it shows the type.
   */
  private laterVisitFault(name: string, v: SampleNode | undefined): number {
    if (v === undefined || v.kind === "null") return 0;
    for (let i = 0; i < this.pos; i++) {
      const slot = this.slots[i];
      if (slot?.name !== name) continue;
      if ((this.tables[i]!.kind === "enum") === (v.kind === "object" || v.kind === "array")) return 10;
      if (v.kind !== "object" || v.truncated) return 0;
      const present = objectKeys(v).set;
      for (let k = i, end = chainEnd(this.slots, i); k < end; k++) {
        for (const req of this.tables[k]!.required) if (!present.has(req)) return 10;
      }
      return 0;
    }
    return 0;
  }

  /**
   * Without captions, an X0 whose sample value is an object with keys fails C2 (-10), as R0 with a
   * non-empty Rs does: a type without a table has no members to explain the keys, and one with
   * members gets its table where the walk first visits it (§4), so where the next table may be X's it is.
   * (Where none may, X0 is the only reading left: the solve named the table otherwise.)
   * Not while an earlier table has a provisional or inferred name: late binding may give it X's name
   * (assemble.ts: `Agent : AgentBase` where AgentBase's rows reference VoucherLink, which it is).
   */
  private keyedX0(v: SampleNode | undefined): number {
    if (this.input.captions || !v || v.kind !== "object" || v.entries.length === 0) return 0;
    for (let i = 0; i < this.pos; i++) {
      const naming = this.slots[i]?.naming;
      if (naming === "provisional" || naming === "inferred") return 0;
    }
    return 10;
  }

  #keys?: string[];

  /** The earlier table, placed as a type of its own (not a base), whose rows table i repeats. */
  private shownBefore(i: number): number | undefined {
    const keys = (this.#keys ??= this.tables.map(tableKey));
    for (let j = 0; j < i; j++) {
      const slot = this.slots[j];
      if (slot && slot.role !== "base" && slot.role !== "request" && this.tables[j]!.kind === "params" && keys[j] === keys[i]) return j;
    }
    return undefined;
  }

  /**
   * Text-pipe: an object value (with keys) that an inferred base placed earlier explains, with its own
   * bases: late binding names that base after the reference (assemble.ts baseAsReferenced), so the
   * reference has its table there and costs no X0 (QueryCoupon, everything seed 1251657797: `Coupon :
   * SupplierRecord`, SupplierRecord's table read as `CouponBase`, its objects in EmailScore).
   */
  private lateBindable(v: SampleNode | undefined): boolean {
    if (this.input.captions || v?.kind !== "object" || v.entries.length === 0) return false;
    const keys = objectKeys(v).set;
    for (let i = 0; i < this.pos; i++) {
      const slot = this.slots[i];
      if (slot?.role !== "base" || slot.naming !== "inferred") continue;
      const end = chainEnd(this.slots, i);
      let all = true;
      for (const k of keys) {
        let explained = false;
        for (let j = i; j < end && !explained; j++) explained = this.tables[j]!.keys.has(k);
        if (!explained) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
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

  private responseAs(i: number, tb: Table, name: string, naming: Slot["naming"], rs: SampleNode | undefined, dupOf?: number): void {
    this.#responseX0 = this.x0.length;
    this.place(i, name, "response", naming, undefined, rs);
    this.slots[i]!.dupOf = dupOf;
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
      // Without captions a response already shown (§4 rule 6: the response table comes without a seen-check)
      // is the earlier table of the same rows, and its object holds that table's bases' members too
      if (naming === "inferred" && !this.input.captions) {
        const j = this.shownBefore(i);
        if (j !== undefined) this.responseAs(i, tb, this.slots[j]!.name, "reference", rs, j);
      }
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
      this.moreTied = false;
      this.unsure = undefined;
    } else if (score === this.best.score && sig !== this.best.sig) {
      this.markUnsure();
      if (!this.alternatives.some((a) => a.sig === sig)) {
        if (this.alternatives.length < TIED_KEPT) this.alternatives.push(snap());
        else this.moreTied = true;
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

  /** C1-C3 of chains against sample objects (chain-check.ts), made on the first check. */
  #chainCheck?: ChainCheck;
}
