// Type-checks generated TypeScript the way users compile it: strict, ES2022, NodeNext, DOM.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const TSC = resolve(import.meta.dirname, "../../node_modules/.bin/tsc");

/** Type-checks every .ts file in `dir` together; throws with tsc's output on any error. */
export async function typecheck(dir: string): Promise<void> {
  // NodeNext decides ESM vs CJS from package.json; generated clients are ESM
  if (!existsSync(join(dir, "package.json"))) await writeFile(join(dir, "package.json"), '{ "type": "module" }\n');
  const files = (await readdir(dir)).filter((f) => f.endsWith(".ts")).sort().map((f) => join(dir, f));
  if (!files.length) throw new Error(`typecheck: no .ts files in ${dir}`);
  const args = [
    // --ignoreConfig: a tsconfig.json further up (the repo's own) must not change how users compile
    "--ignoreConfig", "--noEmit", "--strict", "--target", "ES2022", "--module", "NodeNext", "--moduleResolution", "NodeNext",
    "--lib", "ES2022,DOM", "--types", "", "--skipLibCheck", ...files,
  ];
  try {
    await run(TSC, args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`tsc found errors in ${dir}:\n${err.stdout ?? ""}${err.stderr ?? ""}` || err.message);
  }
}
