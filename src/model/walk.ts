// The walk parse of spec §5.3: decides which anonymous table is the request, a base, a generic
// argument, a referenced type or the response, by searching every assignment the server's
// type walk (§4) could have produced and scoring each against the sample bodies.
import type {
  Diagnostic,
  PropertyModel,
  RawEnumTable,
  RawParamsTable,
  RawTable,
  SampleNode,
  TypeFrom,
  TypeModel,
  TypeRef,
  TypeRole,
} from "./types.js";
import {
  NUMERIC_ALIASES,
  canonicalType,
  formatType,
  isCollectionName,
  isDictionaryName,
  isSystemTypeName,
  tryParseCSharpType,
} from "../csharp-type.js";

export interface WalkInput {
  operation: string;
  tables: RawTable[];
  /** html / text-flat: captions name the tables. */
  captions: boolean;
  /** Parsed request / response sample values. */
  request?: SampleNode;
  response?: SampleNode;
  /** XML root element of the response sample (names the response). */
  responseRoot?: string;
  /** Search budget (§5.3: 100,000 nodes). */
  nodeCap?: number;
}

export interface WalkedType {
  model: TypeModel;
  /** Index into WalkInput.tables; undefined for a request without a table. */
  table?: number;
  /** The sample object this type's properties were matched against (wire names, §5.5). */
  sample?: SampleNode;
  /** keyOf() of each property name, parallel to model.properties (computed once, reused for wire names). */
  propertyKeys?: string[];
  /** The same keys as a set. */
  propertyKeySet?: ReadonlySet<string>;
}

export interface WalkResult {
  /** Model order: the request first, then tables in page order. */
  types: WalkedType[];
  /** Canonical response type when the walk found one (a table or a duplicate); undefined for R0. */
  response?: string;
  /** Request extends QueryBase: AutoQuery (§5.3), preferred verb GET (§8.3 rule 3). */
  autoQuery: boolean;
  diagnostics: Diagnostic[];
  score: number;
}

const DEFAULT_CAP = 100_000;
const HIDDEN: ReadonlySet<string> = new Set(["ResponseStatus", "ResponseError"]);
const WELL_KNOWN: ReadonlySet<string> = new Set(["QueryBase", "QueryResponse", "ResponseStatus", "ResponseError"]);

// --------------------------------------------------------------------------------------------
// Table preparation

type Access = "self" | "element" | "value" | "none";
interface Ref {
  name: string;
  arity: number;
  access: Access;
}
interface Row {
  raw: RawParamsTable["rows"][number];
  type: string;
  ref?: TypeRef;
  key: string;
  refs: Ref[];
}
interface Table {
  index: number;
  kind: "params" | "enum";
  raw: RawTable;
  /** Bare caption name and its generic parameters. */
  caption?: string;
  captionParams?: string[];
  rows: Row[];
  /** Every reference of every row, flattened: the walk steps through these, never through scalar rows. */
  refList: { row: Row; x: Ref }[];
  signature?: "QueryBase" | "QueryResponse" | "ResponseStatus" | "ResponseError";
  /** Rows that C1 requires a sample key for. */
  required: string[];
  keys: Set<string>;
}

/** Sample keys and property names compare case-insensitively after the §5.5 mapping. */
export function keyOf(name: string): string {
  return (name.includes("_") ? name.replace(/_/g, "") : name).toLowerCase();
}

function refsOf(ref: TypeRef | undefined): Ref[] {
  if (!ref) return [];
  const unwrap = (r: TypeRef): TypeRef => (r.kind === "nullable" ? r.inner : r);
  const cand = (r: TypeRef): boolean => r.kind === "named" && !isSystemTypeName(r.name);
  const t = unwrap(ref);
  if (t.kind === "named" && cand(t)) return [{ name: t.name, arity: t.args.length, access: "self" }];
  if (t.kind === "named") {
    const out: Ref[] = [];
    t.args.forEach((a, i) => {
      const u = unwrap(a);
      if (u.kind !== "named" || !cand(u) || out.some((o) => o.name === u.name)) return;
      const access: Access = isCollectionName(t.name)
        ? "element"
        : isDictionaryName(t.name) && i === t.args.length - 1
          ? "value"
          : "none";
      out.push({ name: u.name, arity: u.args.length, access });
    });
    return out;
  }
  if (t.kind === "array") {
    const u = unwrap(t.element);
    return u.kind === "named" && cand(u) ? [{ name: u.name, arity: u.args.length, access: "element" }] : [];
  }
  return [];
}

function isC1Type(type: string): boolean {
  return type === "string" || type === "bool" || type === "char" || NUMERIC_ALIASES.has(type);
}

const SIGNATURE_NAMES: ReadonlySet<string> = new Set(
  ["Skip", "Take", "OrderBy", "OrderByDesc", "Offset", "Total", "Results", "ErrorCode", "Message", "StackTrace", "Errors", "FieldName"].map(
    (n) => n.toLowerCase(),
  ),
);

