#!/usr/bin/env node
// Which services of the property tests' cases fail, and how (against dist/, `npm run build` first):
//   node bench/oracle-survey.mjs [--render pipe] [--case NAME,...: chains, everything, mixes, bases, autoquery, lists; all = the first three] [--seed 20261202] [--runs 200]
// Draws the same kind of services as test/model/recover-property.test.ts (fast-check, from the given seed)
// and prints, for each failing one, its options, the first differences, the page line its reading
// contradicts (evaluate()'s refused) and a repro command. No shrinking.
import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { buildApi } from "../dist/api.js";
import { loadOracle, parseArgs } from "./oracle.mjs";

const args = parseArgs(process.argv.slice(2), { render: "pipe", case: "all", seed: 20261202, runs: 200, max: 8 });
const oracle = await loadOracle(fileURLToPath(new URL("./oracle-survey-entry.ts", import.meta.url)));
const SHARED = { ...oracle.PLAIN, refRate: 0.3, routeSummaryRate: 0.25, sharedResponseRate: 0.1, voidRate: 0.1, minRequestProps: 1, headerParamRate: 0, wireCase: "camel", minOps: 1, maxOps: 3 };
const CASES = {
  chains: oracle.generateOptionsArbitrary({ ...SHARED, entityBaseRate: 0.5 }),
  everything: oracle.generateOptionsArbitrary({ minOps: 1, maxOps: 4 }),
  mixes: oracle.featureOptionsArbitrary(),
  bases: oracle.generateOptionsArbitrary({ ...SHARED, requestBaseRate: 0.6 }),
  autoquery: oracle.generateOptionsArbitrary({ ...SHARED, autoQueryRate: 0.5 }),
  lists: oracle.generateOptionsArbitrary({ ...SHARED, listResponseRate: 0.3, entityResponseRate: 0.3 }),
};
const names = String(args.case)
  .split(",")
  .flatMap((n) => (n === "all" ? ["chains", "everything", "mixes"] : [n]));
const unknown = names.filter((n) => !(n in CASES));
if (unknown.length) {
  console.error(`oracle-survey: unknown --case ${unknown.join(", ")} (known: all, ${Object.keys(CASES).join(", ")})`);
  process.exit(2);
}
for (const name of names) {
  const samples = fc.sample(CASES[name], { seed: args.seed, numRuns: args.runs });
  let failed = 0;
  for (const options of samples) {
    const service = oracle.generateService(options);
    const files = oracle.renderService(service, args.render);
    const truth = oracle.truthOf(service, files);
    let lines;
    try {
      const { api } = buildApi({ pages: files.map((f) => ({ source: f.path, text: f.text })), failures: [], diagnostics: [], urlSources: [] }, { include: [], exclude: [], allowPartial: false });
      const { differences, refused } = oracle.evaluate(service, args.render, truth, api);
      if (!differences.length) continue;
      lines = differences.slice(0, args.max).map((d) => `    ${d.path}: expected ${d.expected ?? "(none)"}, got ${d.actual ?? "(none)"}`);
      if (differences.length > args.max) lines.push(`    ... ${differences.length - args.max} more`);
      // where ssgen's reading contradicts a page (reading.ts), and the enum readings refused
      for (const r of refused ?? []) lines.push(`    refused ${r}`);
    } catch (error) {
      lines = [`    pipeline error: ${String(error.message).split("\n")[0]}`];
    }
    failed++;
    const { seed, ops, ...rest } = options;
    console.log(`${name}: seed ${seed}, ${ops} ops: node bench/oracle-repro.mjs --seed ${seed} --ops ${ops} --render ${args.render} --options '${JSON.stringify(rest)}'`);
    console.log(lines.join("\n"));
  }
  console.log(`== ${name} (${args.render}, fast-check seed ${args.seed}): ${failed} of ${samples.length} services fail`);
}
