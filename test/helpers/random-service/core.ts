// The oracle without ssgen's pipeline (so bench/ can bundle it and run it against dist/): random
// true services, their renderings, the truth as an ApiModel, and the comparison of a recovered model.
import type { ApiModel } from "../../../src/model/types.js";
import { compareModels, type Comparison, type Difference } from "./compare.js";
import { renderFlatPage } from "./render-flat.js";
import { renderHtmlPage, type HtmlRenderOptions } from "./render-html.js";
import { renderIndexPage } from "./render-index.js";
import { renderMetadataJson, type JsonRenderOptions } from "./render-json.js";
import { renderPipePage, type TextRenderOptions } from "./render-pipe.js";
import type { TrueService } from "./service.js";
import { toApiModel } from "./truth.js";
import { undecidables, type Rendering } from "./undecidable.js";
import { changeOf, type Change, type RelationCounterfactual } from "./counterfactual.js";
import { acceptTypeReadings, typeReadings } from "./type-readings.js";
import { readingVerdict, typeOf } from "./reading.js";
import { isSystemTypeName, tryParseCSharpType } from "../../../src/csharp-type.js";
import type { TypeRef } from "../../../src/model/types.js";
import type { TrueType } from "./service.js";

export { renderOpenApi } from "./render-openapi.js";
export { readingContradictions } from "./reading.js";

export { generateService, PLAIN, type GenerateOptions } from "./generate.js";
export { compareModels, type Comparison, type Difference, type Undecidable } from "./compare.js";
export { toApiModel, preferredVerb } from "./truth.js";
export { undecidables, type Rendering } from "./undecidable.js";
export { renderHtmlPage } from "./render-html.js";
export { renderIndexPage } from "./render-index.js";
export { renderPipePage } from "./render-pipe.js";
export { renderFlatPage } from "./render-flat.js";
export { renderMetadataJson, type JsonRenderOptions } from "./render-json.js";
export { walkOperation } from "./walk.js";
export type { TrueService, TrueOperation, TrueType, TrueClass, TrueEnum } from "./service.js";

export interface RenderedFile {
  /** A file name: `<Op>.html`, `<Op>.txt`, `metadata.html`, `metadata.json`. */
  path: string;
  text: string;
}

export interface RenderOptions extends TextRenderOptions, HtmlRenderOptions {
  /** Add the /metadata index page (HTML only). */
  index?: boolean;
  json?: JsonRenderOptions;
}

export function renderService(service: TrueService, rendering: Rendering, options: RenderOptions = {}): RenderedFile[] {
  switch (rendering) {
    case "html": {
      const files = service.operations.map((op) => ({ path: `${op.name}.html`, text: renderHtmlPage(service, op, options) }));
      return options.index ? [{ path: "metadata.html", text: renderIndexPage(service) }, ...files] : files;
    }
    case "pipe":
      return service.operations.map((op) => ({ path: `${op.name}.txt`, text: renderPipePage(service, op, options) }));
    case "flat":
      return service.operations.map((op) => ({ path: `${op.name}.txt`, text: renderFlatPage(service, op, options) }));
    case "json":
      return [{ path: "metadata.json", text: renderMetadataJson(service, options.json) }];
  }
}

/** Truth vs a model recovered from `rendering` (rendered with `options`), modulo what that rendering cannot show. */
export function evaluate(service: TrueService, rendering: Rendering, truth: ApiModel, recovered: ApiModel, options: RenderOptions = {}): Comparison {
  const u = undecidables(service, rendering, options);
  // responses naming types the service lacks, accepted by the counterfactual (inferredResponses): path -> why
  const inferred = new Map<string, string>();
  const compare = () => excusing(compareModels(truth, recovered, { undecidable: u.rules, unnamed: u.unnamed }), inferred);
  let first = compare();
  if (!first.differences.length) return first;
  // types read otherwise (run-together plain enum tables, ...), accepted by the counterfactual group by group
  const refused: string[] = [];
  if (acceptTypeReadings(u.relations, typeReadings(service, recovered, first), refused)) first = compare();
  if (inferredResponses(service, recovered, u.relations, first, inferred)) first = compare();
  if (mergedResponses(u.conventional, first, inferred)) first = compare();
  first.refused = refused;
  // relations that read the same only together (a response taken for another type's base, and back): all of the
  // model's relation differences at once, those other rules excuse included (the inferred ones are accepted already)
  if (!first.differences.length) return first;
  const relation = (d: Difference) => /^(type:[^.]+\.base|op:[^.]+\.response)$/.test(d.path) && !inferred.has(d.path);
  const changes = [...first.differences, ...first.excused.filter(relation)].map((d) => changeOf(service, d));
  if (changes.length >= 2 && changes.every((c) => c !== undefined) && u.relations.acceptAll(changes as Change[])) {
    first = { ...compare(), refused };
    if (!first.differences.length) return first;
  }
  // last, the whole model: if the service ssgen read renders every page the same, nothing is decidable
  // as read, else with the facts other rules excused taking the truth's values (only the open ones judged)
  const known = { settled: new Set(first.excused.map((d) => d.path)), open: new Set(first.differences.map((d) => d.path)) };
  const verdict = readingVerdict(service, recovered, rendering, options) && readingVerdict(service, recovered, rendering, options, known);
  if (verdict !== undefined) return { ...first, refused: [...refused, `whole reading: ${verdict}`] };
  const reason = "the service ssgen read (its whole model) renders every page byte-identically";
  // a model's "unknown" wire case is read as the truth's (reading.ts): that one fact is not the service's
  const kept = (d: Difference) => d.path === "service.wireCase" && recovered.wireCase === "unknown";
  const excused = first.differences.filter((d) => !kept(d)).map((d) => ({ ...d, reason }));
  return { ...first, differences: first.differences.filter(kept), excused: [...first.excused, ...excused], refused };
}