function signatureOf(names: Set<string>): Table["signature"] {
  const has = (...n: string[]) => n.every((x) => names.has(x.toLowerCase()));
  if (has("Skip", "Take", "OrderBy", "OrderByDesc")) return "QueryBase";
  if (has("Offset", "Total", "Results")) return "QueryResponse";
  if (has("ErrorCode", "Message", "StackTrace", "Errors")) return "ResponseStatus";
  if (has("ErrorCode", "FieldName", "Message")) return "ResponseError";
  return undefined;
}

function prepare(raw: RawTable, index: number, captions: boolean): Table {
  let caption: string | undefined;
  let captionParams: string[] | undefined;
  if (captions && raw.caption) {
    const ref = parseTypeText(raw.caption);
    if (ref && ref.kind === "named") {
      caption = ref.name;
      if (ref.args.length) captionParams = ref.args.map(formatType);
    } else caption = raw.caption.trim();
  }
  if (raw.kind === "enum") {
    return { index, kind: "enum", raw, caption, captionParams, rows: [], refList: [], required: [], keys: new Set() };
  }
  const rows: Row[] = [];
  const keys = new Set<string>();
  /** Lower-cased names that take part in a well-known signature (the only names signatureOf asks about). */
  const names = new Set<string>();
  const required: string[] = [];
  const refList: Table["refList"] = [];
  for (const r of raw.rows) {
    const facts = typeFacts(r.type);
    const key = keyOf(r.name);
    const row: Row = { raw: r, type: facts.type, ref: facts.ref, key, refs: facts.refs };
    rows.push(row);
    for (const x of facts.refs) refList.push({ row, x });
    keys.add(key);
    const lower = r.name.includes("_") ? r.name.toLowerCase() : key;
    if (SIGNATURE_NAMES.has(lower)) names.add(lower);
    if (facts.c1) required.push(key);
  }
  return { index, kind: "params", raw, caption, captionParams, rows, refList, signature: signatureOf(names), required, keys };
}

/** What a Data Type cell means to the walk; pages repeat a handful of type strings, so it is memoised. */
interface TypeFacts {
  type: string;
  /** Shared between rows: never mutated (substitute() builds new refs). */
  ref?: TypeRef;
  refs: Ref[];
  c1: boolean;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * tryParseCSharpType, skipping the grammar for a bare name that is no system type (most captions
 * and references): the grammar would return that name unchanged, with no arguments.
 */
export function parseTypeText(text: string): TypeRef | undefined {
  if (PLAIN_NAME.test(text) && !isSystemTypeName(text)) return { kind: "named", name: text, args: [] };
  return tryParseCSharpType(text);
}

const TYPE_FACTS_LIMIT = 4096;
const typeFactsCache = new Map<string, TypeFacts>();

function typeFacts(text: string): TypeFacts {
  let facts = typeFactsCache.get(text);
  if (facts) return facts;
  const ref = parseTypeText(text);
  const type = ref ? formatType(ref) : canonicalType(text);
  facts = { type, ref, refs: refsOf(ref), c1: isC1Type(type) };
  // bounded: a crawl of many services must not grow it without limit
  if (typeFactsCache.size >= TYPE_FACTS_LIMIT) typeFactsCache.clear();
  typeFactsCache.set(text, facts);
  return facts;
}

// --------------------------------------------------------------------------------------------
// Sample access

/** An object's keys after the §5.5 mapping, computed once per node (the search asks again and again). */
export interface ObjectKeys {
  /** keyOf() of each entry, in entry order (duplicates kept). */
  entries: string[];
  /** Distinct keys, in entry order (a Set iterates in insertion order). */
  set: Set<string>;
  /** Key -> its first entry. */
  first: Map<string, [string, SampleNode]>;
}

const objectKeysCache = new WeakMap<SampleNode, ObjectKeys>();

export function objectKeys(obj: SampleNode & { kind: "object" }): ObjectKeys {
  let keys = objectKeysCache.get(obj);
  if (!keys) {
    keys = { entries: [], set: new Set(), first: new Map() };
    for (const entry of obj.entries) {
      const key = keyOf(entry[0]);
      keys.entries.push(key);
      if (keys.set.has(key)) continue;
      keys.set.add(key);
      keys.first.set(key, entry);
    }
    objectKeysCache.set(obj, keys);
  }
  return keys;
}

function entryOf(obj: SampleNode | undefined, key: string): SampleNode | undefined {
  if (!obj || obj.kind !== "object") return undefined;
  return objectKeys(obj).first.get(key)?.[1];
}

function accessValue(obj: SampleNode | undefined, row: Row, access: Access): SampleNode | undefined {
  const v = entryOf(obj, row.key);
  if (!v) return undefined;
  switch (access) {
    case "self":
      return v;
    case "element":
      return v.kind === "array" ? v.items[0] : undefined;
    case "value":
      return v.kind === "object" ? v.entries[0]?.[1] : undefined;
    case "none":
      return undefined;
  }
}

const asObject = (v: SampleNode | undefined): SampleNode | undefined =>
  v && v.kind === "object" ? v : undefined;

// --------------------------------------------------------------------------------------------
// The search

interface Slot {
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

interface Snapshot {
  score: number;
  slots: (Slot | undefined)[];
  consumed: number;
  responseTable: number;
  x0: { name: string; value?: SampleNode }[];
  sig: string;
}

class Overflow extends Error {}

/** A table and its assigned bases, checked together against one sample object. */
interface Chain {
  t: number[];
  /** Tables in the chain whose C1-required keys are missing (C1 can only get worse as bases are added). */
  fails: number;
}

class Search {
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
  seen = new Set<string>();
  slots: (Slot | undefined)[];
  x0: { name: string; value?: SampleNode }[] = [];
  responseTable = -1;
  best?: Snapshot;
  first?: Snapshot;
  alternatives: Snapshot[] = [];

