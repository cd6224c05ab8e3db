// The real CLI (node dist/cli.js) against a local fault-injecting server. Every fault has an
// asserted outcome: retried and succeeded, or a clear error naming the page and untouched output.

import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { codeViewUrl } from "../../src/source/crawl.js";
import { parseIndexPage } from "../../src/parse/index-page.js";
import { startFaultServer, type FaultServer } from "./fault-server.js";
import type { OpSpec } from "./pages.js";
import { NEUTRAL_CWD, ROOT, ensureBuilt, runCli } from "./run-cli.js";

const OPS: OpSpec[] = [
  {
    name: "CreateOrder",
    tags: ["orders"],
    props: [
      { name: "CustomerId", type: "int", required: true },
      { name: "Qty", type: "int" },
    ],
    response: [{ name: "Id", type: "long" }],
  },
  { name: "GetOrder", tags: ["orders"], props: [{ name: "OrderId", type: "int" }], response: [{ name: "Total", type: "decimal" }] },
  { name: "GetCustomer", tags: ["customers"], props: [{ name: "Email", type: "string" }] },
];

let server: FaultServer;
let away: FaultServer;
let work: string;
let counter = 0;

beforeAll(async () => {
  await ensureBuilt();
  away = await startFaultServer([]);
  server = await startFaultServer(structuredClone(OPS), away.origin);
  work = await mkdtemp(path.join(tmpdir(), "ssgen-cli-"));
});

afterAll(async () => {
  await rm(NEUTRAL_CWD, { recursive: true, force: true });
  await server?.close();
  await away?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

beforeEach(() => {
  server.reset();
  away.reset();
  server.ops = structuredClone(OPS);
});

function freshDir(name: string): string {
  return path.join(work, `${name}-${++counter}`);
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else out[path.relative(dir, full)] = `${(await stat(full)).mtimeMs}:${await readFile(full, "utf8")}`;
    }
  };
  await walk(dir);
  return out;
}

async function allOutput(dir: string): Promise<string> {
  return Object.values(await snapshot(dir)).join("\n");
}

/** A folder holding a good previous run plus a file of the user's. */
async function previousOutput(): Promise<string> {
  const out = freshDir("prev");
  const r = await runCli(["generate", "--url", server.origin, "--out", out, "--quiet"]);
  expect(r.code, r.stderr).toBe(0);
  await writeFile(path.join(out, "NOTES.md"), "mine");
  server.reset();
  return out;
}

const fast = ["--timeout", "300", "--retries", "1"];

