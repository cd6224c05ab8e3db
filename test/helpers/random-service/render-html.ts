// HTML op pages (spec §2) in ServiceStack's real markup: concatenated pieces, captions and Data
// Type cells escaping only < and >, raw descriptions and route paths, fully encoded <pre> samples.
import { authPairs, describePage, verbCell, type PageRow, type PageTable } from "./page.js";
import type { TrueOperation, TrueService } from "./service.js";

const angle = (s: string) => s.replace(/</g, "&lt;").replace(/>/g, "&gt;");
const encode = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const PARAMS_HEAD = "<thead><tr><th>Name</th><th>Parameter</th><th>Data Type</th><th>Required</th><th>Description</th></tr></thead>";

function descriptionCell(row: PageRow): string {
  let html = row.description ?? "";
  if (row.allowableValues) html += `<h4>Allowable Values</h4><ul>${row.allowableValues.map((v) => `<li>${v}</li>`).join("")}</ul>`;
  if (row.range) html += `<h4>Valid Range: ${row.range[0]} - ${row.range[1]}</h4>`;
  return html;
}

function table(t: PageTable): string {
  if (t.kind === "enum") {
    const head = t.valued ? "<thead><tr><th>Name</th><th>Value</th><th></th></tr></thead>" : "";
    const rows = t.members.map((m) => `<tr><td>${m.name}</td>${t.valued ? `<td>${m.value ?? ""}</td>` : ""}<td>${m.description ?? ""}</td></tr>`);
    return `<table class='enum'><caption><b>${angle(t.caption)}</b> Enum:</caption>${head}<tbody>${rows.join("")}</tbody></table>`;
  }
  const rows = t.rows.map(
    (r) => `<tr><td>${r.name}</td><td>${r.param}</td><td>${angle(r.type)}</td><td>${r.required ? "Yes" : "No"}</td><td>${descriptionCell(r)}</td></tr>`,
  );
  return `<table class='params'><caption><b>${angle(t.caption)}</b> Parameters:</caption>${PARAMS_HEAD}<tbody>${rows.join("")}</tbody></table>`;
}

export interface HtmlRenderOptions {
  /** compact: pieces concatenated as in the spec's §2.10 page; real: ServiceStack's template whitespace (v5.14+). */
  markup?: "compact" | "real";
}

export function renderHtmlPage(service: TrueService, op: TrueOperation, options: HtmlRenderOptions = {}): string {
  if (options.markup === "real") return renderRealMarkup(service, op);
  const page = describePage(service, op);
  const base = `https://${service.host}`;
  const parts: string[] = [
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8" /><title>${service.serviceName}</title></head><body>\n`,
    `<a id="logo" href="https://servicestack.net" title="ServiceStack"></a><h1>${service.serviceName}</h1>\n`,
    `<div class="operation"><div><p><a href="${base}/metadata">&lt;back to all web services</a></p>\n<h2>${op.name}</h2>`,
  ];
  if (op.tags.length) parts.push(`<div class="tags">${op.tags.map((t) => `<span><b>${t}</b></span>`).join("")}</div>`);
  parts.push("\n");
  if (op.description) parts.push(`<h3 id='desc'>${op.description}</h3>`);
  if (op.auth) {
    const cells = authPairs(op.auth).map(([label, value]) => `<td>${label}</td><td>${value}</td>`).join("");
    parts.push(`<table class='authentication'><caption><b>Requires Authentication</b><i class='auth'></i></caption><tr>${cells}</tr></table>\n`);
  }
  if (op.routes.length) {
    const rows = op.routes.map((r) => `<tr><th>${verbCell(r)}</th><th>${r.path}</th><td>${r.summary ?? ""}</td><td><i>${r.notes ?? ""}</i></td></tr>`);
    parts.push(`<table class='routes'><caption>The following routes are available for this service:</caption><tbody>${rows.join("")}<tbody></tbody></table>\n`);
  }
  parts.push(
    `<style>.types-nav a{margin-right:.5em}</style><div class="types-nav"><nav class="flex space-x-4"><a  class="active" href='?op=${op.name}'>Metadata</a><a  href="?op=${op.name}&lang=csharp">C#</a><a  href="?op=${op.name}&lang=typescript">TypeScript</a></nav></div>\n`,
  );
  for (const t of page.tables) parts.push(table(t), "\n");
  parts.push(
    `<div class="call-info"><p>To override the Content-type in your clients, use the HTTP <b>Accept</b> Header, append  the <b>.json</b> suffix or  <b>?format=json</b></p><p>To embed the response in a <b>jsonp</b> callback, append <b>?callback=myCallback</b></p></div>\n`,
    `<div class="example"><!-- REST Examples --><h3>HTTP + JSON</h3><p> The following are sample HTTP requests and responses.\nThe placeholders shown need to be replaced with actual values.</p>\n`,
  );
  const rq = page.request;
  let request = `${rq.verb} ${rq.url} HTTP/1.1 \nHost: ${service.host} \nAccept: application/json\n`;
  if (rq.body !== undefined) request += `Content-Type: application/json\nContent-Length: <span class="value">length</span>\n\n${encode(rq.body)}\n`;
  parts.push(`<div class="request"><pre>\n${request}</pre></div>\n`);
  if (page.response !== undefined)
    parts.push(`<div class="response"><pre>\nHTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: length\n\n${encode(page.response)}\n</pre></div>`);
  parts.push(`</div></div></div></body></html>\n`);
  return parts.join("");
}

