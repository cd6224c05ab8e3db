#!/usr/bin/env node
// Reproduce one oracle finding against dist/ (`npm run build` first):
//   node bench/oracle-repro.mjs --seed 15563283 --ops 1 --render html [--options JSON] [--render-options JSON]
//     [--pages | --page Op1,Op2] [--excused] [--refused] [--contradicts] [--grep REGEX]
// Prints the differences (minus the rendering's undecidables), with --excused the excused ones and why,
// with --refused the enum readings the counterfactual refused and the page line that decides each,
// with --contradicts every page the service ssgen read (its whole model, reading.ts) prints otherwise and
// the first line that differs (where the model contradicts a page), with --pages every page (--page:
// only those ops' pages). --grep keeps the lines matching REGEX.
import { buildApi } from "../dist/api.js";
import { loadOracle, parseArgs } from "./oracle.mjs";

const args = parseArgs(process.argv.slice(2), { seed: 1, ops: 1, render: "html", options: "{}", pages: false, page: "", excused: false, refused: false, contradicts: false, grep: "", renderOptions: "{}" });
const oracle = await loadOracle();
const service = oracle.generateService({ ...JSON.parse(args.options), seed: args.seed, ops: args.ops });
const renderOptions = JSON.parse(args.renderOptions);
const files = oracle.renderService(service, args.render, renderOptions);
const truth = oracle.truthOf(service, files);
const keep = args.grep ? (line) => new RegExp(args.grep).test(line) : () => true;
const print = (line) => keep(line) && console.log(line);
try {
  const api = buildApi({ pages: files.map((f) => ({ source: f.path, text: f.text })), failures: [], diagnostics: [], urlSources: [] }, { include: [], exclude: [], allowPartial: false }).api;
  const { differences, excused, refused } = oracle.evaluate(service, args.render, truth, api, renderOptions);
  for (const d of differences) print(`${d.path}: expected ${d.expected ?? "(none)"}, got ${d.actual ?? "(none)"}`);
  if (args.excused) for (const d of excused) print(`excused ${d.path}: expected ${d.expected ?? "(none)"}, got ${d.actual ?? "(none)"} -- ${d.reason}`);
  if (args.refused) for (const r of refused ?? []) print(`refused ${r}`);
  if (args.contradicts) for (const c of oracle.readingContradictions(service, api, args.render, renderOptions)) print(`contradicts ${c}`);
  console.log(`${differences.length} differences, ${excused.length} excused as undecidable`);
} catch (error) {
  console.log(`pipeline error: ${error.message}`);
}
const pages = args.page ? new Set(String(args.page).split(",").map((p) => `${p}.${args.render === "html" ? "html" : args.render === "json" ? "json" : "txt"}`)) : undefined;
if (args.pages || pages) for (const f of files) if (!pages || pages.has(f.path)) console.log(`=== ${f.path}\n${f.text}`);
