// --input: files, folders and globs. Node 20 has no fs.glob, so this holds a small matcher
// (`*`, `**`, `?`, `{a,b}`) and a sorted directory walk; the result order is deterministic
// (arguments in order given, each expansion sorted) because it becomes the page order.

import { closeSync, openSync, readFileSync, readSync, type BigIntStats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { statOf, statTag } from "../file-digests.js";
import { decodePage } from "./charset.js";
import { SourceError } from "./errors.js";

/** Extensions taken from folders (a file named explicitly is read whatever its name); .json: saved /types/metadata. */
export const INPUT_EXTENSIONS = [".html", ".htm", ".txt", ".json"];

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the base folder with forward slashes: used in messages and headers. */
  display: string;
}

export async function expandInputs(patterns: readonly string[], baseDir: string): Promise<InputFile[]> {
  const seen = new Set<string>();
  const out: InputFile[] = [];
  const display = displayPaths(baseDir);
  const add = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    out.push({ path: absolute, display: display(absolute) });
  };
  for (const pattern of patterns) {
    if (hasGlob(pattern)) {
      const matches = await expandGlob(pattern, baseDir);
      if (matches.length === 0) throw new SourceError("E_INPUT", pattern, "matches no files");
      matches.forEach(add);
      continue;
    }
    const absolute = path.resolve(baseDir, pattern);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new SourceError("E_INPUT", pattern, "no such file or folder");
    if (info.isDirectory()) {
      const files = (await walk(absolute)).filter(hasInputExtension);
      if (files.length === 0) {
        throw new SourceError("E_INPUT", pattern, `folder has no ${INPUT_EXTENSIONS.join(" / ")} files`);
      }
      files.forEach(add);
    } else {
      add(absolute);
    }
  }
  return out;
}

/**
 * One input file's bytes, within the size cap. Read synchronously: a run reads its pages one after
 * another anyway, and Node's promise-based readFile costs a few thread-pool round trips per file
 * (1,000 saved pages: about 220 ms that way, 20-45 ms like this). With an arena the bytes are a view
 * of one of its blocks.
 */
export function readInputBytes(file: InputFile, maxBytes: number, arena?: ByteArena): Buffer {
  return readInputFile(file, maxBytes, arena).bytes;
}

/** readInputBytes, with the file's stat as taken before the read (file-digests.ts; absent: too recent to trust). */
export function readInputFile(file: InputFile, maxBytes: number, arena?: ByteArena): { bytes: Buffer; stat?: string } {
  let stats: BigIntStats;
  try {
    stats = statOf(file.path);
  } catch {
    throw new SourceError("E_INPUT", file.display, "no such file");
  }
  const size = Number(stats.size);
  if (size > maxBytes) {
    throw new SourceError("E_TOO_LARGE", file.display, `file is ${size} bytes, over the ${maxBytes} byte cap`);
  }
  try {
    const bytes = arena?.read(file.path, size) ?? readFileSync(file.path);
    // a file that changed size between the stat and the read is in flux: its stat is not recorded
    const stat = bytes.length === size ? statTag(stats) : undefined;
    return stat === undefined ? { bytes } : { bytes, stat };
  } catch (e) {
    throw new SourceError("E_INPUT", file.display, (e as Error).message);
  }
}

/**
 * The bytes of many files in a few large blocks. A file's bytes live until its page is decoded, and
 * thousands of small buffers freed at different times left the C heap fragmented: at 5,000 pages
 * ~16 MB of resident memory that no later allocation reused. A block is returned to the system
 * whole, once every page read into it has been decoded.
 */
export class ByteArena {
  static readonly BLOCK_BYTES = 8 * 1024 * 1024;
  #block = Buffer.alloc(0);
  #used = 0;

  /** The file's bytes, or undefined when it is not `size` bytes long any more (then read it whole). */
  read(file: string, size: number): Buffer | undefined {
    // one byte more than expected tells a file that grew since its size was read
    if (this.#block.length - this.#used < size + 1) {
      this.#block = Buffer.allocUnsafeSlow(Math.max(ByteArena.BLOCK_BYTES, size + 1));
      this.#used = 0;
    }
    const fd = openSync(file, "r");
    try {
      let read = 0;
      for (let n; read <= size && (n = readSync(fd, this.#block, this.#used + read, size + 1 - read, null)) > 0; ) read += n;
      if (read !== size) return undefined;
    } finally {
      closeSync(fd);
    }
    const bytes = this.#block.subarray(this.#used, this.#used + size);
    this.#used += size;
    return bytes;
  }
}

/** A saved page keeps its charset: BOM, <meta charset>, else UTF-8 (windows-1252 if not valid UTF-8). */
export function decodeInput(bytes: Uint8Array): string {
  return decodePage(bytes).text;
}

export async function readInput(file: InputFile, maxBytes: number): Promise<string> {
  return decodeInput(readInputBytes(file, maxBytes));
}

/** Paths as messages show them: relative to the base folder, with forward slashes. */
function displayPaths(baseDir: string): (absolute: string) => string {
  // a file below the base (the usual case) without path.relative, which is slow over 1,000s of files
  const base = path.resolve(baseDir);
  const prefix = base.endsWith(path.sep) ? base : base + path.sep;
  return (absolute) => {
    const shown = absolute.startsWith(prefix) && absolute.length > prefix.length ? absolute.slice(prefix.length) : outsideBase(absolute, baseDir);
    return path.sep === "/" ? shown : shown.split(path.sep).join("/");
  };
}

function outsideBase(absolute: string, baseDir: string): string {
  const relative = path.relative(baseDir, absolute);
  return relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative;
}

function hasInputExtension(file: string): boolean {
  return INPUT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

export function hasGlob(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}

/** Files under dir, recursively, sorted; dot folders and node_modules are skipped. */
async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      out.push(...(await walk(full)));
    } else if (entry.isFile()) {
      out.push(full);
    }
  }
  return out;
}

async function expandGlob(pattern: string, baseDir: string): Promise<string[]> {
  const normalized = pattern.split(path.sep).join("/");
  const segments = normalized.split("/");
  const firstGlob = segments.findIndex(hasGlob);
  const root = path.resolve(baseDir, segments.slice(0, firstGlob).join("/") || ".");
  const rest = segments.slice(firstGlob).join("/");
  const matcher = globToRegExp(rest);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) return [];
  const files = await walk(root);
  return files.filter((file) => matcher.test(path.relative(root, file).split(path.sep).join("/")));
}

/** `**` spans folders, `*` and `?` stay inside one, `{a,b}` alternates; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  let out = "";
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const slash = glob[i + 2] === "/";
        out += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else {
        out += "[^/]*";
      }
    } else if (c === "?") out += "[^/]";
    else if (c === "{") {
      braces++;
      out += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      out += ")";
    } else if (c === "," && braces > 0) out += "|";
    else out += c.replace(/[.+^$()|[\]\\{}]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}
