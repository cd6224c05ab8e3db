// The oracle (test/helpers/random-service/core.ts, TypeScript) for plain-node bench scripts:
// bundled once per process with esbuild (a devDependency) into the temp folder and imported.
// Everything else the bench measures comes from the built dist/.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const oracleEntry = fileURLToPath(new URL("../test/helpers/random-service/core.ts", import.meta.url));

/** The oracle module: generateService, renderService, renderOpenApi, truthOf, evaluate, ... (another entry: its exports). */
export async function loadOracle(entry = oracleEntry) {
  // inside the project (node_modules/.cache), so the bundle's external packages (fast-check) resolve
  const outfile = fileURLToPath(new URL(`../node_modules/.cache/ssgen-oracle-${process.pid}-${Date.now()}.mjs`, import.meta.url));
  await build({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", target: "node20", outfile, packages: "external", logLevel: "error" });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** `--name value` and `--flag` arguments. */
export function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) throw new Error(`unexpected argument ${a}`);
    const key = a.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const next = argv[i + 1];
    if (next === undefined || next.startsWith("--")) out[key] = true;
    else {
      out[key] = typeof defaults[key] === "number" ? Number(next) : next;
      i++;
    }
  }
  return out;
}
