// Shared by the emitter tests: the runtime source, temp dirs, writing a generated client.
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import type { GeneratedFile } from "../../src/emit/options.js";

const RUNTIME = resolve(import.meta.dirname, "../../templates/runtime.ts");

/**
 * The stand-in has exactly the contract the emitter codes against; it is used only while the
 * real template does not exist, and only inside temp dirs.
 */
const STAND_IN = `export type Verb = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
export interface RouteDef { path: string; verbs: Verb[] | "*" }
export interface OperationDef { method: Verb; routes: RouteDef[]; oneWay?: boolean }
export type OperationTable = Record<string, OperationDef>;
export type Fields<T> = { [K in keyof T as T[K] extends (...a: any[]) => any ? never : K]: T[K] };
export interface RequestDto<T> { getTypeName(): string; getMethod?(): string; createResponse(): T }
export interface ClientOptions { baseUrl: string; endpoint?: "reply" | "api" }
export interface CallOptions { signal?: AbortSignal; method?: Verb; headers?: Record<string, string>; timeoutMs?: number }
export class ApiError extends Error {}
export class ServiceClient {
  constructor(readonly clientOptions: ClientOptions, readonly table: OperationTable = {}) {}
  send<T>(request: RequestDto<T>, _options?: CallOptions): Promise<T> { return Promise.resolve(request.createResponse()); }
}
`;

export function runtimeSource(): string {
  if (existsSync(RUNTIME)) return readFileSync(RUNTIME, "utf8");
  console.log(`templates/runtime.ts missing: using the contract stand-in for ${RUNTIME}`);
  return STAND_IN;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `ssgen-${prefix}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function writeFiles(dir: string, files: GeneratedFile[]): Promise<void> {
  for (const f of files) await writeFile(join(dir, f.path), f.content);
}

/** Bundles `entry` (a .ts file in dir) to an ES module next to it and imports it. */
export async function importTs<T = Record<string, unknown>>(dir: string, entry: string): Promise<T> {
  const out = join(dir, entry.replace(/\.ts$/, ".bundle.mjs"));
  await build({ entryPoints: [join(dir, entry)], bundle: true, format: "esm", platform: "node", target: "node20", outfile: out, logLevel: "silent" });
  return (await import(out)) as T;
}
