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
import { isFileEntry, MANIFEST_FILE, parseManifest, sha256 } from "./manifest.js";

/** What the run that wrote --out was made from (its key) and what it reported. */
export interface InputsRecord {
  key: string;
  operations: number;
  types: number;
  readFrom: string;
  diagnostics: Diagnostic[];
  failures: { page: string; code: string; detail: string }[];
}

/**
 * What is kept: the record and what --out held when it was written, the manifest by its hash and
 * the files it lists. An unchanged run hashes these files and never parses the manifest (~700 KB
 * of model summary at 1,000 ops, most of an unchanged run's own time).
 */
interface SavedRecord extends InputsRecord {
  manifestSha256: string;
  files: { path: string; sha256: string }[];
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
    const manifestText = await readFile(path.join(outDir, MANIFEST_FILE), "utf8");
    const manifest = parseManifest(manifestText);
    if (!manifest) return;
    const saved: SavedRecord = { ...record, manifestSha256: sha256(manifestText), files: manifest.files };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(saved));
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
  const record = await readFile(recordFile(outDir), "utf8").then((t) => JSON.parse(t) as Partial<SavedRecord>).catch(() => undefined);
  if (record?.key !== key || !Array.isArray(record.diagnostics) || !Array.isArray(record.failures)) return undefined;
  // the files as the manifest listed them when it was read (a record edited since lists no others)
  if (typeof record.manifestSha256 !== "string" || !Array.isArray(record.files) || record.files.length === 0 || !record.files.every(isFileEntry)) return undefined;
  if (await hasLeftovers(outDir)) return undefined;
  // the manifest as written (then so is the list of files it names), and each of those files
  for (const f of [{ path: MANIFEST_FILE, sha256: record.manifestSha256 }, ...record.files]) {
    const text = await readFile(path.join(outDir, ...f.path.split("/")), "utf8").catch(() => undefined);
    if (text === undefined || sha256(text) !== f.sha256) return undefined;
  }
  const { manifestSha256: _, files, ...recorded } = record as SavedRecord;
  return { ...recorded, files: files.length };
}
