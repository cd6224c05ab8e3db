// Exact undecidables by counterfactual: a fact the reader got "wrong" is undecidable only when the
// service with the reader's answer renders every page byte-identically (no reader could tell the two
// services apart). Used for bases (undecidable.ts): the rendering under test is re-rendered for the
// pages that show the type, with its base replaced by the recovered one (the type keeps its own members).
import { tryParseCSharpType } from "../../../src/csharp-type.js";
import type { TypeRef } from "../../../src/model/types.js";
import { baseName } from "./generate.js";
import { renderFlatPage } from "./render-flat.js";
import { renderHtmlPage, type HtmlRenderOptions } from "./render-html.js";
import { renderMetadataJson, type JsonRenderOptions } from "./render-json.js";
import { renderPipePage, type TextRenderOptions } from "./render-pipe.js";
import type { TrueClass, TrueOperation, TrueService } from "./service.js";
import type { Rendering } from "./undecidable.js";

export interface PageRenderOptions extends TextRenderOptions, HtmlRenderOptions {
  json?: JsonRenderOptions;
}

/** The names an operation's pages can show: what its request and response reach (properties, bases, arguments). */
export function reachableFrom(service: TrueService, op: TrueOperation): Set<string> {
  const reached = new Set<string>();
  const visitRef = (t: TypeRef): void => {
    if (t.kind === "array") return visitRef(t.element);
    if (t.kind === "nullable") return visitRef(t.inner);
    t.args.forEach(visitRef);
    visitName(t.name);
  };
  const visitName = (name: string): void => {
    const def = service.types.get(name);
    if (!def || reached.has(name)) return;
    reached.add(name);
    if (def.kind === "class") {
      if (def.base) visitRef(def.base);
      for (const p of def.properties) visitRef(p.type);
    }
  };
  visitName(op.name);
  if (op.response !== "void") visitRef(op.response);
  return reached;
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

/** The base a recovered model gives (its display text, names already mapped to the truth's), as a TypeRef of the service. */
export function recoveredBase(service: TrueService, text: string | undefined): TypeRef | undefined | "unknown" {
  if (text === undefined) return undefined;
  const ref = tryParseCSharpType(text);
  if (!ref || ref.kind !== "named" || !service.types.has(ref.name)) return "unknown";
  return ref;
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

/**
 * Counterfactual bases: decides, for a growing set of (type, recovered base) pairs, whether the
 * service with all of them applied at once renders the same pages. Only pages that show one of
 * the types are rendered (a type's own base does not change which pages reach it).
 */
export class BaseCounterfactual {
  readonly #service: TrueService;
  readonly #rendering: Rendering;
  readonly #options: PageRenderOptions;
  readonly #accepted = new Map<string, TypeRef | undefined>();
  #reach?: Map<TrueOperation, Set<string>>;
  readonly #original = new Map<TrueOperation, string>();

  constructor(service: TrueService, rendering: Rendering, options: PageRenderOptions = {}) {
    this.#service = service;
    this.#rendering = rendering;
    this.#options = options;
  }

  /** The ops whose pages show `name`. */
  showing(name: string): TrueOperation[] {
    this.#reach ??= new Map(this.#service.operations.map((op) => [op, reachableFrom(this.#service, op)]));
    return this.#service.operations.filter((op) => this.#reach!.get(op)!.has(name));
  }

  /**
   * True when giving `name` the base `base` (undefined: none), together with every pair accepted
   * so far, leaves every page as it is; the pair is then accepted. Jointly, so that two excused
   * bases are also undecidable together.
   */
  accept(name: string, base: TypeRef | undefined): boolean {
    const def = this.#service.types.get(name);
    if (!def || def.kind !== "class" || def.builtin) return false;
    if (base && derivesFrom(this.#service, base, name)) return false;
    const trial = new Map(this.#accepted).set(name, base);
    const types = new Map(this.#service.types);
    for (const [n, b] of trial) {
      const { base: _old, ...rest } = types.get(n) as TrueClass;
      types.set(n, b ? { ...rest, base: b } : rest);
    }
    const other: TrueService = { ...this.#service, types };
    const ops = new Set([...trial.keys()].flatMap((n) => this.showing(n)));
    for (const op of this.#service.operations) {
      if (!ops.has(op)) continue;
      let original = this.#original.get(op);
      if (original === undefined) this.#original.set(op, (original = renderPage(this.#service, op, this.#rendering, this.#options)));
      if (renderPage(other, op, this.#rendering, this.#options) !== original) return false;
      if (this.#rendering === "json") break; // one document for all ops
    }
    this.#accepted.set(name, base);
    return true;
  }
}
