#!/usr/bin/env node
// The model stage alone (issue 8): the cross-page solve (src/model/solve/) and the merge, over a
// generated service's pages already parsed, for 1,000 and 5,000 ops in each page rendering.
//   node bench/model.mjs [--ops 1000,5000] [--render html,pipe,flat] [--seed 1]
// Prints `model: <ops> ops <rendering>: solve N ms, merge M ms (<types> types)`. Runs against dist/.
import { mergePages } from "../dist/model/merge.js";
import { preparePage } from "../dist/model/page.js";
import { solvePages } from "../dist/model/solve/index.js";
import { parseHtmlPage } from "../dist/parse/html.js";
import { parseTextPage } from "../dist/parse/text.js";
import { loadOracle, parseArgs } from "./oracle.mjs";

const args = parseArgs(process.argv.slice(2), { ops: "1000,5000", render: "html,pipe,flat", seed: 1 });
const oracle = await loadOracle();
for (const ops of String(args.ops).split(",").map(Number)) {
  const service = oracle.generateService({ seed: args.seed, ops });
  for (const rendering of String(args.render).split(",")) {
    const files = oracle.renderService(service, rendering);
    const raws = files.map((f) => (rendering === "html" ? parseHtmlPage(f.text, f.path) : parseTextPage(f.text, f.path)));
    // pages that fail on their own (E_NO_TYPES: no table and no sample) are left out, as --allow-partial does
    const prepared = raws.flatMap((r) => {
      try {
        return [preparePage(r)];
      } catch {
        return [];
      }
    });
    const t0 = performance.now();
    const pages = solvePages(prepared);
    const t1 = performance.now();
    const api = mergePages(pages);
    const t2 = performance.now();
    const failed = raws.length - prepared.length;
    console.log(`model: ${ops} ops ${rendering}: solve ${Math.round(t1 - t0)} ms, merge ${Math.round(t2 - t1)} ms (${api.types.length} types${failed ? `, ${failed} pages failed alone` : ""})`);
  }
}
