// The command line: yargs definitions and wiring to api.ts. No logic lives here: the flags come from
// the option table (src/options.ts), the config file is merged in (source/config.ts) and api.ts does the work.
// cli.ts (the entry) loads this module for every run that its unchanged-run answer (cli-unchanged.ts)
// declines and that is not a plain generate/check (those go to cli-run.ts directly); the commands'
// actions and messages live in cli-run.ts, shared by both ways in.

import path from "node:path";
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { EXIT, SsgenError, UsageError, formatGenerateSummary, generate, inspect } from "./api.js";
import { checkAll, generateAll, print, reportError, reporter, run, type Run } from "./cli-run.js";
import { OPTIONS, OPTION_NAMES, flagName, type CommandName, type GivenOptions, type OptionSpec } from "./options.js";
import { loadConfig, resolveProjects, validateOptions } from "./source/config.js";
import { watchDebounced, watchTargets } from "./source/watch.js";
import { findGeneratedClients, updateOptions } from "./update.js";
import { SSGEN_VERSION } from "./version.js";

const EPILOGUE = `Exit codes:
  0  success
  1  check: the output differs from what would be generated
  2  usage or config error (bad flag, unknown config key, wrong type)
  3  network or input error (HTTP status, timeout, page too large, missing file)
  4  parse error (a page is not a metadata page or cannot be understood)
  70 internal error (a bug: please report it)

Options may also come from ssgen.config.json (or an "ssgen" key in package.json); flags win.`;

/** The table's options for one command, as yargs flags (src/options.ts declares them all). */
export function tableOptions<T>(y: Argv<T>, command: CommandName): Argv<T> {
  let out = y;
  for (const name of OPTION_NAMES) {
    const spec: OptionSpec = OPTIONS[name];
    if (!spec.commands.includes(command)) continue;
    const hidden = spec.default === undefined || spec.default === false || (Array.isArray(spec.default) && spec.default.length === 0);
    out = out.option(flagName(name), {
      // an int has no yargs type: yargs reads "8" as 8 and keeps "eight" as text, which the table's
      // validator then reports as a usage error naming the flag (yargs' number type says NaN)
      type: spec.type === "boolean" ? "boolean" : spec.type === "int" ? undefined : "string",
      array: spec.type === "strings",
      requiresArg: spec.type !== "boolean",
      choices: spec.choices as string[] | undefined,
      describe: spec.describe + (hidden ? "" : ` [default: ${String(spec.default)}]`),
    });
  }
  return out;
}

/** Only the flags the user typed, in the table's terms, validated like a config file. */
export function givenFlags(argv: Record<string, unknown>): GivenOptions {
  const given: Record<string, unknown> = {};
  for (const name of OPTION_NAMES) {
    const value = argv[flagName(name)];
    if (value !== undefined) given[name] = value;
  }
  return validateOptions(given, "flags", true);
}

/** One run per selected project (or the one run), from the flags and the config they point at. */
async function runsOf(argv: Record<string, unknown>): Promise<Run[]> {
  const flags = givenFlags(argv);
  const loaded = await loadConfig(flags.config, process.cwd());
  return resolveProjects({ flags, loaded, cwd: process.cwd(), env: process.env }).map((r) => ({ ...r, configFile: loaded.file }));
}

/**
 * --watch: generate, then again after every burst of changes to an input file or the config (which
 * is read again), until interrupted. A failed run is reported and the watch goes on.
 */
async function watchAndGenerate(argv: Record<string, unknown>): Promise<number> {
  let runs: Run[] = [];
  let watcher: { close(): void } | undefined;
  let busy = false;
  let again = false;
  const cycle = async (): Promise<void> => {
    if (busy) return void (again = true);
    busy = true;
    try {
      runs = await runsOf(argv);
      await generateAll(runs);
    } catch (error) {
      reportError(error);
    }
    busy = false;
    watcher?.close();
    const targets = runs.flatMap((r) => watchTargets(r.options.inputs, r.options.inputBase));
    const configFile = runs[0]?.configFile ?? path.join(process.cwd(), "ssgen.config.json");
    targets.push(...watchTargets([], process.cwd(), configFile));
    watcher = watchDebounced(targets, runs.map((r) => r.options.out), () => void cycle());
    if (runs.some((r) => !r.options.quiet) || !runs.length) {
      const urls = runs.some((r) => r.options.urls.length) ? " (URL sources are read again on each change, not watched)" : "";
      print(process.stderr, `ssgen: watching the inputs and ${path.relative(process.cwd(), configFile) || configFile}${urls}; Ctrl-C to stop\n`);
    }
    if (again) {
      again = false;
      await cycle();
    }
  };
  await cycle();
  return new Promise<number>(() => {}); // until Ctrl-C
}

