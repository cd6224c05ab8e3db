// Options shared by the emitter (pure) and the CLI/orchestration that resolves them. The choices
// themselves (enums, optional, nullable, endpoint, dates, importExtension, tanstack, format) are
// declared once, in src/options.ts; this adds what only the emitter is handed.

import { defaultEmitSettings, type EmitSettings } from "../options.js";

export interface EmitOptions extends EmitSettings {
  /** Prettier options already resolved from the output folder (emit does no I/O). */
  prettier?: Record<string, unknown>;
  /** Text of templates/runtime.ts, copied into runtime.ts (read by the caller). */
  runtimeSource: string;
  /** What the header comment of every file names: sources (no secrets) and non-default options. */
  header: FileHeader;
}

export interface FileHeader {
  sources: string[];
  /** Non-default options that change the output (src/options.ts `header: true`). */
  options: Record<string, string | boolean | number | string[]>;
  /** ssgen's own version; absent in tests that pin goldens independently of releases. */
  version?: string;
  /** Which kind of source the model came from ("/types/metadata JSON", "metadata pages"), when worth saying. */
  readFrom?: string;
}

export const DEFAULT_EMIT_OPTIONS: EmitSettings = defaultEmitSettings();

export interface GeneratedFile {
  /** Relative to the output folder, forward slashes: dtos.ts, client.ts, runtime.ts, index.ts. */
  path: string;
  content: string;
}

/**
 * The specifier of a relative import between generated files (`module` without extension):
 * `./dtos.js` for Node ESM and bundlers, `./dtos.ts` for Deno (and TS's
 * allowImportingTsExtensions), `./dtos` for resolvers that add it themselves.
 */
export function relativeImport(module: string, extension: EmitSettings["importExtension"] = "js"): string {
  return extension === "none" ? `./${module}` : `./${module}.${extension}`;
}
