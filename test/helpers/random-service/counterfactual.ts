// Exact undecidables by counterfactual: a fact the reader got "wrong" is undecidable only when the
// service with the reader's answer renders every page byte-identically (no reader could tell the two
// services apart). Used for relations (undecidable.ts): bases and op responses, and for enum readings
// (the split of run-together plain enum tables, see enumReadings). The rendering under test is
// re-rendered for the pages that show a changed type (with its base replaced by the recovered one, the
// type keeping its own members; or an enum with the recovered members) and for the ops whose response
// changed.
import { isSystemTypeName, tryParseCSharpType } from "../../../src/csharp-type.js";
import type { Difference } from "./compare.js";
import type { TypeRef } from "../../../src/model/types.js";
import { baseName, reachableFrom } from "./generate.js";
import { renderFlatPage } from "./render-flat.js";
import { renderHtmlPage, type HtmlRenderOptions } from "./render-html.js";
import { renderMetadataJson, type JsonRenderOptions } from "./render-json.js";
import { renderPipePage, type TextRenderOptions } from "./render-pipe.js";
import type { TrueClass, TrueEnum, TrueOperation, TrueService, TrueType } from "./service.js";
import type { Rendering } from "./undecidable.js";

export interface PageRenderOptions extends TextRenderOptions, HtmlRenderOptions {
  json?: JsonRenderOptions;
}

/** The text of one op's page (json: the one /types/metadata document). */
export function renderPage(service: TrueService, op: TrueOperation, rendering: Rendering, options: PageRenderOptions): string {
  switch (rendering) {
    case "html":
      return renderHtmlPage(service, op, options);
    case "pipe":
      return renderPipePage(service, op, options);
    case "flat":
      return renderFlatPage(service, op, options);
    case "json":
      return renderMetadataJson(service, options.json);
  }
}

/** `base` or one of its bases is `name` (T : base would close a cycle). */
function derivesFrom(service: TrueService, base: TypeRef, name: string): boolean {
  const visited = new Set<string>();
  for (let n: string | undefined = baseName(base); n !== undefined && !visited.has(n); ) {
    if (n === name) return true;
    visited.add(n);
    const def = service.types.get(n);
    n = def?.kind === "class" && def.base ? baseName(def.base) : undefined;
  }
  return false;
}

/** Every base is a class (a reading that makes a base an enum describes no service). */
export function basesAreClasses(service: TrueService): boolean {
  for (const t of service.types.values()) {
    if (t.kind !== "class" || !t.base) continue;
    const def = service.types.get(baseName(t.base));
    if (def && def.kind !== "class") return false;
  }
  return true;
}

/**
 * A fact a reader recovered otherwise than the truth: a type's base (undefined: none), an op's
 * response, or a type's whole definition as read (type-readings.ts).
 */
export type Change =
  | { kind: "base"; type: string; base: TypeRef | undefined }
  | { kind: "response"; op: string; response: TypeRef | "void"; /** Types the service lacks that the response names, as read. */ types?: readonly TrueType[] }
  | { kind: "definition"; type: string; def: TrueEnum | TrueClass };

const changeKey = (c: Change) => (c.kind === "response" ? `response:${c.op}` : `${c.kind}:${c.type}`);
const sameChange = (a: Change, b: Change) => changeKey(a) === changeKey(b) && JSON.stringify(a) === JSON.stringify(b);

/** The names a recovered type text refers to are the service's types or system types. */
function refersToService(service: TrueService, ref: TypeRef): boolean {
  switch (ref.kind) {
    case "array":
      return refersToService(service, ref.element);
    case "nullable":
      return refersToService(service, ref.inner);
    case "named":
      return (service.types.has(ref.name) || isSystemTypeName(ref.name)) && ref.args.every((a) => refersToService(service, a));
  }
}

/**
 * The counterfactual a base or response difference stands for (paths `type:T.base`, `op:O.response`,
 * the recovered side with names already mapped to the truth's), or undefined when the recovered
 * answer names something the service does not have (then no rendering of the service shows it).
 */
export function changeOf(service: TrueService, d: Difference): Change | undefined {
  const base = /^type:([^.]+)\.base$/.exec(d.path);
  if (base) {
    // only a class has a base, and only a class can be one (an enum read as a base renders no page of the service)
    if (service.types.get(base[1]!)?.kind !== "class") return undefined;
    if (d.actual === undefined) return { kind: "base", type: base[1]!, base: undefined };
    const ref = tryParseCSharpType(d.actual);
    return ref?.kind === "named" && service.types.get(ref.name)?.kind === "class" && refersToService(service, ref) ? { kind: "base", type: base[1]!, base: ref } : undefined;
  }
  const response = /^op:([^.]+)\.response$/.exec(d.path);
  if (response && d.actual !== undefined) {
    if (d.actual === "void") return { kind: "response", op: response[1]!, response: "void" };
    const ref = tryParseCSharpType(d.actual);
    return ref && refersToService(service, ref) ? { kind: "response", op: response[1]!, response: ref } : undefined;
  }
  return undefined;
}

