#!/usr/bin/env node
// The command line: yargs definitions and wiring to api.ts. No logic lives here; flags become a
// ConfigShape, the config file is merged in (source/config.ts) and api.ts does the work.

import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import {
  EXIT,
  RunFailedError,
  SsgenError,
  check,
  formatGenerateSummary,
  generate,
  inspect,
  type Reporter,
  type RunOptions,
} from "./api.js";
import { CONFIG_KEYS, loadConfig, resolveRunOptions, validateConfig } from "./source/config.js";
import { makeProgress } from "./source/progress.js";

const EPILOGUE = `Exit codes:
  0  success
  1  check: the output differs from what would be generated
  2  usage or config error (bad flag, unknown config key, wrong type)
  3  network or input error (HTTP status, timeout, page too large, missing file)
  4  parse error (a page is not a metadata page or cannot be understood)
  70 internal error (a bug: please report it)

Options may also come from ssgen.config.json (or an "ssgen" key in package.json); flags win.`;

function sourceOptions<T>(y: Argv<T>) {
  return y
    .option("url", { type: "string", array: true, describe: "Base URL, /metadata URL or one op page URL (repeatable)" })
    .option("input", { type: "string", array: true, describe: "Page files, folders or globs (.html, .htm, .txt)" })
    .option("config", { type: "string", describe: "Config file (default: ./ssgen.config.json, else package.json \"ssgen\")" })
    .option("include", { type: "string", array: true, describe: "Only these operations: name globs or tag:<name>" })
    .option("exclude", { type: "string", array: true, describe: "Skip these operations: name globs or tag:<name>" })
    .option("header", { type: "string", array: true, describe: 'Request header "Name: value" for protected metadata (never printed)' })
    .option("bearer-env", { type: "string", describe: "Send Authorization: Bearer $VAR (the token is read from this environment variable)" })
    .option("concurrency", { type: "number", describe: "Pages fetched at once [default: 8]" })
    .option("timeout", { type: "number", describe: "Per-request timeout in ms [default: 30000]" })
    .option("retries", { type: "number", describe: "Retries on network errors, 429 and 5xx [default: 3]" })
    .option("max-page-mb", { type: "number", describe: "Abort reading a page beyond this size [default: 10]" })
    .option("cache", { type: "string", describe: "Page cache folder (conditional requests with ETag/Last-Modified)" })
    .option("allow-partial", { type: "boolean", describe: "Write what succeeded and list the pages that failed" })
    .option("quiet", { type: "boolean", describe: "No progress, warnings or summary (errors still print)" })
    .option("verbose", { type: "boolean", describe: "Print every warning, not the first few of each code" });
}

function emitOptions<T>(y: Argv<T>) {
  return y
    .option("out", { type: "string", describe: "Output folder [default: generated]" })
    .option("enums", { choices: ["enum", "union"] as const, describe: "TS enums or string-literal unions [default: enum]" })
    .option("optional", { choices: ["auto", "all"] as const, describe: "Optional properties: spec rule or all [default: auto]" })
    .option("nullable", { choices: ["optional", "union"] as const, describe: "Optional properties as name?: T or name: T | null [default: optional]" })
    .option("endpoint", { choices: ["reply", "api"] as const, describe: "Fallback endpoint: /json/reply/{Op} or /api/{Op} [default: reply]" })
    .option("dates", { choices: ["string", "Date"] as const, describe: "DateTime as string or Date [default: string]" })
    .option("format", { type: "boolean", describe: "Run prettier over the output (--no-format: off) [default: true]" });
}

/** Only the flags the user typed, validated like a config file. */
async function runOptions(argv: Record<string, unknown>): Promise<RunOptions> {
  const given: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) if (argv[key] !== undefined) given[key] = argv[key];
  const flags = validateConfig(given, "flags", true);
  const loaded = await loadConfig(argv.config as string | undefined, process.cwd());
  return resolveRunOptions({ flags, loaded, cwd: process.cwd(), env: process.env });
}

