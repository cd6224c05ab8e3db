// ssgen.config.json (or the "ssgen" key of package.json) and the command-line flags describe the
// same options; flags win. Both go through one validator so a typo or a wrong type is a clear
// usage error (exit 2) naming the file or flag, never a silently ignored setting.

import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  CONFIG_KEYS,
  OPTIONS,
  OPTION_NAMES,
  defaultValues,
  flagName,
  headerOptions,
  optionSpec,
  type ConfigKey,
  type ConfigShape,
  type EmitSettings,
  type OptionName,
  type GivenOptions,
  type OptionSpec,
  type OptionValues,
} from "../options.js";
import { UsageError } from "./errors.js";

export { CONFIG_KEYS, type ConfigShape } from "../options.js";

/** Keys a config file may carry without meaning anything to ssgen. */
const IGNORED_KEYS = new Set(["$schema", "//"]);

/**
 * Checks an object from a config file (`where` = file name) or from flags (`where` = "flags",
 * keys reported as --kebab-case) against the option table. Unknown keys and wrong types throw
 * UsageError. Flags may also carry the command-line-only options (`config`, `project`, `watch`).
 */
export function validateConfig(value: unknown, where: string, flags = false): ConfigShape {
  return validateOptions(value, where, flags) as ConfigShape;
}

export function validateOptions(value: unknown, where: string, flags = false): GivenOptions {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError(`${where}: must be a JSON object of options`);
  }
  const out: Record<string, unknown> = {};
  const name = (key: string) => (flags ? `--${flagName(key)}` : `"${key}"`);
  const label = (key: string) => (flags ? name(key) : `${where}: ${name(key)}`);
  for (const [key, raw] of Object.entries(value)) {
    if (IGNORED_KEYS.has(key)) continue;
    const rule = optionSpec(key);
    if (!rule || (!flags && rule.config === false)) {
      const known = flags ? "" : ` (known: ${CONFIG_KEYS.join(", ")})`;
      throw new UsageError(`${flags ? "" : where + ": "}unknown option ${name(key)}${known}`);
    }
    if (raw === undefined) continue;
    out[key] = checkValue(rule, raw, label(key));
  }
  return out as GivenOptions;
}

/** The value's shape with every string replaced by "***" (`--header.Authorization "Bearer x"`). */
function hideStrings(raw: unknown): unknown {
  if (typeof raw === "string") return "***";
  if (Array.isArray(raw)) return raw.map(hideStrings);
  if (raw && typeof raw === "object") {
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [/^[A-Za-z0-9-]{1,64}$/.test(k) ? k : "***", hideStrings(v)]));
  }
  return raw;
}

function checkValue(rule: OptionSpec, raw: unknown, label: string): unknown {
  // a secret option's value in the wrong shape is described with every string hidden; any other
  // value loses URL credentials (`https://user:pass@host`)
  const shown = rule.secret ? hideStrings(raw) : raw;
  const got = (typeof shown === "number" ? String(shown) : (JSON.stringify(shown) ?? String(shown))).replace(/\/\/[^@/"\s]*@/g, "//***@");
  switch (rule.type) {
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
      if (typeof raw !== "string" || !rule.choices!.includes(raw)) {
        throw new UsageError(`${label} must be one of ${rule.choices!.join(", ")}, got ${got}`);
      }
      return raw;
    case "int":
      if (typeof raw !== "number" || !Number.isInteger(raw) || raw < (rule.min ?? 0)) {
        throw new UsageError(`${label} must be an integer >= ${rule.min ?? 0}, got ${got}`);
      }
      return raw;
  }
}

/** One entry of a config's `projects`: its name and its options (the shared top-level ones merged in). */
export interface ProjectEntry {
  name: string;
  config: ConfigShape;
}

export interface LoadedConfig {
  config: ConfigShape;
  /** `projects: [{ name, url | input, out, … }]`: several APIs in one config. */
  projects?: ProjectEntry[];
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
    return { ...readConfigBody(body ?? {}, explicit), dir: path.dirname(file), file };
  }
  const own = path.join(cwd, "ssgen.config.json");
  const ownText = await readFile(own, "utf8").catch(() => undefined);
  if (ownText !== undefined) {
    return { ...readConfigBody(parseJson(ownText, "ssgen.config.json"), "ssgen.config.json"), dir: cwd, file: own };
  }
  const pkgText = await readFile(path.join(cwd, "package.json"), "utf8").catch(() => undefined);
  if (pkgText !== undefined) {
    const section = packageSection(parseJson(pkgText, "package.json"), "package.json");
    if (section !== undefined) {
      return { ...readConfigBody(section, 'package.json "ssgen"'), dir: cwd, file: path.join(cwd, "package.json") };
    }
  }
  return { config: {}, dir: cwd };
}

/** A config file's body: the options, and `projects` whose entries inherit them. */
export function readConfigBody(value: unknown, where: string): Pick<LoadedConfig, "config" | "projects"> {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(value)) return { config: validateConfig(value, where) };
  const { projects, ...rest } = value;
  const config = validateConfig(rest, where);
  if (projects === undefined) return { config };
  if (!Array.isArray(projects) || projects.length === 0) {
    throw new UsageError(`${where}: "projects" must be a non-empty list of { "name", "url" or "input", "out", … }`);
  }
  const names = new Set<string>();
  const entries = projects.map((entry, i): ProjectEntry => {
    const label = `${where}: projects[${i}]`;
    if (!isObject(entry)) throw new UsageError(`${label} must be a JSON object of options with a "name"`);
    const { name, ...options } = entry;
    if (typeof name !== "string" || name.length === 0) throw new UsageError(`${label} needs a "name" (a non-empty string)`);
    if (names.has(name)) throw new UsageError(`${label}: the name "${name}" is used twice`);
    names.add(name);
    return { name, config: { ...config, ...validateConfig(options, `${label} "${name}"`) } };
  });
  return { config, projects: entries };
}

