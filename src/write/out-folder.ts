// Which folder --out really is, and whether ssgen may replace it. A symlinked --out is replaced as
// its target (the link itself, relative or absolute, is never rewritten); folders whose
// replacement would move far more than generated code are refused up front.

import { access, constants, lstat, readlink, stat } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { EXIT, SsgenError } from "../source/errors.js";

/** The real folder behind --out: symlinks followed (even dangling ones, whose target a crash removed). */
export async function resolveOutFolder(outDir: string): Promise<string> {
  let current = path.resolve(outDir);
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch(() => undefined);
    if (!info?.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await readlink(current));
  }
  throw new SsgenError(`--out ${outDir}: too many levels of symbolic links`, EXIT.usage);
}

function isSelfOrAncestor(folder: string, of: string): boolean {
  const rel = path.relative(folder, of);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * ssgen replaces the whole output folder: refuse the filesystem root and the folders directly under
 * it (`/home`, `/tmp`), the home folder and its ancestors, the system temp folder, and the current
 * folder and its ancestors — whether given directly or as a symlink's target.
 */
export function refuseDangerousFolder(folder: string, outDir: string): void {
  const { root } = path.parse(folder);
  const why =
    folder === root || path.dirname(folder) === root
      ? "is the filesystem root or a folder directly under it"
      : isSelfOrAncestor(folder, homedir())
        ? "is your home folder or above it"
        : folder === path.resolve(tmpdir())
          ? "is the system temp folder"
          : isSelfOrAncestor(folder, process.cwd())
            ? "is the current folder or above it"
            : undefined;
  if (why) {
    const shown = path.resolve(outDir) === folder ? outDir : `${outDir} (${folder})`;
    throw new SsgenError(
      `--out ${shown} ${why}: it looks like a project folder, not a folder for generated code ` +
        "(ssgen replaces the whole output folder on each run)",
      EXIT.usage,
    );
  }
}

/** Markers of a project: replacing such a folder would move the project. */
export async function refuseProjectFolder(folder: string, outDir: string): Promise<void> {
  for (const marker of [".git", "package.json", "node_modules"]) {
    if (await stat(path.join(folder, marker)).catch(() => undefined)) {
      throw new SsgenError(
        `--out ${outDir} holds ${marker}: it looks like a project folder, not a folder for generated code ` +
          "(ssgen replaces the whole output folder on each run)",
        EXIT.usage,
      );
    }
  }
}

/** A clear error before anything is staged, instead of a half-made temp folder (a read-only --out). */
export async function requireWritable(folder: string, exists: boolean, outDir: string): Promise<void> {
  const parent = path.dirname(folder);
  for (const [where, what] of [
    [parent, `the folder that holds it (${parent})`],
    ...(exists ? [[folder, "it"]] : []),
  ] as const) {
    try {
      await access(where, constants.W_OK | constants.X_OK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" && where === parent) continue;
      throw new SsgenError(`--out ${outDir} cannot be replaced: ${what} is not writable`, EXIT.input);
    }
  }
}
