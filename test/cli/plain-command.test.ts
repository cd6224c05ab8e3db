// The unchanged-run answer reads a plain command line itself (plainCommand, src/cli-unchanged.ts)
// instead of loading yargs: whatever it reads must be what yargs, given the same option table,
// reads, and whatever yargs rejects it must decline.
import fc from "fast-check";
import yargs from "yargs";
import { describe, expect, it } from "vitest";
import { tableOptions } from "../../src/cli-commands.js";
import { plainCommand } from "../../src/cli-unchanged.js";
import { OPTIONS, OPTION_NAMES, flagName, type OptionSpec } from "../../src/options.js";

/**
 * What yargs reads for `generate`/`check` (as cli-commands.ts configures it), before the table's
 * validation (which both paths run on what they read), or "rejected".
 */
function yargsRead(argv: string[]): { flags: Record<string, unknown>; diff: boolean } | "rejected" {
  const [command, ...rest] = argv;
  if (command !== "generate" && command !== "check") return "rejected";
  let y = tableOptions(yargs(rest), command);
  if (command === "check") y = y.option("diff", { type: "boolean" });
  try {
    const parsed = y
      .strict()
      .help(false)
      .version(false)
      .fail((message, error) => {
        throw error ?? new Error(message);
      })
      .parseSync() as Record<string, unknown>;
    if ((parsed._ as unknown[]).length) return "rejected";
    const flags: Record<string, unknown> = {};
    for (const name of OPTION_NAMES) if (parsed[flagName(name)] !== undefined) flags[name] = parsed[flagName(name)];
    return { flags, diff: parsed.diff === true };
  } catch {
    return "rejected";
  }
}

const names = OPTION_NAMES.filter((n) => n !== "watch");
const value = fc.oneof(
  fc.constantFrom("8", "0", "08", "1e3", "-1", "true", "false", "union", "enum", "Date", "pages", "x", "a b", "'q'", '"q"', "", "--x", "src/api", "https://h/x"),
  fc.stringMatching(/^[a-z0-9./]{1,6}$/),
);
const token = fc.oneof(
  fc.constantFrom(...names).chain((n): fc.Arbitrary<string[]> => {
    const spec = OPTIONS[n] as OptionSpec;
    const flag = `--${flagName(n)}`;
    return spec.type === "boolean"
      ? fc.constantFrom<string[]>([flag], [`--no-${flagName(n)}`], [`${flag}=false`], [flag, "true"])
      : fc.oneof(
          value.map((v) => [flag, v]),
          value.map((v) => [`${flag}=${v}`]),
          fc.tuple(value, value).map(([a, b]) => [flag, a, b]),
          fc.constant<string[]>([flag]),
          fc.constant<string[]>([`--no-${flagName(n)}`]),
        );
  }),
  fc.constantFrom<string[]>(["--diff"], ["--help"], ["-h"], ["--version"], ["--"], ["--watch"], ["--maxPageMb", "3"], ["--unknown"], ["positional"], ["-q"]),
);
const commandLine = fc.tuple(fc.constantFrom("generate", "check", "inspect"), fc.array(token, { maxLength: 6 })).map(([c, ts]): string[] => [c, ...ts.flat()]);

describe("plainCommand", () => {
  it("reads what yargs reads, or declines; it never accepts what yargs rejects", () => {
    let read = 0;
    fc.assert(
      fc.property(commandLine, (argv) => {
        const plain = plainCommand(argv);
        if (plain === undefined) return;
        read++;
        const expected = yargsRead(argv);
        expect(expected, argv.join(" ")).not.toBe("rejected");
        expect({ flags: plain.flags, diff: plain.diff }, argv.join(" ")).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(300); // the property judged plain lines, not only declines
  });

  it("reads the usual forms", () => {
    expect(plainCommand(["generate", "--input", "a", "b", "--out=src/api", "--no-format", "--concurrency", "4", "--enums", "union"])).toEqual({
      command: "generate",
      flags: { input: ["a", "b"], out: "src/api", format: false, concurrency: 4, enums: "union" },
      diff: false,
    });
    expect(plainCommand(["check", "--diff", "--quiet"])).toEqual({ command: "check", flags: { quiet: true }, diff: true });
    for (const argv of [["generate", "--watch"], ["generate", "--quiet=true"], ["update"], ["generate", "--enums", "nope"], ["generate", "--out", "a", "--out", "b"]]) {
      expect(plainCommand(argv), argv.join(" ")).toBeUndefined();
    }
  });
});
