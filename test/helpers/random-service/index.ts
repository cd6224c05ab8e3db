// The oracle: random true services, rendered as ServiceStack would (HTML op pages and index, pipe
// text, flat text, /types/metadata JSON), fed through ssgen's pipeline and compared with the truth.
import { buildApi, type LoadResult } from "../../../src/api.js";
import type { ApiModel } from "../../../src/model/types.js";
import type { Comparison } from "./compare.js";
import { evaluate, renderService, truthOf, type RenderedFile, type RenderOptions } from "./core.js";
import { generateService, type GenerateOptions } from "./generate.js";
import type { TrueService } from "./service.js";
import type { Rendering } from "./undecidable.js";

export * from "./core.js";

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
  const truth = truthOf(service, files);
  const run: OracleRun = { service, files, truth };
  try {
    run.recovered = recover(files);
  } catch (error) {
    run.error = error instanceof Error ? error.message : String(error);
    return run;
  }
  run.comparison = evaluate(service, rendering, truth, run.recovered, render);
  return run;
}
export { serviceArbitrary, generateOptionsArbitrary, featureOptionsArbitrary, type ServiceArbitraryOptions } from "./arbitrary.js";

/** A failure report a person can act on: seed, rendering, differences, and the page text around them. */
export function describeRun(run: OracleRun, rendering: Rendering, options: GenerateOptions, maxChars = 4000): string {
  const lines = [`seed=${options.seed} ops=${options.ops} rendering=${rendering} options=${JSON.stringify(options)}`];
  if (run.error) lines.push(`pipeline error: ${run.error}`);
  if (run.comparison) lines.push(`${run.comparison.differences.length} differences (${run.comparison.excused.length} excused as undecidable), the first:`);
  for (const d of run.comparison?.differences.slice(0, 12) ?? []) lines.push(`  ${d.path}: expected ${d.expected ?? "(none)"}, got ${d.actual ?? "(none)"}`);
  const names = new Set((run.comparison?.differences ?? []).map((d) => d.path.split(/[:.]/)[1]));
  const page = run.files.find((f) => [...names].some((n) => n && f.text.includes(n))) ?? run.files[0];
  if (page) lines.push(`--- ${page.path}`, page.text.length > maxChars ? page.text.slice(0, maxChars) + "\n[...]" : page.text);
  return lines.join("\n");
}
