// What a run prints to the end: a stage line for each stage after the crawl (times with --verbose),
// the cursor shown again after Ctrl-C during a crawl on a terminal, and messages that read right.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFaultServer, type FaultServer } from "./fault-server.js";
import { CLI, ROOT, ensureBuilt, runCli } from "./run-cli.js";

let server: FaultServer;
let work: string;
beforeAll(async () => {
  await ensureBuilt();
  server = await startFaultServer([{ name: "GetOrder" }, { name: "Slow" }]);
  work = await mkdtemp(path.join(tmpdir(), "ssgen-msg-"));
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

const PAGE = path.join(ROOT, "fixtures", "pages", "create-order.html");

describe("progress to the end", () => {
  it("prints each stage after the crawl, in order; --verbose adds their times; --quiet nothing", async () => {
    const r = await runCli(["generate", "--input", PAGE, "--out", path.join(work, "a")]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toEqual([
      "ssgen: parsing 1 page",
      "ssgen: emitting TypeScript for 1 operation, 7 types",
      expect.stringMatching(/^ssgen: writing .*a$/),
      expect.stringMatching(/^ssgen: 1 operation, 7 types from metadata pages, 4 files written, 0 warnings, \d+ ms$/),
    ]);
    // a fresh --out: into "a" again nothing changed, and an unchanged run has no stages to show
    const verbose = await runCli(["generate", "--input", PAGE, "--out", path.join(work, "verbose"), "--verbose"]);
    for (const stage of ["reading sources", "parsing 1 page", "emitting TypeScript for 1 operation, 7 types"]) {
      expect(verbose.stderr).toMatch(new RegExp(`ssgen:   ${stage}: \\d+ ms\\n`));
    }
    const quiet = await runCli(["generate", "--input", PAGE, "--out", path.join(work, "a"), "--quiet"]);
    expect(quiet.stderr).toBe("");
  });

  it("one page is `fetching 1 page`", async () => {
    const r = await runCli(["inspect", "--url", `${server.origin}/json/metadata?op=GetOrder`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("fetching 1 page\n");
    expect(r.stderr).not.toContain("1 pages");
  });

  it("Ctrl-C during a crawl on a terminal shows the cursor again", async () => {
    server.faults.set("Slow", "hang");
    // `script` gives the CLI a pseudo-terminal, so the progress bar (which hides the cursor) is used
    const command = `"${process.execPath}" "${CLI}" generate --url ${server.origin} --from pages --out "${path.join(work, "b")}" --timeout 60000`;
    const child = spawn("script", ["-qfec", command, "/dev/null"], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, COLUMNS: "100" } });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    for (let i = 0; i < 300 && !output.includes("\x1b[?25l"); i++) await new Promise((r) => setTimeout(r, 100));
    expect(output, "the bar hid the cursor").toContain("\x1b[?25l");
    child.stdin.write("\x03"); // Ctrl-C, as the terminal sends it
    const code = await closed;
    server.faults.clear();
    expect(output.slice(output.lastIndexOf("\x1b[?25l"))).toContain("\x1b[?25h");
    expect(code).toBe(130);
  }, 60_000);
});

describe("messages", () => {
  it("inspect prints each warning once", async () => {
    const r = await runCli(["inspect", "--input", path.join(ROOT, "fixtures", "pages", "truncated.html")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/W_TRUNCATED/g)).toHaveLength(1);
  });

  it("an unknown command names it and lists the commands", async () => {
    const r = await runCli(["genrate", "--input", PAGE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ssgen: unknown command "genrate" (commands: generate, check, inspect');
  });

  it("a page that is not a metadata page says what it is, not a kind code", async () => {
    server.indexFault = "not-metadata";
    const r = await runCli(["inspect", "--url", `${server.origin}/metadata`, "--from", "pages"]);
    server.indexFault = undefined;
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/is not a ServiceStack \/metadata index page \(found: HTML page without ServiceStack metadata tables/);
  });
});