  constructor(
    readonly tables: Table[],
    readonly input: WalkInput,
    readonly cap: number,
  ) {
    this.n = tables.length;
    this.slots = new Array(this.n).fill(undefined);
    // Checks started never exceed pos + 1 (a tableless request, then one per consumed table), so
    // beyond n + 2 objects the bound in node() takes n - pos either way: stop counting there.
    const limit = this.n + 2;
    this.objects = countObjects(input.request, limit);
    if (this.objects < limit) this.objects += countObjects(input.response, limit - this.objects);
  }

  /** Counts a node; false when the subtree cannot beat the best parse. */
  private node(): boolean {
    if (++this.nodes > this.cap) throw new Overflow();
    // Every future +3 needs an open chain, or a table and a sample object of its own.
    if (this.best) {
      const fresh = Math.min(this.n - this.pos, this.objects - this.startedChecks);
      const open = 3 * (this.openChecks - this.openFailed) - 10 * this.openFailed;
      if (this.score + 3 * Math.max(0, fresh) + open < this.best.score) return false;
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
    this.walkType(requestTable ? 0 : -1, op, rq, this.chainOf(requestTable ? 0 : -1), true, () => this.responseStep());
  }

  private walkType(
    t: number,
    name: string,
    obj: SampleNode | undefined,
    chain: Chain,
    head: boolean,
    k: () => void,
  ): void {
    const checked = head && obj !== undefined;
    const headFails = checked && t >= 0 && !this.c1(t, obj!) ? 1 : 0;
    if (checked) {
      this.openChecks++;
      this.startedChecks++;
      chain.fails += headFails;
      if (chain.fails > 0) this.openFailed++;
    }
    const finish = () => {
      if (!checked) return k();
      const d = this.check(chain.t, obj!);
      const failed = chain.fails > 0 ? 1 : 0;
      this.openChecks--;
      this.openFailed -= failed;
      this.score += d;
      k();
      this.score -= d;
      this.openFailed += failed;
      this.openChecks++;
    };
    const afterBase = (hadBase: boolean) => {
      const refs = () => this.walkRefs(t, obj, 0, finish);
      if (hadBase) this.walkGenerics(t, refs);
      else refs();
    };
    if (this.node()) {
      afterBase(false); // B0 first: B0 > B1 on ties
      const i = this.pos;
      const tb = this.tables[i];
      // The well-known ServiceStack types have no base; trying one only adds equal-score parses.
      // A caption naming a use of a generic over T itself (`QueryResponse<Customer>` after
      // `Customer`) is never T's base: a class cannot derive from a generic of itself here.
      const cyclic = this.input.captions && tb?.captionParams?.includes(name) === true;
      if (tb && tb.kind === "params" && !WELL_KNOWN.has(name) && !cyclic) {
        const bname = this.baseName(tb, name);
        if (!this.input.captions || !this.seen.has(bname)) {
          const added = !this.seen.has(bname);
          if (added) this.seen.add(bname);
          this.slots[i] = {
            name: bname,
            role: "base",
            naming: tb.caption ? "caption" : tb.signature === "QueryBase" ? "signature" : "inferred",
            of: t,
            obj,
          };
          this.pos++;
          this.score -= 1;
          chain.t.push(i);
          const fails = obj !== undefined && !this.c1(i, obj) ? 1 : 0;
          const newlyFailed = fails && chain.fails === 0 && this.isOpenHead(obj) ? 1 : 0;
          chain.fails += fails;
          this.openFailed += newlyFailed;
          this.walkType(i, bname, obj, chain, false, () => afterBase(true));
          this.openFailed -= newlyFailed;
          chain.fails -= fails;
          chain.t.pop();
          this.score += 1;
          this.pos--;
          this.slots[i] = undefined;
          if (added) this.seen.delete(bname);
        }
      }
    }
    if (checked) {
      if (chain.fails > 0) this.openFailed--;
      chain.fails -= headFails;
      this.openChecks--;
      this.startedChecks--;
    }
  }

  private chainOf(t: number): Chain {
    return { t: t >= 0 ? [t] : [], fails: 0 };
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

  private baseName(tb: Table, derived: string): string {
    if (tb.caption) return tb.caption;
    if (tb.signature === "QueryBase") return "QueryBase";
    return `${derived}Base`;
  }

  private walkGenerics(t: number, k: () => void): void {
    if (!this.node()) return;
    k(); // no G1 first
    const i = this.pos;
    const tb = this.tables[i];
    if (!tb || tb.kind !== "params") return;
    const name = tb.caption ?? `Unnamed${i + 1}`;
    if (tb.caption && this.seen.has(name)) return;
    const added = tb.caption !== undefined;
    if (added) this.seen.add(name);
    this.slots[i] = { name, role: "generic-arg", naming: tb.caption ? "caption" : "provisional", of: t };
    this.pos++;
    this.score -= 1;
    this.walkType(i, name, undefined, this.chainOf(i), true, () => this.walkGenerics(t, k));
    this.score += 1;
    this.pos--;
    this.slots[i] = undefined;
    if (added) this.seen.delete(name);
  }

  /** From the q-th reference of table t (rows in table order, refType order within a row). */
  private walkRefs(t: number, obj: SampleNode | undefined, q: number, k: () => void): void {
    const list = t >= 0 ? this.tables[t]!.refList : [];
    for (; q < list.length; q++) {
      const { row, x } = list[q]!;
      if (this.seen.has(x.name)) continue;
      const next = this.tables[this.pos];
      const fits = next !== undefined && this.fits(next, x);
      if (HIDDEN.has(x.name) && !fits) continue;
      if (!this.node()) return;
      const qq = q;
      const cont = () => this.walkRefs(t, obj, qq + 1, k);
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
        this.slots[i] = {
          name: x.name,
          role: "reference",
          naming: next!.caption ? "caption" : "reference",
          obj: asObject(v),
        };
        this.pos++;
        this.score += c4;
        if (next!.kind === "params") this.walkType(i, x.name, asObject(v), this.chainOf(i), true, cont);
        else if (this.node()) cont();
        this.score -= c4;
        this.pos--;
        this.slots[i] = undefined;
      }
      // A table captioned X right where the server's walk visits X is X's table: no sample evidence
      // (a [DataMember(Name)] alias fails C2) may reassign it and leave X tableless.
      if (!(fits && this.input.captions && next!.caption !== undefined)) {
        const pen = knownTableless(x.name) ? 0 : 1;
        this.score -= pen;
        this.x0.push({ name: x.name, value: v });
        cont();
        this.x0.pop();
        this.score += pen;
      }
      this.seen.delete(x.name);
      return;
    }
    k();
  }

  /** A reference X may take table tb: with captions only the table captioned X (base name and arity). */
  private fits(tb: Table, x: Ref): boolean {
    if (this.input.captions && tb.caption !== undefined) {
      return tb.caption === x.name && (tb.captionParams?.length ?? 0) === x.arity;
    }
    if (HIDDEN.has(x.name)) return tb.signature === x.name;
    return true;
  }

  private responseStep(): void {
    if (!this.node()) return;
    const i = this.pos;
    const tb = this.tables[i];
    const rs = asObject(this.input.response);
    if (tb && tb.kind === "params") {
      let name: string;
      let naming: Slot["naming"];
      if (tb.caption) [name, naming] = [tb.caption, "caption"];
      else if (this.input.responseRoot) [name, naming] = [this.input.responseRoot, "xml"];
      else if (tb.signature === "QueryResponse") [name, naming] = ["QueryResponse", "signature"];
      else [name, naming] = [`${this.input.operation}Response`, "inferred"];
      this.slots[i] = { name, role: "response", naming, obj: rs };
      this.pos++;
      this.responseTable = i;
      const added = !this.seen.has(name);
      if (added) this.seen.add(name);
      this.walkType(i, name, rs, this.chainOf(i), true, () => this.leaf());
      if (added) this.seen.delete(name);
      this.responseTable = -1;
      this.pos--;
      this.slots[i] = undefined;
    }
    const pen = rs && rs.kind === "object" && rs.entries.length > 0 ? 10 : 0;
    this.score -= pen;
    this.leaf();
    this.score += pen;
  }

  private leaf(): void {
    const score = this.score - 10 * (this.n - this.pos);
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
      // slots beyond pos are always cleared, and a slot is never changed once placed: share them
      slots: this.slots.slice(),
      consumed: this.pos,
      responseTable: this.responseTable,
      x0: [...this.x0],
      sig,
    });
    if (!this.first) this.first = snap();
    if (!this.best || score > this.best.score) {
      this.best = this.first.sig === sig && this.first.score === score ? this.first : snap();
      this.alternatives = [];
    } else if (score === this.best.score && sig !== this.best.sig) {
      if (this.alternatives.length < 3 && !this.alternatives.some((a) => a.sig === sig)) {
        this.alternatives.push(snap());
      }
    }
  }

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
    let c2 = true;
    for (const k of present) {
      let found = false;
      for (const t of chain) {
        if (this.tables[t]!.keys.has(k)) {
          found = true;
          break;
        }
      }
      if (!found) {
        c2 = false;
        break;
      }
    }
    return (c1 ? 0 : -10) + (c2 ? 0 : -10) + (c1 && c2 && obj.entries.length > 0 ? 3 : 0);
  }
}

