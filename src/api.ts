// The programmatic API and the orchestration behind every CLI command:
//   loadPages (source/) -> buildApi (parse/ + model/) -> emitClient (emit/) -> write/ or check.
// Failure policy lives here: one failed page fails the run naming the page and the reason,
// unless allowPartial, and nothing is written unless the whole run succeeded.

import path from "node:path";
import { formatWarnings } from "./diagnostics.js";
import type { EmitOptions, GeneratedFile } from "./emit/options.js";
import { loadInputs, reportRecorded, unchangedByStats, unchangedCheckResult, unchangedGenerateResult, unchangedRecord, type Loaded } from "./inputs.js";
import { dumpPage } from "./model/dump.js";
import { settleGluedMembers } from "./model/flat-enums.js";
import { mergePages } from "./model/merge.js";
import { preparePage, type PreparedPage } from "./model/page.js";
import { solvePages } from "./model/solve/index.js";
import { summarize } from "./model/summary.js";
import { metadataPages, withoutRepeatedTypes } from "./model/metadata/metadata-pages.js";
import { PageError, type ApiModel, type PageModel, type RawPage } from "./model/types.js";
import { detectPage, describeNotMetadata, type PageKind } from "./parse/detect.js";
import { detachStrings } from "./parse/detach.js";
import { parseHtmlPage } from "./parse/html.js";
import { parseMetadataDocument } from "./parse/metadata-json/document.js";
import { parseTextPage } from "./parse/text.js";
import { recordedOptions, type RunOptions } from "./source/config.js";
import { RunFailedError, SsgenError, UsageError, EXIT, type PageFailure } from "./source/errors.js";
import { makeOperationFilter } from "./source/filter.js";
import { loadPages, type LoadedPage, type LoadResult, type UrlSource } from "./source/load.js";
import { displayUrl, scrub } from "./source/redact.js";
import { silentReporter, type Reporter } from "./source/reporter.js";
import { writeOutputAtomically, type WriteResult } from "./write/atomic.js";
import { compareOutput, formatCheckReport, type CheckReport } from "./write/check.js";
import { summarizeModel } from "./write/manifest.js";
import { saveInputsRecord, type InputsRecord } from "./write/unchanged.js";
import { READ_FROM, plural } from "./summary-line.js";
import { SSGEN_VERSION } from "./version.js";
import { isLargeRun, limitHeapGrowth, releaseStageGarbage } from "./memory.js";

export type { RunOptions } from "./source/config.js";
export { loadPages, type LoadedPage, type LoadResult, type UrlSource } from "./source/load.js";
export { silentReporter, type Reporter } from "./source/reporter.js";
export { formatGenerateSummary, plural } from "./summary-line.js";
export { EXIT, SsgenError, UsageError, RunFailedError } from "./source/errors.js";


// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------

export interface BuildResult {
  api: ApiModel;
  /** One per page that parsed and passed the filters, in source order. */
  pages: PageModel[];
  /** Pages that failed (only non-empty with allowPartial). */
  failures: PageFailure[];
  /** Inputs that were /metadata index pages given as files: they list ops but hold no types. */
  skipped: string[];
  /** What the model was built from: /types/metadata JSON, pages, or both (mixed inputs). */
  readFrom: "metadata" | "pages" | "both";
}

/**
 * Parses every loaded page and merges them; throws RunFailedError unless allowPartial.
 * `consume`: the caller will not read the pages again, so each page's text is dropped once parsed
 * (its facts then hold no part of it): a large run's peak memory is the model's, not the pages'.
 */
