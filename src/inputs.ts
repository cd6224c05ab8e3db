// What decides a run's output besides the model: the loaded pages, the output options, the project's
// prettier config, the client runtime and ssgen's own code, hashed into one key. A run whose key is
// the one recorded for --out, and whose --out files are still what ssgen wrote, has nothing to do
// (write/unchanged.ts). This module loads no parser, model or emitter: the CLI answers an unchanged
// run with it alone (cli-unchanged.ts), and api.ts uses the same functions before the pipeline.

import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatWarnings } from "./diagnostics.js";
import { recordedOptions, type RunOptions } from "./source/config.js";
import { DigestCache, sha256Of, type FileDigest } from "./file-digests.js";
import { expandInputs } from "./source/files.js";
import { loadPages, type LoadResult } from "./source/load.js";
import { resolvePrettierConfig } from "./source/prettier-config.js";
import type { Reporter } from "./source/reporter.js";
import { readRuntimeSource } from "./source/template.js";
import { readRecord, unchangedOutput, type InputDigests, type InputsRecord } from "./write/unchanged.js";
import { formatCheckReport, type CheckReport } from "./write/check-report.js";
import type { CheckResult, EmitResult, GenerateResult } from "./api.js";
import type { PageFailure } from "./source/errors.js";
import { SSGEN_VERSION } from "./version.js";

/** The loaded pages plus what decides the output besides them; the key of an unchanged run. */
export interface Loaded {
  loaded: LoadResult;
  prettierConfig: Record<string, unknown> | undefined;
  runtimeSource: string;
  /** sha256 over every input page, every output-deciding option, the runtime and ssgen's code and version. */
  key: string;
  /** The digests the key was made of, with their stats: the record keeps them for the next run (unchangedByStats). */
  digests: InputDigests;
}

export async function loadInputs(options: RunOptions, reporter: Reporter): Promise<Loaded> {
  const loaded = await loadPages(options, reporter);
  const [prettierConfig, runtimeSource] = await Promise.all([
    options.emit.format ? resolvePrettierConfig(options.out) : undefined,
    readRuntimeSource(),
  ]);
  const code = codeDigests(new DigestCache());
  const pages = loaded.pages.map((p): PageDigest => {
    // a saved page by its bytes (the text is a function of them), so nothing is decoded here
    const content = p.metadata ? JSON.stringify(p.metadata) : (p.bytes ?? p.text);
    const digest = { path: p.source, sha256: sha256Of(content), size: content.length, ...(p.stat === undefined ? {} : { stat: p.stat }) };
    return { digest, meta: [p.source, p.url ?? null, p.operation ?? null, p.tags ?? null, p.bytes ? "bytes" : "text", content.length] };
  });
  const key = inputsKey(keyHead(options, prettierConfig, loaded), runtimeSource, code, pages);
  const digests = { pages: loaded.pages.every((p) => p.bytes) ? pages.map((p) => p.digest) : [], code };
  return { loaded, prettierConfig, runtimeSource, key, digests };
}

/** A page's part of the key: what names it and its content's digest. */
interface PageDigest {
  digest: FileDigest;
  meta: readonly unknown[];
}

/** What shapes the output besides pages, runtime and code. Headers (secrets) and transport settings do not. */
function keyHead(options: RunOptions, prettierConfig: Record<string, unknown> | undefined, loaded: Omit<LoadResult, "pages">): string {
  return JSON.stringify({ version: SSGEN_VERSION, emit: options.emit, recorded: recordedOptions(options), include: options.include, exclude: options.exclude, allowPartial: options.allowPartial, prettierConfig, urlSources: loaded.urlSources ?? null, failures: loaded.failures, diagnostics: loaded.diagnostics });
}

/** The key from its parts: one function for a run that read its pages and one that only took their stats. */
function inputsKey(head: string, runtimeSource: string, code: readonly FileDigest[], pages: readonly PageDigest[]): string {
  const hash = createHash("sha256").update(head).update(runtimeSource);
  for (const d of code) hash.update(JSON.stringify([d.path, d.sha256]));
  for (const p of pages) hash.update(JSON.stringify(p.meta)).update(p.digest.sha256);
  return hash.digest("hex");
}

