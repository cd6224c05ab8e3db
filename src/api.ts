// The programmatic API and the orchestration behind every CLI command:
//   loadPages (source/) -> buildApi (parse/ + model/) -> emitClient (emit/) -> write/ or check.
// Failure policy lives here: one failed page fails the run naming the page and the reason,
// unless allowPartial, and nothing is written unless the whole run succeeded.

import path from "node:path";
import { formatWarnings, isErrorCode } from "./diagnostics.js";
import type { EmitOptions, GeneratedFile } from "./emit/options.js";
import { dumpPage } from "./model/dump.js";
import { mergePages } from "./model/merge.js";
import { preparePage, type PreparedPage } from "./model/page.js";
import { solvePages } from "./model/solve/index.js";
import { summarize } from "./model/summary.js";
import { metadataPages, withoutRepeatedTypes } from "./model/metadata/metadata-pages.js";
import {
  PageError,
  type ApiModel,
  type Diagnostic,
  type MetadataDocument,
  type PageModel,
  type RawPage,
} from "./model/types.js";
import { detectPage, describeNotMetadata, type PageKind } from "./parse/detect.js";
import { parseHtmlPage } from "./parse/html.js";
import { parseMetadataDocument } from "./parse/metadata-json/document.js";
import { parseTextPage } from "./parse/text.js";
import { fileCache } from "./source/cache.js";
import { recordedOptions, type RunOptions } from "./source/config.js";
import { crawl } from "./source/crawl.js";
import { RunFailedError, SsgenError, UsageError, EXIT, type PageFailure } from "./source/errors.js";
import { expandInputs, readInput } from "./source/files.js";
import { makeOperationFilter } from "./source/filter.js";
import { DEFAULT_HTTP_OPTIONS, type HttpOptions } from "./source/http.js";
import { probeTypesMetadata, typesMetadataUrl } from "./source/metadata-probe.js";
import { silentProgress, type Progress } from "./source/progress.js";
import { displayUrl, scrub } from "./source/redact.js";
import { resolvePrettierConfig } from "./source/prettier-config.js";
import { readRuntimeSource } from "./source/template.js";
import { writeOutputAtomically, type WriteResult } from "./write/atomic.js";
import { compareOutput, formatCheckReport, type CheckReport } from "./write/check.js";
import { summarizeModel } from "./write/manifest.js";
import { saveInputsRecord, unchangedOutput, type InputsRecord } from "./write/unchanged.js";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { SSGEN_VERSION } from "./version.js";

export type { RunOptions } from "./source/config.js";
export { EXIT, SsgenError, UsageError, RunFailedError } from "./source/errors.js";

/** Where a run reports; the CLI writes to stderr, library callers may pass silentReporter. */
export interface Reporter {
  /** Warning lines (grouped by code, see formatWarnings) and failures kept by --allow-partial. */
  warn(line: string): void;
  /** `info: …` lines: which source a --url was read from when it was not the first choice. */
  info?(line: string): void;
  progress: Progress;
  /** Every warning instead of the first few of each code. */
  verbose?: boolean;
  /** A stage of the run begins (`reading sources`, `parsing 23 pages`, …); no name: the run ended. */
  stage?(name?: string): void;
}

export const silentReporter: Reporter = { warn() {}, progress: silentProgress };

// ---------------------------------------------------------------------------------------------

export interface LoadedPage {
  /** File path (relative to the input base) or secret-free URL. */
  source: string;
  url?: string;
  text: string;
  /** Exact op name from an index link. */
  operation?: string;
  /** Tags from the index (pages from files carry their own, if any). */
  tags?: string[];
  /** Already parsed /types/metadata document (the --url probe); `text` is then empty. */
  metadata?: MetadataDocument;
  /** The op's ?lang=typescript code view, fetched beside its page (spec §2.9). */
  codeView?: { source: string; text: string };
}

/** What one --url was read from (the summary and the generated files' header say it). */
export interface UrlSource {
  /** The URL as given, secret-free. */
  url: string;
  via: "metadata" | "pages";
  /** The /types/metadata URL, when that was read. */
  document?: string;
}