export function buildApi(
  loaded: LoadResult,
  options: Pick<RunOptions, "include" | "exclude" | "allowPartial">,
  { consume = false }: { consume?: boolean } = {},
): BuildResult {
  const keep = makeOperationFilter(options);
  const failures = [...loaded.failures];
  const models: PageModel[] = [];
  const parsed: { raw: RawPage; source: LoadedPage }[] = [];
  const prepared: { page: PreparedPage; source: LoadedPage }[] = [];
  const skipped: string[] = [];
  let filteredOut = 0;

  const unfiltered = options.include.length === 0 && options.exclude.length === 0;
  for (const page of loaded.pages) {
    try {
      const kind = page.metadata ? "types-json" : detectPage(page.text);
      if (kind === "types-json") {
        const read = metadataPages(page.metadata ?? parseMetadataDocument(page.text, page.source));
        const kept = read.pages.filter((m) => keep({ name: m.operation, tags: m.tags }));
        filteredOut += read.pages.length - kept.length;
        // Types no operation reaches belong to the whole document, as in ServiceStack's /types/typescript:
        // kept unless --include/--exclude asked for some operations (IncludeTypes=Op.* would drop them too).
        if (unfiltered && kept[0]) kept[0].types.push(...read.unreferenced);
        if (read.pages.length === 0) throw new PageError("E_NO_OPERATIONS", page.source, "the /types/metadata document lists no operations");
        models.push(...kept);
        continue;
      }
      const raw = parsePage(page, kind);
      if (!raw) {
        // a page crawled from an index link that serves an index itself: its op is lost, say so
        if (page.operation !== undefined) {
          failures.push({
            page: page.source,
            code: "E_NOT_OP_PAGE",
            detail: `the index links operation ${page.operation} here, but this URL serves a /metadata index page, not the operation's page`,
            stage: "parse",
          });
        } else skipped.push(page.source);
        continue;
      }
      // an index link that serves another operation's page: its own op would silently be lost
      if (page.operation !== undefined && raw.opName && raw.opName.toLowerCase() !== page.operation.toLowerCase()) {
        failures.push({
          page: page.source,
          code: "E_NOT_OP_PAGE",
          detail: `the index links operation ${page.operation} here, but this URL serves the page of ${raw.opName}`,
          stage: "parse",
        });
        continue;
      }
      if (page.codeView && !raw.code) attachCodeView(raw, page.codeView);
      parsed.push({ raw: consume ? detachStrings(raw) : raw, source: page });
    } catch (error) {
      failures.push(parseFailure(error, page.source));
    } finally {
      if (consume && !page.metadata) page.text = "";
    }
  }
  settleGluedMembers(parsed.map((p) => p.raw));
  for (const { raw, source } of parsed) {
    try {
      prepared.push({ page: preparePage(raw, { operation: source.operation }), source });
    } catch (error) {
      failures.push(parseFailure(error, source.source));
    }
  }
  // every op page together: one type graph (spec §4.1); the filters apply to the solved pages
  let solved: PageModel[] = [];
  try {
    solved = solvePages(prepared.map((p) => p.page));
  } catch (error) {
    failures.push(parseFailure(error, "(all pages)"));
  }
  solved.forEach((model, i) => {
    const tags = [...new Set([...(model.tags ?? []), ...(prepared[i]!.source.tags ?? [])])];
    if (!keep({ name: model.operation, tags })) filteredOut++;
    else models.push(model);
  });
  if (failures.length && !options.allowPartial) throw new RunFailedError(failures);
  if (models.length === 0) {
    if (failures.length) throw new RunFailedError(failures);
    if (filteredOut) throw new UsageError(`--include/--exclude left no operation (${filteredOut} filtered out)`);
    throw new SsgenError(
      skipped.length
        ? `no operation pages among the inputs (${skipped.join(", ")} ${skipped.length === 1 ? "is an index page" : "are index pages"}; crawl it with --url or give op pages)`
        : "no operation pages among the inputs",
      EXIT.input,
    );
  }
  const api = mergePages(withoutRepeatedTypes(models));
  api.diagnostics = [...loaded.diagnostics, ...api.diagnostics];
  const json = models.filter((m) => m.layout === "metadata-json").length;
  const readFrom = json === 0 ? "pages" : json === models.length ? "metadata" : "both";
  return { api, pages: models, failures, skipped, readFrom };
}

/** The code view fetched beside an op page: its declarations join the page's facts (§2.9). */
function attachCodeView(raw: RawPage, view: { source: string; text: string }): void {
  try {
    const code = parseHtmlPage(view.text, view.source).code;
    if (code) raw.code = code;
    else raw.diagnostics.push({ code: "W_CODE_VIEW", detail: `${view.source} shows no TypeScript declarations; the tables are read alone` });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    raw.diagnostics.push({ code: "W_CODE_VIEW", detail: `${view.source}: ${detail}; the tables are read alone` });
  }
}

function parsePage(page: LoadedPage, kind: PageKind): RawPage | undefined {
  switch (kind) {
    case "html-op":
      return parseHtmlPage(page.text, page.source, page.url);
    case "text":
      return parseTextPage(page.text, page.source);
    case "html-index":
      return undefined;
    case "types-json":
      return undefined; // read by buildApi before it gets here
    case "not-metadata":
      throw new PageError("E_NOT_METADATA", page.source, describeNotMetadata(page.text));
  }
}

function parseFailure(error: unknown, page: string): PageFailure {
  if (error instanceof PageError) {
    const prefix = `${error.page}: ${error.code} `;
    const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return { page: error.page || page, code: error.code, detail, stage: "parse" };
  }
  // A bug in a parser must still name the page, not crash the run.
  const message = error instanceof Error ? error.message : String(error);
  return { page, code: "E_PARSE", detail: `could not parse the page: ${message}`, stage: "parse" };
}

