// ssgen.config.json (or the "ssgen" key of package.json) and the command-line flags describe the
// same options; flags win. Both go through one validator so a typo or a wrong type is a clear
// usage error (exit 2) naming the file or flag, never a silently ignored setting.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_EMIT_OPTIONS, type EmitOptions } from "../emit/options.js";
import { UsageError } from "./errors.js";
import { DEFAULT_HTTP_OPTIONS } from "./http.js";

/** The option set shared by config files and flags (flag `--max-page-mb` = key `maxPageMb`). */
export interface ConfigShape {
  url?: string[];
  input?: string[];
  out?: string;
  enums?: EmitOptions["enums"];
  optional?: EmitOptions["optional"];
  nullable?: EmitOptions["nullable"];
  endpoint?: EmitOptions["endpoint"];
  dates?: EmitOptions["dates"];
  format?: boolean;
  include?: string[];
  exclude?: string[];
  concurrency?: number;
  /** Milliseconds per request. */
  timeout?: number;
  retries?: number;
  maxPageMb?: number;
  header?: string[];
  bearerEnv?: string;
  cache?: string;
  allowPartial?: boolean;
  quiet?: boolean;
}

type Rule =
  | { kind: "strings" }
  | { kind: "string" }
  | { kind: "boolean" }
  | { kind: "choice"; values: readonly string[] }
  | { kind: "int"; min: number };

const RULES: Record<keyof ConfigShape, Rule> = {
  url: { kind: "strings" },
  input: { kind: "strings" },
  out: { kind: "string" },
  enums: { kind: "choice", values: ["enum", "union"] },
  optional: { kind: "choice", values: ["auto", "all"] },
  nullable: { kind: "choice", values: ["optional", "union"] },
  endpoint: { kind: "choice", values: ["reply", "api"] },
  dates: { kind: "choice", values: ["string", "Date"] },
  format: { kind: "boolean" },
  include: { kind: "strings" },
  exclude: { kind: "strings" },
  concurrency: { kind: "int", min: 1 },
  timeout: { kind: "int", min: 1 },
  retries: { kind: "int", min: 0 },
  maxPageMb: { kind: "int", min: 1 },
  header: { kind: "strings" },
  bearerEnv: { kind: "string" },
  cache: { kind: "string" },
  allowPartial: { kind: "boolean" },
  quiet: { kind: "boolean" },
};

export const CONFIG_KEYS = Object.keys(RULES) as (keyof ConfigShape)[];

/** Keys a config file may carry without meaning anything to ssgen. */
const IGNORED_KEYS = new Set(["$schema", "//"]);

/**
 * Checks an object from a config file (`where` = file name) or from flags (`where` = "flags",
 * keys reported as --kebab-case). Unknown keys and wrong types throw UsageError.
 */
export function validateConfig(value: unknown, where: string, flags = false): ConfigShape {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError(`${where}: must be a JSON object of options`);
  }
  const out: Record<string, unknown> = {};
  const name = (key: string) => (flags ? `--${key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())}` : `"${key}"`);
  for (const [key, raw] of Object.entries(value)) {
    if (IGNORED_KEYS.has(key)) continue;
    const rule = (RULES as Record<string, Rule | undefined>)[key];
    if (!rule) {
      throw new UsageError(`${where}: unknown option ${name(key)} (known: ${CONFIG_KEYS.join(", ")})`);
    }
    if (raw === undefined) continue;
    out[key] = checkValue(rule, raw, `${where}: ${name(key)}`);
  }
  return out as ConfigShape;
}

