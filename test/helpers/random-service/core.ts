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
import { changeOf, type Change } from "./counterfactual.js";
import { acceptTypeReadings, typeReadings } from "./type-readings.js";
import { readingVerdict } from "./reading.js";

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
  const compare = () => compareModels(truth, recovered, { undecidable: u.rules, unnamed: u.unnamed });
  let first = compare();
  if (!first.differences.length) return first;
  // types read otherwise (run-together plain enum tables, ...), accepted by the counterfactual group by group
  const refused: string[] = [];
  if (acceptTypeReadings(u.relations, typeReadings(service, recovered, first), refused)) first = compare();
  first.refused = refused;
  // relations that read the same only together (a response taken for another type's base, and back): all of the
  // model's relation differences at once, those other rules excuse included
  if (!first.differences.length) return first;
  const relation = (d: Difference) => /^(type:[^.]+\.base|op:[^.]+\.response)$/.test(d.path);
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

/** The truth with each op's source named after its rendered file. */
export function truthOf(service: TrueService, files: readonly RenderedFile[]): ApiModel {
  const byOp = new Map(files.map((f) => [f.path.replace(/\.[^.]*$/, ""), f.path]));
  return toApiModel(service, (op) => byOp.get(op.name) ?? files[0]?.path ?? op.name);
}
