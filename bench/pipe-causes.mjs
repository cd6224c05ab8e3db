#!/usr/bin/env node
// Groups a rendering's differences from the truth by likely cause (the pipe engineer's triage):
//   node bench/pipe-causes.mjs [--ops 1000] [--seed 1] [--render pipe] [--list N]
// For each difference it names the true types involved and whether some page showing them ran out
// of search budget (W_AMBIGUOUS_WALK "search stopped"). Runs against dist/ (`npm run build` first).
import { mergePages } from "../dist/model/merge.js";
import { preparePage } from "../dist/model/page.js";
import { solvePages } from "../dist/model/solve/index.js";
import { parseHtmlPage } from "../dist/parse/html.js";
import { parseTextPage } from "../dist/parse/text.js";
import { loadOracle, parseArgs } from "./oracle.mjs";

const args = parseArgs(process.argv.slice(2), { ops: 1000, seed: 1, render: "pipe", list: 20 });
const oracle = await loadOracle();
const service = oracle.generateService({ seed: args.seed, ops: args.ops });
const rendering = args.render;
const files = oracle.renderService(service, rendering);
const truth = oracle.truthOf(service, files);
const raws = files.map((f) => (rendering === "html" ? parseHtmlPage(f.text, f.path) : parseTextPage(f.text, f.path)));
const prepared = raws.map((r) => preparePage(r));
const t0 = performance.now();
const pages = solvePages(prepared);
const t1 = performance.now();
const api = mergePages(pages);
const { differences } = oracle.evaluate(service, rendering, truth, api);

// which true types each op page shows, and which pages overflowed
const overflowed = new Set();
const shows = new Map(); // type -> ops
const tableCount = new Map();
for (const op of service.operations) {
  const walk = oracle.walkOperation(service, op);
  tableCount.set(op.name, walk.length);
  for (const t of [op.name, ...walk.map((e) => e.type.name)]) {
    if (!shows.has(t)) shows.set(t, []);
    shows.get(t).push(op.name);
  }
}
for (const p of pages) if (p.diagnostics.some((d) => d.code === "W_AMBIGUOUS_WALK" && /search stopped|too large/.test(d.detail))) overflowed.add(p.operation);
console.log(`${rendering}: ${pages.length} pages, ${overflowed.size} overflowed (${[...overflowed].reduce((n, o) => n + tableCount.get(o), 0)} tables); solve ${Math.round(t1 - t0)} ms; ${differences.length} differences`);

const typeOf = (path) => /^type:([^.]+)/.exec(path)?.[1];
const kinds = new Map();
for (const d of differences) {
  const m = /^(type|op):[^.]+(\.(\w+))?/.exec(d.path);
  const kind = `${m?.[1]}${m?.[3] ? "." + m[3] : d.actual === "extra" ? " extra" : d.actual === "missing" ? " missing" : ""}`;
  const t = typeOf(d.path);
  const ops = d.path.startsWith("op:") ? [d.path.slice(3).split(".")[0]] : (shows.get(t) ?? []);
  const touched = ops.some((o) => overflowed.has(o));
  const key = `${kind} ${ops.length ? (touched ? "[overflow page]" : "[no overflow]") : "[no page]"}`;
  if (!kinds.has(key)) kinds.set(key, []);
  kinds.get(key).push(d);
}
for (const [k, list] of [...kinds].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`${list.length}\t${k}`);
  for (const d of list.slice(0, Number(args.list))) console.log(`\t  ${d.path}: expected ${d.expected ?? "-"}, got ${d.actual ?? "-"}${d.from ? ` (${d.from})` : ""}`);
}
