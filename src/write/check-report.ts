// What `ssgen check` reports and how it prints it; no diffing here (check.ts compares), so the
// CLI's answer to an unchanged run prints its one line without loading the differ.

export interface FileChange {
  path: string;
  status: "added" | "removed" | "changed";
  linesAdded: number;
  linesRemoved: number;
  /** Unified diff (old on disk -> new). */
  patch: string;
}

export interface ModelChanges {
  operationsAdded: string[];
  operationsRemoved: string[];
  /** Op name -> what changed ("method POST -> PUT"). */
  operationsChanged: Record<string, string[]>;
  typesAdded: string[];
  typesRemoved: string[];
  /** Type name -> what changed ("+ Discount: decimal", "Qty: int -> long"). */
  typesChanged: Record<string, string[]>;
}

export interface CheckReport {
  drift: boolean;
  files: FileChange[];
  /** undefined when --out has no manifest to compare the model with. */
  model?: ModelChanges;
}

/** The report `ssgen check` prints; `withPatch` appends the unified diffs. */
export function formatCheckReport(report: CheckReport, outLabel: string, withPatch = false): string {
  if (!report.drift) return `ssgen check: ${outLabel} is up to date`;
  const lines: string[] = [`ssgen check: ${outLabel} is out of date`];
  const m = report.model;
  if (!m) {
    lines.push(`  (no .ssgen-manifest.json in ${outLabel}: model changes unknown, file changes below)`);
  } else {
    const opLines = [
      ...m.operationsAdded.map((n) => `  + ${n}`),
      ...m.operationsRemoved.map((n) => `  - ${n}`),
      ...Object.entries(m.operationsChanged).map(([n, c]) => `  ~ ${n}: ${c.join("; ")}`),
    ];
    if (opLines.length) lines.push("operations:", ...opLines);
    const typeLines = [
      ...m.typesAdded.map((n) => `  + ${n}`),
      ...m.typesRemoved.map((n) => `  - ${n}`),
      ...Object.entries(m.typesChanged).flatMap(([n, c]) => [`  ~ ${n}`, ...c.map((x) => `      ${x}`)]),
    ];
    if (typeLines.length) lines.push("types:", ...typeLines);
    if (!opLines.length && !typeLines.length) lines.push("model: no operation or type changed (options, templates or hand edits)");
  }
  if (report.files.length) {
    lines.push("files:");
    for (const f of report.files) {
      const sign = f.status === "added" ? "+" : f.status === "removed" ? "-" : "~";
      lines.push(`  ${sign} ${f.path} (+${f.linesAdded} -${f.linesRemoved} lines)`);
    }
  }
  if (withPatch) for (const f of report.files) lines.push("", f.patch.trimEnd());
  else if (report.files.length) lines.push("run `ssgen check --diff` for the line diff, `ssgen generate` to update");
  return lines.join("\n");
}
