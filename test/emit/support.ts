// Shared by the emitter tests: the runtime source, temp dirs, writing a generated client.
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import type { GeneratedFile } from "../../src/emit/options.js";

const RUNTIME = resolve(import.meta.dirname, "../../templates/runtime.ts");

export function runtimeSource(): string {
  return readFileSync(RUNTIME, "utf8");
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
