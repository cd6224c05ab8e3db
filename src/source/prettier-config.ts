// The user's prettier config, found from the output folder the way their editor would find it.
// Resolving reads files, so it lives here; emit receives the resolved options and stays pure.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every file name prettier 3 reads a config from (package.json only with a "prettier" key). */
const CONFIG_FILES = [
  "package.yaml",
  ".prettierrc",
  ...["json", "yaml", "yml", "json5", "toml", "js", "mjs", "cjs", "ts", "mts", "cts"].map((e) => `.prettierrc.${e}`),
  ...["js", "mjs", "cjs", "ts", "mts", "cts"].map((e) => `prettier.config.${e}`),
];

/** Could prettier find a config for a file in `dir`? (Cheap: no prettier loaded.) */
export function mayHavePrettierConfig(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (CONFIG_FILES.some((f) => existsSync(path.join(d, f)))) return true;
    const pkg = path.join(d, "package.json");
    if (existsSync(pkg)) {
      try {
        if ("prettier" in (JSON.parse(readFileSync(pkg, "utf8")) as object)) return true;
      } catch {
        return true; // let prettier report what it makes of it
      }
    }
    if (path.dirname(d) === d) return false;
  }
}

export async function resolvePrettierConfig(outDir: string): Promise<Record<string, unknown> | undefined> {
  // prettier takes a noticeable part of a second to load: only runs that may have a config pay for it
  if (!mayHavePrettierConfig(outDir)) return undefined;
  const prettier = await import("prettier");
  return ((await prettier.resolveConfig(path.join(outDir, "dtos.ts"))) ?? undefined) as Record<string, unknown> | undefined;
}
