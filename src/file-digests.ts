// A file's sha256, without reading it when its metadata shows it is the file hashed before. An
// unchanged run (inputs.ts, write/unchanged.ts) otherwise reads and hashes every page, every output
// file and ssgen's own code: at 1,000 pages about 10 MB, a third of its own time. As in git's index,
// a file is taken as unchanged when its device, inode, size, mtime and ctime (nanoseconds) are the
// ones recorded beside the hash. ctime cannot be set from user space (writing, renaming over it,
// chmod or utimes all move it), so a same-size edit whose mtime was put back is still noticed.
// A stat taken within TRUST_AFTER of the file's last change is not recorded ("racy", as git says):
// a write later in that same clock tick could leave every field as it was.

import { createHash } from "node:crypto";
import { readFileSync, statSync, type BigIntStats } from "node:fs";

/** Linux stamps file times from a coarse clock (a few ms); a second when the times show whole seconds. */
const TRUST_AFTER_NS = 100_000_000n;
const TRUST_AFTER_WHOLE_SECONDS_NS = 2_000_000_000n;

/** A file's sha256 as recorded, and the stat it was recorded with (absent: too recent to trust). */
export interface FileDigest {
  /** The caller's name for the file (relative path, display path). */
  path: string;
  sha256: string;
  /** Bytes (pages: part of the inputs key). */
  size?: number;
  stat?: string;
}

export function sha256Of(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The stat as a string that changes whenever the file may have; undefined while it is too recent to trust. */
export function statTag(stats: BigIntStats, takenAtNs: bigint = BigInt(Date.now()) * 1_000_000n): string | undefined {
  const changed = stats.mtimeNs > stats.ctimeNs ? stats.mtimeNs : stats.ctimeNs;
  const coarse = stats.mtimeNs % 1_000_000_000n === 0n && stats.ctimeNs % 1_000_000_000n === 0n;
  if (takenAtNs - changed < (coarse ? TRUST_AFTER_WHOLE_SECONDS_NS : TRUST_AFTER_NS)) return undefined;
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/** The file's stat, taken before it is read (a write after the stat moves the times past the recorded ones). */
export function statOf(file: string): BigIntStats {
  return statSync(file, { bigint: true });
}

/** Recorded digests by path; `digest` hashes a file again only when its stat is not the recorded one. */
export class DigestCache {
  readonly #recorded = new Map<string, FileDigest>();
  /** Whether any file was read because its recorded stat was missing or different. */
  missed = false;

  /** `now`: the wall clock in ns (tests move it on rather than wait out TRUST_AFTER). */
  constructor(
    recorded: readonly FileDigest[] = [],
    readonly now: () => bigint = () => BigInt(Date.now()) * 1_000_000n,
  ) {
    for (const d of recorded) if (d.stat !== undefined) this.#recorded.set(d.path, d);
  }

  /** The digest of `file` (an absolute path), known as `name`; throws as statSync and readFileSync do. */
  digest(name: string, file: string): FileDigest & { size: number } {
    const stats = statOf(file);
    const tag = statTag(stats, this.now());
    const recorded = this.#recorded.get(name);
    if (tag !== undefined && recorded?.stat === tag) return { ...recorded, size: Number(stats.size) };
    this.missed = true;
    const bytes = readFileSync(file);
    // a file that changed size between the stat and the read is in flux: its stat is not recorded
    const stat = bytes.length === Number(stats.size) ? tag : undefined;
    return { path: name, sha256: sha256Of(bytes), size: bytes.length, ...(stat === undefined ? {} : { stat }) };
  }
}

/** A digest's JSON shape check (a record read back from disk). */
export function isFileDigest(value: unknown): value is FileDigest {
  const d = value as FileDigest;
  return typeof d === "object" && d !== null && typeof d.path === "string" && typeof d.sha256 === "string" && (d.size === undefined || typeof d.size === "number") && (d.stat === undefined || typeof d.stat === "string");
}
