// The client runtime ships as templates/runtime.ts in the package and is copied into every
// generated client. The package root is two folders above this module in both src/ and dist/.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SsgenError, EXIT } from "./errors.js";

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export async function readRuntimeSource(root = PACKAGE_ROOT): Promise<string> {
  const file = path.join(root, "templates", "runtime.ts");
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new SsgenError(`cannot read the client runtime template ${file} (broken installation?)`, EXIT.internal);
  }
}
