// The user's prettier config, found from the output folder the way their editor would find it.
// Resolving reads files, so it lives here; emit receives the resolved options and stays pure.

import path from "node:path";

export async function resolvePrettierConfig(outDir: string): Promise<Record<string, unknown> | undefined> {
  // prettier takes a noticeable part of a second to load: only runs that format pay for it
  const prettier = await import("prettier");
  return ((await prettier.resolveConfig(path.join(outDir, "dtos.ts"))) ?? undefined) as Record<string, unknown> | undefined;
}
