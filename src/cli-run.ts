// What the generate and check commands do once their runs are known, and how the CLI reports it:
// shared by the yargs commands (cli-commands.ts) and the entry's plain command lines (cli.ts), which
// skip yargs (~0.1 s of loading and setup) when cli-unchanged.ts has read the command line itself.

import { EXIT, RunFailedError, SsgenError, check, formatGenerateSummary, generate, type Reporter, type RunOptions } from "./api.js";
import type { Loaded } from "./inputs.js";
import { makeProgress, makeStages } from "./source/progress.js";
import { terminalText } from "./source/redact.js";

/** Every line ssgen prints goes through terminalText: page and server text is never raw. */
export function print(stream: NodeJS.WriteStream, text: string): void {
  stream.write(terminalText(text));
}

export interface Run {
  /** The config's project, when it has `projects`. */
  name?: string;
  options: RunOptions;
  configFile?: string;
}

/** `ssgen: project NAME` before each project's output when there are several. */
export function heading(run: Run, runs: readonly Run[]): void {
  if (runs.length > 1 && run.name && !run.options.quiet) print(process.stderr, `ssgen: project ${run.name}\n`);
}

/** `loaded[i]`, when given, holds run i's inputs, already read for these options. */
export async function generateAll(runs: readonly Run[], loaded: readonly (Loaded | undefined)[] = []): Promise<void> {
  for (const [i, r] of runs.entries()) {
    heading(r, runs);
    const result = await generate(r.options, reporter(r.options), { reuseUnchanged: true, inputs: loaded[i] });
    if (!r.options.quiet) print(process.stderr, formatGenerateSummary(result) + "\n");
  }
}

/** The check command's exit code: EXIT.drift when any run's output differs. */
export async function checkAll(runs: readonly Run[], patch: boolean, loaded: readonly (Loaded | undefined)[] = []): Promise<number> {
  let drift = false;
  for (const [i, r] of runs.entries()) {
    heading(r, runs);
    const result = await check(r.options, reporter(r.options), { patch, reuseUnchanged: true, inputs: loaded[i] });
    print(process.stdout, result.text + "\n");
    drift ||= result.report.drift;
  }
  return drift ? EXIT.drift : EXIT.ok;
}

/** Prints a failure; returns its exit code. */
export function reportError(error: unknown): number {
  if (error instanceof RunFailedError || error instanceof SsgenError) {
    print(process.stderr, `ssgen: ${error.message}\n`);
    return error.exitCode;
  }
  const e = error as Error;
  print(process.stderr, `ssgen: internal error: ${e?.stack ?? String(error)}\n`);
  return EXIT.internal;
}

export function reporter(options: RunOptions): Reporter {
  return {
    verbose: options.verbose,
    warn: (line) => {
      if (!options.quiet) print(process.stderr, line + "\n");
    },
    info: (line) => {
      if (!options.quiet) print(process.stderr, line + "\n");
    },
    progress: makeProgress(options.quiet ? "quiet" : "auto"),
    stage: makeStages(options.quiet ? "quiet" : "auto", options.verbose),
  };
}

export async function run(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

/** A plain generate or check (cli-unchanged.ts read it and found something to do): its runs, without yargs. */
export interface PlainRuns {
  command: "generate" | "check";
  diff: boolean;
  runs: Run[];
  /** The inputs of the first runs, as the unchanged check read them (undefined: answered by stats, not read). */
  loaded: (Loaded | undefined)[];
}

export function runPlain(plain: PlainRuns): Promise<void> {
  return run(async () => {
    if (plain.command === "check") return checkAll(plain.runs, plain.diff, plain.loaded);
    await generateAll(plain.runs, plain.loaded);
    return EXIT.ok;
  });
}
