// .ssgen-manifest.json records which files in the output folder ssgen wrote (so it may replace or
// remove them and must never touch anything else) and a compact model summary, so `ssgen check`
// can say "type LineItem: Qty int -> long" instead of only showing a byte diff.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { GeneratedFile } from "../emit/options.js";
import type { ApiModel, TypeModel } from "../model/types.js";

export const MANIFEST_FILE = ".ssgen-manifest.json";

export interface OperationSummary {
  method: string;
  response: string;
  /** "VERBS /path", "*" for all verbs. */
  routes: string[];
}

export interface TypeSummary {
  kind: TypeModel["kind"];
  base?: string;
  genericParams?: string[];
  /** Property name -> canonical type, with " (required)" when required. */
  properties?: Record<string, string>;
  /** Enum member name, with "=value" when valued. */
  members?: string[];
}

export interface ModelSummary {
  operations: Record<string, OperationSummary>;
  types: Record<string, TypeSummary>;
}

export interface Manifest {
  generator: "ssgen";
  manifestVersion: 1;
  files: { path: string; sha256: string }[];
  summary: ModelSummary;
}

export function summarizeModel(api: ApiModel): ModelSummary {
  const operations: Record<string, OperationSummary> = {};
  for (const op of [...api.operations].sort(byName)) {
    operations[op.name] = {
      method: op.method,
      response: op.response,
      routes: op.routes.map((r) => `${r.verbs === "*" ? "*" : r.verbs.join(",")} ${r.path}`),
    };
  }
  const types: Record<string, TypeSummary> = {};
  for (const t of [...api.types].sort(byName)) {
    const summary: TypeSummary = { kind: t.kind };
    if (t.base) summary.base = t.base;
    if (t.genericParams?.length) summary.genericParams = [...t.genericParams];
    if (t.kind !== "enum") {
      summary.properties = {};
      for (const p of t.properties ?? []) summary.properties[p.name] = p.type + (p.required ? " (required)" : "");
    } else {
      summary.members = (t.members ?? []).map((m) => (m.value !== undefined && m.value !== "" ? `${m.name}=${m.value}` : m.name));
    }
    types[t.name] = summary;
  }
  return { operations, types };
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function makeManifest(files: readonly GeneratedFile[], summary: ModelSummary): Manifest {
  return {
    generator: "ssgen",
    manifestVersion: 1,
    files: files.map((f) => ({ path: f.path, sha256: sha256(f.content) })).sort((a, b) => (a.path < b.path ? -1 : 1)),
    summary,
  };
}

export function serializeManifest(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

/** undefined when there is none or it is not ours: then no file in the folder counts as ssgen's. */
export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  const text = await readFile(path.join(outDir, MANIFEST_FILE), "utf8").catch(() => undefined);
  return text === undefined ? undefined : parseManifest(text);
}

/** The manifest in `text` (as readManifest reads it), or undefined when it is not ours. */
export function parseManifest(text: string): Manifest | undefined {
  try {
    const json = JSON.parse(text) as Partial<Manifest>;
    if (json.generator !== "ssgen" || !Array.isArray(json.files)) return undefined;
    const files = json.files.filter(isFileEntry);
    const summary = json.summary && typeof json.summary === "object" ? json.summary : { operations: {}, types: {} };
    return { generator: "ssgen", manifestVersion: 1, files, summary: summary as ModelSummary };
  } catch {
    return undefined;
  }
}

/** A listed file ssgen may touch: its path is a safe relative one (isSafeRelativePath). */
export function isFileEntry(f: unknown): f is { path: string; sha256: string } {
  const e = f as { path?: unknown; sha256?: unknown } | null;
  return typeof e?.path === "string" && isSafeRelativePath(e.path);
}

/** Relative, forward slashes, no `..`, not the manifest itself: anything else could escape --out. */
export function isSafeRelativePath(p: string): boolean {
  if (p.length === 0 || p.startsWith("/") || p.includes("\\") || /^[A-Za-z]:/.test(p)) return false;
  if (p === MANIFEST_FILE) return false;
  return p.split("/").every((seg) => seg !== "" && seg !== "." && seg !== "..");
}