describe("generate from a server", () => {
  it("crawls the index and every op page, writes the client and prints a summary line", async () => {
    const out = freshDir("crawl");
    const r = await runCli(["generate", "--url", server.origin, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const files = await readdir(out);
    expect(files).toEqual(expect.arrayContaining(["dtos.ts", ".ssgen-manifest.json"]));
    const dtos = await readFile(path.join(out, "dtos.ts"), "utf8");
    expect(dtos).toContain("class CreateOrder");
    expect(dtos).toContain("class GetCustomer");
    expect(dtos).toContain(server.origin);
    const last = r.stderr.trim().split("\n").at(-1)!;
    expect(last).toMatch(/^ssgen: 3 operations, \d+ types from metadata pages, \d+ files written, \d+ warnings?, \d+ ms$/);
    // stderr is not a TTY here: plain progress lines instead of a bar.
    expect(r.stderr).toContain("fetching 3 pages\n");
    expect(r.stderr).toContain("fetched 3/3 pages\n");
    expect(r.stdout).toBe("");
    const urls = server.requests.map((q) => q.url).sort();
    // --from auto asks for /types/metadata once first; this server has none, so the pages are read
    expect(urls).toEqual(["/json/metadata?op=CreateOrder", "/json/metadata?op=GetCustomer", "/json/metadata?op=GetOrder", "/metadata", "/types/metadata"]);
    expect(r.stderr).toContain(`info: ${server.origin}/types/metadata: not used (E_HTTP HTTP 404`);
  });

  it("fetches just the page for an op page URL", async () => {
    const out = freshDir("one");
    const r = await runCli(["generate", "--url", `${server.origin}/json/metadata?op=GetOrder`, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests.map((q) => q.url)).toEqual(["/json/metadata?op=GetOrder"]);
    expect(r.stderr).toMatch(/ssgen: 1 operation,/);
  });

  it("filters by tag and name before fetching", async () => {
    const out = freshDir("filter");
    const r = await runCli(["generate", "--url", server.origin, "--out", out, "--include", "tag:orders", "--exclude", "Get*"]);
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests.map((q) => q.url).sort()).toEqual(["/json/metadata?op=CreateOrder", "/metadata", "/types/metadata"]);
    const dtos = await readFile(path.join(out, "dtos.ts"), "utf8");
    expect(dtos).toContain("class CreateOrder");
    expect(dtos).not.toContain("class GetOrder");
  });

  it("keeps files it did not generate", async () => {
    const out = await previousOutput();
    const r = await runCli(["generate", "--url", server.origin, "--out", out, "--enums", "union"]);
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(path.join(out, "NOTES.md"), "utf8")).toBe("mine");
  });
});

describe("generate from the fixture index", () => {
  it("crawls fixtures/index/metadata.html, rebasing its foreign links onto the server's origin", async () => {
    const fixtures = path.join(ROOT, "fixtures");
    const pages = new Map<string, string>();
    for (const file of (await readdir(path.join(fixtures, "pages"))).filter((f) => f.endsWith(".html"))) {
      const html = await readFile(path.join(fixtures, "pages", file), "utf8");
      const name = /<h2>([^<]+)<\/h2>/.exec(html)?.[1];
      if (name && !pages.has(name)) pages.set(name, html);
    }
    const index = await readFile(path.join(fixtures, "index", "metadata.html"), "utf8");
    const listed = parseIndexPage(index, "http://placeholder.test/metadata").operations;
    const fixtureServer = await startFaultServer(listed.map((op) => ({ name: op.name })));
    try {
      fixtureServer.index = index;
      // each op page, and the ?lang=typescript code view of those that link it (spec §2.9)
      const expected = listed.flatMap((op) => {
        const u = new URL(op.pageUrl);
        const view = codeViewUrl(`http://x${u.pathname}${u.search}`, pages.get(op.name) ?? "");
        return [u.pathname + u.search, ...(view ? [new URL(view).pathname + new URL(view).search] : [])];
      });
      for (const [name, html] of pages) fixtureServer.pages.set(name, html);
      const out = freshDir("fixture-index");
      const r = await runCli(["generate", "--url", fixtureServer.origin, "--out", out]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`ssgen: ${listed.length} operations`));
      expect(r.stderr).toContain("W_REBASED_LINK");
      const fetched = fixtureServer.requests.map((q) => q.url).filter((u) => u.includes("op="));
      expect(fetched.sort()).toEqual(expected.sort());
      expect(expected).toContain("/xml/metadata?op=UpsertProduct"); // its JSON column is hidden
    } finally {
      await fixtureServer.close();
    }
  });
});

describe("faults that are retried and succeed", () => {
  it("waits for a slow page", async () => {
    server.faults.set("GetOrder", "slow");
    const r = await runCli(["generate", "--url", server.origin, "--out", freshDir("slow")]);
    expect(r.code, r.stderr).toBe(0);
  });

  it("retries a 500 once", async () => {
    server.faults.set("GetOrder", "500-once");
    const r = await runCli(["generate", "--url", server.origin, "--out", freshDir("500")]);
    expect(r.code, r.stderr).toBe(0);
    expect(server.hits("/json/metadata?op=GetOrder")).toBe(2);
  });

  it("honours Retry-After on a 429", async () => {
    server.faults.set("CreateOrder", "429-once");
    const r = await runCli(["generate", "--url", server.origin, "--out", freshDir("429")]);
    expect(r.code, r.stderr).toBe(0);
    expect(server.hits("/json/metadata?op=CreateOrder")).toBe(2);
    expect(r.ms).toBeGreaterThanOrEqual(1000);
  });
});

