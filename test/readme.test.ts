// The README's client example is code users copy: it must compile against the committed client.
import { readFileSync } from "node:fs";
import { copyFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "./emit/support.js";
import { typecheck } from "./helpers/tsc.js";

const ROOT = path.resolve(import.meta.dirname, "..");
let dir: string | undefined;
afterAll(async () => {
  if (dir) await removeDir(dir);
});

describe("README", () => {
  it("every ts example type-checks against generated/", async () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length, "README has ```ts examples").toBeGreaterThan(1);
    dir = await tempDir("readme");
    for (const f of await readdir(path.join(ROOT, "generated"))) {
      if (f.endsWith(".ts")) await copyFile(path.join(ROOT, "generated", f), path.join(dir, f));
    }
    const prelude = "declare function getToken(): Promise<string>;\ndeclare function refresh(): Promise<{ token: string }>;\n";
    for (const [i, example] of examples.entries()) {
      expect(example).toContain('from "./api/index.js"');
      await writeFile(path.join(dir, `example${i}.ts`), prelude + example.replace('"./api/index.js"', '"./index.js"') + "\nexport {};\n");
    }
    await typecheck(dir);
  });

});
