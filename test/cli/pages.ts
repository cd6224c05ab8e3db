// Small, valid ServiceStack metadata pages (spec §2 and §3) for the CLI and crawl tests,
// so the fault tests do not depend on how many fixture pages exist.

import { camel } from "../../src/model/wire-case.js";

export interface PageProp {
  name: string;
  type: string;
  required?: boolean;
}

export interface OpSpec {
  name: string;
  tags?: string[];
  props?: PageProp[];
  /** Response DTO properties; the response type is `${name}Response`. */
  response?: PageProp[];
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function sampleValue(type: string): string {
  if (type === "string") return '"String"';
  if (type === "bool") return "false";
  if (/^(int|long|decimal|double)$/.test(type)) return "0";
  return "{}";
}

function paramsTable(caption: string, props: PageProp[], param: string): string {
  const rows = props
    .map((p) => `<tr><td>${p.name}</td><td>${param}</td><td>${esc(p.type)}</td><td>${p.required ? "Yes" : "No"}</td><td></td></tr>`)
    .join("");
  return (
    `<table class='params'><caption><b>${esc(caption)}</b> Parameters:</caption><thead><tr><th>Name</th><th>Parameter</th>` +
    `<th>Data Type</th><th>Required</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>\n`
  );
}

export function opPageHtml(op: OpSpec, host = "api.example.test"): string {
  const props = op.props ?? [{ name: "Id", type: "int" }];
  const response = op.response ?? [{ name: "Result", type: "string" }];
  const tags = op.tags?.length ? `<div class="tags">${op.tags.map((t) => `<span><b>${esc(t)}</b></span>`).join("")}</div>` : "";
  const body = (ps: PageProp[]) => `{${ps.map((p) => `&quot;${camel(p.name)}&quot;:${sampleValue(p.type).replace(/"/g, "&quot;")}`).join(",")}}`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8" /><title>Test API</title></head><body>
<h1>Test API</h1><div class="operation"><div><p><a href="https://${host}/metadata">&lt;back to all web services</a></p>
<h2>${op.name}</h2>${tags}
<table class='routes'><caption>The following routes are available for this service:</caption><tbody><tr><th>POST</th><th>/${op.name.toLowerCase()}</th><td></td><td><i></i></td></tr><tbody></tbody></table>
${paramsTable(op.name, props, "body")}${paramsTable(`${op.name}Response`, response, "form")}<div class="call-info"><p>To override the Content-type in your clients, use the HTTP <b>Accept</b> Header, append  the <b>.json</b> suffix or  <b>?format=json</b></p></div>
<div class="example"><h3>HTTP + JSON</h3><p> The following are sample HTTP requests and responses.
The placeholders shown need to be replaced with actual values.</p>
<div class="request"><pre>
POST /${op.name.toLowerCase()} HTTP/1.1 
Host: ${host} 
Accept: application/json
Content-Type: application/json
Content-Length: <span class="value">length</span>

${body(props)}
</pre></div>
<div class="response"><pre>
HTTP/1.1 200 OK
Content-Type: application/json
Content-Length: length

${body(response)}
</pre></div></div></div></div></body></html>
`;
}

/** The /metadata index (§3); `linkBase` is where the op links point (another host tests rebasing). */
export function indexHtml(ops: OpSpec[], linkBase: string): string {
  const rows = [...ops]
    .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))
    .map(
      (op) =>
        `<tr><th data-tags="${(op.tags ?? []).join(",")}"><a href='ui/${op.name}'>${op.name}</a></th>` +
        `<td><a href="${linkBase}/json/metadata?op=${op.name}">JSON</a></td><td><a href="${linkBase}/xml/metadata?op=${op.name}">XML</a></td></tr>`,
    )
    .join("\n");
  return `<!DOCTYPE html><html><head><title>Test API</title></head><body><h1>Test API</h1><h3>Operations</h3>
<table>
${rows}
</table></body></html>
`;
}
