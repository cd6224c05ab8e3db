// Hostile pages and servers against the real CLI (issue 10): escape sequences never reach the
// terminal, an op link serving something else never makes the op vanish, secrets given in the
// wrong shape never appear in the usage error.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFaultServer, type FaultServer } from "./fault-server.js";
import { indexHtml, opPageHtml } from "./pages.js";
import { ROOT, ensureBuilt, runCli } from "./run-cli.js";

// ESC, CSI (7-bit and the one-byte C1 form), OSC, BEL, CR, backspace, bidi override
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let work: string;
let server: FaultServer;
beforeAll(async () => {
  await ensureBuilt();
  work = await mkdtemp(path.join(tmpdir(), "ssgen-hostile-cli-"));
  server = await startFaultServer([
    { name: "CreateOrder", props: [{ name: "Qty", type: "int" }] },
    { name: "GetOrder", props: [{ name: "Id", type: "int" }] },
  ]);
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

describe("terminal output", () => {
  it("page text with escape sequences is printed escaped (inspect, --dump, --json, warnings)", async () => {
    const html = (await readFile(path.join(ROOT, "fixtures/pages/create-order.html"), "utf8"))
      .replace("Creates an order", "Creates \x1b[2J\x1b]0;pwned\x07 an \x9b31m order \u202e\r\b");
    const page = path.join(work, "esc.html");
    await writeFile(page, html);
    for (const flag of ["--dump", "--json", "--verbose-none"]) {
      const args = ["inspect", "--input", page, ...(flag === "--verbose-none" ? [] : [flag])];
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
      if (flag === "--json") expect(JSON.parse(r.stdout).operations[0].description).toContain("\x1b[2J");
    }
  });

  it("an HTTP reason phrase with escape sequences is printed escaped", async () => {
    // node:http refuses to send ESC in a reason phrase; a raw socket sends what a hostile server would
    const evil = net.createServer((socket) => {
      socket.once("data", () => socket.end("HTTP/1.1 500 Oops \x1b[2J\x1b]0;pwned\x07 gone\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
    });
    await new Promise<void>((r) => evil.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/json/metadata?op=X`;
      const r = await runCli(["generate", "--url", url, "--out", path.join(work, "reason"), "--retries", "0"]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain("HTTP 500 Oops \\u001b[2J\\u001b]0;pwned\\u0007 gone");
      expect(r.stderr).not.toMatch(RAW_CONTROL);
    } finally {
      evil.close();
    }
  });
});

describe("an op link that serves something else", () => {
  it("an index page where the op page should be fails the run naming the page; --allow-partial warns", async () => {
    server.reset();
    server.pages.set("GetOrder", indexHtml(server.ops, server.origin));
    try {
      const out = path.join(work, "index-served");
      const r = await runCli(["generate", "--url", server.origin, "--out", out]);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/op=GetOrder: E_NOT_OP_PAGE .*GetOrder/);
      const partial = await runCli(["generate", "--url", server.origin, "--out", out, "--allow-partial"]);
      expect(partial.code).toBe(0);
      expect(partial.stderr).toMatch(/failed: .*op=GetOrder: E_NOT_OP_PAGE/);
      expect(await readFile(path.join(out, "dtos.ts"), "utf8")).toContain("class CreateOrder");
    } finally {
      server.pages.delete("GetOrder");
    }
  });

  it("another operation's page fails the run naming the page", async () => {
    server.reset();
    server.pages.set("GetOrder", opPageHtml(server.ops.find((o) => o.name === "CreateOrder")!));
    try {
      const r = await runCli(["generate", "--url", server.origin, "--out", path.join(work, "other-op")]);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/op=GetOrder: E_NOT_OP_PAGE .*serves the page of CreateOrder/);
    } finally {
      server.pages.delete("GetOrder");
    }
  });

  it("a page that is not a metadata page fails the run naming the page", async () => {
    server.reset();
    server.faults.set("GetOrder", "not-metadata");
    const r = await runCli(["generate", "--url", server.origin, "--out", path.join(work, "not-meta")]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/op=GetOrder: E_NOT_METADATA/);
  });
});

describe("secrets in the wrong shape", () => {
  it("--header.Authorization (a yargs dot-path) and a config header object never print the value", async () => {
    const flag = await runCli(["generate", "--input", "x.html", "--header.Authorization", "Bearer SECRET-FLAG-123"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("--header");
    expect(flag.stderr).not.toContain("SECRET-FLAG-123");
    const dir = await mkdtemp(path.join(work, "config-"));
    for (const header of [[{ Authorization: "Bearer SECRET-CFG-456" }], { Authorization: "Bearer SECRET-CFG-456" }, [7, "X-Key: SECRET-CFG-456"]]) {
      await writeFile(path.join(dir, "ssgen.config.json"), JSON.stringify({ input: ["x.html"], header }));
      const r = await runCli(["generate"], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('"header"');
      expect(r.stderr).not.toContain("SECRET-CFG-456");
    }
  });
});