function checkValue(rule: Rule, raw: unknown, label: string): unknown {
  const got = typeof raw === "number" ? String(raw) : (JSON.stringify(raw) ?? String(raw));
  switch (rule.kind) {
    case "strings": {
      const list = Array.isArray(raw) ? raw : [raw];
      if (!list.every((v) => typeof v === "string" && v.length > 0)) {
        throw new UsageError(`${label} must be a string or a list of strings, got ${got}`);
      }
      return list;
    }
    case "string":
      if (typeof raw !== "string" || raw.length === 0) throw new UsageError(`${label} must be a non-empty string, got ${got}`);
      return raw;
    case "boolean":
      if (typeof raw !== "boolean") throw new UsageError(`${label} must be true or false, got ${got}`);
      return raw;
    case "choice":
      if (typeof raw !== "string" || !rule.values.includes(raw)) {
        throw new UsageError(`${label} must be one of ${rule.values.join(", ")}, got ${got}`);
      }
      return raw;
    case "int":
      if (typeof raw !== "number" || !Number.isInteger(raw) || raw < rule.min) {
        throw new UsageError(`${label} must be an integer >= ${rule.min}, got ${got}`);
      }
      return raw;
  }
}

export interface LoadedConfig {
  config: ConfigShape;
  /** Folder relative paths in the config resolve against. */
  dir: string;
  /** File it came from, for messages; undefined when there was none. */
  file?: string;
}

