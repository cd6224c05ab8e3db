// Tree-shaking (issue 13 target 5): a browser app that calls ONE operation of a 1,000-op generated client,
// bundled with esbuild (browser, ESM, minified) and gzipped. Three ways to call it: the per-operation
// function (`createOrder(client, {...})`, the tree-shakeable form), `new ApiClient(...).method(...)`, and
// `client.send(new Dto(...))`. Beside it, openapi-fetch with one call, measured the same way.
// Exits 1 when the per-operation form is over 5 KB.
import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { emitClient } from "../dist/emit/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const BUDGET = 5120;
const N = 1000;
const pad = (i) => String(i).padStart(4, "0");
const types = [];
const operations = [];
const prop = (name, type, extra = {}) => ({ name, wireName: name[0].toLowerCase() + name.slice(1), param: "form", type, required: false, origin: "table", ...extra });
for (let i = 0; i < N; i++) {
  const op = `Op${pad(i)}`;
  types.push({
    name: op, kind: "class", role: "request", from: "caption",
    properties: [prop("Id", "int"), prop("Name", "string", { required: true }), prop("Tags", "List<string>"), prop("When", "DateTime?"), prop("Note", "string")],
  });
  types.push({
    name: `${op}Response`, kind: "class", role: "response", from: "caption",
    properties: [prop("Id", "int"), prop("Total", "decimal"), prop("Lines", "List<string>"), prop("ResponseStatus", "ResponseStatus")],
  });
  const verb = i % 2 ? "GET" : "POST";
  operations.push({ name: op, method: verb, routes: [{ verbs: [verb], path: `/things/${i}/{Id}` }], response: `${op}Response`, tags: [], auth: null, source: "bench" });
}
const api = { wireCase: "camel", operations, types, diagnostics: [], sources: ["bench"] };
const files = await emitClient(api, {
  enums: "enum", optional: "auto", nullable: "optional", endpoint: "reply", dates: "string", format: false,
  runtimeSource: readFileSync(join(root, "templates/runtime.ts"), "utf8"), header: { sources: ["bench"], options: {} },
});
const dir = mkdtempSync(join(tmpdir(), "ssgen-treeshake-"));
for (const f of files) writeFileSync(join(dir, f.path), f.content);
const clientTs = files.find((f) => f.path === "client.ts").content;
const fn = /export function (\w+)\(\s*client: ServiceClient,\s*request: Fields<dtos\.Op0500>/.exec(clientTs)?.[1];
if (!fn) throw new Error("no per-operation function for Op0500 in the generated client.ts");

async function measure(contents, resolveDir, loader = "ts") {
  const r = await build({
    stdin: { contents, resolveDir, loader }, bundle: true, minify: true, format: "esm", platform: "browser",
    target: "es2022", write: false, logLevel: "silent",
  });
  const code = r.outputFiles[0].contents;
  return { min: code.length, gz: gzipSync(code).length };
}

const rows = [
  [`ssgen per-operation function (${fn}(client, …))`, `import { ServiceClient } from "./runtime.js"; import { ${fn} } from "./client.js";
     const c = new ServiceClient({ baseUrl: "/" }); ${fn}(c, { id: 1, name: "x" }).then(console.log);`],
  ["ssgen client.send(new Op0500(…))", `import { ServiceClient } from "./runtime.js"; import { Op0500 } from "./dtos.js";
     new ServiceClient({ baseUrl: "/" }).send(new Op0500({ id: 1, name: "x" })).then(console.log);`],
  ["ssgen new ApiClient(…).op0500(…)", `import { ApiClient } from "./client.js";
     new ApiClient({ baseUrl: "/" }).${fn}({ id: 1, name: "x" }).then(console.log);`],
  ["ssgen runtime alone (everything exported)", `export * from "./runtime.js";`],
];
const results = [];
for (const [name, contents] of rows) results.push({ name, ...(await measure(contents, dir)) });
try {
  const v = JSON.parse(readFileSync(join(root, "node_modules/openapi-fetch/package.json"), "utf8")).version;
  results.push({ name: `openapi-fetch ${v}, one GET`, ...(await measure(
    `import createClient from "openapi-fetch"; createClient({ baseUrl: "/" }).GET("/things/{id}", { params: { path: { id: 1 } } }).then(console.log);`,
    root, "js")) });
} catch (e) {
  results.push({ name: "openapi-fetch", error: String(e.message ?? e).split("\n")[0] });
}
rmSync(dir, { recursive: true, force: true });

console.log(`client.ts of ${N} ops: ${(clientTs.length / 1024).toFixed(0)} KB unformatted`);
console.log("bundle".padEnd(52) + "min bytes".padEnd(12) + "min+gzip bytes");
for (const r of results) console.log(r.name.padEnd(52) + (r.error ? `error: ${r.error}` : String(r.min).padEnd(12) + r.gz));
const ours = results[0];
if (ours.gz > BUDGET) {
  console.log(`treeshake: FAIL (${ours.gz} > ${BUDGET} bytes)`);
  process.exit(1);
}
console.log(`treeshake: ok (${ours.gz} <= ${BUDGET} bytes)`);
