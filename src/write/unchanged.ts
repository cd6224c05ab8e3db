// Is --out exactly what a run with these inputs would write? Yes when the record of the run that
// wrote it has the same inputs key (every page, option, ssgen's code and version hashed) and every
// file the manifest lists is still byte for byte what ssgen wrote. Then generate and check need not
// parse or emit anything. The record lives in node_modules/.cache/ssgen (or the temp folder), not in
// --out: it changes with ssgen's code, and committed output should not.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, realpath, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Diagnostic } from "../model/types.js";
import { TEMP_PREFIX } from "./leftovers.js";
import { readManifest, sha256 } from "./manifest.js";

/** What the run that wrote --out was made from (its key) and what it reported. */
export interface InputsRecord {
  key: string;
  operations: number;
  types: number;
  readFrom: string;
  diagnostics: Diagnostic[];
  failures: { page: string; code: string; detail: string }[];
}

function recordFile(outDir: string): string {
  let cacheRoot = path.join(tmpdir(), "ssgen-cache");
  for (let d = process.cwd(); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, "node_modules"))) {
      cacheRoot = path.join(d, "node_modules", ".cache", "ssgen");
      break;
    }
    if (path.dirname(d) === d) break;
  }
  return path.join(cacheRoot, `${sha256(path.resolve(outDir)).slice(0, 32)}.json`);
}

/** Best effort: a run that cannot keep its record is only slower next time. */
export async function saveInputsRecord(outDir: string, record: InputsRecord): Promise<void> {
  const file = recordFile(outDir);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(record));
  } catch {
    // read-only node_modules or temp folder
  }
}

/** An interrupted earlier write left folders beside --out: only a full run recovers them. */
async function hasLeftovers(outDir: string): Promise<boolean> {
  const target = await realpath(outDir).catch(() => outDir);
  for (const dir of new Set([path.dirname(path.resolve(outDir)), path.dirname(target)])) {
    const names = await readdir(dir).catch(() => [] as string[]);
    if (names.some((n) => n.startsWith(TEMP_PREFIX))) return true;
  }
  return false;
}

export async function unchangedOutput(outDir: string, key: string): Promise<(InputsRecord & { files: number }) | undefined> {
  const record = await readFile(recordFile(outDir), "utf8").then((t) => JSON.parse(t) as Partial<InputsRecord>).catch(() => undefined);
  if (record?.key !== key || !Array.isArray(record.diagnostics) || !Array.isArray(record.failures)) return undefined;
  if (await hasLeftovers(outDir)) return undefined;
  const manifest = await readManifest(outDir);
  if (!manifest || manifest.files.length === 0) return undefined;
  for (const f of manifest.files) {
    const text = await readFile(path.join(outDir, ...f.path.split("/")), "utf8").catch(() => undefined);
    if (text === undefined || sha256(text) !== f.sha256) return undefined;
  }
  return { ...(record as InputsRecord), files: manifest.files.length };
}
