// The CLI's answer to an unchanged run (src/cli-unchanged.ts): it loads neither yargs nor the
// pipeline, prints exactly what the full unchanged run prints, and declines whenever anything
// changed (a page, an option, a file in --out) or the command line is not plain, so the full run
// notices it.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateService, renderService } from "../helpers/random-service/index.js";
import { plainCommand } from "../../src/cli-unchanged.js";
import { ensureBuilt, runCli } from "./run-cli.js";

let work: string;
let pages: string;
let moduleLog: string;
let register: string;
beforeAll(async () => {
  await ensureBuilt();
  work = await mkdtemp(path.join(tmpdir(), "ssgen-unchanged-cli-"));
  pages = path.join(work, "pages");
  await mkdir(pages);
  // a random service of 40 ops: enough pages for recorded warnings of several codes
  for (const f of renderService(generateService({ seed: 3, ops: 40 }), "html")) await writeFile(path.join(pages, f.path), f.text);
  // a module hook that logs every module the CLI loads
  moduleLog = path.join(work, "modules.log");
  await writeFile(
    path.join(work, "hooks.mjs"),
    `import { appendFileSync } from "node:fs";\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(moduleLog)}, r.url + "\\n"); return r; }\n`,
  );
  register = path.join(work, "register.mjs");
  await writeFile(register, `import { register } from "node:module";\nregister(${JSON.stringify("file://" + path.join(work, "hooks.mjs"))});\n`);
});
afterAll(() => rm(work, { recursive: true, force: true }));

/**
 * Runs the CLI (in `cwd`); `full`: it loaded the parsers (the full run), else it was answered
 * without loading yargs, a parser, the model or the emitter; `yargs`: it loaded yargs, which a plain
 * generate/check command line never does (a full one runs through cli-run.ts).
 */
async function ssgen(args: string[], cwd?: string) {
  await rm(moduleLog, { force: true });
  const r = await runCli(args, { env: { NODE_OPTIONS: `--import=${register}` }, ...(cwd ? { cwd } : {}) });
  const modules = await readFile(moduleLog, "utf8").catch(() => "");
  const yargs = /\/yargs\//.test(modules);
  const pipeline = /\/dist\/(parse|model|emit)\//.test(modules);
  if (plainCommand(args)) expect(yargs, `${args.join(" ")}: a plain command line loaded yargs\n${modules}`).toBe(false);
  else if (!r.stdout.includes("Usage") && !/^\d/.test(r.stdout)) expect(yargs && pipeline, `${args.join(" ")}: not plain, yet not through yargs\n${modules}`).toBe(true);
  return { ...r, full: pipeline, yargs, stderr: r.stderr.replace(/\d+ ms$/gm, "N ms") };
}

