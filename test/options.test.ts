// The one option table (src/options.ts) is what yargs, the config validator and the resolved
// options are made of: an entry added there must reach all three without further edits.
import { describe, expect, it } from "vitest";
import { CONFIG_KEYS, OPTIONS, OPTION_NAMES, flagName, headerOptions, type OptionSpec } from "../src/options.js";
import { defaultRunOptions, resolveRunOptions, validateConfig } from "../src/source/config.js";
import { ensureBuilt, runCli } from "./cli/run-cli.js";

describe("the option table", () => {
  it("every command's --help lists exactly the table's options for it", async () => {
    await ensureBuilt();
    for (const command of ["generate", "check", "inspect", "update"] as const) {
      const help = (await runCli([command, "--help"])).stdout;
      for (const name of OPTION_NAMES) {
        const spec: OptionSpec = OPTIONS[name];
        const listed = new RegExp(`--${flagName(name)}\\b`).test(help);
        expect(listed, `${command} --help and --${flagName(name)}`).toBe(spec.commands.includes(command));
      }
    }
  }, 60_000);

  it("the config validator accepts every config key with its default and knows no other", () => {
    for (const name of CONFIG_KEYS) {
      const spec: OptionSpec = OPTIONS[name];
      const sample = spec.default ?? (spec.type === "strings" ? ["x"] : "x");
      expect(validateConfig({ [name]: sample }, "c.json")).toEqual({ [name]: sample });
    }
    expect(() => validateConfig({ watch: true }, "c.json")).toThrow('unknown option "watch"');
    expect(() => validateConfig({ optional: "legacyy" }, "c.json")).toThrow("must be one of auto, all, legacy");
  });

  it("the resolved options carry every option's default, emit options under emit", () => {
    const o = defaultRunOptions("/p") as unknown as Record<string, unknown> & { emit: Record<string, unknown> };
    for (const name of OPTION_NAMES) {
      const spec: OptionSpec = OPTIONS[name];
      if (spec.default === undefined || ["out", "timeout", "maxPageMb"].includes(name)) continue;
      expect(spec.emit ? o.emit[name] : o[name], name).toEqual(spec.default);
    }
    const r = resolveRunOptions({
      flags: { importExtension: "ts", verbose: true },
      loaded: { config: { input: ["pages"], codeViews: false, from: "pages" }, dir: "/c" },
      cwd: "/w",
      env: {},
    });
    expect(r).toMatchObject({ verbose: true, codeViews: false, from: "pages", emit: { importExtension: "ts" } });
  });

  it("the header records only non-default options that change the output", () => {
    expect(headerOptions({ enums: "union", verbose: true, concurrency: 2, include: ["tag:a"], exclude: [], codeViews: false })).toEqual({
      enums: "union",
      include: ["tag:a"],
      codeViews: false,
    });
  });

  it("a non-number for an integer flag is a usage error naming the flag", async () => {
    const r = await runCli(["generate", "--input", "x.html", "--concurrency", "eight"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--concurrency must be an integer >= 1, got "eight"');
    expect(r.stderr).not.toContain("NaN");
  });
});