/** Object nodes in a sample tree, counted up to limit. */
function countObjects(node: SampleNode | undefined, limit: number): number {
  let count = 0;
  const stack: SampleNode[] = node ? [node] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === "object") {
      if (++count >= limit) return count;
      for (const [, v] of n.entries) stack.push(v);
    } else if (n.kind === "array") stack.push(...n.items);
  }
  return count;
}

/** Names whose missing table costs nothing (§5.3 score). */
export function knownTableless(name: string): boolean {
  return (
    isSystemTypeName(name) ||
    HIDDEN.has(name) ||
    name === "QueryDb" ||
    name === "QueryData" ||
    /^I[A-Z]/.test(name)
  );
}

// --------------------------------------------------------------------------------------------
// Entry point

/** Runs the §5.3 search and names every table. Pure; linear-ish thanks to pruning, capped. */
export function walkTables(input: WalkInput): WalkResult {
  const tables = input.tables.map((t, i) => prepare(t, i, input.captions));
  const diagnostics: Diagnostic[] = [];
  const requestTable = decideRequest(tables, input);
  const search = new Search(tables, input, input.nodeCap ?? DEFAULT_CAP);
  let chosen: Snapshot;
  try {
    search.run(requestTable);
    chosen = search.best!;
    if (search.alternatives.length) {
      const alts = [chosen, ...search.alternatives].map((s) => describe(s, tables));
      diagnostics.push({
        code: "W_AMBIGUOUS_WALK",
        detail: `${alts.length} parses score ${chosen.score}: ${alts.join(" / ")}`,
      });
    }
  } catch (e) {
    // Too many choices, or a page so long the recursive search runs out of stack.
    if (!(e instanceof Overflow) && !(e instanceof RangeError)) throw e;
    chosen = (e instanceof Overflow && search.first) || greedyParse(tables, input, requestTable);
    diagnostics.push({
      code: "W_AMBIGUOUS_WALK",
      detail:
        e instanceof Overflow
          ? `search stopped after ${search.cap} nodes; kept the greedy parse ${describe(chosen, tables)}`
          : `page too large to search; kept the greedy parse of ${tables.length} tables`,
    });
  }
  return assemble(chosen, tables, input, requestTable, diagnostics);
}