describe("the CLI's answer to an unchanged run", () => {
  it("loads no yargs, parser, model or emitter, prints what the full run prints, and notices every change", async () => {
    const out = path.join(work, "out");
    const gen = (...extra: string[]) => ssgen(["generate", "--input", pages, "--out", out, ...extra]);
    const fresh = await gen();
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.full).toBe(true);
    expect(fresh.stderr).toMatch(/^warning W_/m);

    const again = await gen();
    expect(again.code, again.stderr).toBe(0);
    expect(again.full).toBe(false);
    // `--quiet=false` is no plain flag (yargs reads it as false): the full run, answered by api.ts from the record
    const throughYargs = await gen("--quiet=false");
    expect(throughYargs.full).toBe(true);
    expect(again.stderr).toBe(throughYargs.stderr);
    expect(again.stderr).toContain("0 files written (4 unchanged)");
    const warnings = (s: string) => s.split("\n").filter((l) => !/^ssgen: /.test(l));
    expect(warnings(again.stderr)).toEqual(warnings(fresh.stderr));

    const verbose = await gen("--verbose");
    expect(verbose.full).toBe(false);
    expect(verbose.stderr).toBe((await gen("--verbose", "--quiet=false")).stderr);
    expect(verbose.stderr).toMatch(/^ssgen: {3}reading sources: N ms$/m);
    expect((await gen("--quiet")).stderr).toBe("");

    const check = await ssgen(["check", "--input", pages, "--out", out, "--diff"]);
    expect(check).toMatchObject({ code: 0, full: false, stdout: expect.stringMatching(/ is up to date\n$/) });
    expect(check.stdout).toBe((await ssgen(["check", "--input", pages, "--out", out, "--diff", "--quiet=false"])).stdout);

    // a changed page: check reports the drift (exit 1), generate writes it
    const page = path.join(pages, (await import("node:fs")).readdirSync(pages)[0]!);
    const html = await readFile(page, "utf8");
    await writeFile(page, html.replace("</table>", "</table>\n"));
    const drift = await ssgen(["check", "--input", pages, "--out", out]);
    expect(drift.full).toBe(true);
    await writeFile(page, html.replace(/<td>(\w+)<\/td>/, "<td>$1Renamed</td>"));
    const renamed = await ssgen(["check", "--input", pages, "--out", out]);
    expect(renamed).toMatchObject({ code: 1, full: true, stdout: expect.stringContaining("out of date") });
    expect((await gen()).full).toBe(true);
    expect((await gen()).full).toBe(false);

    // a changed option
    const union = await gen("--enums", "union");
    expect(union.full).toBe(true);
    expect(union.stderr).not.toContain("0 files written");
    expect((await gen("--enums", "union")).full).toBe(false);

    // a touched output file: check says so, generate runs in full (which keeps a hand edit as the user's)
    const dtos = path.join(out, "dtos.ts");
    const written = await readFile(dtos, "utf8");
    await writeFile(dtos, written + "// mine\n");
    const edited = await ssgen(["check", "--input", pages, "--out", out, "--enums", "union"]);
    expect(edited).toMatchObject({ code: 1, full: true });
    expect((await gen("--enums", "union")).full).toBe(true);
    await writeFile(dtos, written);

    // a missing --out file: the full run writes it again
    await rm(dtos);
    expect((await gen("--enums", "union")).full).toBe(true);
    expect(await readFile(dtos, "utf8")).toBe(written);

    // an edited manifest (the unchanged answer hashes it rather than reading it): the full run rewrites it
    const manifest = path.join(out, ".ssgen-manifest.json");
    const listed = await readFile(manifest, "utf8");
    await writeFile(manifest, listed.replace('"summary": {', '"summary": { "mine": 1,'));
    expect((await gen("--enums", "union")).full).toBe(true);
    expect(await readFile(manifest, "utf8")).toBe(listed);
    expect((await gen("--enums", "union")).full).toBe(false);
  });

  it("reads no page and no output file whose stat is recorded, and still notices a same-size edit with its mtime put back", async () => {
    const dir = path.join(work, "by-stats");
    const own = path.join(dir, "pages");
    await mkdir(own, { recursive: true });
    for (const f of renderService(generateService({ seed: 5, ops: 12 }), "html")) await writeFile(path.join(own, f.path), f.text);
    const out = path.join(dir, "out");
    // a preload that logs every file opened or read synchronously (pages and digests are read so)
    const reads = path.join(dir, "reads.log");
    const preload = path.join(dir, "reads.mjs");
    await writeFile(
      preload,
      `import fs from "node:fs";\nimport { syncBuiltinESMExports } from "node:module";\nconst log = (f) => { if (typeof f === "string") fs.appendFileSync(${JSON.stringify(reads)}, f + "\\n"); };\nfor (const name of ["readFileSync", "openSync"]) { const real = fs[name]; fs[name] = (f, ...rest) => (log(f), real(f, ...rest)); }\nsyncBuiltinESMExports();\n`,
    );
    const gen = async () => {
      await rm(reads, { force: true });
      const r = await runCli(["generate", "--input", own, "--out", out], { env: { NODE_OPTIONS: `--import=${preload}` } });
      expect(r.code, r.stderr).toBe(0);
      return { r, read: (await readFile(reads, "utf8").catch(() => "")).split("\n").filter((f) => f.startsWith(own) || f.startsWith(out)) };
    };
    const fresh = await gen();
    expect(fresh.read.length).toBeGreaterThan(0);
    // the files' stats become trustworthy a moment after their last change (file-digests.ts)
    await new Promise((r) => setTimeout(r, 250));
    // the first unchanged run hashes the just-written output and keeps its stats; the next reads nothing
    expect((await gen()).r.stderr).toContain("0 files written (4 unchanged)");
    const byStats = await gen();
    expect(byStats.r.stderr).toContain("0 files written (4 unchanged)");
    expect(byStats.read).toEqual([]);

    // a same-size edit of a page whose mtime is put back: its ctime moved, so it is read and noticed
    const page = path.join(own, (await import("node:fs")).readdirSync(own).find((f) => f.endsWith(".html"))!);
    const { statSync, utimesSync } = await import("node:fs");
    const before = statSync(page);
    const html = await readFile(page, "utf8");
    const swapped = html.replace(/<td>(\w)(\w)(\w*)<\/td>/, (_, a: string, b: string, rest: string) => `<td>${b}${a}${rest}</td>`);
    expect(swapped).not.toBe(html);
    expect(swapped.length).toBe(html.length);
    await writeFile(page, swapped);
    utimesSync(page, before.atime, before.mtime);
    const check = await ssgen(["check", "--input", own, "--out", out]);
    expect(check).toMatchObject({ code: 1, full: true });
    await writeFile(page, html);
  });

  it("answers every project of a config, or none", async () => {
    const dir = path.join(work, "projects");
    await mkdir(dir);
    const config = { input: [pages], projects: [{ name: "a", out: "a" }, { name: "b", out: "b", enums: "union" }] };
    await writeFile(path.join(dir, "ssgen.config.json"), JSON.stringify(config));
    const run = (...args: string[]) => ssgen(["generate", ...args], dir);
    expect((await run()).full).toBe(true);
    const both = await run();
    expect(both).toMatchObject({ code: 0, full: false });
    expect(both.stderr).toMatch(/^ssgen: project a\n[^]*^ssgen: project b\n/m);
    expect(both.stderr).toBe((await run("--quiet=false")).stderr);
    expect((await run("--project", "b")).full).toBe(false);
    // one project's output touched: the full run takes both
    await writeFile(path.join(dir, "b", "index.ts"), "export {};\n");
    expect((await run()).full).toBe(true);
  });

  it("declines what it does not read plainly, so yargs reports it", async () => {
    for (const args of [["--help"], ["generate", "--help"], ["--version"], ["generate", "-h"], ["generate", "--input"], ["generate", "--out", "x", "extra"], ["generate", "--nope"], ["inspect", "--input", pages]]) {
      expect((await ssgen(args)).yargs, args.join(" ")).toBe(true);
    }
  });
});
