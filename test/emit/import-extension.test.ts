// --import-extension: the generated files' relative imports for each module system, checked by the
// tools that enforce them: Deno (runs .ts imports as written, no --sloppy-imports), tsc with
// NodeNext (.js), tsc with bundler resolution (no extension). Plus the documented minimum `lib`.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, ensureBuilt, runCli } from "../cli/run-cli.js";

const run = promisify(execFile);
const TSC = path.join(ROOT, "node_modules", ".bin", "tsc");
const DENO = path.join(ROOT, "node_modules", ".bin", "deno");
const PAGE = path.join(ROOT, "fixtures", "pages", "create-order.html");

let dir: string;
beforeAll(async () => {
  await ensureBuilt();
  dir = await mkdtemp(path.join(tmpdir(), "ssgen-ext-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function generate(name: string, extension: string): Promise<string> {
  const project = path.join(dir, name);
  const r = await runCli(["generate", "--input", PAGE, "--out", path.join(project, "api"), "--import-extension", extension, "--quiet"]);
  expect(r.code, r.stderr).toBe(0);
  return project;
}

/** tsc over the client plus main.ts; "" when it compiles, else tsc's output. */
async function tsc(project: string, flags: string[]): Promise<string> {
  try {
    await run(TSC, ["--ignoreConfig", "--noEmit", "--strict", "--skipLibCheck", "--types", "", ...flags, "main.ts"], { cwd: project });
    return "";
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

const MAIN = (index: string) => `import { ApiClient, CreateOrder, Priority } from "${index}";
const seen: string[] = [];
const client = new ApiClient({
  baseUrl: "https://shop.example.test",
  fetch: async (url: string | URL | Request) => {
    seen.push(String(url));
    return new Response(JSON.stringify({ id: 42 }), { headers: { "content-type": "application/json" } });
  },
});
const res = await client.createOrder({ customerId: 7, priority: Priority.High, items: [] });
console.log(JSON.stringify({ url: seen[0], id: res.id, type: new CreateOrder({ customerId: 1 }).getTypeName() }));
`;

describe("--import-extension", () => {
  it("ts: Deno type-checks and runs the client with no --sloppy-imports", async () => {
    const project = await generate("deno", "ts");
    expect(await readFile(path.join(project, "api", "client.ts"), "utf8")).toContain('from "./runtime.ts"');
    await writeFile(path.join(project, "main.ts"), MAIN("./api/index.ts"));
    const env = { ...process.env, DENO_DIR: path.join(dir, ".deno"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
    const { stdout } = await run(DENO, ["run", "--check", "--no-prompt", "--no-config", "main.ts"], { cwd: project, env });
    expect(JSON.parse(stdout)).toEqual({ url: "https://shop.example.test/customers/7/orders", id: 42, type: "CreateOrder" });
    // tsc accepts it too, with the flag TypeScript needs for .ts specifiers
    expect(await tsc(project, ["--target", "ES2022", "--lib", "ES2022,DOM", "--module", "preserve", "--allowImportingTsExtensions"])).toBe("");
  }, 120_000);

  it("js (default): tsc --module nodenext accepts it; none is rejected there but accepted by bundler resolution", async () => {
    const js = await generate("node", "js");
    await writeFile(path.join(js, "package.json"), '{ "type": "module" }\n');
    await writeFile(path.join(js, "main.ts"), MAIN("./api/index.js"));
    expect(await tsc(js, ["--target", "ES2022", "--lib", "ES2022,DOM", "--module", "nodenext"])).toBe("");

    const none = await generate("bundler", "none");
    expect(await readFile(path.join(none, "api", "index.ts"), "utf8")).toContain('from "./dtos";');
    await writeFile(path.join(none, "package.json"), '{ "type": "module" }\n');
    await writeFile(path.join(none, "main.ts"), MAIN("./api/index"));
    expect(await tsc(none, ["--target", "ES2022", "--lib", "ES2022,DOM", "--module", "nodenext"])).toMatch(/TS2834|TS2835/);
    expect(await tsc(none, ["--target", "ES2022", "--lib", "ES2022,DOM", "--module", "preserve", "--moduleResolution", "bundler"])).toBe("");
  }, 120_000);

  it("the README's minimum lib (ES2022 + DOM, or ES2022 + @types/node) is exactly the minimum", async () => {
    const project = path.join(dir, "node");
    const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
    expect(readme).toContain('"lib": ["ES2022", "DOM"]');
    const at = (lib: string) => tsc(project, ["--target", "ES2022", "--lib", lib, "--module", "nodenext"]);
    expect(await at("ES2022,DOM")).toBe("");
    // one level lower fails: if the runtime stops needing ES2022, lower the README's minimum
    expect(await at("ES2021,DOM")).not.toBe("");
  }, 120_000);
});