export interface LoadResult {
  pages: LoadedPage[];
  failures: PageFailure[];
  /** Warnings from index pages. */
  diagnostics: Diagnostic[];
  /** One per --url, in the order given (absent: no --url). */
  urlSources?: UrlSource[];
}

export async function loadPages(options: RunOptions, reporter: Reporter = silentReporter): Promise<LoadResult> {
  reporter.stage?.("reading sources");
  const pages: LoadedPage[] = [];
  const failures: PageFailure[] = [];
  const diagnostics: Diagnostic[] = [];

  if (options.inputs.length) {
    const files = await expandInputs(options.inputs, options.inputBase);
    for (const file of files) {
      try {
        pages.push({ source: file.display, text: await readInput(file, options.maxPageBytes) });
      } catch (error) {
        const e = error as SsgenError & { code?: unknown; detail?: string };
        failures.push({ page: file.display, code: isErrorCode(e.code) ? e.code : "E_INPUT", detail: e.detail ?? e.message, stage: "source" });
      }
    }
  }
  const http: Omit<HttpOptions, "allowedOrigin"> = {
    ...DEFAULT_HTTP_OPTIONS,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    maxBytes: options.maxPageBytes,
    headers: options.headers,
    cache: options.cacheDir ? fileCache(options.cacheDir) : undefined,
  };
  const urlSources: UrlSource[] = [];
  const crawlUrls: string[] = [];
  for (const url of options.urls) {
    const source = await readTypesMetadata(url, options.from ?? "auto", http, reporter, failures);
    if (source.page) pages.push(source.page);
    else if (source.via === "pages") crawlUrls.push(url);
    urlSources.push(source.source);
  }
  if (crawlUrls.length) {
    const result = await crawl(crawlUrls, {
      concurrency: options.concurrency,
      filter: makeOperationFilter(options),
      progress: reporter.progress,
      http,
      codeViews: options.codeViews,
    });
    for (const p of result.pages) pages.push(p);
    failures.push(...result.failures);
    diagnostics.push(...result.diagnostics);
  }
  return { pages, failures, diagnostics, urlSources };
}

/**
 * --from auto: the /types/metadata document when the server serves one, else the pages (with an
 * info line saying why). --from metadata: the document or a failure. --from pages: no probe.
 */
async function readTypesMetadata(
  url: string,
  from: NonNullable<RunOptions["from"]>,
  http: Omit<HttpOptions, "allowedOrigin">,
  reporter: Reporter,
  failures: PageFailure[],
): Promise<{ source: UrlSource; page?: LoadedPage; via: UrlSource["via"] | "failed" }> {
  const shown = displayUrl(url);
  const pagesSource = { source: { url: shown, via: "pages" as const }, via: "pages" as const };
  if (from === "pages") return pagesSource;
  const target = typesMetadataUrl(url);
  if (!target) {
    if (from === "auto") return pagesSource;
    failures.push({ page: shown, code: "E_FROM", detail: "is one operation page; --from metadata needs the service's base URL", stage: "source" });
    return { ...pagesSource, via: "failed" };
  }
  const probe = await probeTypesMetadata(target, http);
  if (probe.served) {
    const page: LoadedPage = { source: probe.url, url: probe.url, text: "", metadata: probe.document };
    return { source: { url: shown, via: "metadata", document: probe.url }, page, via: "metadata" };
  }
  if (from === "metadata") {
    failures.push({ page: probe.url, code: probe.code, detail: probe.reason, stage: probe.code === "E_NOT_METADATA" || probe.code === "E_METADATA_JSON" ? "parse" : "source" });
    return { ...pagesSource, via: "failed" };
  }
  reporter.info?.(`info: ${probe.url}: not used (${probe.code} ${probe.reason}); reading the metadata pages`);
  return pagesSource;
}

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

