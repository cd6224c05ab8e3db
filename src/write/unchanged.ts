// Is --out exactly what a run with these inputs would write? Yes when its manifest records the same
// inputs key (every page, option and ssgen's version hashed) and every file the manifest lists is
// still byte for byte what ssgen wrote. Then generate and check need not parse or emit anything.
import { readdir, readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { TEMP_PREFIX } from "./leftovers.js";
import { readManifest, sha256, type InputsRecord } from "./manifest.js";

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
  if (await hasLeftovers(outDir)) return undefined;
  const manifest = await readManifest(outDir);
  if (!manifest?.inputs || manifest.inputs.key !== key || manifest.files.length === 0) return undefined;
  for (const f of manifest.files) {
    const text = await readFile(path.join(outDir, ...f.path.split("/")), "utf8").catch(() => undefined);
    if (text === undefined || sha256(text) !== f.sha256) return undefined;
  }
  return { ...manifest.inputs, files: manifest.files.length };
}
