// Size of the client runtime shipped in every generated client, next to the two usual alternatives,
// all measured the same way: ESM entry bundled with its own dependencies, esbuild-minified, gzipped.
// Exits 1 when ssgen's runtime is over its 3.5 KB budget.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const BUDGET = 3584; // 3.5 KB (issue 11)

async function measure(stdin) {
  const r = await build({
    stdin: { ...stdin, resolveDir: root },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = r.outputFiles[0].contents;
  return { min: code.length, gz: gzipSync(code).length };
}

// `export *` keeps every export alive, so nothing is tree-shaken away: the whole entry is counted.
const rows = [
  ["ssgen templates/runtime.ts", { contents: 'export * from "./templates/runtime.ts";', loader: "ts" }],
  ["@servicestack/client", { contents: 'export * from "@servicestack/client";', loader: "js" }],
  ["openapi-fetch", { contents: 'export * from "openapi-fetch"; export { default } from "openapi-fetch";', loader: "js" }],
];

// Read from disk: @servicestack/client's exports map hides its package.json from require().
const version = (name) => {
  try {
    return JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return "";
  }
};

const results = [];
for (const [name, stdin] of rows) {
  try {
    results.push({ name, ...(await measure(stdin)) });
  } catch (e) {
    results.push({ name, error: String(e.message ?? e).split("\n")[0] });
  }
}

const pad = (s, n) => String(s).padEnd(n);
console.log(pad("package", 34) + pad("min bytes", 12) + "min+gzip bytes");
for (const r of results) {
  const v = r.name.startsWith("ssgen") ? "" : ` ${version(r.name)}`;
  console.log(pad(r.name + v, 34) + (r.error ? `error: ${r.error}` : pad(r.min, 12) + r.gz));
}

const ours = results[0];
if (ours.error || ours.gz > BUDGET) {
  console.log(`runtime-size: FAIL (${ours.error ?? `${ours.gz} > ${BUDGET} bytes`})`);
  process.exit(1);
}
console.log(`runtime-size: ok (${ours.gz} <= ${BUDGET} bytes)`);