/**
 * Counterfactual relations: decides, for a growing set of changes, whether the service with all of
 * them applied at once renders the same pages (jointly: each excused change is undecidable together
 * with the others). Only the pages that show a changed type, and the ops whose response changed, are
 * rendered (a type's own base does not change which pages reach it).
 */
export class RelationCounterfactual {
  readonly #service: TrueService;
  readonly #rendering: Rendering;
  readonly #options: PageRenderOptions;
  readonly #accepted: Change[] = [];
  #reach?: Map<TrueOperation, Set<string>>;
  readonly #original = new Map<TrueOperation, string>();
  /** Where the last rejected trial printed another page (for reports: the page and its first differing line). */
  lastRejection?: string;

  constructor(service: TrueService, rendering: Rendering, options: PageRenderOptions = {}) {
    this.#service = service;
    this.#rendering = rendering;
    this.#options = options;
  }

  /** The ops whose pages show `name`. */
  showing(name: string): TrueOperation[] {
    this.#reach ??= new Map(this.#service.operations.map((op) => [op, reachableFrom(this.#service, [op])]));
    return this.#service.operations.filter((op) => this.#reach!.get(op)!.has(name));
  }

  /** A definition change for `type` (the type as read) has been accepted. */
  acceptedDefinition(type: string): boolean {
    return this.#accepted.some((c) => c.kind === "definition" && c.type === type);
  }

  /** True when the change, with every change accepted so far, leaves every page as it is; it is then accepted. */
  accept(change: Change): boolean {
    return this.acceptAll([change]);
  }

  /** The same for several changes at once (a reading that differs in relations that only show together). */
  acceptAll(changes: readonly Change[]): boolean {
    const fresh = changes.filter((c) => !this.#accepted.some((a) => sameChange(a, c)));
    if (!fresh.length) return true;
    const trial = [...this.#accepted.filter((a) => !fresh.some((c) => changeKey(c) === changeKey(a))), ...fresh];
    if (!this.#samePages(trial)) return false;
    this.#accepted.splice(0, this.#accepted.length, ...trial);
    return true;
  }

  #samePages(changes: readonly Change[]): boolean {
    const types = new Map(this.#service.types);
    const responses = new Map<string, TypeRef | "void">();
    const ops = new Set<TrueOperation>();
    for (const c of changes) {
      if (c.kind === "response") {
        const op = this.#service.operations.find((o) => o.name === c.op);
        if (!op) return false;
        for (const t of c.types ?? []) {
          if (this.#service.types.has(t.name)) return false;
          types.set(t.name, t);
        }
        responses.set(c.op, c.response);
        ops.add(op);
        continue;
      }
      if (c.kind === "definition") {
        // a page that reaches no changed type reaches the same types in both services: only the
        // pages showing a changed type can change
        const def = types.get(c.type);
        if (!def || (def.kind === "class" && def.builtin)) return false;
        types.set(c.type, c.def);
        for (const op of this.showing(c.type)) ops.add(op);
        continue;
      }
      const def = types.get(c.type);
      if (!def || def.kind !== "class" || def.builtin) return false;
      const { base: _old, ...rest } = def;
      types.set(c.type, c.base ? { ...rest, base: c.base } : rest);
      for (const op of this.showing(c.type)) ops.add(op);
    }
    const other: TrueService = {
      ...this.#service,
      types,
      operations: this.#service.operations.map((o) => (responses.has(o.name) ? { ...o, response: responses.get(o.name)! } : o)),
    };
    for (const c of changes) {
      const base = c.kind === "base" ? c.base : c.kind === "definition" && c.def.kind === "class" ? c.def.base : undefined;
      if (base && (c.kind === "base" || c.kind === "definition") && derivesFrom(other, base, c.type)) return false;
    }
    if (!basesAreClasses(other)) return false;
    for (const [i, op] of this.#service.operations.entries()) {
      if (!ops.has(op)) continue;
      let original = this.#original.get(op);
      if (original === undefined) this.#original.set(op, (original = renderPage(this.#service, op, this.#rendering, this.#options)));
      const text = renderPage(other, other.operations[i]!, this.#rendering, this.#options);
      if (text !== original) {
        this.lastRejection = firstDifference(op.name, original, text);
        return false;
      }
      if (this.#rendering === "json") break; // one document for all ops
    }
    return true;
  }
}

/** Where two renderings of an op page part: the page, the line number and both lines. */
export function firstDifference(op: string, a: string, b: string): string {
  const x = a.split("\n");
  const y = b.split("\n");
  const i = x.findIndex((line, j) => line !== y[j]);
  const at = i < 0 ? x.length : i;
  let [p, q] = [x[at] ?? "", y[at] ?? ""];
  if (p.length > 160 || q.length > 160) {
    // a long line (a sample body): the stretch around the first character that differs
    let c = 0;
    while (c < p.length && p[c] === q[c]) c++;
    const cut = (s: string) => `${c > 60 ? "…" : ""}${s.slice(Math.max(0, c - 60), c + 60)}${s.length > c + 60 ? "…" : ""}`;
    [p, q] = [cut(p), cut(q)];
  }
  return `${op} line ${at + 1}: ${JSON.stringify(p)} would read ${JSON.stringify(q)}`;
}
