// Parse benchmark: 1000 synthetic HTML op pages of about 8 KB (varied types, routes, enums and
// samples, in ServiceStack's concatenated markup), parsed with the built parser (and turned into
// page models when the builder exists). Prints `parse: 1000 pages (X MB) in N ms`. Build first
// (`npm run build`). Target: under 300 ms on a 2-core machine.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { makePages } from "./synthetic-pages.mjs";

const dist = join(dirname(fileURLToPath(import.meta.url)), "../dist");
if (!existsSync(join(dist, "parse/html.js"))) {
  console.error("bench/parse.mjs: dist/parse/html.js is missing; run `npm run build` first");
  process.exit(1);
}
const { parseHtmlPage } = await import(pathToFileURL(join(dist, "parse/html.js")).href);
const pagePath = join(dist, "model/page.js");
const buildPageModel = existsSync(pagePath) ? (await import(pathToFileURL(pagePath).href)).buildPageModel : undefined;

const PAGES = 1000;

const pages = makePages(PAGES);
const bytes = pages.reduce((a, p) => a + Buffer.byteLength(p), 0);

// Parse every page first, then build the models, timing the two stages apart.
const run = () => {
  const t0 = performance.now();
  const raws = pages.map((html, i) => parseHtmlPage(html, `bench/${i}.html`));
  const t1 = performance.now();
  let types = raws.reduce((a, r) => a + r.tables.length, 0);
  if (buildPageModel) for (const raw of raws) types += buildPageModel(raw).types.length;
  const t2 = performance.now();
  return { types, html: t1 - t0, model: t2 - t1 };
};
// Two warm-up runs so the timing measures the code rather than the JIT, then the median of five
// (a single run on a 2-core machine swings by half with GC and background load).
run();
run();
const runs = Array.from({ length: 5 }, run);
const types = runs[0].types;
if (types === 0) {
  console.error("bench/parse.mjs: no tables parsed");
  process.exit(1);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const html = median(runs.map((r) => r.html));
const model = median(runs.map((r) => r.model));
const best = Math.min(...runs.map((r) => r.html));
const detail = buildPageModel
  ? ` (html ${Math.round(html)} ms, page models ${Math.round(model)} ms; median of 5, best html ${Math.round(best)} ms)`
  : ` (html only, median of 5; dist/model/page.js not built)`;
console.log(`parse: ${PAGES} pages (${(bytes / 1e6).toFixed(1)} MB) in ${Math.round(html + model)} ms${detail}`);
console.log(`parse target (page text -> page facts, 1000 pages < 300 ms): ${html < 300 ? "met" : "missed"} at ${Math.round(html)} ms`);
