#!/usr/bin/env node
// Reproduce one oracle finding against dist/ (`npm run build` first):
//   node bench/oracle-repro.mjs --seed 15563283 --ops 1 --render html [--options JSON] [--render-options JSON] [--pages] [--excused]
// Prints the differences (minus the rendering's undecidables), with --excused the excused ones and why,
// and with --pages every page.
import { buildApi } from "../dist/api.js";
import { loadOracle, parseArgs } from "./oracle.mjs";

const args = parseArgs(process.argv.slice(2), { seed: 1, ops: 1, render: "html", options: "{}", pages: false, excused: false, renderOptions: "{}" });
const oracle = await loadOracle();
const service = oracle.generateService({ ...JSON.parse(args.options), seed: args.seed, ops: args.ops });
const renderOptions = JSON.parse(args.renderOptions);
const files = oracle.renderService(service, args.render, renderOptions);
const truth = oracle.truthOf(service, files);
try {
  const api = buildApi({ pages: files.map((f) => ({ source: f.path, text: f.text })), failures: [], diagnostics: [], urlSources: [] }, { include: [], exclude: [], allowPartial: false }).api;
  const { differences, excused } = oracle.evaluate(service, args.render, truth, api, renderOptions);
  for (const d of differences) console.log(`${d.path}: expected ${d.expected ?? "(none)"}, got ${d.actual ?? "(none)"}`);
  if (args.excused) for (const d of excused) console.log(`excused ${d.path}: expected ${d.expected ?? "(none)"}, got ${d.actual ?? "(none)"} -- ${d.reason}`);
  console.log(`${differences.length} differences, ${excused.length} excused as undecidable`);
} catch (error) {
  console.log(`pipeline error: ${error.message}`);
}
if (args.pages) for (const f of files) console.log(`=== ${f.path}\n${f.text}`);