function reporter(options: RunOptions, argv: Record<string, unknown>): Reporter {
  return {
    verbose: argv.verbose === true,
    warn: (line) => {
      if (!options.quiet) process.stderr.write(line + "\n");
    },
    progress: makeProgress(options.quiet ? "quiet" : "auto"),
  };
}

async function run(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (error) {
    if (error instanceof RunFailedError || error instanceof SsgenError) {
      process.stderr.write(`ssgen: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      const e = error as Error;
      process.stderr.write(`ssgen: internal error: ${e?.stack ?? String(error)}\n`);
      process.exitCode = EXIT.internal;
    }
  }
}

await yargs(hideBin(process.argv))
  .scriptName("ssgen")
  .usage("$0 <command> [options]\n\nTypeScript DTOs and a typed fetch client from ServiceStack metadata pages.")
  .command(
    "generate",
    "Read pages and write the client into --out (atomically)",
    (y) =>
      emitOptions(sourceOptions(y))
        .example("$0 generate --url https://api.example.com", "Crawl /metadata and every op page")
        .example("$0 generate --url 'https://api.example.com/json/metadata?op=CreateOrder' --out src/api", "One op page")
        .example("$0 generate --input pages/ --enums union --no-format", "From saved pages")
        .example("$0 generate --url https://api.example.com --bearer-env API_TOKEN --include 'tag:orders'", "Protected metadata, one tag")
        .epilogue(EPILOGUE),
    (argv) =>
      run(async () => {
        const options = await runOptions(argv);
        const result = await generate(options, reporter(options, argv));
        if (!options.quiet) process.stderr.write(formatGenerateSummary(result) + "\n");
        return EXIT.ok;
      }),
  )
  .command(
    "check",
    "Build in memory and compare with --out; exit 1 and describe the changes when they differ",
    (y) =>
      emitOptions(sourceOptions(y))
        .option("diff", { type: "boolean", describe: "Also print the unified line diff" })
        .example("$0 check --config ssgen.config.json", "CI: fail when generated/ is stale")
        .example("$0 check --input pages/ --out src/api --diff", "Show the line diff too")
        .epilogue(EPILOGUE),
    (argv) =>
      run(async () => {
        const options = await runOptions(argv);
        const result = await check(options, reporter(options, argv), { patch: argv.diff === true });
        process.stdout.write(result.text + "\n");
        return result.report.drift ? EXIT.drift : EXIT.ok;
      }),
  )
  .command(
    "inspect",
    "Print the model built from pages (summary, --json or --dump)",
    (y) =>
      sourceOptions(y)
        .option("json", { type: "boolean", describe: "Print { ...apiModel, pages } as JSON (see README)" })
        .option("dump", { type: "boolean", describe: "Print each page's canonical dump" })
        .conflicts("json", "dump")
        .example("$0 inspect --input fixtures/pages", "Readable summary")
        .example("$0 inspect --input page.txt --dump", "The page as the model sees it")
        .example("$0 inspect --url https://api.example.com --json > model.json", "Machine-readable model")
        .epilogue(EPILOGUE),
    (argv) =>
      run(async () => {
        const options = await runOptions(argv);
        const result = await inspect(options, reporter(options, argv));
        if (argv.json) process.stdout.write(JSON.stringify(result.json, null, 2) + "\n");
        else if (argv.dump) process.stdout.write(result.dumps.map((d) => d.replace(/\n*$/, "\n")).join("\n"));
        else process.stdout.write(result.summary.replace(/\n*$/, "\n"));
        return EXIT.ok;
      }),
  )
  .demandCommand(1, "give a command: generate, check or inspect")
  .strict()
  .epilogue(EPILOGUE)
  .help()
  .alias("h", "help")
  .version()
  .wrap(Math.min(110, process.stdout.columns || 100))
  .fail((message, error) => {
    if (error && !(error instanceof SsgenError)) throw error;
    process.stderr.write(`ssgen: ${message ?? error?.message}\nRun "ssgen <command> --help" for usage.\n`);
    process.exit(EXIT.usage);
  })
  .parseAsync();