/**
 * The tie order applied at every choice (B0, no G1, X1 whenever the next table fits, R1): the
 * search's first complete parse, computed with an explicit stack so that no page can overflow it.
 */
function greedyParse(tables: Table[], input: WalkInput, requestTable: boolean): Snapshot {
  const slots: (Slot | undefined)[] = new Array(tables.length).fill(undefined);
  const seen = new Set<string>([input.operation]);
  const x0: Snapshot["x0"] = [];
  let pos = 0;
  const rq = asObject(input.request);
  if (requestTable) {
    slots[0] = { name: input.operation, role: "request", naming: input.captions ? "caption" : "operation", obj: rq };
    pos = 1;
  }
  const fits = (tb: Table, x: Ref): boolean => {
    if (input.captions && tb.caption !== undefined) {
      return tb.caption === x.name && (tb.captionParams?.length ?? 0) === x.arity;
    }
    if (HIDDEN.has(x.name)) return tb.signature === x.name;
    return true;
  };
  const walk = (root: number, rootObj: SampleNode | undefined) => {
    const stack: { t: number; obj?: SampleNode; r: number; j: number }[] = [{ t: root, obj: rootObj, r: 0, j: 0 }];
    while (stack.length) {
      const f = stack[stack.length - 1]!;
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
        x0.push({ name: x.name, value: v });
        continue;
      }
      const i = pos++;
      slots[i] = { name: x.name, role: "reference", naming: next!.caption ? "caption" : "reference", obj: asObject(v) };
      if (next!.kind === "params") stack.push({ t: i, obj: asObject(v), r: 0, j: 0 });
    }
  };
  walk(requestTable ? 0 : -1, rq);
  let responseTable = -1;
  const tb = tables[pos];
  if (tb && tb.kind === "params") {
    const rs = asObject(input.response);
    const name = tb.caption ?? input.responseRoot ?? (tb.signature === "QueryResponse" ? "QueryResponse" : `${input.operation}Response`);
    const naming: Slot["naming"] = tb.caption
      ? "caption"
      : input.responseRoot
        ? "xml"
        : tb.signature === "QueryResponse"
          ? "signature"
          : "inferred";
    responseTable = pos;
    slots[pos++] = { name, role: "response", naming, obj: rs };
    seen.add(name);
    walk(responseTable, rs);
  }
  return { score: 0, slots, consumed: pos, responseTable, x0, sig: "greedy" };
}