describe("faults that fail the run and leave the output untouched", () => {
  const cases: { fault: Parameters<FaultServer["faults"]["set"]>[1]; code: number; message: RegExp; flags?: string[] }[] = [
    { fault: "hang", code: 3, message: /GetOrder: E_TIMEOUT no complete response within 300 ms \(gave up after 2 attempts\)/ },
    { fault: "truncated", code: 3, message: /GetOrder: E_NETWORK connection closed before the response was complete/ },
    { fault: "redirect-away", code: 3, message: /GetOrder: E_ORIGIN redirect to another origin \(http:\/\/127\.0\.0\.1:\d+\) refused/ },
    // the size cap must trip before the timeout, however loaded the machine: a long timeout here
    { fault: "huge", code: 3, message: /GetOrder: E_TOO_LARGE page larger than the 10 MB cap/, flags: ["--timeout", "30000", "--retries", "1"] },
    { fault: "not-metadata", code: 4, message: /GetOrder: E_NOT_METADATA/ },
    { fault: "forbidden", code: 3, message: /GetOrder: E_ACCESS HTTP 403 Forbidden: Metadata Not Available/ },
  ];
  for (const c of cases) {
    it(`${c.fault}: exit ${c.code} naming the page`, async () => {
      const out = await previousOutput();
      const before = await snapshot(out);
      server.faults.set("GetOrder", c.fault);
      const r = await runCli(["generate", "--url", server.origin, "--out", out, ...(c.flags ?? fast)]);
      expect(r.code, r.stderr).toBe(c.code);
      expect(r.stderr).toMatch(c.message);
      expect(r.stderr).toContain(`${server.origin}/json/metadata?op=GetOrder`);
      expect(r.stderr).toContain("nothing was written");
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
      expect(await snapshot(out)).toEqual(before);
      expect(await readdir(path.dirname(out))).not.toContain(expect.stringMatching(/ssgen-tmp/));
    });
  }

  it("never requests the other host a redirect points to", async () => {
    server.faults.set("GetOrder", "redirect-away");
    await runCli(["generate", "--url", server.origin, "--out", freshDir("away")]);
    expect(away.requests).toEqual([]);
  });

  it("fails with exit 4 when the index is not a metadata page", async () => {
    server.indexFault = "not-metadata";
    const out = freshDir("badindex");
    const r = await runCli(["generate", "--url", server.origin, "--out", out]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`${server.origin}/metadata: E_NOT_METADATA`);
    await expect(stat(out)).rejects.toThrow();
  });

  it("--allow-partial writes what succeeded and lists what did not", async () => {
    server.faults.set("GetOrder", "hang");
    const out = freshDir("partial");
    const r = await runCli(["generate", "--url", server.origin, "--out", out, "--allow-partial", ...fast]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/failed: .*op=GetOrder: E_TIMEOUT/);
    expect(r.stderr).toMatch(/ssgen: 2 operations, .*1 page failed/);
    const dtos = await readFile(path.join(out, "dtos.ts"), "utf8");
    expect(dtos).toContain("class CreateOrder");
    expect(dtos).not.toContain("class GetOrder ");
  });
});