/** Parses every loaded page and merges them; throws RunFailedError unless allowPartial. */
export function buildApi(
  loaded: LoadResult,
  options: Pick<RunOptions, "include" | "exclude" | "allowPartial">,
): BuildResult {
  const keep = makeOperationFilter(options);
  const failures = [...loaded.failures];
  const models: PageModel[] = [];
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
      prepared.push({ page: preparePage(raw, { operation: page.operation }), source: page });
    } catch (error) {
      failures.push(parseFailure(error, page.source));
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

/** The loaded pages plus what decides the output besides them; the key of an unchanged run. */
interface Loaded {
  loaded: LoadResult;
  prettierConfig: Record<string, unknown> | undefined;
  runtimeSource: string;
  /** sha256 over every input page, every output-deciding option, the runtime and ssgen's version. */
  key: string;
}

async function loadInputs(options: RunOptions, reporter: Reporter): Promise<Loaded> {
  const loaded = await loadPages(options, reporter);
  const [prettierConfig, runtimeSource] = await Promise.all([
    options.emit.format ? resolvePrettierConfig(options.out) : undefined,
    readRuntimeSource(),
  ]);
  const hash = createHash("sha256");
  // headers (secrets) and transport settings do not shape the output and stay out of the key
  hash.update(JSON.stringify({ version: SSGEN_VERSION, emit: options.emit, recorded: recordedOptions(options), include: options.include, exclude: options.exclude, allowPartial: options.allowPartial, prettierConfig, urlSources: loaded.urlSources ?? null, failures: loaded.failures, diagnostics: loaded.diagnostics }));
  hash.update(runtimeSource);
  hash.update(await codeFingerprint());
  for (const p of loaded.pages) {
    hash.update(JSON.stringify([p.source, p.url ?? null, p.operation ?? null, p.tags ?? null, p.text.length]));
    hash.update(p.metadata ? JSON.stringify(p.metadata) : p.text);
  }
  return { loaded, prettierConfig, runtimeSource, key: hash.digest("hex") };
}

/**
 * ssgen's own code (every module beside this one): a build that changed the emitter without a new
 * version number must not reuse output the old code wrote.
 */
let fingerprint: Promise<string> | undefined;
function codeFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const root = path.dirname(fileURLToPath(import.meta.url));
    const files = (await readdir(root, { recursive: true })).filter((f) => /\.[cm]?[jt]s$/.test(f)).sort();
    const hash = createHash("sha256");
    for (const f of files) hash.update(f).update(await readFile(path.join(root, f)));
    return hash.digest("hex");
  })();
  return fingerprint;
}

/**
 * Nothing changed: the manifest in --out records this very key and every file it lists is still
 * what ssgen wrote. The run then reports what the recorded run reported, without parsing or emitting.
 */
