// The CLI's answer to a `generate` or `check` that has nothing to do: same pages, options, runtime
// and ssgen code as the run that wrote --out, and --out untouched since (inputs.ts, write/unchanged.ts).
// It loads only the option table, the config reader, the page reader and the record, never yargs,
// the parsers, the model or the emitter, and prints what a full run would print (the recorded
// warnings, grouped, and the summary or the check verdict). Anything else, or any doubt, is declined
// (undefined) and the yargs commands (cli-commands.ts) run it as usual: a command line that is not
// plainly `generate`/`check` with table flags, --watch, a --url (its pages are read again by the
// full run, with conditional requests when --cache is given), or a config or input error. A plain
// command line whose input or output changed is handed back with its runs and the inputs read so
// far: cli-run.ts runs it in full, without yargs and without reading the pages twice.

import { OPTIONS, OPTION_NAMES, flagName, type OptionName, type OptionSpec } from "./options.js";
import type { PlainRuns } from "./cli-run.js";
import { loadInputs, reportRecorded, unchangedByStats, unchangedCheckResult, unchangedGenerateResult, unchangedRecord, type Loaded } from "./inputs.js";
import { loadConfig, resolveProjects, validateOptions, type RunOptions } from "./source/config.js";
import { EXIT } from "./source/errors.js";
import { terminalText } from "./source/redact.js";
import { makeStages, silentProgress, type Reporter } from "./source/reporter.js";
import { formatGenerateSummary } from "./summary-line.js";

export interface PlainCommand {
  command: "generate" | "check";
  /** The table's options given, by name, as yargs hands them over (before validation). */
  flags: Partial<Record<OptionName, unknown>>;
  /** check --diff. */
  diff: boolean;
}

/**
 * The command line read as yargs reads it, when it is plainly `generate` or `check` with flags of
 * the option table in their `--kebab-name value`, `--kebab-name=value`, `--flag` or `--no-flag`
 * forms (a list option takes every following value, as yargs does). Undefined for everything
 * yargs might read otherwise or would reject: help, version, short or unknown flags, positionals,
 * values that begin with a dash or a quote, an int that is not plain digits, a choice not offered,
 * a repeated single-valued option, --watch.
 */
export function plainCommand(argv: readonly string[]): PlainCommand | undefined {
  const [command, ...rest] = argv;
  if (command !== "generate" && command !== "check") return undefined;
  const byFlag = new Map<string, OptionName>();
  for (const name of OPTION_NAMES) if ((OPTIONS[name] as OptionSpec).commands.includes(command) && name !== "watch") byFlag.set(flagName(name), name);
  const flags: Partial<Record<OptionName, unknown>> = {};
  let diff = false;
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (!token.startsWith("--") || token.length === 2) return undefined;
    const eq = token.indexOf("=");
    const flag = token.slice(2, eq < 0 ? undefined : eq);
    if (command === "check" && flag === "diff" && eq < 0 && !diff) {
      diff = true;
      continue;
    }
    const negated = flag.startsWith("no-") && !byFlag.has(flag) ? byFlag.get(flag.slice(3)) : undefined;
    const name = negated ?? byFlag.get(flag);
    if (name === undefined || name in flags) return undefined;
    const spec = OPTIONS[name] as OptionSpec;
    if (spec.type === "boolean" || negated !== undefined) {
      if (spec.type !== "boolean" || eq >= 0) return undefined;
      flags[name] = negated === undefined;
      continue;
    }
    if (negated !== undefined) return undefined;
    const values: string[] = [];
    if (eq >= 0) values.push(token.slice(eq + 1));
    // a list eats every following value; any other option one value (after `=` or the next word)
    while (i + 1 < rest.length && !rest[i + 1]!.startsWith("-") && (spec.type === "strings" || values.length === 0)) values.push(rest[++i]!);
    if (values.length === 0 || values.some((v) => v === "" || v.startsWith("-") || v.startsWith("'") || v.startsWith('"'))) return undefined;
    if (spec.type === "strings") flags[name] = values;
    else if (spec.type === "int") {
      if (!/^(0|[1-9][0-9]{0,14})$/.test(values[0]!)) return undefined;
      flags[name] = Number(values[0]);
    } else if (spec.type === "choice" && !spec.choices!.includes(values[0]!)) return undefined;
    else flags[name] = values[0];
  }
  return { command, flags, diff };
}

function print(stream: NodeJS.WriteStream, text: string): void {
  stream.write(terminalText(text));
}

/**
 * The exit code of an unchanged generate/check that was answered here; or its runs, with the inputs
 * read so far, when it is a plain generate/check with something to do (cli-run.ts runs it without
 * yargs, and without reading the pages again); or undefined: the yargs commands run it in full.
 */
export async function answerUnchanged(argv: readonly string[]): Promise<number | PlainRuns | undefined> {
  const plain = plainCommand(argv);
  if (!plain) return undefined;
  const answers: { name?: string; options: RunOptions; recorded: NonNullable<Awaited<ReturnType<typeof unchangedRecord>>>; started: number; stage: (name?: string) => void }[] = [];
  try {
    const flags = validateOptions(plain.flags, "flags", true);
    const loaded = await loadConfig(flags.config, process.cwd());
    const runs = resolveProjects({ flags, loaded, cwd: process.cwd(), env: process.env });
    if (runs.some((r) => r.options.urls.length > 0 || r.options.watch)) return undefined;
    const read: (Loaded | undefined)[] = [];
    for (const run of runs) {
      const started = performance.now();
      // nothing is printed until every run is known to be unchanged (or the full run prints it all)
      const stage = makeStages(run.options.quiet ? "quiet" : "auto", run.options.verbose);
      const quiet: Reporter = { warn() {}, progress: silentProgress, stage };
      const byStats = await unchangedByStats(run.options, quiet);
      const inputs = byStats ? undefined : await loadInputs(run.options, quiet);
      const recorded = byStats ?? (inputs && (await unchangedRecord(run.options, inputs)));
      if (!recorded) return { command: plain.command, diff: plain.diff, runs, loaded: [...read, inputs] };
      read.push(inputs);
      answers.push({ ...run, recorded, started, stage });
    }
  } catch {
    return undefined; // the full run reports it
  }
  for (const { name, options, recorded, started, stage } of answers) {
    const say = (line: string) => {
      if (!options.quiet) print(process.stderr, line + "\n");
    };
    if (answers.length > 1 && name) say(`ssgen: project ${name}`);
    const reporter: Reporter = { verbose: options.verbose, warn: say, progress: silentProgress, stage };
    reportRecorded(recorded, reporter);
    stage();
    if (plain.command === "check") print(process.stdout, unchangedCheckResult(recorded, options.out, plain.diff).text + "\n");
    else say(formatGenerateSummary(unchangedGenerateResult(recorded, Math.round(performance.now() - started))));
  }
  return EXIT.ok;
}
