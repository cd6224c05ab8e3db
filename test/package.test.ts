// The package as npm users get it: `npm pack` (prepack builds) from a copy of the repo, installed in a
// fresh folder; then `npx ssgen --help`/`--version`, the README's quick start run unchanged against a
// ServiceStack look-alike on http://localhost:5000, the programmatic API (typed) and a prebuild.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFaultServer, type FaultServer } from "./cli/fault-server.js";
import { ROOT } from "./cli/run-cli.js";

const exec = promisify(execFile);
const README = await readFile(path.join(ROOT, "README.md"), "utf8");
const VERSION = (JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const npmEnv = { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", NO_COLOR: "1" };

let work: string;
let tarball: string;
let app: string;
let server: FaultServer | undefined;

/** The fixed port the README's examples use; another test run may hold it for a while. */
async function serveOn5000(): Promise<FaultServer> {
  const ops = [{ name: "CreateOrder", props: [{ name: "CustomerId", type: "int", required: true }] }, { name: "GetOrder", tags: ["orders"] }];
  for (let attempt = 0; ; attempt++) {
    try {
      return await startFaultServer(ops, undefined, 5000);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt >= 120) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

function section(title: string): string {
  const at = README.indexOf(`## ${title}\n`);
  expect(at, `README has "## ${title}"`).toBeGreaterThan(-1);
  const rest = README.slice(at + title.length + 4);
  return rest.slice(0, rest.search(/\n## /) === -1 ? undefined : rest.search(/\n## /));
}

const block = (text: string, lang: string) => new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(text)?.[1] ?? "";

async function sh(command: string, cwd: string, env: Record<string, string | undefined> = npmEnv) {
  try {
    const r = await exec("sh", ["-c", command], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ssgen-pack-"));
  // pack from a copy: prepack rebuilds dist/, which other tests are using in the repo itself
  const copy = path.join(work, "repo");
  await mkdir(copy);
  for (const f of ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "README.md", "LICENSE", "src", "templates"]) {
    await cp(path.join(ROOT, f), path.join(copy, f), { recursive: true });
  }
  await symlink(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"));
  const packed = await sh(`npm pack --silent --pack-destination "${work}"`, copy);
  expect(packed.code, packed.stderr).toBe(0);
  tarball = path.join(work, packed.stdout.trim().split("\n").pop()!);

  app = path.join(work, "app");
  await mkdir(app);
  await writeFile(path.join(app, "package.json"), JSON.stringify({ name: "my-app", version: "3.2.1", private: true, type: "module" }, null, 2));
  const installed = await sh(`npm install --save-dev --prefer-offline --no-audit --no-fund "${tarball}"`, app);
  expect(installed.code, installed.stderr).toBe(0);
  server = await serveOn5000();
}, 600_000);

afterAll(async () => {
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

describe("the npm package", () => {
  it("ships dist (with typings, without source maps), templates, LICENSE and README, and nothing else", async () => {
    const { stdout } = await exec("tar", ["tzf", tarball]);
    const files = stdout.trim().split("\n").map((f) => f.replace(/^package\//, ""));
    expect(files).toEqual(expect.arrayContaining(["dist/cli.js", "dist/index.js", "dist/index.d.ts", "templates/runtime.ts", "LICENSE", "README.md", "package.json"]));
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(files.filter((f) => !/^(dist\/|templates\/|LICENSE$|README\.md$|package\.json$)/.test(f))).toEqual([]);
    expect(README).not.toMatch(/\.\.\/shared|see the issue/);
  });

  it("npx ssgen --help and --version (ssgen's own, not the app's)", async () => {
    const help = await sh("npx ssgen --help", app);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/generate[\s\S]*check[\s\S]*inspect/);
    const version = await sh("npx ssgen --version", app);
    expect(version.stdout.trim()).toBe(VERSION);
  });

  it("the README's quick start, unchanged", async () => {
    const quick = section("Quick start");
    const lines = block(quick, "sh").split("\n").filter((l) => l.trim() && !l.startsWith("npm install"));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      const r = await sh(line, app);
      expect(r.code, `${line}\n${r.stderr}`).toBe(0);
    }
    expect(await readFile(path.join(app, "src", "api", "dtos.ts"), "utf8")).toContain("export class CreateOrder");
    // the TypeScript lines compile against what the commands wrote, with the README's minimum lib
    await writeFile(path.join(app, "src", "main.ts"), block(quick, "ts"));
    const tsc = path.join(ROOT, "node_modules", ".bin", "tsc");
    const r = await sh(`"${tsc}" --ignoreConfig --noEmit --strict --target ES2022 --lib ES2022,DOM --module nodenext --types "" src/main.ts`, app);
    expect(r.code, r.stdout).toBe(0);
  }, 120_000);

  it("the programmatic API: the README's example runs, and its typings type-check", async () => {
    await writeFile(path.join(app, "api.mjs"), block(section("Programmatic API"), "js") + "\nconsole.log(api.operations.length, report.drift);\n");
    const r = await sh("node api.mjs", app);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe("2 false");
    await writeFile(
      path.join(app, "typed.ts"),
      `import { generate, resolveOptions, version, type GenerateResult, type RunOptions } from "ssgen";\n` +
        `const options: RunOptions = resolveOptions({ input: ["pages"], enums: "union" });\n` +
        `const result: GenerateResult = await generate(options);\nconst n: number = result.api.operations.length;\n` +
        `// @ts-expect-error: not a choice of enums\nresolveOptions({ enums: "unions" });\nexport { n, version };\n`,
    );
    const tsc = path.join(ROOT, "node_modules", ".bin", "tsc");
    const typeRoots = path.join(ROOT, "node_modules", "@types");
    const t = await sh(`"${tsc}" --ignoreConfig --noEmit --strict --target ES2022 --module nodenext --typeRoots "${typeRoots}" --types node typed.ts`, app);
    expect(t.code, t.stdout).toBe(0);
  }, 120_000);

  it("a prebuild script runs the installed ssgen from ssgen.config.json", async () => {
    const pkg = JSON.parse(await readFile(path.join(app, "package.json"), "utf8"));
    // the README's recipe, with this machine's tsc
    const recipe = JSON.parse(block(README.slice(README.indexOf("**As a prebuild step**")), "json")) as { scripts: Record<string, string> };
    pkg.scripts = recipe.scripts;
    await writeFile(path.join(app, "package.json"), JSON.stringify(pkg, null, 2));
    await writeFile(path.join(app, "ssgen.config.json"), JSON.stringify({ url: "http://localhost:5000", out: "src/client", include: ["tag:orders"] }));
    await writeFile(path.join(app, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", lib: ["ES2022", "DOM"], module: "nodenext", strict: true, noEmit: true, types: [] }, include: ["src/client"] }));
    const env = { ...npmEnv, PATH: `${path.join(ROOT, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}` };
    const r = await sh("npm run build --silent", app, env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const dtos = await readFile(path.join(app, "src", "client", "dtos.ts"), "utf8");
    expect(dtos).toContain("export class GetOrder");
    expect(dtos).not.toContain("export class CreateOrder");
    expect((await readdir(path.join(app, "src", "client"))).sort()).toEqual([".ssgen-manifest.json", "client.ts", "dtos.ts", "index.ts", "runtime.ts"]);
  }, 120_000);
});