async function unchangedRun(options: RunOptions, inputs: Loaded, reporter: Reporter): Promise<(InputsRecord & { files: number }) | undefined> {
  const recorded = await unchangedOutput(options.out, inputs.key);
  if (!recorded) return undefined;
  for (const line of formatWarnings(recorded.diagnostics, { verbose: reporter.verbose })) reporter.warn(line);
  for (const f of recorded.failures) reporter.warn(`failed: ${f.page}: ${f.code} ${f.detail}`);
  return recorded;
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
  reporter.stage?.(`parsing ${plural(loaded.pages.length, "page")}`);
  const built = buildApi(loaded, options);
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

const READ_FROM: Readonly<Record<BuildResult["readFrom"], string>> = {
  metadata: "from /types/metadata JSON",
  pages: "from metadata pages",
  both: "from /types/metadata JSON and metadata pages",
};

function reportWarnings(built: BuildResult, reporter: Reporter): void {
  for (const line of formatWarnings(built.api.diagnostics, { verbose: reporter.verbose })) reporter.warn(line);
  for (const f of built.failures) reporter.warn(`failed: ${f.page}: ${f.code} ${f.detail}`);
}

function warningCount(api: ApiModel): number {
  return api.diagnostics.filter((d) => d.code.startsWith("W")).length;
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

/** `reuseUnchanged`: answer an unchanged run from the manifest (see GenerateResult.unchanged); the CLI does. */
export interface RunFlags {
  reuseUnchanged?: boolean;
}

export async function generate(options: RunOptions, reporter: Reporter = silentReporter, { reuseUnchanged = false }: RunFlags = {}): Promise<GenerateResult> {
  const started = performance.now();
  return scrubbed(options, async () => {
    const inputs = await loadInputs(options, reporter);
    const recorded = reuseUnchanged ? await unchangedRun(options, inputs, reporter) : undefined;
    if (recorded) {
      const write: WriteResult = { written: 0, removed: [], unchanged: true };
      return { ...skippedResult(recorded), write, elapsedMs: Math.round(performance.now() - started), unchanged: { operations: recorded.operations, types: recorded.types, files: recorded.files } };
    }
    const emitted = await buildAndEmit(options, reporter, inputs);
    reporter.stage?.(`writing ${path.relative(process.cwd(), options.out) || "."}`);
    const write = await writeOutputAtomically(options.out, emitted.files, summarizeModel(emitted.api));
    await saveInputsRecord(options.out, inputsRecord(inputs.key, emitted));
    // an earlier run's interrupted swap finished or undone, edited files kept as the user's
    for (const note of write.notes ?? []) reporter.warn(`warning: ${options.out}: ${note}`);
    return { ...emitted, write, elapsedMs: Math.round(performance.now() - started) };
  }, reporter);
}

/** The result of a run that found nothing changed: the recorded run's diagnostics, no files. */
function skippedResult(recorded: InputsRecord): EmitResult {
  return {
    api: { wireCase: "unknown", operations: [], types: [], diagnostics: recorded.diagnostics, sources: [] },
    pages: [],
    failures: recorded.failures.map((f) => ({ ...f, stage: "parse" as const }) as PageFailure),
    skipped: [],
    readFrom: recorded.readFrom as EmitResult["readFrom"],
    files: [],
  };
}

/** The last line of a generate run. */
export function formatGenerateSummary(result: GenerateResult): string {
  const files = result.unchanged
    ? `0 files written (${result.unchanged.files} unchanged)`
    : result.write.unchanged
      ? `0 files written (${result.files.length} unchanged)`
      : `${result.write.written} files written`;
  const failed = result.failures.length ? `, ${plural(result.failures.length, "page")} failed` : "";
  const operations = result.unchanged?.operations ?? result.api.operations.length;
  const types = result.unchanged?.types ?? result.api.types.length;
  const fromCode = (result.pages ?? []).filter((p) => p.codeView !== undefined).length;
  const views = fromCode ? ` (${fromCode} read from ?lang= code views)` : "";
  return (
    `ssgen: ${plural(operations, "operation")}${views}, ${plural(types, "type")} ${READ_FROM[result.readFrom]}, ${files}, ` +
    `${plural(warningCount(result.api), "warning")}${failed}, ${result.elapsedMs} ms`
  );
}

export interface CheckResult extends EmitResult {
  report: CheckReport;
  /** Human-readable report (what `ssgen check` prints). */
  text: string;
}

export async function check(
  options: RunOptions,
  reporter: Reporter = silentReporter,
  { patch = false, reuseUnchanged = false }: { patch?: boolean } & RunFlags = {},
): Promise<CheckResult> {
  return scrubbed(options, async () => {
    const inputs = await loadInputs(options, reporter);
    const recorded = reuseUnchanged ? await unchangedRun(options, inputs, reporter) : undefined;
    if (recorded) {
      // the output is exactly what this run would write: no drift, by construction
      const report: CheckReport = { drift: false, files: [], model: { operationsAdded: [], operationsRemoved: [], operationsChanged: {}, typesAdded: [], typesRemoved: [], typesChanged: {} } };
      const label = path.relative(process.cwd(), options.out) || ".";
      return { ...skippedResult(recorded), report, text: formatCheckReport(report, label, patch) };
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

/** `1 page`, `2 pages`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