/** One run per selected project (`--project`), or the one run of a config without projects. */
export function resolveProjects(input: ResolveInput): { name?: string; options: RunOptions }[] {
  const { flags, loaded } = input;
  if (!loaded.projects) {
    if (flags.project?.length) throw new UsageError(`--project ${flags.project.join(", ")}: the config has no "projects"`);
    return [{ options: resolveRunOptions(input) }];
  }
  const known = loaded.projects.map((p) => p.name);
  for (const name of flags.project ?? []) {
    if (!known.includes(name)) throw new UsageError(`--project ${name}: no such project (projects: ${known.join(", ")})`);
  }
  return loaded.projects
    .filter((p) => !flags.project?.length || flags.project.includes(p.name))
    .map((p) => ({ name: p.name, options: resolveRunOptions({ ...input, loaded: { ...loaded, config: p.config } }) }));
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

/** Options that RunOptions carries in another form (resolved paths, bytes, headers, `emit`). */
type Reshaped = "url" | "input" | "out" | "cache" | "header" | "timeout" | "maxPageMb" | "config" | "project" | EmitSettingsKey;
type EmitSettingsKey = keyof EmitSettings;

/**
 * Everything a run needs, resolved once with every default (the one options context handed down):
 * each option of the table under its own name, plus absolute paths, bytes, headers and the
 * emitter's share in `emit`. Secrets are in `headers` only.
 */
export interface RunOptions extends Omit<OptionValues, Reshaped> {
  urls: string[];
  inputs: string[];
  /** Folder the inputs resolve against and are displayed relative to. */
  inputBase: string;
  /** Absolute output folder. */
  out: string;
  emit: EmitSettings;
  timeoutMs: number;
  maxPageBytes: number;
  /** Request headers (from --header, --bearer-env, URL userinfo). Never printed. */
  headers: Record<string, string>;
  cacheDir?: string;
}

const RESHAPED = new Set<string>(["url", "input", "out", "cache", "header", "timeout", "maxPageMb", "config", "project"]);

/**
 * The generic part of resolving: every option not reshaped, from `given` else the table's default,
 * the emitter's under `emit`.
 */
function settle(given: (key: OptionName) => unknown): Omit<OptionValues, Reshaped> & { emit: EmitSettings } {
  const defaults = defaultValues() as Record<string, unknown>;
  const top: Record<string, unknown> = {};
  const emit: Record<string, unknown> = {};
  for (const key of OPTION_NAMES) {
    if (RESHAPED.has(key)) continue;
    const value = given(key) ?? defaults[key];
    if (value === undefined) continue;
    if ((OPTIONS[key] as OptionSpec).emit) emit[key] = value;
    else top[key] = value;
  }
  return { ...(top as Omit<OptionValues, Reshaped>), emit: emit as EmitSettings };
}

/** A RunOptions with every default and no source, for programmatic callers and tests to spread over. */
export function defaultRunOptions(cwd = process.cwd()): RunOptions {
  const d = defaultValues();
  return {
    ...settle(() => undefined),
    urls: [],
    inputs: [],
    inputBase: cwd,
    out: path.resolve(cwd, d.out),
    timeoutMs: d.timeout,
    maxPageBytes: d.maxPageMb * 1024 * 1024,
    headers: {},
  };
}

export interface ResolveInput {
  /** Validated flags (only those the user gave). */
  flags: GivenOptions;
  loaded: LoadedConfig;
  cwd: string;
  env: Record<string, string | undefined>;
  /** inspect reads pages only; generate and check need a source too. */
  requireSource?: boolean;
}

export function resolveRunOptions({ flags, loaded, cwd, env, requireSource = true }: ResolveInput): RunOptions {
  const c = loaded.config;
  // Paths: a flag is relative to the shell's folder, a config value to the config's folder.
  const pick = <K extends ConfigKey>(key: K): { value: ConfigShape[K]; base: string } =>
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

  const d = defaultValues();
  return {
    // every other option: the flag, else the config, else the table's default
    ...settle((key) => flags[key] ?? (c as GivenOptions)[key]),
    urls: cleanUrls,
    inputs,
    inputBase: input.base,
    out: path.resolve(out.base, out.value ?? d.out),
    timeoutMs: flags.timeout ?? c.timeout ?? d.timeout,
    maxPageBytes: (flags.maxPageMb ?? c.maxPageMb ?? d.maxPageMb) * 1024 * 1024,
    headers,
    cacheDir: cache.value ? path.resolve(cache.base, cache.value) : undefined,
  };
}

/** The options a generated file's header records (non-default, output-changing; see OPTIONS `header`). */
export function recordedOptions(options: RunOptions): Record<string, string | boolean | number | string[]> {
  return headerOptions({ ...options, ...options.emit } as unknown as GivenOptions);
}
