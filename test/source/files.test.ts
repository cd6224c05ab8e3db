import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SourceError } from "../../src/source/errors.js";
import { readFileSync, writeFileSync } from "node:fs";
import { ByteArena, expandInputs, globToRegExp, readInput, readInputBytes } from "../../src/source/files.js";
import { makeOperationFilter } from "../../src/source/filter.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ssgen-files-"));
  for (const f of ["pages/b.html", "pages/a.html", "pages/a.html.dump", "pages/sub/c.txt", "pages/.hidden/x.html", "notes.md", "big.txt"]) {
    await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await writeFile(path.join(dir, f), f === "big.txt" ? "x".repeat(2000) : `content of ${f}`);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("expandInputs", () => {
  it("walks folders for page extensions, sorted, skipping dot folders and dumps", async () => {
    const files = await expandInputs(["pages"], dir);
    expect(files.map((f) => f.display)).toEqual(["pages/a.html", "pages/b.html", "pages/sub/c.txt"]);
    expect(path.isAbsolute(files[0]!.path)).toBe(true);
  });

  it("expands globs with * and ** and braces, keeps argument order and drops duplicates", async () => {
    const files = await expandInputs(["pages/**/*.txt", "pages/*.{html,md}", "pages/a.html"], dir);
    expect(files.map((f) => f.display)).toEqual(["pages/sub/c.txt", "pages/a.html", "pages/b.html"]);
  });

  it("takes an explicitly named file whatever its extension", async () => {
    expect((await expandInputs(["notes.md"], dir)).map((f) => f.display)).toEqual(["notes.md"]);
  });

  it("fails clearly on a missing path and on a glob with no match", async () => {
    await expect(expandInputs(["nope.html"], dir)).rejects.toThrow("nope.html: E_INPUT no such file or folder");
    await expect(expandInputs(["pages/*.xml"], dir)).rejects.toThrow("matches no files");
  });

  it("caps the size of a file read", async () => {
    const [big] = await expandInputs(["big.txt"], dir);
    await expect(readInput(big!, 1000)).rejects.toBeInstanceOf(SourceError);
    expect(await readInput(big!, 5000)).toHaveLength(2000);
  });
});

describe("ByteArena", () => {
  it("reads each file's exact bytes into shared blocks, a file over a block into its own", async () => {
    const arena = new ByteArena();
    const files = await expandInputs(["pages", "big.txt"], dir);
    const views = files.map((f) => readInputBytes(f, 1 << 20, arena));
    expect(views.map((v) => v.toString())).toEqual(files.map((f) => readFileSync(f.path, "utf8")));
    expect(new Set(views.map((v) => v.buffer)).size).toBe(1);
    const huge = path.join(dir, "huge.txt");
    writeFileSync(huge, "y".repeat(ByteArena.BLOCK_BYTES + 10));
    const read = readInputBytes({ path: huge, display: "huge.txt" }, 1 << 30, arena);
    expect(read.length).toBe(ByteArena.BLOCK_BYTES + 10);
    expect(read.buffer).not.toBe(views[0]!.buffer);
  });

  it("declines a file whose size is not the one given (it changed since), which is then read whole", async () => {
    const [file] = await expandInputs(["pages/a.html"], dir);
    const size = readFileSync(file!.path).length;
    expect(new ByteArena().read(file!.path, size - 1)).toBeUndefined();
    expect(new ByteArena().read(file!.path, size + 1)).toBeUndefined();
    expect(new ByteArena().read(file!.path, size)?.toString()).toBe("content of pages/a.html");
  });
});

describe("globToRegExp", () => {
  it("keeps * inside one folder and lets **/ span zero or more", () => {
    expect(globToRegExp("*.html").test("a.html")).toBe(true);
    expect(globToRegExp("*.html").test("x/a.html")).toBe(false);
    expect(globToRegExp("**/*.html").test("a.html")).toBe(true);
    expect(globToRegExp("**/*.html").test("x/y/a.html")).toBe(true);
    expect(globToRegExp("a?c.(txt)").test("abc.(txt)")).toBe(true);
  });
});

describe("operation filter", () => {
  const ops = [
    { name: "CreateOrder", tags: ["orders"] },
    { name: "GetOrder", tags: ["orders", "read"] },
    { name: "GetCustomer", tags: [] },
  ];
  const names = (include: string[], exclude: string[]) => ops.filter(makeOperationFilter({ include, exclude })).map((o) => o.name);

  it("includes by name glob (case-insensitive) and by tag", () => {
    expect(names(["get*"], [])).toEqual(["GetOrder", "GetCustomer"]);
    expect(names(["tag:Orders"], [])).toEqual(["CreateOrder", "GetOrder"]);
    expect(names([], [])).toEqual(["CreateOrder", "GetOrder", "GetCustomer"]);
  });

  it("lets an exclude win over an include", () => {
    expect(names(["tag:orders"], ["tag:read"])).toEqual(["CreateOrder"]);
    expect(names([], ["*Order"])).toEqual(["GetCustomer"]);
  });
});
