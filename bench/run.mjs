// npm run bench: every benchmark in this folder, one after the other, against the built dist/.
// Each prints its own result lines; this runner only sequences them and fails if one fails.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const benches = ["parse.mjs", "model.mjs", "emit.mjs", "crawl.mjs", "runtime-size.mjs", "treeshake.mjs", "linear.mjs", "vs-peer.mjs"];
let failed = 0;
for (const name of benches) {
  const file = join(here, name);
  if (!existsSync(file)) {
    console.log(`${name}: missing`);
    failed++;
    continue;
  }
  console.log(`--- ${name}`);
  const r = spawnSync(process.execPath, [file], { stdio: "inherit" });
  if (r.status !== 0) {
    console.log(`${name}: exited with ${r.status}`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
