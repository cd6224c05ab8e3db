// What decides a run's output besides the model: the loaded pages, the output options, the project's
// prettier config, the client runtime and ssgen's own code, hashed into one key. A run whose key is
// the one recorded for --out, and whose --out files are still what ssgen wrote, has nothing to do
// (write/unchanged.ts). This module loads no parser, model or emitter: the CLI answers an unchanged
// run with it alone (cli-unchanged.ts), and api.ts uses the same functions before the pipeline.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatWarnings } from "./diagnostics.js";
import { recordedOptions, type RunOptions } from "./source/config.js";
import { loadPages, type LoadResult } from "./source/load.js";
import { resolvePrettierConfig } from "./source/prettier-config.js";
import type { Reporter } from "./source/reporter.js";
import { readRuntimeSource } from "./source/template.js";
import { unchangedOutput, type InputsRecord } from "./write/unchanged.js";
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
}

export async function loadInputs(options: RunOptions, reporter: Reporter): Promise<Loaded> {
  const loaded = await loadPages(options, reporter);
  const [prettierConfig, runtimeSource] = await Promise.all([
    options.emit.format ? resolvePrettierConfig(options.out) : undefined,
    readRuntimeSource(),
  ]);
  const hash = createHash("sha256");
  // headers (secrets) and transport settings do not shape the output and stay out of the key
  hash.update(JSON.stringify({ version: SSGEN_VERSION, emit: options.emit, recorded: recordedOptions(options), include: options.include, exclude: options.exclude, allowPartial: options.allowPartial, prettierConfig, urlSources: loaded.urlSources ?? null, failures: loaded.failures, diagnostics: loaded.diagnostics }));
  hash.update(runtimeSource);
  hash.update(codeFingerprint());
  for (const p of loaded.pages) {
    // a saved page by its bytes (the text is a function of them), so nothing is decoded here
    const content = p.metadata ? JSON.stringify(p.metadata) : (p.bytes ?? p.text);
    hash.update(JSON.stringify([p.source, p.url ?? null, p.operation ?? null, p.tags ?? null, p.bytes ? "bytes" : "text", content.length]));
    hash.update(content);
  }
  return { loaded, prettierConfig, runtimeSource, key: hash.digest("hex") };
}

/**
 * ssgen's own code (every module beside this one and below): a build that changed the emitter
 * without a new version number must not reuse output the old code wrote. Read synchronously: about
 * 160 small files, faster than a round trip per file through the thread pool.
 */
let fingerprint: string | undefined;
function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const root = path.dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => /\.[cm]?[jt]s$/.test(f)).sort();
  const hash = createHash("sha256");
  for (const f of files) hash.update(f).update(readFileSync(path.join(root, f)));
  return (fingerprint = hash.digest("hex"));
}

/** The record of the run that wrote --out, when this run would write exactly that (see write/unchanged.ts). */
export function unchangedRecord(options: RunOptions, inputs: Loaded): Promise<(InputsRecord & { files: number }) | undefined> {
  return unchangedOutput(options.out, inputs.key);
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