function describe(s: Snapshot, tables: Table[]): string {
  return tables
    .map((_, i) => {
      const slot = s.slots[i];
      return slot ? `${slot.name}(${slot.role})` : `table ${i + 1}(unexplained)`;
    })
    .join(",");
}

function decideRequest(tables: Table[], input: WalkInput): boolean {
  const p0 = tables[0];
  if (!p0 || p0.kind !== "params") return false;
  if (input.captions && p0.caption !== undefined) {
    return p0.caption.toLowerCase() === input.operation.toLowerCase();
  }
  if (p0.rows.some((r) => /^(path|query|body)$/i.test(r.raw.param))) return true;
  const rq = input.request;
  if (!rq || rq.kind !== "object" || rq.entries.length === 0) return false;
  const present = objectKeys(rq).set;
  const c1 = rq.truncated || p0.required.every((k) => present.has(k));
  if (!c1) return false;
  for (const k of present) if (!p0.keys.has(k)) return false;
  return true;
}

// --------------------------------------------------------------------------------------------
// From the chosen assignment to TypeModels

function substitute(ref: TypeRef, from: string, to: string): TypeRef {
  switch (ref.kind) {
    case "named":
      if (ref.name === from && ref.args.length === 0) return { kind: "named", name: to, args: [] };
      return { kind: "named", name: ref.name, args: ref.args.map((a) => substitute(a, from, to)) };
    case "array":
      return { kind: "array", element: substitute(ref.element, from, to) };
    case "nullable":
      return { kind: "nullable", inner: substitute(ref.inner, from, to) };
  }
}

function fromOf(naming: Slot["naming"]): TypeFrom {
  switch (naming) {
    case "caption":
      return "caption";
    case "operation":
      return "operation";
    case "reference":
      return "reference";
    case "xml":
      return "xml";
    default:
      return "inferred";
  }
}

