// The /metadata index page (spec §3): one flat table, ops sorted case-insensitively, tags as
// data-tags, one link per format.
import type { TrueService } from "./service.js";

const FORMATS = ["json", "xml", "jsv", "csv", "jsonl"];

export function renderIndexPage(service: TrueService): string {
  const base = `https://${service.host}`;
  const ops = [...service.operations].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || (a.name < b.name ? -1 : 1));
  const rows = ops.map((op) => {
    const icon = op.auth ? `<span class="icons"><i class="auth" title="Requires Authentication"></i></span>` : "";
    const links = FORMATS.map((f) => `<td><a href="${base}/${f}/metadata?op=${op.name}">${f.toUpperCase()}</a></td>`).join("");
    return `<tr><th data-tags="${op.tags.join(",")}">${icon}<a href='ui/${op.name}'>${op.name}</a></th>${links}</tr>`;
  });
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8" /><title>${service.serviceName}</title></head><body>\n` +
    `<a id="logo" href="https://servicestack.net" title="ServiceStack"></a><h1>${service.serviceName}</h1>\n` +
    `<div class="operations"><p>The following operations are available.</p>\n<h3>Operations</h3><table><tbody>${rows.join("")}</tbody></table></div></body></html>\n`
  );
}
