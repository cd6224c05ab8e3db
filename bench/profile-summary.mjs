// Where the time of a `node --cpu-prof` run goes, per stage: every sample is charged to the stage of
// the innermost frame that names one (prettier, ts-morph, or ssgen's dist/<stage>/), else "other".
// Usage: node bench/profile-summary.mjs <file.cpuprofile> [top N functions]
import { readFileSync } from "node:fs";

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/profile-summary.mjs <file.cpuprofile> [topN]");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

function stageOf(url, name) {
  if (/node_modules\/prettier\//.test(url)) return "prettier";
  if (/node_modules\/(@ts-morph|ts-morph)\//.test(url)) return "ts-morph";
  // dist/<stage>/<file>.js, or dist/<stage>/<part>/... (a folder counts as one)
  const m = /\/dist\/((?:[\w-]+\/)?[\w-]+)(?:\/[\w/-]+)?\.js$/.exec(url);
  if (m) return m[1];
  if (/node_modules\/node-html-parser\//.test(url)) return "node-html-parser";
  if (name === "(garbage collector)") return "gc";
  if (name === "(idle)" || name === "(program)") return name;
  return undefined;
}

const stageCache = new Map();
function stageOfNode(id) {
  if (stageCache.has(id)) return stageCache.get(id);
  const n = byId.get(id);
  const own = stageOf(n.callFrame.url, n.callFrame.functionName);
  const s = own ?? (parent.has(id) ? stageOfNode(parent.get(id)) : "other");
  stageCache.set(id, s);
  return s;
}

const dt = profile.timeDeltas;
const stageMs = new Map();
const fnMs = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const ms = (dt[i + 1] ?? dt[i] ?? 0) / 1000;
  const id = profile.samples[i];
  const s = stageOfNode(id);
  stageMs.set(s, (stageMs.get(s) ?? 0) + ms);
  const cf = byId.get(id).callFrame;
  const key = `${cf.functionName || "(anon)"} ${cf.url.replace(/^.*\/(node_modules|dist)\//, "$1/")}:${cf.lineNumber}`;
  fnMs.set(key, (fnMs.get(key) ?? 0) + ms);
  total += ms;
}
const rows = [...stageMs].sort((a, b) => b[1] - a[1]);
console.log(`total ${Math.round(total)} ms`);
for (const [s, ms] of rows) console.log(`${s.padEnd(28)} ${String(Math.round(ms)).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
const top = Number(topArg ?? 15);
console.log(`\ntop ${top} functions by self time`);
for (const [k, ms] of [...fnMs].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${String(Math.round(ms)).padStart(7)} ms  ${k}`);