const LANGS: [string, string][] = [["csharp", "C#"], ["mjs", "JavaScript"], ["typescript", "TypeScript"], ["dart", "Dart"], ["java", "Java"], ["kotlin", "Kotlin"], ["python", "Python"], ["php", "PHP"], ["swift", "Swift"], ["vbnet", "VB.NET"], ["fsharp", "F#"], ["go", "Go"], ["rust", "Rust"], ["ruby", "Ruby"], ["zig", "Zig"]];

/** The page as ServiceStack's own template lays it out (the real-*.html fixtures): indentation, newlines, nav. */
function renderRealMarkup(service: TrueService, op: TrueOperation): string {
  const page = describePage(service, op);
  const base = `https://${service.host}`;
  const out: string[] = [
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />\t\n<title>${service.serviceName}</title>\n<style>\nbody  {\n    background-color:white;\n}\n.example .value { color: blue; }\n</style>\n</head>\n<body>\n`,
    `    <a id="logo" href="https://servicestack.net" title="ServiceStack"></a>\n    <h1>${service.serviceName}</h1>\n    \n    <div class="operation">\n    <div>\n`,
    `        <p><a href="${base}/metadata">&lt;back to all web services</a></p>\n        <h2>${op.name}</h2>\n`,
  ];
  if (op.tags.length) out.push(`        <div class="tags">${op.tags.map((t) => `<span><b>${t}</b></span>`).join("")}</div>\n`);
  out.push("\n\t\t");
  if (op.description) out.push(`<h3 id='desc'>${op.description}</h3>`);
  if (op.auth) {
    const cells = authPairs(op.auth).map(([label, value]) => `<td>${label}</td><td>${value}</td>`).join("");
    out.push(`<table class='authentication'><caption><b>Requires Authentication</b><i class='auth' style='display:inline-block;margin:0 0 -4px 5px;'></i></caption>\n<tr>${cells}</tr></table>`);
  }
  if (op.routes.length) {
    const rows = op.routes.map((r) => `<tr><th>${verbCell(r)}</th><th>${r.path}</th><td>${r.summary ?? ""}</td><td><i>${r.notes ?? ""}</i></td></tr>`);
    out.push(`<table class='routes'><caption>The following routes are available for this service:</caption><tbody>${rows.join("")}<tbody></tbody></table>`);
  }
  const nav = [`<a  class="active" href='?op=${op.name}'>Metadata</a>`, ...LANGS.map(([l, n]) => `<a  href="?op=${op.name}&lang=${l}">${n}</a>`)];
  out.push(`\n<style>\n.flex { display:flex }\n.types-nav a { color: rgb(107 114 128); }\n</style><div class="types-nav"><nav class="flex space-x-4">\n${nav.join("\n")}\n</nav></div>\n`);
  for (const t of page.tables) out.push(table(t));
  out.push(
    `<div class="call-info"><p>To override the Content-type in your clients, use the HTTP <b>Accept</b> Header, append  the <b>.json</b> suffix or  <b>?format=json</b></p><p>To embed the response in a <b>jsonp</b> callback, append <b>?callback=myCallback</b></p></div>\n\n`,
    `\t\t<div class="example">\n        <!-- REST Examples -->\n\n        <h3>HTTP + JSON</h3>\n        <p> The following are sample HTTP requests and responses. \n            The placeholders shown need to be replaced with actual values.</p>\n\n`,
  );
  const rq = page.request;
  let request = `${rq.verb} ${rq.url} HTTP/1.1 \nHost: ${service.host} \nAccept: application/json\n`;
  if (rq.body !== undefined) request += `Content-Type: application/json\nContent-Length: <span class="value">length</span>\n\n${encode(rq.body)}\n`;
  out.push(`<div class="request">\n<pre>\n${request}</pre>\n</div>\n\n\n`);
  if (page.response !== undefined)
    out.push(`<div class="response">\n<pre>\nHTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: length\n\n${encode(page.response)}\n</pre>\n</div>\n\n\n`);
  out.push(`        </div>\n    </div>\n    </div>\n</body>\n</html>\n`);
  return out.join("");
}