// ---------------------------------------------------------------------------------------------

export interface EmitResult extends BuildResult {
  files: GeneratedFile[];
}

function inputsRecord(key: string, emitted: EmitResult): InputsRecord {
  return {
    key,
    operations: emitted.api.operations.length,
    types: emitted.api.types.length,
    readFrom: emitted.readFrom,
    diagnostics: emitted.api.diagnostics,
    failures: emitted.failures.map(({ page, code, detail }) => ({ page, code, detail })),
  };
}

async function buildAndEmit(options: RunOptions, reporter: Reporter, inputs?: Loaded): Promise<EmitResult> {
  const { loaded, prettierConfig, runtimeSource } = inputs ?? (await loadInputs(options, reporter));
  const large = isLargeRun(inputBytes(loaded));
  const restoreHeapGrowth = large ? limitHeapGrowth() : undefined;
  try {
    return await parseAndEmit(options, reporter, { loaded, prettierConfig, runtimeSource, consume: large });
  } finally {
    restoreHeapGrowth?.();
  }
}

function inputBytes(loaded: LoadResult): number {
  return loaded.pages.reduce((sum, p) => sum + (p.bytes?.length ?? p.text.length), 0);
}

async function parseAndEmit(
  options: RunOptions,
  reporter: Reporter,
  { loaded, prettierConfig, runtimeSource, consume }: Omit<Loaded, "key" | "digests"> & { consume: boolean },
): Promise<EmitResult> {
  reporter.stage?.(`parsing ${plural(loaded.pages.length, "page")}`);
  const built = buildApi(loaded, options, { consume });
  // the solve's intermediate data is garbage now: collected before emit allocates on top of it
  releaseStageGarbage();
  reporter.stage?.(`emitting TypeScript for ${plural(built.api.operations.length, "operation")}, ${plural(built.api.types.length, "type")}`);
  // only runs that emit load the emitter, so --help, inspect and runs that fail on a page stay fast
  const { emitClientWithDiagnostics } = await import("./emit/index.js");
  const emitOptions: EmitOptions = {
    ...options.emit,
    prettier: prettierConfig,
    runtimeSource,
    header: {
      sources: headerSources(options, loaded.urlSources),
      options: recordedOptions(options),
      version: SSGEN_VERSION,
      // said whenever it could have been either: a --url (probed) or a saved JSON document among the inputs
      ...(options.urls.length || built.readFrom !== "pages" ? { readFrom: READ_FROM[built.readFrom].replace(/^from /, "") } : {}),
    },
  };
  const emitted = await emitClientWithDiagnostics(built.api, emitOptions);
  // the emitter's findings (unknown types, redeclared members) are the user's too
  built.api.diagnostics.push(...emitted.diagnostics);
  reportWarnings(built, reporter);
  return { ...built, files: emitted.files };
}

/**
 * What the header comment names: the URLs and input patterns as given, minus any secret; a URL read
 * through its /types/metadata document names that document instead.
 */
export function headerSources(
  options: Pick<RunOptions, "urls" | "inputs" | "inputBase" | "out">,
  urlSources: readonly UrlSource[] = [],
): string[] {
  const urls = options.urls.map((u, i) => {
    const read = urlSources[i];
    return read?.via === "metadata" && read.document ? read.document : displayUrl(u);
  });
  // inputs relative to the output folder: the header then means the same from any folder, and
  // `ssgen update` can find them again (and a relative and an absolute --input record the same)
  const inputs = options.inputs.map((i) => path.relative(options.out, path.resolve(options.inputBase, i)) || ".");
  return [...urls, ...inputs.map((i) => i.split(path.sep).join("/"))];
}

function reportWarnings(built: BuildResult, reporter: Reporter): void {
  for (const line of formatWarnings(built.api.diagnostics, { verbose: reporter.verbose })) reporter.warn(line);
  for (const f of built.failures) reporter.warn(`failed: ${f.page}: ${f.code} ${f.detail}`);
}

export interface GenerateResult extends EmitResult {
  write: WriteResult;
  elapsedMs: number;
  /**
   * Set when nothing changed since the run that wrote --out (same pages, options and ssgen version):
   * nothing was parsed or emitted, `files`, `pages` and `api.operations`/`api.types` are empty, and
   * these are the recorded run's counts. `api.diagnostics` are the recorded run's.
   */
  unchanged?: { operations: number; types: number; files: number };
}

/**
 * `reuseUnchanged`: answer an unchanged run from the manifest (see GenerateResult.unchanged); the CLI does.
 * `inputs`: the inputs of exactly these options, already loaded (the CLI's unchanged check read them);
 * the run consumes them.
 */
export interface RunFlags {
  reuseUnchanged?: boolean;
  inputs?: Loaded;
}

