// Crawl benchmark: a local server with a /metadata index and 1000 op pages; times ssgen's crawl
// (index + every page, concurrency 8, the CLI default) from the built dist/. Target: under 3 s.
import http from "node:http";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const crawlModule = join(root, "dist", "source", "crawl.js");
if (!existsSync(crawlModule)) {
  console.log("crawl: dist/ is missing, run npm run build first");
  process.exit(1);
}
const { crawl } = await import(pathToFileURL(crawlModule).href);
const { DEFAULT_HTTP_OPTIONS } = await import(pathToFileURL(join(root, "dist", "source", "http.js")).href);

const PAGES = 1000;
const TARGET_MS = 3000;
const names = Array.from({ length: PAGES }, (_, i) => `GetItem${String(i).padStart(4, "0")}`);

function page(name) {
  const row = (n, p, t) => `<tr><td>${n}</td><td>${p}</td><td>${t}</td><td>No</td><td></td></tr>`;
  const table = (caption, rows) =>
    `<table class='params'><caption><b>${caption}</b> Parameters:</caption><thead><tr><th>Name</th><th>Parameter</th><th>Data Type</th><th>Required</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<!DOCTYPE html><html><head><title>Bench API</title></head><body><h1>Bench API</h1><div class="operation"><div>
<h2>${name}</h2>${table(name, row("Id", "body", "int") + row("Filter", "body", "string"))}
${table(`${name}Response`, row("Total", "form", "int") + row("Items", "form", "List&lt;string&gt;"))}
<div class="example"><p>The following are sample HTTP requests and responses.</p><div class="request"><pre>
POST /json/reply/${name} HTTP/1.1
Host: localhost
Content-Type: application/json
Content-Length: <span class="value">length</span>

{&quot;id&quot;:0,&quot;filter&quot;:&quot;String&quot;}
</pre></div><div class="response"><pre>
HTTP/1.1 200 OK
Content-Type: application/json
Content-Length: length

{&quot;total&quot;:0,&quot;items&quot;:[&quot;String&quot;]}
</pre></div></div></div></div>${"<!-- padding -->".repeat(200)}</body></html>`;
}

const pages = new Map(names.map((n) => [n.toLowerCase(), page(n)]));
let index = "";
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  if (url.pathname === "/metadata") return res.end(index);
  const body = pages.get((url.searchParams.get("op") ?? "").toLowerCase());
  if (!body) return res.writeHead(404).end();
  res.end(body);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
index =
  `<!DOCTYPE html><html><body><h1>Bench API</h1><h3>Operations</h3><table>` +
  names.map((n) => `<tr><th><a href='ui/${n}'>${n}</a></th><td><a href="${origin}/json/metadata?op=${n}">JSON</a></td></tr>`).join("\n") +
  `</table></body></html>`;

const started = performance.now();
const result = await crawl([origin], { concurrency: 8, http: { ...DEFAULT_HTTP_OPTIONS, headers: {} } });
const ms = Math.round(performance.now() - started);
server.close();

console.log(`crawl: ${result.pages.length} pages in ${ms} ms (concurrency 8; target < ${TARGET_MS} ms: ${ms < TARGET_MS ? "met" : "MISSED"})`);
if (result.failures.length || result.pages.length !== PAGES) {
  console.log(`crawl: ${result.failures.length} failures, e.g. ${JSON.stringify(result.failures[0])}`);
  process.exit(1);
}