function assemble(
  s: Snapshot,
  tables: Table[],
  input: WalkInput,
  requestTable: boolean,
  diagnostics: Diagnostic[],
): WalkResult {
  const slots = s.slots.map((x) => (x ? { ...x } : undefined));
  const lateBound = new Set<number>();
  const unresolved = new Set<number>();

  // Tables left over are provisional, like generic arguments without captions.
  for (let i = s.consumed; i < tables.length; i++) {
    const tb = tables[i]!;
    slots[i] = {
      name: tb.caption ?? signatureName(tb) ?? `Unnamed${i + 1}`,
      role: "unknown",
      naming: tb.caption ? "caption" : signatureName(tb) ? "signature" : "provisional",
    };
  }

  // Late binding: a provisional table takes the unique compatible name that found no table.
  const taken = new Set(slots.filter((x) => x && x.naming !== "provisional").map((x) => x!.name));
  taken.add(input.operation);
  for (let i = 0; i < tables.length; i++) {
    const slot = slots[i];
    if (!slot || slot.naming !== "provisional") continue;
    const tb = tables[i]!;
    const names = [...new Set(s.x0.filter((x) => !taken.has(x.name) && compatible(tb, x.value)).map((x) => x.name))];
    if (names.length === 1) {
      slot.name = names[0]!;
      slot.naming = "reference";
      if (slot.role === "unknown") slot.role = "reference";
      taken.add(slot.name);
      lateBound.add(i);
    } else unresolved.add(i);
  }

  // AutoQuery: a request based on QueryBase extends QueryDb<A>, A = its generic-argument tables.
  const reqIndex = requestTable ? 0 : -1;
  const reqBase = slots.findIndex((x) => x?.role === "base" && x.of === reqIndex);
  const autoQuery = reqBase >= 0 && slots[reqBase]!.name === "QueryBase";
  const argsOf = (owner: number) =>
    slots.flatMap((x, i) => (x?.role === "generic-arg" && x.of === owner && !unresolved.has(i) ? [x.name] : []));
  const baseIndex = new Map<number, number>();
  slots.forEach((x, i) => {
    if (x?.role === "base" && x.of !== undefined && !baseIndex.has(x.of)) baseIndex.set(x.of, i);
  });
  const baseOwner = (derived: number) => baseIndex.get(derived) ?? -1;

  // Generic tables: their rows may name another op's argument; rewrite that argument as the parameter.
  const params = new Map<number, string[]>();
  for (let i = 0; i < tables.length; i++) {
    const tb = tables[i]!;
    const slot = slots[i];
    if (!slot) continue;
    if (tb.captionParams?.length) params.set(i, tb.captionParams);
    else if (slot.naming === "signature" && slot.name === "QueryResponse") params.set(i, ["T"]);
  }
  const autoArgs = autoQuery ? argsOf(reqIndex) : [];
  const concrete = new Map<number, string[]>();
  /** Generic tables: the name their rows use for the parameter. */
  const argumentOf = new Map<number, string>();
  const rowTypes = new Map<number, string[]>();
  for (const [i, gp] of params) {
    const tb = tables[i]!;
    const slot = slots[i]!;
    let known: string[] | undefined;
    if (slot.role === "response" && autoQuery && autoArgs.length) known = [autoArgs[autoArgs.length - 1]!];
    if (slot.role === "base" && slot.of !== undefined) {
      const a = argsOf(slot.of);
      if (a.length === gp.length) known = a;
    }
    if (tb.kind !== "params" || gp.length !== 1) {
      if (known) concrete.set(i, known);
      continue;
    }
    const results = tb.rows.find((r) => r.raw.name === "Results");
    const candidates =
      slot.name === "QueryResponse" && results
        ? results.refs.map((r) => r.name)
        : [...new Set(tb.rows.flatMap((r) => r.refs.map((x) => x.name)).filter((x) => !HIDDEN.has(x) && x !== gp[0]))];
    const display = `${slot.name}<${gp.join(",")}>`;
    if (candidates.length === 1) {
      const c = candidates[0]!;
      argumentOf.set(i, c);
      rowTypes.set(
        i,
        tb.rows.map((r) => (r.ref ? formatType(substitute(r.ref, c, gp[0]!)) : r.type)),
      );
      if (!known) {
        known = [c];
        diagnostics.push({
          code: "W_GENERIC_UNRELIABLE",
          detail: `${display}: argument ${c} read from its own table, which may belong to another operation`,
        });
      }
    } else if (candidates.length > 1) {
      diagnostics.push({
        code: "W_GENERIC_UNRELIABLE",
        detail: `${display}: cannot tell the argument among ${candidates.join(", ")}`,
      });
    }
    if (known) concrete.set(i, known);
  }
  const typeName = (i: number): string => {
    const slot = slots[i]!;
    const args = concrete.get(i);
    const gp = params.get(i);
    if (args) return `${slot.name}<${args.join(",")}>`;
    if (gp) return `${slot.name}<${gp.join(",")}>`;
    return slot.name;
  };

  // Duplicates (§4 rule 6): a response table equal to an earlier table is that type.
  let responseDuplicateOf = -1;
  if (s.responseTable >= 0) {
    const rt = tables[s.responseTable]!;
    const shape = (t: Table) => t.rows.map((r) => `${r.raw.name} ${r.type}`).join("\n");
    for (let i = 0; i < s.responseTable; i++) {
      const t = tables[i]!;
      // with captions the caption already names the response; equal rows under another caption are another type
      const sameName = rt.caption === undefined || rt.caption === t.caption;
      if (slots[i] && t.kind === "params" && sameName && shape(t) === shape(rt) && t.rows.length > 0) {
        responseDuplicateOf = i;
        break;
      }
    }
  }

  const types: WalkedType[] = [];
  const baseFor = (derived: number): string | undefined => {
    const b = baseOwner(derived);
    if (b < 0) return undefined;
    if (derived === reqIndex && autoQuery) {
      const a = argsOf(reqIndex);
      return a.length ? `QueryDb<${a.join(",")}>` : "QueryBase";
    }
    return typeName(b);
  };
  if (!requestTable) {
    const model: TypeModel = { name: input.operation, kind: "class", role: "request", from: "operation", properties: [] };
    const base = baseFor(-1);
    if (base) model.base = base;
    types.push({ model, sample: asObject(input.request) });
  }
  for (let i = 0; i < tables.length; i++) {
    const slot = slots[i];
    if (!slot) continue;
    if (i === s.responseTable && responseDuplicateOf >= 0) continue;
    const tb = tables[i]!;
    const model: TypeModel = {
      name: slot.name,
      kind: tb.kind === "enum" ? "enum" : "class",
      role: slot.role,
      from: lateBound.has(i) ? "late-binding" : fromOf(slot.naming),
    };
    const gp = params.get(i);
    if (gp) model.genericParams = gp;
    if (tb.raw.partial) model.partial = true;
    const base = baseFor(i);
    if (base) model.base = base;
    if (tb.kind === "enum") {
      const raw = tb.raw as RawEnumTable;
      model.members = raw.members.map((m) => ({
        name: m.name,
        ...(m.value !== undefined && m.value !== "" ? { value: m.value } : {}),
        ...(m.description ? { description: m.description } : {}),
      }));
      if (raw.valued) model.valued = true;
    } else {
      const rt = rowTypes.get(i);
      model.properties = tb.rows.map((r, k): PropertyModel => {
        const p: PropertyModel = {
          name: r.raw.name,
          wireName: r.raw.name,
          param: r.raw.param,
          type: rt?.[k] ?? r.type,
          required: r.raw.required,
          origin: "table",
        };
        if (r.raw.description) p.description = r.raw.description;
        if (r.raw.allowableValues?.length) p.allowableValues = r.raw.allowableValues;
        if (r.raw.range) p.range = r.raw.range;
        return p;
      });
    }
    const walked: WalkedType = { model, table: i, sample: slot.obj };
    if (tb.kind === "params") {
      walked.propertyKeys = tb.rows.map((r) => r.key);
      walked.propertyKeySet = tb.keys;
    }
    types.push(walked);
  }
  if (!input.captions) splitEnums(types, s.x0, taken);
  lendSamples(types, tables, slots, (i, name) =>
    argumentOf.get(i) === name && concrete.get(i)?.length === 1 ? concrete.get(i)![0]! : name,
  );

  for (const i of unresolved) {
    diagnostics.push({
      code: "W_UNRESOLVED_TABLE",
      detail: `table ${i + 1} (${slots[i]!.name}) matches no reference; kept as ${slots[i]!.name}`,
    });
  }
  for (let i = 0; i < tables.length; i++) {
    const slot = slots[i];
    if (slot && slot.role === "unknown" && slot.naming !== "provisional" && !lateBound.has(i)) {
      diagnostics.push({ code: "W_UNRESOLVED_TABLE", detail: `table ${i + 1} (${slot.name}) is not on the walk` });
    }
  }
  for (const t of types) {
    const slot = t.table !== undefined ? slots[t.table] : undefined;
    if (slot?.naming === "inferred") diagnostics.push({ code: "W_NAME_INFERRED", detail: slot.name });
  }

  let response: string | undefined;
  if (responseDuplicateOf >= 0) response = typeName(responseDuplicateOf);
  else if (s.responseTable >= 0) response = typeName(s.responseTable);
  return { types, response, autoQuery, diagnostics, score: s.score };
}

