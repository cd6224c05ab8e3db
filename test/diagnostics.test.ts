// The diagnostics catalogue and the grouped warning report the CLI prints.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, formatWarnings, shortPageName, type Diagnostic } from "../src/diagnostics.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("diagnostics catalogue", () => {
  it("declares every code that any source file uses, and each once with a meaning", () => {
    const used = new Set<string>();
    for (const file of sources(path.join(ROOT, "src"))) {
      if (file.endsWith("diagnostics.ts")) continue;
      for (const m of readFileSync(file, "utf8").matchAll(/["'`]([EW]_[A-Z][A-Z_]+)\b/g)) used.add(m[1]!);
    }
    const declared = new Set(Object.keys(DIAGNOSTIC_CODES));
    expect([...used].filter((c) => !declared.has(c))).toEqual([]);
    for (const meaning of Object.values(DIAGNOSTIC_CODES)) expect(meaning.length).toBeGreaterThan(10);
  });

  it("short page names: the op of a ?op= URL, else the last path segment", () => {
    expect(shortPageName("https://h.example/api/json/metadata?op=CreateOrder")).toBe("CreateOrder");
    expect(shortPageName("fixtures/pages/create-order.html")).toBe("create-order.html");
    expect(shortPageName(undefined)).toBe("?");
  });

  it("groups warnings by code with a count and the first few examples; verbose lists all; errors are left out", () => {
    const diags: Diagnostic[] = [
      ...Array.from({ length: 5 }, (_, i): Diagnostic => ({
        code: "W_NAME_INFERRED",
        detail: `T${i}Response`,
        page: `https://h.example/json/metadata?op=Op${i}`,
      })),
      { code: "W_OP_NAME_GUESSED", detail: "from route\n/x", page: "a/b.txt" },
      { code: "E_ACCESS", detail: "refused", page: "a/c.txt" },
    ];
    const short = formatWarnings(diags);
    expect(short).toEqual([
      "warning W_OP_NAME_GUESSED ×1: " + DIAGNOSTIC_CODES.W_OP_NAME_GUESSED,
      "  b.txt: from route /x",
      "warning W_NAME_INFERRED ×5: " + DIAGNOSTIC_CODES.W_NAME_INFERRED,
      "  Op0: T0Response",
      "  Op1: T1Response",
      "  Op2: T2Response",
      "  … 2 more (--verbose lists all)",
    ]);
    const all = formatWarnings(diags, { verbose: true });
    expect(all.filter((l) => l.startsWith("  Op"))).toHaveLength(5);
    expect(all.join("\n")).not.toContain("more");
  });

  it("shows a warning that repeats on many pages (a shared type's) once, with the number of other pages", () => {
    const glued = (page: string): Diagnostic => ({ code: "W_FLAT_SPLIT", detail: 'enum Level: row "NoneNone unit" runs into its description', page });
    const diags: Diagnostic[] = [glued("a/A.txt"), glued("a/B.txt"), glued("a/C.txt"), { code: "W_FLAT_SPLIT", detail: "other", page: "a/A.txt" }, glued("a/D.txt"), { code: "W_FLAT_SPLIT", detail: "twice", page: "a/E.txt" }, { code: "W_FLAT_SPLIT", detail: "twice", page: "a/E.txt" }];
    expect(formatWarnings(diags, { examples: 2 })).toEqual([
      "warning W_FLAT_SPLIT ×7: " + DIAGNOSTIC_CODES.W_FLAT_SPLIT,
      '  A.txt: enum Level: row "NoneNone unit" runs into its description (and 3 other pages)',
      "  A.txt: other",
      "  … 2 more (--verbose lists all)",
    ]);
    expect(formatWarnings(diags).slice(-1)).toEqual(["  E.txt: twice (×2)"]);
    expect(formatWarnings(diags, { verbose: true })).toHaveLength(8);
  });
});
