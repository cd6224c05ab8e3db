// `ssgen check`: compare what would be generated with what --out holds. The verdict is byte-exact
// below the header's Sources lines (where the pages came from is not drift), but the report leads with what a reviewer cares about: operations
// and types added, removed or changed, from the manifest's model summary.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { withoutSources } from "../emit/header.js";
import type { GeneratedFile } from "../emit/options.js";
import type { CheckReport, FileChange, ModelChanges } from "./check-report.js";
import { readManifest, type ModelSummary, type OperationSummary, type TypeSummary } from "./manifest.js";

export { formatCheckReport, type CheckReport, type FileChange, type ModelChanges } from "./check-report.js";

export async function compareOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  summary: ModelSummary,
): Promise<CheckReport> {
  const manifest = await readManifest(outDir);
  const changes: FileChange[] = [];
  const newPaths = new Set(files.map((f) => f.path));
  for (const f of files) {
    const onDisk = await readFile(path.join(outDir, ...f.path.split("/")), "utf8").catch(() => undefined);
    // where the pages came from is not drift (a moved port, a relative path): only what was generated
    if (onDisk !== undefined && withoutSources(onDisk) === withoutSources(f.content)) continue;
    changes.push(fileChange(await loadDiff(), f.path, onDisk, f.content));
  }
  for (const old of manifest?.files ?? []) {
    if (newPaths.has(old.path)) continue;
    const onDisk = await readFile(path.join(outDir, ...old.path.split("/")), "utf8").catch(() => undefined);
    if (onDisk !== undefined) changes.push(fileChange(await loadDiff(), old.path, onDisk, undefined));
  }
  changes.sort((a, b) => (a.path < b.path ? -1 : 1));
  const model = manifest ? diffSummaries(manifest.summary, summary) : undefined;
  const modelDrift = model !== undefined && !isEmptyChanges(model);
  return { drift: changes.length > 0 || modelDrift, files: changes, model };
}

/** `diff` is loaded only when some file differs: every generate run imports this module. */
let diffModule: Promise<typeof import("diff")> | undefined;
function loadDiff(): Promise<typeof import("diff")> {
  return (diffModule ??= import("diff"));
}

function fileChange({ createTwoFilesPatch, diffLines }: typeof import("diff"), p: string, before: string | undefined, after: string | undefined): FileChange {
  let linesAdded = 0;
  let linesRemoved = 0;
  for (const part of diffLines(before ?? "", after ?? "")) {
    if (part.added) linesAdded += part.count ?? 0;
    if (part.removed) linesRemoved += part.count ?? 0;
  }
  return {
    path: p,
    status: before === undefined ? "added" : after === undefined ? "removed" : "changed",
    linesAdded,
    linesRemoved,
    patch: createTwoFilesPatch(`a/${p}`, `b/${p}`, before ?? "", after ?? "", "on disk", "generated"),
  };
}

export function diffSummaries(before: ModelSummary, after: ModelSummary): ModelChanges {
  const ops = diffKeys(before.operations ?? {}, after.operations ?? {});
  const types = diffKeys(before.types ?? {}, after.types ?? {});
  const operationsChanged: Record<string, string[]> = {};
  for (const name of ops.common) {
    const lines = diffOperation(before.operations[name]!, after.operations[name]!);
    if (lines.length) operationsChanged[name] = lines;
  }
  const typesChanged: Record<string, string[]> = {};
  for (const name of types.common) {
    const lines = diffType(before.types[name]!, after.types[name]!);
    if (lines.length) typesChanged[name] = lines;
  }
  return {
    operationsAdded: ops.added,
    operationsRemoved: ops.removed,
    operationsChanged,
    typesAdded: types.added,
    typesRemoved: types.removed,
    typesChanged,
  };
}

function isEmptyChanges(c: ModelChanges): boolean {
  return (
    c.operationsAdded.length + c.operationsRemoved.length + c.typesAdded.length + c.typesRemoved.length === 0 &&
    Object.keys(c.operationsChanged).length + Object.keys(c.typesChanged).length === 0
  );
}

function diffKeys(before: Record<string, unknown>, after: Record<string, unknown>) {
  const a = Object.keys(before).sort();
  const b = Object.keys(after).sort();
  const inA = new Set(a);
  const inB = new Set(b);
  return { added: b.filter((k) => !inA.has(k)), removed: a.filter((k) => !inB.has(k)), common: a.filter((k) => inB.has(k)) };
}

function diffOperation(a: OperationSummary, b: OperationSummary): string[] {
  const out: string[] = [];
  if (a.method !== b.method) out.push(`method ${a.method} -> ${b.method}`);
  if (a.response !== b.response) out.push(`response ${a.response} -> ${b.response}`);
  const before = new Set(a.routes ?? []);
  const after = new Set(b.routes ?? []);
  for (const r of b.routes ?? []) if (!before.has(r)) out.push(`+ route ${r}`);
  for (const r of a.routes ?? []) if (!after.has(r)) out.push(`- route ${r}`);
  return out;
}

function diffType(a: TypeSummary, b: TypeSummary): string[] {
  const out: string[] = [];
  if (a.kind !== b.kind) out.push(`kind ${a.kind} -> ${b.kind}`);
  if ((a.base ?? "") !== (b.base ?? "")) out.push(`base ${a.base ?? "(none)"} -> ${b.base ?? "(none)"}`);
  const ga = (a.genericParams ?? []).join(",");
  const gb = (b.genericParams ?? []).join(",");
  if (ga !== gb) out.push(`generic parameters <${ga}> -> <${gb}>`);
  const pa = a.properties ?? {};
  const pb = b.properties ?? {};
  for (const name of Object.keys(pb)) if (!(name in pa)) out.push(`+ ${name}: ${pb[name]}`);
  for (const name of Object.keys(pa)) if (!(name in pb)) out.push(`- ${name}: ${pa[name]}`);
  for (const name of Object.keys(pa)) {
    if (name in pb && pa[name] !== pb[name]) out.push(`${name}: ${pa[name]} -> ${pb[name]}`);
  }
  const ma = a.members ?? [];
  const mb = b.members ?? [];
  for (const m of mb) if (!ma.includes(m)) out.push(`+ member ${m}`);
  for (const m of ma) if (!mb.includes(m)) out.push(`- member ${m}`);
  return out;
}
