// The user's files in --out are moved, never copied (a rename keeps the inode: owner, mode, hard
// links, symlinks exactly as they were), and a run killed mid-swap is finished or undone by the
// next one from the temp folders it left beside --out: `.ssgen-tmp-<name>-new-<tag>` (the new
// output, holding the user's files once they were moved in) and `.ssgen-tmp-<name>-old-<tag>`
// (the previous output, after the swap only ssgen's own files).

import { lstat, mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { MANIFEST_FILE, readManifest } from "./manifest.js";

export const TEMP_PREFIX = ".ssgen-tmp-";

/** The tag of this run's temp folders: its pid first, so a later run can tell whether it is alive. */
export function runTag(): string {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function tempFolder(target: string, role: "new" | "old", tag: string): string {
  return path.join(path.dirname(target), `${TEMP_PREFIX}${path.basename(target)}-${role}-${tag}`);
}

/**
 * Moves everything under `from` that is not ssgen's (`ssgenPaths`, relative with `/`, plus the
 * manifest) to the same place under `to`. Folders holding some of ssgen's files are entered; all
 * else moves whole. An entry `to` already has is moved beside it as `<name>.ssgen-recovered`, so
 * nothing is ever overwritten. Returns the relative paths moved.
 */
export async function moveUserEntries(from: string, to: string, ssgenPaths: ReadonlySet<string>, onMove?: () => Promise<void>): Promise<string[]> {
  const moved: string[] = [];
  const holders = new Set<string>();
  for (const p of ssgenPaths) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) holders.add(parts.slice(0, i).join("/"));
  }
  const visit = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(from, rel)).catch(() => [] as string[]);
    for (const name of entries.sort()) {
      const child = rel ? `${rel}/${name}` : name;
      if (child === MANIFEST_FILE || ssgenPaths.has(child)) continue;
      const source = path.join(from, ...child.split("/"));
      if (holders.has(child) && (await lstat(source)).isDirectory()) {
        await mkdir(path.join(to, ...child.split("/")), { recursive: true });
        await visit(child);
        continue;
      }
      let destination = path.join(to, ...child.split("/"));
      while (await lstat(destination).catch(() => undefined)) destination += ".ssgen-recovered";
      await mkdir(path.dirname(destination), { recursive: true });
      await rename(source, destination);
      moved.push(child);
      await onMove?.();
    }
  };
  await visit("");
  return moved;
}

/** ssgen's own paths in a folder, from its manifest (none when it has no readable manifest). */
async function ownPaths(folder: string): Promise<Set<string>> {
  return new Set((await readManifest(folder))?.files.map((f) => f.path) ?? []);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Finishes or undoes what a killed run left beside `target`, then removes its temp folders:
 * - target missing, old and new left: killed between the two renames; the new output (which holds
 *   the user's files) is swapped in.
 * - target missing, only old left: the previous output is put back.
 * - target present, new left: killed while staging; the user's files moved into it go back.
 * - old left with the user's files in it (never after a complete swap): they go back into target.
 * Temp folders of a run that is still alive are left alone. Returns what was recovered, for a warning.
 */
export async function recoverLeftovers(target: string): Promise<string[]> {
  const parent = path.dirname(target);
  const prefix = `${TEMP_PREFIX}${path.basename(target)}-`;
  const names = await readdir(parent).catch(() => [] as string[]);
  const runs = new Map<string, { new?: string; old?: string }>();
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    // exactly runTag()'s shape, so `api-new-5`'s temp folders are never taken for `api`'s
    const m = /^(new|old)-((\d+)-[0-9a-z]+-[0-9a-z]+)$/.exec(name.slice(prefix.length));
    if (!m || isAlive(Number(m[3]))) continue;
    const run = runs.get(m[2]!) ?? {};
    run[m[1] as "new" | "old"] = path.join(parent, name);
    runs.set(m[2]!, run);
  }
  const notes: string[] = [];
  for (const [, run] of [...runs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const targetExists = (await lstat(target).catch(() => undefined)) !== undefined;
    if (!targetExists && run.new && run.old) {
      await rename(run.new, target);
      notes.push("finished a swap interrupted between its two renames");
      delete run.new;
    } else if (!targetExists && run.old) {
      await rename(run.old, target);
      notes.push("restored the previous output from an interrupted swap");
      delete run.old;
    }
    for (const role of ["new", "old"] as const) {
      const folder = run[role];
      if (!folder) continue;
      if ((await lstat(target).catch(() => undefined))?.isDirectory()) {
        const moved = await moveUserEntries(folder, target, await ownPaths(folder));
        if (moved.length) notes.push(`restored ${moved.length} of your files from ${path.basename(folder)}`);
      }
      await rm(folder, { recursive: true, force: true });
    }
  }
  return notes;
}