const COMMANDS = ["generate", "check", "inspect", "update"];
/** Every command, parsed by yargs from process.argv. */
export async function runCommands(): Promise<void> {
  const [first] = hideBin(process.argv);
  if (first !== undefined && !first.startsWith("-") && !COMMANDS.includes(first)) {
    print(process.stderr, `ssgen: unknown command "${first}" (commands: ${COMMANDS.join(", ")})\nRun "ssgen --help" for usage.\n`);
    process.exit(EXIT.usage);
  }

  await yargs(hideBin(process.argv))
    .scriptName("ssgen")
    .usage("$0 <command> [options]\n\nTypeScript DTOs and a typed fetch client from ServiceStack metadata pages.")
    .command(
      "generate",
      "Read pages and write the client into --out (atomically)",
      (y) =>
        tableOptions(y, "generate")
          .example("$0 generate --url https://api.example.com", "Crawl /metadata and every op page")
          .example("$0 generate --url 'https://api.example.com/json/metadata?op=CreateOrder' --out src/api", "One op page")
          .example("$0 generate --input pages/ --enums union --no-format", "From saved pages")
          .example("$0 generate --url https://api.example.com --bearer-env API_TOKEN --include 'tag:orders'", "Protected metadata, one tag")
          .epilogue(EPILOGUE),
      (argv) =>
        run(async () => {
          if (argv.watch === true) return watchAndGenerate(argv);
          await generateAll(await runsOf(argv));
          return EXIT.ok;
        }),
    )
    .command(
      "check",
      "Build in memory and compare with --out; exit 1 and describe the changes when they differ",
      (y) =>
        tableOptions(y, "check")
          .option("diff", { type: "boolean", describe: "Also print the unified line diff" })
          .example("$0 check --config ssgen.config.json", "CI: fail when generated/ is stale")
          .example("$0 check --input pages/ --out src/api --diff", "Show the line diff too")
          .epilogue(EPILOGUE),
      (argv) => run(async () => checkAll(await runsOf(argv), argv.diff === true)),
    )
    .command(
      "inspect",
      "Print the model built from pages (summary, --json or --dump)",
      (y) =>
        tableOptions(y, "inspect")
          .option("json", { type: "boolean", describe: "Print { ...apiModel, pages } as JSON (see README)" })
          .option("dump", { type: "boolean", describe: "Print each page's canonical dump" })
          .conflicts("json", "dump")
          .example("$0 inspect --input fixtures/pages", "Readable summary")
          .example("$0 inspect --input page.txt --dump", "The page as the model sees it")
          .example("$0 inspect --url https://api.example.com --json > model.json", "Machine-readable model")
          .epilogue(EPILOGUE),
      (argv) =>
        run(async () => {
          const runs = await runsOf(argv);
          if (runs.length > 1) {
            throw new UsageError(`inspect reads one API: pick it with --project (projects: ${runs.map((r) => r.name).join(", ")})`);
          }
          const options = runs[0]!.options;
          const result = await inspect(options, reporter(options));
          if (argv.json) print(process.stdout, JSON.stringify(result.json, null, 2) + "\n");
          else if (argv.dump) print(process.stdout, result.dumps.map((d) => d.replace(/\n*$/, "\n")).join("\n"));
          else print(process.stdout, result.summary.replace(/\n*$/, "\n"));
          return EXIT.ok;
        }),
    )
    .command(
      "update [path]",
      "Regenerate the clients in path (a generated file or a folder searched for them) from what their headers record",
      (y) =>
        tableOptions(y.positional("path", { type: "string", default: ".", describe: "A generated file, or a folder to search" }), "update")
          .example("$0 update", "Every client below the current folder")
          .example("$0 update src/api/dtos.ts --bearer-env API_TOKEN", "One client; secrets are never recorded, give them again")
          .epilogue(EPILOGUE),
      (argv) =>
        run(async () => {
          const flags = givenFlags(argv);
          let code: number = EXIT.ok;
          for (const client of await findGeneratedClients(path.resolve(String(argv.path)))) {
            try {
              const options = updateOptions(client, flags, process.cwd(), process.env);
              const by = client.header.version ? `ssgen ${client.header.version}` : "an ssgen without a version";
              if (!options.quiet) print(process.stderr, `ssgen: updating ${path.relative(process.cwd(), client.dir) || "."} (made by ${by}, now ${SSGEN_VERSION})\n`);
              const result = await generate(options, reporter(options), { reuseUnchanged: true });
              if (!options.quiet) print(process.stderr, formatGenerateSummary(result) + "\n");
            } catch (error) {
              code = Math.max(code, reportError(error));
            }
          }
          return code;
        }),
    )
    .demandCommand(1, `give a command: ${COMMANDS.join(", ")}`)
    .strict()
    .epilogue(EPILOGUE)
    .help()
    .alias("h", "help")
    .version(SSGEN_VERSION)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      // yargs reports its own usage errors as YError (e.g. a flag without its value)
      if (error && !(error instanceof SsgenError) && error.name !== "YError") throw error;
      print(process.stderr, `ssgen: ${message ?? error?.message}\nRun "ssgen <command> --help" for usage.\n`);
      process.exit(EXIT.usage);
    })
    .parseAsync();
}
