// The flat text rendering (spec §5.1, layout text-flat): cells run together, captions and headings
// survive; an Allowable Values list breaks into one bullet per line.
import { authPairs, CALL_INFO, describePage, sampleLines, SAMPLES_INTRO, verbCell } from "./page.js";
import { descriptionText, urlLine, type TextRenderOptions } from "./render-pipe.js";
import type { TrueOperation, TrueService } from "./service.js";

export function renderFlatPage(service: TrueService, op: TrueOperation, options: TextRenderOptions = {}): string {
  const page = describePage(service, op);
  const lines: string[] = [];
  // flat renderings keep the <h2> op name, so no URL line unless asked
  if (options.urlLine ?? false) lines.push(urlLine(service, op), "");
  lines.push(service.serviceName, "<back to all web services", op.name, ...op.tags);
  if (op.description) lines.push(op.description);
  if (op.auth) {
    lines.push("Requires Authentication");
    for (const [label, value] of authPairs(op.auth)) lines.push(`${label}${value}`);
  }
  if (op.routes.length) {
    lines.push("The following routes are available for this service:");
    for (const r of op.routes) lines.push(`${verbCell(r)}${r.path}${r.summary ?? ""}${r.notes ?? ""}`);
  }
  if (options.nav ?? true) lines.push("MetadataC#TypeScript");
  for (const t of page.tables) {
    if (t.kind === "params") {
      lines.push(`${t.caption} Parameters:`, "NameParameterData TypeRequiredDescription");
      for (const r of t.rows) {
        const inline = options.flatAllowable === "inline";
        const text = descriptionText(inline ? r : { ...r, allowableValues: undefined }, "");
        const row = `${r.name}${r.param}${r.type}${r.required ? "Yes" : "No"}${text}`;
        if (inline || !r.allowableValues) lines.push(row);
        else lines.push(`${row}Allowable Values`, ...r.allowableValues);
      }
    } else {
      lines.push(`${t.caption} Enum:`);
      if (t.valued) lines.push("NameValue");
      for (const m of t.members) lines.push(`${m.name}${t.valued ? (m.value ?? "") : ""}${m.description ?? ""}`);
    }
  }
  lines.push(CALL_INFO[0]!, CALL_INFO[1]!, "HTTP + JSON", SAMPLES_INTRO, ...sampleLines(service, page));
  return lines.join("\n") + "\n";
}
