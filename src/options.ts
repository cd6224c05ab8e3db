// THE option table: every ssgen option is declared here once, and everything else is derived from it:
// the yargs flags (cli-commands.ts) and the plain-flag reader of an unchanged run (cli-unchanged.ts),
// the config-file validator (source/config.ts), the option types (ConfigShape, OptionValues,
// EmitSettings), the defaults of the resolved run context (RunOptions), and what the generated
// files' header records (and `ssgen update` reads back).
//
// How to add an option: add one entry below, named by its camelCase config key (the flag is the
// kebab-case form: `maxPageMb` is `--max-page-mb`; a boolean `codeViews` gets `--no-code-views` for
// free). Give its `type` (`string`, `strings` = repeatable list, `boolean`, `int` with `min`, or
// `choice` with `choices`), its `default` (omit it for "unset"), a one-line `describe` for --help,
// the `commands` whose help lists it, `config: false` if it is command-line only, `emit: true` if
// the emitter needs it (it then appears, typed, in EmitOptions and `RunOptions.emit`), and
// `header: true` if it changes the output (it is then written into every file's header when it
// differs from the default, so `ssgen update` can regenerate the client with it). Nothing else
// needs editing to parse, validate and type it: read it as `options.<name>` (or
// `options.emit.<name>`) wherever the behaviour lives. This module imports nothing.

/** The subcommands, for the `commands` column. */
export type CommandName = "generate" | "check" | "inspect" | "update";

const ALL = ["generate", "check", "inspect", "update"] as const;
const READ = ["generate", "check", "inspect"] as const;
const WRITE = ["generate", "check"] as const;

export interface OptionSpec {
  readonly type: "string" | "strings" | "boolean" | "int" | "choice";
  readonly choices?: readonly string[];
  /** Smallest accepted value of an `int`. */
  readonly min?: number;
  readonly default?: string | boolean | number | readonly string[];
  readonly describe: string;
  readonly commands: readonly CommandName[];
  /** Accepted in ssgen.config.json / package.json "ssgen" / a `projects` entry (default true). */
  readonly config?: boolean;
  /** Handed to the emitter in `RunOptions.emit`. */
  readonly emit?: boolean;
  /** Recorded in the generated files' header when it differs from the default. */
  readonly header: boolean;
  /** A relative path: a flag resolves against the shell's folder, a config value against the config's. */
  readonly path?: boolean;
  /** A secret or machine-specific value: never recorded, never printed. */
  readonly secret?: boolean;
}

export const OPTIONS = {
  // --- where the pages come from ---------------------------------------------------------------
  url: { type: "strings", describe: "Base URL, /metadata URL or one op page URL (repeatable)", commands: READ, header: true },
  input: { type: "strings", describe: "Page files, folders or globs (.html, .htm, .txt; .json: saved /types/metadata)", commands: READ, header: true, path: true },
  from: {
    type: "choice",
    choices: ["auto", "pages", "metadata"],
    default: "auto",
    describe: "What --url reads: /types/metadata JSON when the server serves it, else the pages (auto); or only the pages / only the JSON",
    commands: READ,
    header: true,
  },
  codeViews: {
    type: "boolean",
    default: true,
    describe: "Read the ?lang= code views where a page links them (--no-code-views: off)",
    commands: READ,
    header: true,
  },
  include: { type: "strings", default: [], describe: "Only these operations: name globs or tag:<name>", commands: READ, header: true },
  exclude: { type: "strings", default: [], describe: "Skip these operations: name globs or tag:<name>", commands: READ, header: true },
  config: {
    type: "string",
    describe: 'Config file (default: ./ssgen.config.json, else package.json "ssgen")',
    commands: READ,
    config: false,
    header: false,
    path: true,
  },
  project: {
    type: "strings",
    describe: "Only these entries of the config's projects (by name; default: all)",
    commands: READ,
    config: false,
    header: false,
  },

  // --- how they are fetched ---------------------------------------------------------------------
  header: {
    type: "strings",
    describe: 'Request header "Name: value" for protected metadata (never printed)',
    commands: ALL,
    header: false,
    secret: true,
  },
  bearerEnv: {
    type: "string",
    describe: "Send Authorization: Bearer $VAR (the token is read from this environment variable)",
    commands: ALL,
    header: false,
  },
  concurrency: { type: "int", min: 1, default: 8, describe: "Pages fetched at once", commands: ALL, header: false },
  timeout: { type: "int", min: 1, default: 30000, describe: "Per-request timeout in ms", commands: ALL, header: false },
  retries: { type: "int", min: 0, default: 3, describe: "Retries on network errors, 429 and 5xx", commands: ALL, header: false },
  maxPageMb: { type: "int", min: 1, default: 10, describe: "Abort reading a page beyond this size", commands: ALL, header: false },
  cache: { type: "string", describe: "Page cache folder (conditional requests with ETag/Last-Modified)", commands: ALL, header: false, path: true },
  allowPartial: { type: "boolean", default: false, describe: "Write what succeeded and list the pages that failed", commands: ALL, header: false },

  // --- what is written --------------------------------------------------------------------------
  out: { type: "string", default: "generated", describe: "Output folder", commands: WRITE, header: false, path: true },
  enums: { type: "choice", choices: ["enum", "union"], default: "enum", describe: "TS enums or string-literal unions", commands: WRITE, emit: true, header: true },
  optional: {
    type: "choice",
    choices: ["auto", "all", "legacy"],
    default: "auto",
    describe: "Optional properties: the spec rule, all, or legacy (ServiceStack's own /types/typescript)",
    commands: WRITE,
    emit: true,
    header: true,
  },
  nullable: {
    type: "choice",
    choices: ["optional", "union"],
    default: "optional",
    describe: "Optional properties as name?: T or name: T | null",
    commands: WRITE,
    emit: true,
    header: true,
  },
  endpoint: {
    type: "choice",
    choices: ["reply", "api"],
    default: "reply",
    describe: "Fallback endpoint: /json/reply/{Op} or /api/{Op}",
    commands: WRITE,
    emit: true,
    header: true,
  },
  dates: { type: "choice", choices: ["string", "Date"], default: "string", describe: "DateTime as string or Date", commands: WRITE, emit: true, header: true },
  importExtension: {
    type: "choice",
    choices: ["js", "ts", "none"],
    default: "js",
    describe: "Extension of the generated files' relative imports: js (Node ESM, bundlers), ts (Deno), none",
    commands: WRITE,
    emit: true,
    header: true,
  },
  tanstack: {
    type: "boolean",
    default: false,
    describe: "Also emit TanStack Query helpers (query keys and options per operation)",
    commands: WRITE,
    emit: true,
    header: true,
  },
  format: { type: "boolean", default: true, describe: "Run prettier over the output (--no-format: off)", commands: WRITE, emit: true, header: true },

  // --- how the run behaves ----------------------------------------------------------------------
  watch: {
    type: "boolean",
    default: false,
    describe: "Keep running: regenerate when an input file or the config changes",
    commands: ["generate"],
    config: false,
    header: false,
  },
  quiet: { type: "boolean", default: false, describe: "No progress, warnings or summary (errors still print)", commands: ALL, header: false },
  verbose: { type: "boolean", default: false, describe: "Print every warning (not the first few of each code) and the time each stage took", commands: ALL, header: false },
} as const satisfies Record<string, OptionSpec>;

