// Formatting: prettier is told the text is a .ts file (so its parser skips the JSX guess, issue 13
// (a)); the output must be byte-identical to what prettier printed without a filepath.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { formatTypeScript } from "../../src/emit/format.js";

const ROOT = resolve(import.meta.dirname, "../..");
const outputs = [
  ...["dtos.ts", "client.ts", "index.ts"].map((f) => join("generated", f)),
  ...readdirSync(join(ROOT, "fixtures/golden")).flatMap((d) => ["dtos.ts", "client.ts"].map((f) => join("fixtures/golden", d, f))),
];

describe("formatTypeScript", () => {
  it.each(outputs)("prints %s exactly as prettier without a filepath does", async (file) => {
    // a comment holding '</' makes prettier's JSX guess fire on the path without a filepath
    const text = readFileSync(join(ROOT, file), "utf8") + "/** a </b> tag and <br/> in a description */\nexport class Z {}\n";
    for (const options of [{}, { singleQuote: true, tabWidth: 4, printWidth: 100 }]) {
      const before = await format(text, { ...options, parser: "typescript" });
      expect(await formatTypeScript(text, options, file.split("/").pop())).toBe(before);
    }
  });
});