/**
 * `--config <file>` if given (must exist), else ./ssgen.config.json, else the "ssgen" key of
 * ./package.json, else an empty config.
 */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<LoadedConfig> {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    const text = await readFile(file, "utf8").catch(() => {
      throw new UsageError(`--config ${explicit}: cannot read the file`);
    });
    const json = parseJson(text, explicit);
    const body = path.basename(file) === "package.json" ? packageSection(json, explicit) : json;
    return { config: validateConfig(body ?? {}, explicit), dir: path.dirname(file), file };
  }
  const own = path.join(cwd, "ssgen.config.json");
  const ownText = await readFile(own, "utf8").catch(() => undefined);
  if (ownText !== undefined) {
    return { config: validateConfig(parseJson(ownText, "ssgen.config.json"), "ssgen.config.json"), dir: cwd, file: own };
  }
  const pkgText = await readFile(path.join(cwd, "package.json"), "utf8").catch(() => undefined);
  if (pkgText !== undefined) {
    const section = packageSection(parseJson(pkgText, "package.json"), "package.json");
    if (section !== undefined) {
      return { config: validateConfig(section, 'package.json "ssgen"'), dir: cwd, file: path.join(cwd, "package.json") };
    }
  }
  return { config: {}, dir: cwd };
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${where}: not valid JSON (${(e as Error).message})`);
  }
}

function packageSection(json: unknown, where: string): unknown {
  if (typeof json !== "object" || json === null) throw new UsageError(`${where}: not a JSON object`);
  return (json as Record<string, unknown>).ssgen;
}

// ---------------------------------------------------------------------------------------------

/** Everything a run needs, resolved: absolute paths, defaults applied, secrets in headers only. */
export interface RunOptions {
  urls: string[];
  inputs: string[];
  /** Folder the inputs resolve against and are displayed relative to. */
  inputBase: string;
  /** Absolute output folder. */
  out: string;
  emit: Pick<EmitOptions, "enums" | "optional" | "nullable" | "endpoint" | "dates" | "format">;
  include: string[];
  exclude: string[];
  concurrency: number;
  timeoutMs: number;
  retries: number;
  maxPageBytes: number;
  /** Request headers (from --header, --bearer-env, URL userinfo). Never printed. */
  headers: Record<string, string>;
  cacheDir?: string;
  allowPartial: boolean;
  quiet: boolean;
}

export interface ResolveInput {
  /** Validated flags (only those the user gave). */
  flags: ConfigShape;
  loaded: LoadedConfig;
  cwd: string;
  env: Record<string, string | undefined>;
  /** inspect reads pages only; generate and check need a source too. */
  requireSource?: boolean;
}

export function resolveRunOptions({ flags, loaded, cwd, env, requireSource = true }: ResolveInput): RunOptions {
  const c = loaded.config;
  // Paths: a flag is relative to the shell's folder, a config value to the config's folder.
  const pick = <K extends keyof ConfigShape>(key: K): { value: ConfigShape[K]; base: string } =>
    flags[key] !== undefined ? { value: flags[key], base: cwd } : { value: c[key], base: loaded.dir };

  // Sources are one setting: --url or --input on the command line replace both of the config's,
  // so `ssgen inspect --input page.html` in a configured project reads just that page.
  const flagSources = flags.url !== undefined || flags.input !== undefined;
  const input = flagSources ? { value: flags.input, base: cwd } : { value: c.input, base: loaded.dir };
  const inputs = input.value ?? [];
  const urls = ((flagSources ? flags.url : c.url) ?? []).slice();
  if (requireSource && inputs.length === 0 && urls.length === 0) {
    throw new UsageError("no source: give --url <base or page URL> or --input <files/folders/globs> (or set them in ssgen.config.json)");
  }
  const out = pick("out");
  const cache = pick("cache");

  const headers: Record<string, string> = {};
  for (const line of flags.header ?? c.header ?? []) {
    const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) throw new UsageError(`--header must look like "Name: value" (got a value without a valid "Name:")`);
    headers[m[1]!.toLowerCase()] = m[2]!.trim();
  }
  const bearerEnv = flags.bearerEnv ?? c.bearerEnv;
  if (bearerEnv) {
    const token = env[bearerEnv];
    if (!token) throw new UsageError(`--bearer-env ${bearerEnv}: environment variable ${bearerEnv} is not set or empty`);
    headers["authorization"] = `Bearer ${token}`;
  }

  const cleanUrls = urls.map((raw) => {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new UsageError(`--url must be an absolute http(s) URL (got ${JSON.stringify(raw.replace(/\/\/[^@/]*@/, "//***@"))})`);
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new UsageError(`--url must be http or https (got ${u.protocol})`);
    if (u.username || u.password) {
      // fetch refuses credentials in URLs; turn them into Basic auth so they never reach output.
      const user = decodeURIComponent(u.username);
      const pass = decodeURIComponent(u.password);
      headers["authorization"] ??= "Basic " + Buffer.from(`${user}:${pass}`).toString("base64");
      u.username = "";
      u.password = "";
    }
    return u.href;
  });

  return {
    urls: cleanUrls,
    inputs,
    inputBase: input.base,
    out: path.resolve(out.base, out.value ?? "generated"),
    emit: {
      enums: flags.enums ?? c.enums ?? DEFAULT_EMIT_OPTIONS.enums,
      optional: flags.optional ?? c.optional ?? DEFAULT_EMIT_OPTIONS.optional,
      nullable: flags.nullable ?? c.nullable ?? DEFAULT_EMIT_OPTIONS.nullable,
      endpoint: flags.endpoint ?? c.endpoint ?? DEFAULT_EMIT_OPTIONS.endpoint,
      dates: flags.dates ?? c.dates ?? DEFAULT_EMIT_OPTIONS.dates,
      format: flags.format ?? c.format ?? DEFAULT_EMIT_OPTIONS.format,
    },
    include: flags.include ?? c.include ?? [],
    exclude: flags.exclude ?? c.exclude ?? [],
    concurrency: flags.concurrency ?? c.concurrency ?? 8,
    timeoutMs: flags.timeout ?? c.timeout ?? DEFAULT_HTTP_OPTIONS.timeoutMs,
    retries: flags.retries ?? c.retries ?? DEFAULT_HTTP_OPTIONS.retries,
    maxPageBytes: (flags.maxPageMb ?? c.maxPageMb ?? 10) * 1024 * 1024,
    headers,
    cacheDir: cache.value ? path.resolve(cache.base, cache.value) : undefined,
    allowPartial: flags.allowPartial ?? c.allowPartial ?? false,
    quiet: flags.quiet ?? c.quiet ?? false,
  };
}

/** Emit options that differ from the defaults, for the generated files' header comment. */
export function nonDefaultEmitOptions(emit: RunOptions["emit"]): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(emit)) {
    if ((DEFAULT_EMIT_OPTIONS as Record<string, unknown>)[key] !== value) out[key] = value;
  }
  return out;
}