// ---------------------------------------------------------------------------------------------
// Types derived from the table.

type Table = typeof OPTIONS;
export type OptionName = keyof Table;

/** The value type of one entry. */
export type OptionValue<S> = S extends { type: "choice"; choices: readonly (infer C)[] }
  ? C
  : S extends { type: "boolean" }
    ? boolean
    : S extends { type: "int" }
      ? number
      : S extends { type: "strings" }
        ? string[]
        : string;

type KeysWhere<Cond> = { [K in OptionName]: Table[K] extends Cond ? K : never }[OptionName];

/** Options a config file may set. */
export type ConfigKey = Exclude<OptionName, KeysWhere<{ config: false }>>;
export type EmitKey = KeysWhere<{ emit: true }>;
type DefaultedKey = KeysWhere<{ default: unknown }>;

/** What a config file (or a `projects` entry) holds, validated; also what flags are turned into. */
export type ConfigShape = { [K in ConfigKey]?: OptionValue<Table[K]> };
/** Every option as given (flags or config); `undefined` = not given. */
export type GivenOptions = { [K in OptionName]?: OptionValue<Table[K]> };
/** Every option with its default applied; options without a default may be undefined. */
export type OptionValues = { [K in DefaultedKey]: OptionValue<Table[K]> } & {
  [K in Exclude<OptionName, DefaultedKey>]?: OptionValue<Table[K]>;
};
/** The emitter's share of the options (EmitOptions extends it). */
export type EmitSettings = { [K in EmitKey]: OptionValue<Table[K]> };

// ---------------------------------------------------------------------------------------------
// Small helpers over the table (no I/O).

export const OPTION_NAMES = Object.keys(OPTIONS) as OptionName[];

export function optionSpec(name: string): OptionSpec | undefined {
  return Object.hasOwn(OPTIONS, name) ? (OPTIONS as Record<string, OptionSpec>)[name] : undefined;
}

export function isConfigKey(name: string): name is ConfigKey {
  const spec = optionSpec(name);
  return spec !== undefined && spec.config !== false;
}

export const CONFIG_KEYS = OPTION_NAMES.filter(isConfigKey);
export const EMIT_KEYS = OPTION_NAMES.filter((k) => (OPTIONS[k] as OptionSpec).emit === true) as EmitKey[];

/** `maxPageMb` -> `max-page-mb`. */
export function flagName(name: string): string {
  return name.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
}

/** `max-page-mb` -> `maxPageMb`. */
export function keyOfFlag(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The default of every option that has one. */
export function defaultValues(): OptionValues {
  const out: Record<string, unknown> = {};
  for (const name of OPTION_NAMES) {
    const d = (OPTIONS[name] as OptionSpec).default;
    if (d !== undefined) out[name] = Array.isArray(d) ? [...d] : d;
  }
  return out as OptionValues;
}

/** Defaults of the emitter's options. */
export function defaultEmitSettings(): EmitSettings {
  const all = defaultValues() as Record<string, unknown>;
  return Object.fromEntries(EMIT_KEYS.map((k) => [k, all[k]])) as EmitSettings;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? a : [];
    const y = Array.isArray(b) ? b : [];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return a === b;
}

/**
 * The options a generated file's header records: those marked `header` (sources aside, which the
 * header lists on their own) whose value differs from the default.
 */
export function headerOptions(values: GivenOptions): Record<string, string | boolean | number | string[]> {
  const out: Record<string, string | boolean | number | string[]> = {};
  for (const name of OPTION_NAMES) {
    const spec = OPTIONS[name] as OptionSpec;
    if (!spec.header || name === "url" || name === "input") continue;
    const value = values[name];
    if (value === undefined || sameValue(value, spec.default)) continue;
    out[name] = Array.isArray(value) ? [...value] : (value as string | boolean | number);
  }
  return out;
}
