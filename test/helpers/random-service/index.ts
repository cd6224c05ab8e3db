// The oracle: random true services, rendered as ServiceStack would (HTML op pages and index, pipe
// text, flat text, /types/metadata JSON), fed through ssgen's pipeline and compared with the truth.
import { buildApi, type LoadResult } from "../../../src/api.js";
import type { ApiModel } from "../../../src/model/types.js";
import { compareModels, type Comparison } from "./compare.js";
import { generateService, type GenerateOptions } from "./generate.js";
import { renderFlatPage } from "./render-flat.js";
import { renderHtmlPage } from "./render-html.js";
import { renderIndexPage } from "./render-index.js";
import { renderMetadataJson, type JsonRenderOptions } from "./render-json.js";
import { renderPipePage, type TextRenderOptions } from "./render-pipe.js";
import type { TrueService } from "./service.js";
import { toApiModel } from "./truth.js";
import { undecidables, type Rendering } from "./undecidable.js";

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

export interface RenderOptions extends TextRenderOptions {
  /** Add the /metadata index page (HTML only). */
  index?: boolean;
  json?: JsonRenderOptions;
}

export function renderService(service: TrueService, rendering: Rendering, options: RenderOptions = {}): RenderedFile[] {
  switch (rendering) {
    case "html": {
      const files = service.operations.map((op) => ({ path: `${op.name}.html`, text: renderHtmlPage(service, op) }));
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

/** ssgen's pipeline (parse + model, as `inspect` runs it) over rendered files. */
export function recover(files: readonly RenderedFile[]): ApiModel {
  const loaded: LoadResult = { pages: files.map((f) => ({ source: f.path, text: f.text })), failures: [], diagnostics: [], urlSources: [] };
  return buildApi(loaded, { include: [], exclude: [], allowPartial: false }).api;
}

export interface OracleRun {
  service: TrueService;
  files: RenderedFile[];
  truth: ApiModel;
  recovered?: ApiModel;
  /** The pipeline threw (a failed page, an internal error). */
  error?: string;
  comparison?: Comparison;
}

/** Generate, render, recover, compare. */
export function runOracle(options: GenerateOptions, rendering: Rendering, render: RenderOptions = {}): OracleRun {
  const service = generateService(options);
  const files = renderService(service, rendering, render);
  const truth = toApiModel(service, (op) => files.find((f) => f.path.startsWith(op.name + "."))?.path ?? files[0]?.path ?? op.name);
  const run: OracleRun = { service, files, truth };
  try {
    run.recovered = recover(files);
  } catch (error) {
    run.error = error instanceof Error ? error.message : String(error);
    return run;
  }
  const u = undecidables(service, rendering);
  run.comparison = compareModels(truth, run.recovered, { undecidable: u.rules, unnamed: u.unnamed });
  return run;
}
export { serviceArbitrary, generateOptionsArbitrary, type ServiceArbitraryOptions } from "./arbitrary.js";

/** A failure report a person can act on: seed, rendering, differences, and the page text around them. */
export function describeRun(run: OracleRun, rendering: Rendering, options: GenerateOptions, maxChars = 4000): string {
  const lines = [`seed=${options.seed} ops=${options.ops} rendering=${rendering} options=${JSON.stringify(options)}`];
  if (run.error) lines.push(`pipeline error: ${run.error}`);
  for (const d of run.comparison?.differences.slice(0, 12) ?? []) lines.push(`  ${d.path}: expected ${d.expected ?? "(none)"}, got ${d.actual ?? "(none)"}`);
  const names = new Set((run.comparison?.differences ?? []).map((d) => d.path.split(/[:.]/)[1]));
  const page = run.files.find((f) => [...names].some((n) => n && f.text.includes(n))) ?? run.files[0];
  if (page) lines.push(`--- ${page.path}`, page.text.length > maxChars ? page.text.slice(0, maxChars) + "\n[...]" : page.text);
  return lines.join("\n");
}
