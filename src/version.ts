// ssgen's own version, from its package.json (dist/version.js and src/version.ts both sit one level
// below it), never the version of the project it runs in.
import { readFileSync } from "node:fs";

export const SSGEN_VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