export async function generate(options: RunOptions, reporter: Reporter = silentReporter, { reuseUnchanged = false, inputs: given }: RunFlags = {}): Promise<GenerateResult> {
  const started = performance.now();
  return scrubbed(options, async () => {
    const { recorded, inputs } = await recordedOrInputs(options, reporter, reuseUnchanged, given);
    if (recorded) {
      reportRecorded(recorded, reporter);
      return unchangedGenerateResult(recorded, Math.round(performance.now() - started));
    }
    const emitted = await buildAndEmit(options, reporter, inputs);
    reporter.stage?.(`writing ${path.relative(process.cwd(), options.out) || "."}`);
    const write = await writeOutputAtomically(options.out, emitted.files, summarizeModel(emitted.api));
    await saveInputsRecord(options.out, inputsRecord(inputs.key, emitted), inputs.digests);
    // an earlier run's interrupted swap finished or undone, edited files kept as the user's
    for (const note of write.notes ?? []) reporter.warn(`warning: ${options.out}: ${note}`);
    return { ...emitted, write, elapsedMs: Math.round(performance.now() - started) };
  }, reporter);
}

export interface CheckResult extends EmitResult {
  report: CheckReport;
  /** Human-readable report (what `ssgen check` prints). */
  text: string;
}

export async function check(
  options: RunOptions,
  reporter: Reporter = silentReporter,
  { patch = false, reuseUnchanged = false, inputs: given }: { patch?: boolean } & RunFlags = {},
): Promise<CheckResult> {
  return scrubbed(options, async () => {
    const { recorded, inputs } = await recordedOrInputs(options, reporter, reuseUnchanged, given);
    if (recorded) {
      reportRecorded(recorded, reporter);
      return unchangedCheckResult(recorded, options.out, patch);
    }
    const emitted = await buildAndEmit(options, reporter, inputs);
    reporter.stage?.(`comparing with ${path.relative(process.cwd(), options.out) || "."}`);
    const report = await compareOutput(options.out, emitted.files, summarizeModel(emitted.api));
    const label = path.relative(process.cwd(), options.out) || ".";
    return { ...emitted, report, text: formatCheckReport(report, label, patch) };
  }, reporter);
}

export interface InspectResult extends BuildResult {
  /** `summarize(api)`. */
  summary: string;
  /** The public --json shape (README-INSPECT.md). */
  json: ApiModel & { pages: PageModel[] };
  /** Each page's §1.4 dump. */
  dumps: string[];
}

export async function inspect(options: RunOptions, reporter: Reporter = silentReporter): Promise<InspectResult> {
  return scrubbed(options, async () => {
    const loaded = await loadPages(options, reporter);
    reporter.stage?.(`parsing ${plural(loaded.pages.length, "page")}`);
    const built = buildApi(loaded, options);
    reportWarnings(built, reporter);
    return {
      ...built,
      summary: summarize(built.api),
      json: { ...built.api, pages: built.pages },
      dumps: built.pages.map((p) => dumpPage(p)),
    };
  }, reporter);
}

/**
 * With `reuseUnchanged`, the record of the run that wrote --out when nothing changed since (by the
 * stats of the files first, else by the inputs read); otherwise the inputs, which the run goes on with.
 */
async function recordedOrInputs(
  options: RunOptions,
  reporter: Reporter,
  reuseUnchanged: boolean,
  given: Loaded | undefined,
): Promise<{ recorded: InputsRecord & { files: number }; inputs?: undefined } | { recorded?: undefined; inputs: Loaded }> {
  const byStats = reuseUnchanged && !given ? await unchangedByStats(options, reporter) : undefined;
  if (byStats) return { recorded: byStats };
  const inputs = await inputsOf(options, reporter, given);
  const recorded = reuseUnchanged ? await unchangedRecord(options, inputs) : undefined;
  return recorded ? { recorded } : { inputs };
}

/** The run's inputs: loaded now, or as given (then the first stage is still named, as in every run). */
async function inputsOf(options: RunOptions, reporter: Reporter, given: Loaded | undefined): Promise<Loaded> {
  if (!given) return loadInputs(options, reporter);
  reporter.stage?.("reading sources");
  return given;
}

/** Defence in depth: no header value may appear in an error message, whatever produced it. */
async function scrubbed<T>(options: RunOptions, run: () => Promise<T>, reporter?: Reporter): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const secrets = Object.values(options.headers).flatMap((v) => [v, v.split(" ").pop() ?? v]);
    if (error instanceof Error) {
      error.message = scrub(error.message, secrets);
      if (error.stack) error.stack = scrub(error.stack, secrets);
    }
    throw error;
  } finally {
    reporter?.stage?.();
  }
}
