// The pipe text rendering (spec §5.1, layout text-pipe): cells survive, captions and headings are
// lost, the last row of every table loses its trailing empty cells.
import { authPairs, CALL_INFO, describePage, sampleLines, SAMPLES_INTRO, verbCell, type PageRow } from "./page.js";
import type { TrueOperation, TrueService } from "./service.js";

export interface TextRenderOptions {
  /** Start with the page URL and a blank line (spec §1.1: it supplies the op name). Default true. */
  urlLine?: boolean;
  /** The language nav (`MetadataC#TypeScript`, v5.14+); flat only. Default true. */
  nav?: boolean;
  /** Flat only: an Allowable Values list as one bullet per line (default, as real renderings) or inline. */
  flatAllowable?: "lines" | "inline";
}

/** One pipe row; the last row of a table drops its trailing empty cells. */
export function pipeRow(cells: readonly string[], last = false): string {
  const c = [...cells];
  if (last) while (c.length > 1 && c[c.length - 1] === "") c.pop();
  return "|" + c.map((x) => (x ? ` ${x} |` : " |")).join("");
}

/** A description cell as text: the <h4> blocks become plain text after the description. */
export function descriptionText(row: PageRow, glue: string): string {
  const parts = [row.description ?? ""];
  if (row.allowableValues) parts.push(`Allowable Values ${row.allowableValues.join(" ")}`);
  if (row.range) parts.push(`Valid Range: ${row.range[0]} - ${row.range[1]}`);
  return parts.filter(Boolean).join(glue);
}

export function urlLine(service: TrueService, op: TrueOperation): string {
  return `https://${service.host}/json/metadata?op=${op.name}`;
}

export function renderPipePage(service: TrueService, op: TrueOperation, options: TextRenderOptions = {}): string {
  const page = describePage(service, op);
  const lines: string[] = [];
  if (options.urlLine ?? true) lines.push(urlLine(service, op), "");
  const pairs = op.auth ? authPairs(op.auth) : [];
  if (pairs.length) lines.push(pipeRow(pairs.flat(), true));
  op.routes.forEach((r, i) => {
    lines.push(pipeRow([verbCell(r), r.path, r.summary ?? "", r.notes ?? ""], i === op.routes.length - 1));
    if (i === 0) lines.push("|---|");
  });
  for (const t of page.tables) {
    if (t.kind === "params") {
      lines.push("| Name | Parameter | Data Type | Required | Description |", "|---|---|---|---|---|");
      t.rows.forEach((r, i) =>
        lines.push(pipeRow([r.name, r.param, r.type, r.required ? "Yes" : "No", descriptionText(r, " ")], i === t.rows.length - 1)),
      );
    } else {
      if (t.valued) lines.push("| Name | Value | |", "|---|---|---|");
      t.members.forEach((m, i) => {
        const cells = t.valued ? [m.name, m.value ?? "", m.description ?? ""] : [m.name, m.description ?? ""];
        lines.push(pipeRow(cells, i === t.members.length - 1));
      });
    }
  }
  lines.push(...CALL_INFO, SAMPLES_INTRO, ...sampleLines(service, page));
  return lines.join("\n") + "\n";
}