describe("protected metadata and secrets", () => {
  it("sends --header values, and never prints or writes them", async () => {
    const secret = "hdr-secret-4711";
    server.requireHeader = { name: "x-api-key", value: secret };
    const denied = await runCli(["generate", "--url", server.origin, "--out", freshDir("denied")]);
    expect(denied.code).toBe(3);
    expect(denied.stderr).toContain("HTTP 401");
    expect(denied.stderr).toContain("--header");

    const out = freshDir("hdr");
    const r = await runCli(["generate", "--url", server.origin, "--out", out, "--header", `X-Api-Key: ${secret}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(secret);
    expect(await allOutput(out)).not.toContain(secret);
  });

  it("reads a bearer token from --bearer-env", async () => {
    const token = "tok-secret-0815";
    server.requireHeader = { name: "authorization", value: `Bearer ${token}` };
    const out = freshDir("bearer");
    const r = await runCli(["generate", "--url", server.origin, "--out", out, "--bearer-env", "MY_TOKEN"], { env: { MY_TOKEN: token } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(token);
    expect(await allOutput(out)).not.toContain(token);
    const missing = await runCli(["generate", "--url", server.origin, "--bearer-env", "NOT_SET_ANYWHERE"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("NOT_SET_ANYWHERE is not set");
  });

  it("turns URL credentials into Basic auth and keeps them out of output and headers", async () => {
    server.requireHeader = { name: "authorization", value: "Basic " + Buffer.from("me:pw-secret-99").toString("base64") };
    const out = freshDir("userinfo");
    const url = server.origin.replace("http://", "http://me:pw-secret-99@") + "/?apikey=query-secret-1";
    const r = await runCli(["generate", "--url", url, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const written = await allOutput(out);
    expect(written).not.toContain("pw-secret-99");
    expect(written).not.toContain("query-secret-1");
    expect(r.stdout + r.stderr).not.toContain("pw-secret-99");
  });
});

describe("page cache", () => {
  it("revalidates with If-None-Match on the second run and produces the same output", async () => {
    const cache = freshDir("cache");
    const secret = "cache-secret-31337";
    const args = ["generate", "--url", server.origin, "--cache", cache, "--header", `X-Api-Key: ${secret}`, "--quiet"];
    const first = freshDir("cached1");
    expect((await runCli([...args, "--out", first])).code).toBe(0);
    expect(server.requests.every((q) => q.headers["if-none-match"] === undefined)).toBe(true);
    server.reset();
    const second = freshDir("cached2");
    const r = await runCli([...args, "--out", second]);
    expect(r.code, r.stderr).toBe(0);
    const pageRequests = server.requests.filter((q) => q.url.includes("op="));
    expect(pageRequests).toHaveLength(3);
    expect(pageRequests.every((q) => typeof q.headers["if-none-match"] === "string")).toBe(true);
    expect(await readFile(path.join(second, "dtos.ts"), "utf8")).toBe(await readFile(path.join(first, "dtos.ts"), "utf8"));
    expect(await allOutput(cache)).not.toContain(secret);
  });
});

describe("check", () => {
  it("exits 0 when up to date and 1 with a readable summary after the API changed", async () => {
    const out = freshDir("check");
    expect((await runCli(["generate", "--url", server.origin, "--out", out, "--quiet"])).code).toBe(0);
    const same = await runCli(["check", "--url", server.origin, "--out", out, "--quiet"]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain("is up to date");

    const before = await snapshot(out);
    const create = server.ops.find((o) => o.name === "CreateOrder")!;
    create.props = [
      { name: "CustomerId", type: "int", required: true },
      { name: "Qty", type: "long" },
      { name: "Note", type: "string" },
    ];
    server.ops.push({ name: "DeleteOrder", props: [{ name: "OrderId", type: "int" }] });
    const drift = await runCli(["check", "--url", server.origin, "--out", out, "--quiet"]);
    expect(drift.code, drift.stderr).toBe(1);
    expect(drift.stdout).toContain("is out of date");
    expect(drift.stdout).toMatch(/operations:\n {2}\+ DeleteOrder/);
    expect(drift.stdout).toMatch(/~ CreateOrder\n(\s+.*\n)*\s+\+ Note: string/);
    expect(drift.stdout).toMatch(/Qty: int -> long/);
    expect(drift.stdout).toMatch(/~ dtos\.ts \(\+\d+ -\d+ lines\)/);
    expect(await snapshot(out)).toEqual(before);
  });
});

describe("inputs, config and usage", () => {
  it("inspect --dump of a fixture page prints the page's canonical dump", async () => {
    const r = await runCli(["inspect", "--input", "fixtures/pages/create-order.html", "--dump", "--quiet"], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    const expected = await readFile(path.join(ROOT, "fixtures/pages/create-order.html.dump"), "utf8");
    expect(r.stdout.trim()).toBe(expected.trim());
  });

  it("inspect --json prints the API model with its pages", async () => {
    const r = await runCli(["inspect", "--input", "fixtures/pages/create-order.html", "--json", "--quiet"], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.operations.map((o: { name: string }) => o.name)).toEqual(["CreateOrder"]);
    expect(json.pages).toHaveLength(1);
    expect(json.pages[0].operation).toBe("CreateOrder");
    expect(json.types.map((t: { name: string }) => t.name)).toContain("LineItem");
  });

  it("inspect --json lists every warning the grouped stderr counts, under diagnostics", async () => {
    const r = await runCli(["inspect", "--input", "fixtures/pages", "--allow-partial", "--json"], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    const printed = Object.fromEntries([...r.stderr.matchAll(/^warning (W_\w+) ×(\d+):/gm)].map((m) => [m[1]!, Number(m[2])]));
    const listed: Record<string, number> = {};
    for (const d of JSON.parse(r.stdout).diagnostics as { code: string }[]) listed[d.code] = (listed[d.code] ?? 0) + 1;
    expect(Object.keys(printed).length).toBeGreaterThan(5);
    expect(listed).toEqual(printed);
  });

  it("inspect prints a readable summary by default and warnings on stderr unless --quiet", async () => {
    const r = await runCli(["inspect", "--input", "fixtures/pages/seed-cognito.txt"], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("CognitoSendConfirmCodeRequest");
    expect(r.stderr).toContain("warning W_OP_NAME_GUESSED ×1: ");
    expect(r.stderr).toContain("\n  seed-cognito.txt: from route /CognitoSendConfirmCodeRequest\n");
    const quiet = await runCli(["inspect", "--input", "fixtures/pages/seed-cognito.txt", "--quiet"], { cwd: ROOT });
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toBe(r.stdout);
  });

  it("warnings are grouped by code with a count and three examples; --verbose prints every one", async () => {
    const args = ["inspect", "--input", "fixtures/pages", "--allow-partial"];
    const short = await runCli(args, { cwd: ROOT });
    const all = await runCli([...args, "--verbose"], { cwd: ROOT });
    const group = (stderr: string) => {
      const lines = stderr.split("\n");
      const at = lines.findIndex((l) => l.startsWith("warning W_NAME_INFERRED ×"));
      const count = Number(/×(\d+)/.exec(lines[at]!)![1]);
      const examples = lines.slice(at + 1).findIndex((l) => !l.startsWith("  "));
      return { count, examples: lines.slice(at + 1, at + 1 + examples) };
    };
    const s = group(short.stderr);
    const v = group(all.stderr);
    expect(s.count).toBeGreaterThan(3);
    expect(s.examples).toHaveLength(4);
    expect(s.examples[3]).toContain(`${s.count - 3} more (--verbose lists all)`);
    expect(v.examples).toHaveLength(v.count);
    // short page names, never full paths
    expect(s.examples[0]).not.toContain("fixtures/pages/");
  });

  it("exit 3 for a missing input, exit 4 for a file that is not a metadata page", async () => {
    const missing = await runCli(["generate", "--input", "nope/missing.html", "--out", freshDir("x")]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("nope/missing.html: E_INPUT no such file or folder");
    const dir = freshDir("notmeta");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "page.html"), "<html><body><p>hello</p></body></html>");
    const bad = await runCli(["generate", "--input", "page.html", "--out", "out"], { cwd: dir });
    expect(bad.code).toBe(4);
    expect(bad.stderr).toContain("page.html: E_NOT_METADATA");
    await expect(stat(path.join(dir, "out"))).rejects.toThrow();
  });

  it("exit 2 for bad flags, bad values and bad config", async () => {
    const dir = freshDir("cfg");
    await mkdir(dir, { recursive: true });
    const unknownFlag = await runCli(["generate", "--input", "x", "--colour"], { cwd: dir });
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/Unknown argument/i);
    const badChoice = await runCli(["generate", "--input", "x", "--enums", "bogus"], { cwd: dir });
    expect(badChoice.code).toBe(2);
    const noSource = await runCli(["generate"], { cwd: dir });
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toContain("no source");
    const badNumber = await runCli(["generate", "--input", "x", "--concurrency", "0"], { cwd: dir });
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toContain("--concurrency must be an integer >= 1");

    await writeFile(path.join(dir, "ssgen.config.json"), JSON.stringify({ input: ["x"], outDir: "y" }));
    const unknownKey = await runCli(["generate"], { cwd: dir });
    expect(unknownKey.code).toBe(2);
    expect(unknownKey.stderr).toContain('ssgen.config.json: unknown option "outDir"');
    await writeFile(path.join(dir, "ssgen.config.json"), JSON.stringify({ input: ["x"], retries: "3" }));
    const wrongType = await runCli(["generate"], { cwd: dir });
    expect(wrongType.code).toBe(2);
    expect(wrongType.stderr).toContain('"retries" must be an integer >= 0, got "3"');
  });

  it("the bundled job's committed generated/ matches what ssgen.config.json generates (npm run generate)", async () => {
    const r = await runCli(["check", "--config", "ssgen.config.json", "--quiet"], { cwd: ROOT });
    expect(r.stdout + r.stderr, "generated/ is stale: run npm run generate and commit generated/").toContain("generated is up to date");
    expect(r.code).toBe(0);
  });

  it("--help on each command shows examples and the exit codes", async () => {
    for (const command of ["generate", "check", "inspect"]) {
      const r = await runCli([command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Examples:");
      expect(r.stdout).toContain("Exit codes:");
      expect(r.stdout).toContain("4  parse error");
    }
  });

  it("the README prebuild recipe: npm run build runs ssgen generate from ssgen.config.json", async () => {
    const project = freshDir("prebuild");
    await mkdir(path.join(project, "node_modules", ".bin"), { recursive: true });
    await cp(path.join(ROOT, "fixtures", "pages"), path.join(project, "pages"), { recursive: true });
    await writeFile(
      path.join(project, "package.json"),
      JSON.stringify({
        name: "consumer",
        private: true,
        scripts: { prebuild: "ssgen generate", build: "node -e \"require('fs').statSync('src/api/dtos.ts')\"" },
      }),
    );
    await writeFile(path.join(project, "ssgen.config.json"), JSON.stringify({ input: ["pages/*.html"], out: "src/api", quiet: true }));
    // The installed bin, called by path: no npm link, no registry.
    const shim = path.join(project, "node_modules", ".bin", "ssgen");
    await writeFile(shim, `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, "dist", "cli.js")}" "$@"\n`, { mode: 0o755 });
    const { spawn } = await import("node:child_process");
    const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn("npm", ["run", "build", "--silent"], {
        cwd: project,
        env: { ...process.env, npm_config_offline: "true", npm_config_update_notifier: "false" },
      });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      child.on("close", (code) => resolve({ code, output }));
    });
    expect(result.code, result.output).toBe(0);
    const dtos = await readFile(path.join(project, "src", "api", "dtos.ts"), "utf8");
    expect(dtos).toContain("class CreateOrder");
    expect(dtos).toContain("pages/*.html");
  });
});
