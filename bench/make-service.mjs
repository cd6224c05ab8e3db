#!/usr/bin/env node
// A random true service from the oracle, rendered as files ssgen (or a peer) can read:
//   node bench/make-service.mjs --ops 1000 --render html|pipe|flat|json|openapi --out DIR [--seed 1]
//        [--index] (HTML: add metadata.html)  [--truth FILE] (the true ApiModel as JSON)
// The same --ops and --seed always give the same service, in every rendering, so the HTML pages, the
// text pages, the /types/metadata JSON and the OpenAPI twin describe one API.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadOracle, parseArgs } from "./oracle.mjs";

const args = parseArgs(process.argv.slice(2), { ops: 1000, seed: 1, render: "html", out: "", truth: "", index: false });
if (!args.out) {
  console.error("usage: node bench/make-service.mjs --ops N --render html|pipe|flat|json|openapi --out DIR [--seed S] [--index] [--truth FILE]");
  process.exit(2);
}
const oracle = await loadOracle();
const service = oracle.generateService({ seed: args.seed, ops: args.ops });
const files =
  args.render === "openapi"
    ? [{ path: "openapi.json", text: JSON.stringify(oracle.renderOpenApi(service), null, 1) }]
    : oracle.renderService(service, args.render, { index: args.index === true });
mkdirSync(args.out, { recursive: true });
let bytes = 0;
for (const f of files) {
  writeFileSync(join(args.out, f.path), f.text);
  bytes += f.text.length;
}
const truth = oracle.truthOf(service, files);
if (args.truth) writeFileSync(args.truth, JSON.stringify(truth, null, 1));
console.log(`${args.render}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${truth.operations.length} ops, ${truth.types.length} true types -> ${args.out}`);
