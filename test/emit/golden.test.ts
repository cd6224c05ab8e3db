// Golden files: the exact dtos.ts and client.ts for three models. Regenerate with UPDATE_GOLDEN=1
// after an intended change, and review the diff.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../src/emit/index.js";
import type { ApiModel } from "../../src/model/types.js";
import { kitchenModel, options, seedModel, shopModel } from "./models.js";
import { removeDir, runtimeSource, tempDir, writeFiles } from "./support.js";
import { typecheck } from "../helpers/tsc.js";

const GOLDEN = resolve(import.meta.dirname, "../../fixtures/golden");
const update = process.env.UPDATE_GOLDEN === "1";

const cases: [string, () => ApiModel, Parameters<typeof options>[0]][] = [
  ["seed", seedModel, { header: { sources: ["seed/CognitoSendConfirmCodeRequest.txt"], options: {} } }],
  ["shop", shopModel, { header: { sources: ["https://shop.example.test/json/metadata?op=CreateOrder"], options: {} } }],
  ["kitchen", kitchenModel, { enums: "enum", header: { sources: ["https://kitchen.example.test/metadata"], options: { dates: "string" } } }],
];

describe("golden files", () => {
  it.each(cases)("%s", async (name, model, extra) => {
    const files = await emitClient(model(), options({ runtimeSource: runtimeSource(), ...extra }));
    const dir = await tempDir(`golden-${name}`);
    try {
      await writeFiles(dir, files);
      await typecheck(dir);
    } finally {
      await removeDir(dir);
    }
    for (const path of ["dtos.ts", "client.ts"]) {
      const actual = files.find((f) => f.path === path)!.content;
      const file = join(GOLDEN, name, path);
      if (update) {
        await mkdir(join(GOLDEN, name), { recursive: true });
        await writeFile(file, actual);
        continue;
      }
      if (!existsSync(file)) throw new Error(`${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/emit/golden.test.ts`);
      expect(actual, `${name}/${path} differs from the golden file`).toBe(await readFile(file, "utf8"));
    }
  });
});
