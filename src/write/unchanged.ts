// Is --out exactly what a run with these inputs would write? Yes when the record of the run that
// wrote it has the same inputs key (every page, option, ssgen's code and version hashed) and every
// file the manifest lists is still byte for byte what ssgen wrote. Then generate and check need not
// parse or emit anything. The record lives in node_modules/.cache/ssgen (or the temp folder), not in
// --out: it changes with ssgen's code, and committed output should not.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, realpath, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Diagnostic } from "../model/types.js";
import { TEMP_PREFIX } from "./leftovers.js";
import { DigestCache, isFileDigest, type FileDigest } from "../file-digests.js";
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

/** The digests an inputs key was made of (pages and ssgen's code), with the stats they were taken at. */
export interface InputDigests {
  pages: FileDigest[];
  code: FileDigest[];
}

/**
 * What is kept: the record and what --out held when it was written, the manifest by its digest and
 * the files it lists. An unchanged run hashes these files (or only takes their stats, file-digests.ts)
 * and never parses the manifest (~700 KB of model summary at 1,000 ops).
 */
export interface SavedRecord extends InputsRecord {
  manifest: FileDigest;
  files: FileDigest[];
  inputs?: InputDigests;
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
export async function saveInputsRecord(outDir: string, record: InputsRecord, inputs: InputDigests): Promise<void> {
  try {
    const manifestText = await readFile(path.join(outDir, MANIFEST_FILE), "utf8");
    const manifest = parseManifest(manifestText);
    if (!manifest) return;
    // the files were written a moment ago: their stats are too recent to trust (the next run takes them)
    await writeRecord(outDir, { ...record, manifest: { path: MANIFEST_FILE, sha256: sha256(manifestText) }, files: manifest.files, inputs });
  } catch {
    // read-only node_modules or temp folder
  }
}

/** Written beside and renamed over: two runs at once (an unchanged one keeping new stats) never leave half a record. */
async function writeRecord(outDir: string, saved: SavedRecord): Promise<void> {
  const file = recordFile(outDir);
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, JSON.stringify(saved));
  await rename(partial, file).catch(async (e: unknown) => {
    await rm(partial, { force: true });
    throw e;
  });
}

/** The record kept for --out, when there is one of the shape this version writes. */
export async function readRecord(outDir: string): Promise<SavedRecord | undefined> {
  const record = await readFile(recordFile(outDir), "utf8").then((t) => JSON.parse(t) as Partial<SavedRecord>).catch(() => undefined);
  if (typeof record?.key !== "string" || !Array.isArray(record.diagnostics) || !Array.isArray(record.failures)) return undefined;
  // the files as the manifest listed them when it was read (a record edited since lists no others)
  if (!isFileDigest(record.manifest) || !Array.isArray(record.files) || record.files.length === 0 || !record.files.every((f) => isFileEntry(f) && isFileDigest(f))) return undefined;
  const inputs = record.inputs;
  if (inputs !== undefined && !(Array.isArray(inputs.pages) && Array.isArray(inputs.code) && inputs.pages.every(isFileDigest) && inputs.code.every(isFileDigest))) return undefined;
  return record as SavedRecord;
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

/**
 * The recorded run's counts and diagnostics, when `key` is its key and --out still holds exactly
 * what it wrote. `inputs`: the digests `key` was made of; when some file had to be read to know
 * (`missed`, or an output file's stat was not recorded), the record is kept again with the stats
 * taken now, so the next unchanged run only takes stats.
 */
export async function unchangedOutput(outDir: string, key: string, { saved, inputs, missed }: { saved: SavedRecord; inputs: InputDigests; missed: boolean }): Promise<(InputsRecord & { files: number }) | undefined> {
  if (saved.key !== key) return undefined;
  if (await hasLeftovers(outDir)) return undefined;
  // the manifest as written (then so is the list of files it names), and each of those files
  const outputs = new DigestCache([saved.manifest, ...saved.files]);
  const now: FileDigest[] = [];
  for (const f of [saved.manifest, ...saved.files]) {
    const digest = (() => {
      try {
        return outputs.digest(f.path, path.join(outDir, ...f.path.split("/")));
      } catch {
        return undefined;
      }
    })();
    if (digest?.sha256 !== f.sha256) return undefined;
    now.push(digest.stat === undefined ? { path: f.path, sha256: f.sha256 } : { path: f.path, sha256: f.sha256, stat: digest.stat });
  }
  const { manifest: _m, files, inputs: _i, ...recorded } = saved;
  if (missed || outputs.missed) await writeRecord(outDir, { ...saved, manifest: now[0]!, files: now.slice(1), inputs }).catch(() => undefined);
  return { ...recorded, files: files.length };
}
