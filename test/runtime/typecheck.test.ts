// The runtime is copied verbatim into users' projects, so it must compile under their strictest settings,
// and in a browser-only (DOM) or Node-only (@types/node) lib.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const tsc = join(root, "node_modules/.bin/tsc");
const base = ["--noEmit", "--ignoreConfig", "--strict", "--target", "ES2022", "templates/runtime.ts"];

function check(flags: string[]): string {
  try {
    execFileSync(tsc, [...base, ...flags], { cwd: root, encoding: "utf8", stdio: "pipe" });
    return "";
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return (err.stdout || err.stderr || err.message).trim();
  }
}

describe("templates/runtime.ts type-checks", () => {
  it("with --strict and the DOM lib", () => {
    expect(check(["--lib", "ES2022,DOM"])).toBe("");
  });

  it("with Node types only", () => {
    expect(check(["--lib", "ES2022", "--types", "node"])).toBe("");
  });

  it("under the strictest optional flags", () => {
    const strictest = [
      "--lib", "ES2022,DOM", "--module", "nodenext", "--declaration", "--isolatedDeclarations",
      "--noUnusedLocals", "--noUnusedParameters", "--exactOptionalPropertyTypes", "--noImplicitReturns",
      "--noUncheckedIndexedAccess", "--noPropertyAccessFromIndexSignature", "--erasableSyntaxOnly",
      "--verbatimModuleSyntax", "--noImplicitOverride",
    ];
    expect(check(strictest)).toBe("");
  });
});
