// Finding the project's prettier config without loading prettier when there is none.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mayHavePrettierConfig, resolvePrettierConfig } from "../../src/source/prettier-config.js";

const root = await mkdtemp(path.join(tmpdir(), "ssgen-prettier-config-"));
afterAll(() => rm(root, { recursive: true, force: true }));

describe("prettier config lookup", () => {
  it("sees a config file or a package.json prettier key in any ancestor, and nothing else", async () => {
    const bare = path.join(root, "bare", "src", "api");
    await mkdir(bare, { recursive: true });
    await writeFile(path.join(root, "bare", "package.json"), JSON.stringify({ name: "x" }));
    // tmpdir() itself has no config on the machines we run on
    expect(mayHavePrettierConfig(bare)).toBe(false);
    expect(await resolvePrettierConfig(bare)).toBeUndefined();

    const keyed = path.join(root, "keyed", "out");
    await mkdir(keyed, { recursive: true });
    await writeFile(path.join(root, "keyed", "package.json"), JSON.stringify({ prettier: { semi: false } }));
    expect(mayHavePrettierConfig(keyed)).toBe(true);
    expect(await resolvePrettierConfig(keyed)).toEqual({ semi: false });

    const rc = path.join(root, "rc", "deep", "out");
    await mkdir(rc, { recursive: true });
    await writeFile(path.join(root, "rc", ".prettierrc.json"), JSON.stringify({ printWidth: 100 }));
    expect(mayHavePrettierConfig(rc)).toBe(true);
    expect(await resolvePrettierConfig(rc)).toEqual({ printWidth: 100 });
  });
});