/**
 * Adjacent plain enum tables can run together in pipe text (W_ENUM_BOUNDARY). An enum reference
 * that found no table, whose sample value is a later member of an enum table, owns the members
 * from there on (§5.2: split by the pending enum references).
 */
function splitEnums(types: WalkedType[], x0: Snapshot["x0"], taken: Set<string>): void {
  for (const x of x0) {
    const v = x.value;
    if (!v || v.kind !== "scalar" || taken.has(x.name) || types.some((t) => t.model.name === x.name)) continue;
    for (let k = 0; k < types.length; k++) {
      const t = types[k]!.model;
      if (t.kind !== "enum" || !t.members) continue;
      const at = t.members.findIndex((m) => m.name === v.text);
      if (at <= 0) continue;
      const model: TypeModel = { name: x.name, kind: "enum", role: "reference", from: "reference", members: t.members.slice(at) };
      if (t.valued) model.valued = true;
      if (t.partial) model.partial = true;
      t.members = t.members.slice(0, at);
      types.splice(k + 1, 0, { model });
      break;
    }
  }
}

/**
 * Types the walk reached without a sample (generic arguments, seen references) still get the
 * sample value of a property that references them, so their wire names come from real keys.
 */
function lendSamples(
  types: WalkedType[],
  tables: Table[],
  slots: (Slot | undefined)[],
  resolve: (table: number, name: string) => string,
): void {
  const byName = new Map<string, WalkedType>();
  for (const t of types) if (!byName.has(t.model.name)) byName.set(t.model.name, t);
  const basesOf = new Map<number, WalkedType[]>();
  for (const b of types) {
    const slot = b.table !== undefined ? slots[b.table] : undefined;
    if (slot?.role !== "base" || slot.of === undefined) continue;
    basesOf.set(slot.of, [...(basesOf.get(slot.of) ?? []), b]);
  }
  const queue = types.filter((t) => t.sample);
  for (let q = 0; q < queue.length; q++) {
    const t = queue[q]!;
    if (t.table === undefined) continue;
    for (const { row, x } of tables[t.table]!.refList) {
      const target = byName.get(resolve(t.table, x.name));
      if (!target || target.sample) continue;
      const v = asObject(accessValue(t.sample, row, x.access));
      if (!v) continue;
      target.sample = v;
      queue.push(target);
      // its bases share the object: inherited members are serialized inside it
      for (const b of target.table !== undefined ? (basesOf.get(target.table) ?? []) : []) {
        if (b.sample) continue;
        b.sample = v;
        queue.push(b);
      }
    }
  }
}

function signatureName(tb: Table): string | undefined {
  if (tb.signature === "ResponseStatus" || tb.signature === "ResponseError" || tb.signature === "QueryBase") {
    return tb.signature;
  }
  return undefined;
}

function compatible(tb: Table, v: SampleNode | undefined): boolean {
  if (!v || v.kind === "null") return true;
  if (tb.kind === "enum") return v.kind === "scalar";
  if (v.kind !== "object") return false;
  for (const k of objectKeys(v).set) if (!tb.keys.has(k)) return false;
  return true;
}