/**
 * ssgen's own code (every module beside this one and below): a build that changed the emitter
 * without a new version number must not reuse output the old code wrote. About 160 small files,
 * each hashed again only when its stat is not the recorded one.
 */
function codeDigests(cache: DigestCache): FileDigest[] {
  const root = path.dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => /\.[cm]?[jt]s$/.test(f)).sort();
  return files.map((f) => cache.digest(f, path.join(root, f)));
}

/**
 * The record of the run that wrote --out, when by their stats neither the pages, ssgen's code nor
 * the files in --out changed since (file-digests.ts): nothing is read but the record, the runtime,
 * the prettier config and the files whose stat moved. Undefined when that is not known (URLs, a page
 * over the size cap, a file gone, a digest that differs): then the full check decides (loadInputs).
 */
export async function unchangedByStats(options: RunOptions, reporter: Reporter): Promise<(InputsRecord & { files: number }) | undefined> {
  if (options.urls.length || !options.inputs.length) return undefined;
  reporter.stage?.("reading sources");
  const saved = await readRecord(options.out);
  if (!saved?.inputs?.pages.length) return undefined;
  try {
    const caches = { pages: new DigestCache(saved.inputs.pages), code: new DigestCache(saved.inputs.code) };
    const files = await expandInputs(options.inputs, options.inputBase);
    const pages = files.map((f): PageDigest => {
      const digest = caches.pages.digest(f.display, f.path);
      if (digest.size > options.maxPageBytes) throw new Error("over the size cap: the full run reports it");
      return { digest, meta: [f.display, null, null, null, "bytes", digest.size] };
    });
    const [prettierConfig, runtimeSource] = await Promise.all([options.emit.format ? resolvePrettierConfig(options.out) : undefined, readRuntimeSource()]);
    const code = codeDigests(caches.code);
    const key = inputsKey(keyHead(options, prettierConfig, { failures: [], diagnostics: [], urlSources: [] }), runtimeSource, code, pages);
    const inputs = { pages: pages.map((p) => p.digest), code };
    return await unchangedOutput(options.out, key, { saved, inputs, missed: caches.pages.missed || caches.code.missed });
  } catch {
    return undefined;
  }
}

/** The record of the run that wrote --out, when this run would write exactly that (see write/unchanged.ts). */
export async function unchangedRecord(options: RunOptions, inputs: Loaded): Promise<(InputsRecord & { files: number }) | undefined> {
  const saved = await readRecord(options.out);
  return saved ? unchangedOutput(options.out, inputs.key, { saved, inputs: inputs.digests, missed: true }) : undefined;
}

/** Reports what the recorded run reported: its warnings (grouped as a full run groups them) and kept failures. */
export function reportRecorded(recorded: InputsRecord, reporter: Reporter): void {
  for (const line of formatWarnings(recorded.diagnostics, { verbose: reporter.verbose })) reporter.warn(line);
  for (const f of recorded.failures) reporter.warn(`failed: ${f.page}: ${f.code} ${f.detail}`);
}

/** A generate that found nothing changed: the recorded run's counts and diagnostics; nothing parsed, emitted or written. */
export function unchangedGenerateResult(recorded: InputsRecord & { files: number }, elapsedMs: number): GenerateResult {
  const write = { written: 0, removed: [], unchanged: true };
  return { ...skippedResult(recorded), write, elapsedMs, unchanged: { operations: recorded.operations, types: recorded.types, files: recorded.files } };
}

/** A check that found nothing changed: the output is exactly what this run would write, no drift by construction. */
export function unchangedCheckResult(recorded: InputsRecord, out: string, patch: boolean): CheckResult {
  const report: CheckReport = { drift: false, files: [], model: { operationsAdded: [], operationsRemoved: [], operationsChanged: {}, typesAdded: [], typesRemoved: [], typesChanged: {} } };
  const label = path.relative(process.cwd(), out) || ".";
  return { ...skippedResult(recorded), report, text: formatCheckReport(report, label, patch) };
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