/** The comparison with the differences at these paths excused, for the reasons given. */
function excusing(c: Comparison, why: ReadonlyMap<string, string>): Comparison {
  if (!why.size) return c;
  const moved = c.differences.filter((d) => why.has(d.path));
  if (!moved.length) return c;
  return { ...c, differences: c.differences.filter((d) => !why.has(d.path)), excused: [...c.excused, ...moved.map((d) => ({ ...d, reason: why.get(d.path)! }))] };
}

/**
 * A response the model names from its sample, with a type the service lacks (the element of a
 * `List<X>` response whose sample shows no key, `[{}]`, read as `<Op>ResponseItem`, where several
 * types' objects are `{}`): undecidable when the service with that response, and the types the model
 * says it refers to, renders the op's page byte-identically (jointly with the changes accepted before).
 * Whether any were accepted (added to `inferred`).
 */
function inferredResponses(service: TrueService, recovered: ApiModel, relations: RelationCounterfactual, c: Comparison, inferred: Map<string, string>): boolean {
  const byName = new Map(recovered.types.map((t) => [t.name, t]));
  const requests = new Set(recovered.operations.map((o) => o.name));
  let any = false;
  for (const d of c.differences) {
    const op = /^op:([^.]+)\.response$/.exec(d.path)?.[1];
    const response = op && d.actual && d.actual !== "void" ? tryParseCSharpType(d.actual) : undefined;
    if (!op || !response) continue;
    const types = new Map<string, TrueType>();
    const add = (ref: TypeRef): boolean => {
      if (ref.kind === "array") return add(ref.element);
      if (ref.kind === "nullable") return add(ref.inner);
      if (!ref.args.every(add)) return false;
      if (service.types.has(ref.name) || isSystemTypeName(ref.name) || types.has(ref.name)) return true;
      const model = byName.get(ref.name);
      if (!model || (model.kind !== "class" && model.kind !== "enum")) return false;
      const t = typeOf(model, requests);
      types.set(t.name, t);
      return t.kind === "enum" || ((!t.base || add(t.base)) && t.properties.every((p) => add(p.type)));
    };
    if (!add(response) || !types.size) continue;
    if (!relations.accept({ kind: "response", op, response, types: [...types.values()] })) continue;
    const why = `the ${op} page is byte-identical with the response ${d.actual} as read from its sample (${[...types.keys()].join(", ")} added)`;
    inferred.set(d.path, why);
    // the types it names are then the model's as read, not extra
    for (const name of types.keys()) inferred.set(`type:${name}`, why);
    any = true;
  }
  return any;
}

/**
 * An `<Op>Response` that no page names, missing from the model because its op's response reads as
 * another type whose page is byte-identical (the same rows: pipe text identifies tables by their rows,
 * §4.1): the type is that one, not missing. Whether any were excused (added to `inferred`).
 */
function mergedResponses(conventional: ReadonlyMap<string, string>, c: Comparison, inferred: Map<string, string>): boolean {
  let any = false;
  for (const d of c.differences) {
    const name = /^type:([^.]+)$/.exec(d.path)?.[1];
    const op = name !== undefined && d.actual === "missing" ? conventional.get(name) : undefined;
    const read = op && c.excused.find((e) => e.path === `op:${op}.response`);
    if (!read) continue;
    inferred.set(d.path, `no page names ${name}, and ${op}'s response reads as ${read.actual}: ${read.reason}`);
    any = true;
  }
  return any;
}

/** The truth with each op's source named after its rendered file. */
export function truthOf(service: TrueService, files: readonly RenderedFile[]): ApiModel {
  const byOp = new Map(files.map((f) => [f.path.replace(/\.[^.]*$/, ""), f.path]));
  return toApiModel(service, (op) => byOp.get(op.name) ?? files[0]?.path ?? op.name);
}
