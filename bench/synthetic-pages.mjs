// Synthetic HTML op pages of about 8 KB (varied types, routes, enums and samples, in ServiceStack's
// concatenated markup), shared by the parse bench and the HTML fast-path equivalence tests.
// makePages(n) always returns the same pages: the generator reseeds itself on every call.
const TARGET_BYTES = 8 * 1024;

// Deterministic pseudo-random numbers (mulberry32), so every run parses the same pages.
let seed = 0x5eed;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const WORDS = ["Order", "Customer", "Item", "Invoice", "Product", "Stock", "Price", "Note", "Ship", "Tax", "Code", "Group", "Region", "Account", "Line", "Event"];
const SCALARS = [
  ["string", '"String"'],
  ["int", "0"],
  ["long", "0"],
  ["decimal", "0"],
  ["bool", "false"],
  ["DateTime", '"0001-01-01T00:00:00.0000000"'],
  ["Guid", '"00000000000000000000000000000000"'],
  ["int?", null],
  ["List<string>", '["String"]'],
  ["Dictionary<string, string>", '{"String":"String"}'],
  ["Dictionary<string, List<Int32>>", '{"String":[0]}'],
];
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const camel = (s) => s[0].toLowerCase() + s.slice(1);
const HEAD = "<thead><tr><th>Name</th><th>Parameter</th><th>Data Type</th><th>Required</th><th>Description</th></tr></thead>";

function makeType(name, propCount, param, refs, inherited = []) {
  const rows = [];
  const sample = [...inherited];
  for (let i = 0; i < propCount; i++) {
    const prop = pick(WORDS) + pick(WORDS) + i;
    let [type, value] = pick(SCALARS);
    // Referenced types come early so every table on the page is explained by the walk (spec §4).
    if (refs.length && (i >= 1 || rand() < 0.5)) {
      const ref = refs.shift();
      type = rand() < 0.5 ? ref.name : `List<${ref.name}>`;
      value = ref.enum ? `"${ref.first}"` : type.startsWith("List") ? `[${ref.sample}]` : ref.sample;
    }
    const desc = rand() < 0.3 ? `The ${prop.toLowerCase()} of this ${name} &amp; more<br />second line` : rand() < 0.1 ? "<h4>Valid Range: 1 - 99</h4>" : "";
    rows.push(`<tr><td>${prop}</td><td>${param}</td><td>${esc(type)}</td><td>${rand() < 0.2 ? "Yes" : "No"}</td><td>${desc}</td></tr>`);
    if (value !== null) sample.push(`"${camel(prop)}":${value}`);
  }
  const table = `<table class='params'><caption><b>${esc(name)}</b> Parameters:</caption>${HEAD}<tbody>${rows.join("")}</tbody></table>\n`;
  return { name, table, sample: `{${sample.join(",")}}`, entries: sample };
}

function makeEnum(name) {
  const members = ["Low", "Normal", "High", "Urgent"].slice(0, 2 + Math.floor(rand() * 3));
  const valued = rand() < 0.4;
  const rows = members.map((m, i) => (valued ? `<tr><td>${m}</td><td>${1 << i}</td><td></td></tr>` : `<tr><td>${m}</td><td></td></tr>`)).join("");
  const head = valued ? "<thead><tr><th>Name</th><th>Value</th><th></th></tr></thead>" : "";
  return { name, enum: true, first: members[0], table: `<table class='enum'><caption><b>${name}</b> Enum:</caption>${head}<tbody>${rows}</tbody></table>\n` };
}

function makePage(n) {
  const op = `${pick(["Create", "Get", "Update", "Delete", "Query"])}${pick(WORDS)}${n}`;
  const verb = op.startsWith("Get") || op.startsWith("Query") ? "GET" : op.startsWith("Delete") ? "DELETE" : op.startsWith("Update") ? "PUT" : "POST";
  const routes = [[verb, `/${camel(pick(WORDS))}s/{Id}`]];
  if (rand() < 0.5) routes.push([rand() < 0.3 ? "All Verbs" : "GET,POST", `/api/v${n % 3}/${op}`]);
  const enumT = makeEnum(`${pick(WORDS)}Kind${n}`);
  const refA = makeType(`${pick(WORDS)}Detail${n}`, 4 + Math.floor(rand() * 4), "form", []);
  const refs = [enumT, refA];
  let size = 0;
  let parts;
  let request;
  let response;
  // Grow the page until it reaches about 8 KB.
  for (let props = 6; ; props += 2) {
    const refsCopy = [...refs];
    // Inherited members appear inside the derived object's sample (spec §2.8).
    const base = makeType(`${op}Base`, 2, "form", []);
    request = makeType(op, props, verb === "GET" || verb === "DELETE" ? "query" : "body", refsCopy, base.entries);
    response = makeType(`${op}Response`, Math.max(3, props >> 1), "form", []);
    parts = [request.table, base.table, ...refs.map((r) => r.table), response.table];
    size = parts.reduce((a, t) => a + t.length, 0) + 1800 + request.sample.length + response.sample.length;
    if (size >= TARGET_BYTES - 300) break;
  }
  const routeRows = routes.map(([v, p]) => `<tr><th>${v}</th><th>${p}</th><td></td><td><i></i></td></tr>`).join("");
  const body = verb === "GET" || verb === "DELETE" ? "" : `Content-Type: application/json\nContent-Length: <span class="value">length</span>\n\n${esc(request.sample)}\n`;
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8" /><title>Bench API</title></head><body>\n` +
    `<a id="logo" href="https://servicestack.net" title="ServiceStack"></a><h1>Bench API</h1>\n` +
    `<div class="operation"><div><p><a href="https://bench.example.test/metadata">&lt;back to all web services</a></p>\n<h2>${op}</h2><div class="tags"><span><b>${camel(pick(WORDS))}</b></span></div>\n` +
    (rand() < 0.5 ? `<h3 id='desc'>Does ${op} & friends<br />in one call</h3>` : "") +
    (rand() < 0.3 ? `<table class='authentication'><caption><b>Requires Authentication</b><i class='auth'></i></caption><tr><td>Required role:</td><td>Admin</td></tr></table>\n` : "") +
    `<table class='routes'><caption>The following routes are available for this service:</caption><tbody>${routeRows}<tbody></tbody></table>\n` +
    `<div class="types-nav"><nav class="flex space-x-4"><a  class="active" href='?op=${op}'>Metadata</a><a  href="?op=${op}&lang=csharp">C#</a><a  href="?op=${op}&lang=typescript">TypeScript</a></nav></div>\n` +
    parts.join("") +
    `<div class="call-info"><p>To override the Content-type in your clients, use the HTTP <b>Accept</b> Header, append  the <b>.json</b> suffix or  <b>?format=json</b></p><p>To embed the response in a <b>jsonp</b> callback, append <b>?callback=myCallback</b></p></div>\n` +
    `<div class="example"><!-- REST Examples --><h3>HTTP + JSON</h3><p> The following are sample HTTP requests and responses.\nThe placeholders shown need to be replaced with actual values.</p>\n` +
    `<div class="request"><pre>\n${verb} ${routes[0][1]} HTTP/1.1 \nHost: bench.example.test \nAccept: application/json\n${body}</pre></div>\n` +
    `<div class="response"><pre>\nHTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: length\n\n${esc(response.sample)}\n</pre></div></div></div></div></body></html>\n`
  );
}


/** The first `count` synthetic pages; deterministic across calls. */
export function makePages(count) {
  seed = 0x5eed;
  return Array.from({ length: count }, (_, i) => makePage(i));
}
