// The last line of a generate run, in a module of its own: the CLI's answer to an unchanged run
// prints it without loading the pipeline (api.ts re-exports it).

import type { ApiModel } from "./model/types.js";
import type { BuildResult, GenerateResult } from "./api.js";

export const READ_FROM: Readonly<Record<BuildResult["readFrom"], string>> = {
  metadata: "from /types/metadata JSON",
  pages: "from metadata pages",
  both: "from /types/metadata JSON and metadata pages",
};

function warningCount(api: ApiModel): number {
  return api.diagnostics.filter((d) => d.code.startsWith("W")).length;
}

/** The last line of a generate run. */
export function formatGenerateSummary(result: GenerateResult): string {
  const files = result.unchanged
    ? `0 files written (${result.unchanged.files} unchanged)`
    : result.write.unchanged
      ? `0 files written (${result.files.length} unchanged)`
      : `${result.write.written} files written`;
  const failed = result.failures.length ? `, ${plural(result.failures.length, "page")} failed` : "";
  const operations = result.unchanged?.operations ?? result.api.operations.length;
  const types = result.unchanged?.types ?? result.api.types.length;
  const fromCode = (result.pages ?? []).filter((p) => p.codeView !== undefined).length;
  const views = fromCode ? ` (${fromCode} read from ?lang= code views)` : "";
  return (
    `ssgen: ${plural(operations, "operation")}${views}, ${plural(types, "type")} ${READ_FROM[result.readFrom]}, ${files}, ` +
    `${plural(warningCount(result.api), "warning")}${failed}, ${result.elapsedMs} ms`
  );
}

/** `1 page`, `2 pages`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
