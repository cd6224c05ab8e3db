// kill -9 during the write (issue 10): the real CLI is stopped at each step of the swap
// (SSGEN_TEST_PAUSE_AT) and at random moments, killed with SIGKILL, and then:
// - --out (plain or a relative symlink) is the old or the new client, never a mix, or missing only
//   between the two renames; no user file is lost;
// - the next run recovers: the new client, every user file with its inode, no .ssgen-tmp-* left.
// Also: a read-only --out is a clear error (exit 3, not 70) and leaves no temp folder.
import { spawn } from "node:child_process";
import { chmod, chown, cp, link, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ROOT, ensureBuilt, runCli } from "../cli/run-cli.js";

const PAGES = ["fixtures/pages/create-order.html", "fixtures/pages/echo.txt"];
let work: string;
/** The old client, generated once and copied into each scenario. */
let oldClient: string;

beforeAll(async () => {
  await ensureBuilt();
  work = await mkdtemp(path.join(tmpdir(), "ssgen-crash-"));
  for (const p of PAGES) await cp(path.join(ROOT, p), path.join(work, "pages", path.basename(p)));
  oldClient = path.join(work, "old-client");
  const first = await generate(oldClient, OLD);
  expect(first.code, first.stderr).toBe(0);
});
afterAll(() => rm(work, { recursive: true, force: true }));

/**
 * generate with the given pages. `pauseAt`: killed where the write stops at that step.
 * `killAtStep`: the write's steps are slowed (40 ms each, each announced) and it is killed 20 ms
 * after the n-th announcement: inside the step's wait or the file operations after it.
 */
function generate(out: string, pages: string[], pauseAt?: string, killAtStep?: number): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const args = [CLI, "generate", "--no-format", "--out", out, ...pages.flatMap((p) => ["--input", path.join(work, "pages", p)])];
    const env = {
      ...process.env,
      ...(pauseAt ? { SSGEN_TEST_PAUSE_AT: pauseAt } : {}),
      ...(killAtStep !== undefined ? { SSGEN_TEST_STEP_DELAY_MS: "40" } : {}),
    };
    const child = spawn(process.execPath, args, { cwd: work, env });
    let stderr = "";
    let timed = false;
    child.stderr.on("data", (d) => {
      stderr += d;
      if (pauseAt && stderr.includes(`paused at ${pauseAt}`)) child.kill("SIGKILL");
      if (killAtStep !== undefined && !timed && stderr.split("ssgen-test: at ").length - 1 >= killAtStep) {
        timed = true;
        setTimeout(() => child.kill("SIGKILL"), 20);
      }
    });
    const guard = setTimeout(() => (child.kill("SIGKILL"), reject(new Error(`no pause at ${pauseAt}: ${stderr}`))), 60_000);
    child.on("close", (code, signal) => (clearTimeout(guard), resolve({ code, signal, stderr })));
  });
}

const OLD = ["create-order.html"];
const NEW = ["create-order.html", "echo.txt"];

/** A fresh project: `api` is a folder, or a relative link to `real`; the old client; user files. */
async function setup(name: string, linked: boolean): Promise<{ base: string; out: string; folder: string; ino: number }> {
  const base = path.join(work, name);
  await mkdir(base);
  const folder = path.join(base, linked ? "real" : "api");
  if (linked) await symlink("real", path.join(base, "api"));
  const out = path.join(base, "api");
  await cp(oldClient, folder, { recursive: true });
  await writeFile(path.join(base, "shared.txt"), "shared");
  await link(path.join(base, "shared.txt"), path.join(folder, "hard.txt"));
  await mkdir(path.join(folder, "custom"));
  await writeFile(path.join(folder, "custom", "helper.ts"), "export const mine = 1;\n");
  await symlink("custom/helper.ts", path.join(folder, "helper-link.ts"));
  return { base, out, folder, ino: (await stat(path.join(base, "shared.txt"))).ino };
}

/** "old", "new" or "missing"; throws on a mix. */
async function clientState(folder: string): Promise<"old" | "new" | "missing"> {
  const dtos = await readFile(path.join(folder, "dtos.ts"), "utf8").catch(() => undefined);
  if (dtos === undefined) return "missing";
  const manifest = JSON.parse(await readFile(path.join(folder, ".ssgen-manifest.json"), "utf8"));
  const isNew = dtos.includes("class Echo");
  const client = await readFile(path.join(folder, "client.ts"), "utf8");
  expect(client.includes("echo(") || client.includes("Echo"), "client.ts matches dtos.ts").toBe(isNew);
  expect("Echo" in manifest.summary.operations, "manifest matches dtos.ts").toBe(isNew);
  return isNew ? "new" : "old";
}

/** Every user file is in --out or in a leftover beside it. */
async function userFilesSomewhere(base: string, folder: string): Promise<void> {
  const places = [folder, ...(await readdir(base)).filter((n) => n.startsWith(".ssgen-tmp-")).map((n) => path.join(base, n))];
  for (const f of ["hard.txt", "custom/helper.ts", "helper-link.ts"]) {
    const found = await Promise.all(places.map((p) => lstat(path.join(p, f)).then(() => true, () => false)));
    expect(found.includes(true), `${f} survives the kill`).toBe(true);
  }
}

async function recovered(s: { base: string; out: string; folder: string; ino: number }, linked: boolean): Promise<void> {
  const again = await generate(s.out, NEW);
  expect(again.code, again.stderr).toBe(0);
  expect(await clientState(s.folder)).toBe("new");
  expect((await stat(path.join(s.folder, "hard.txt"))).ino).toBe(s.ino);
  expect(await readlink(path.join(s.folder, "helper-link.ts"))).toBe("custom/helper.ts");
  expect(await readFile(path.join(s.folder, "custom", "helper.ts"), "utf8")).toBe("export const mine = 1;\n");
  if (linked) expect(await readlink(s.out)).toBe("real");
  expect((await readdir(s.base)).filter((n) => n.startsWith(".ssgen-tmp-"))).toEqual([]);
}

describe("kill -9 during the write", () => {
  for (const linked of [false, true]) {
    for (const step of ["staged", "moving", "swapping", "swapped"]) {
      it(`${linked ? "symlinked" : "plain"} --out, killed at ${step}`, async () => {
        const s = await setup(`${linked ? "l" : "p"}-${step}`, linked);
        const killed = await generate(s.out, NEW, step);
        expect(killed.signal).toBe("SIGKILL");
        const state = await clientState(s.folder);
        expect(state === "missing" ? step === "swapping" : true, `state ${state} at ${step}`).toBe(true);
        await userFilesSomewhere(s.base, s.folder);
        if (linked) expect(await readlink(s.out)).toBe("real");
        await recovered(s, linked);
      }, 120_000);
    }
  }

  it("killed inside each (slowed) step of the write, the next run always recovers", async () => {
    const states = new Set<string>();
    // steps: start, staged, moving (one per user entry: 3), swapping, swapped
    for (const [i, step] of [1, 2, 4, 6, 7].entries()) {
      const s = await setup(`random-${i}`, i % 2 === 1);
      const killed = await generate(s.out, NEW, undefined, step);
      // the last kill may come after the run finished
      expect(killed.signal === "SIGKILL" || killed.code === 0, killed.stderr).toBe(true);
      states.add(await clientState(s.folder));
      await userFilesSomewhere(s.base, s.folder);
      await recovered(s, i % 2 === 1);
    }
    // the kills landed before and after the swap
    expect([...states].sort()).toEqual(expect.arrayContaining(["new", "old"]));
  }, 300_000);
});

describe("a read-only --out", () => {
  it.runIf(process.getuid?.() === 0)("is a clear error, not an internal one, and leaves no temp folder", async () => {
    // root writes anywhere: run the CLI as nobody against folders it may read but not write
    const base = path.join(work, "readonly");
    await mkdir(base);
    const out = path.join(base, "api");
    await cp(oldClient, out, { recursive: true });
    await chmod(path.join(work, "pages"), 0o755);
    await chmod(work, 0o755);
    await chown(base, 65534, 65534);
    await chmod(out, 0o555);
    await chmod(base, 0o555);
    try {
      const r = await runCli(["generate", "--no-format", "--out", out, "--input", path.join(work, "pages", "echo.txt")], { cwd: base, uid: 65534, gid: 65534 });
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toMatch(/--out .* cannot be replaced: .* not writable/);
      expect((await readdir(base)).sort()).toEqual(["api"]);
      expect(await clientState(out)).toBe("old");
    } finally {
      await chmod(base, 0o755);
      await chmod(out, 0o755);
    }
  }, 60_000);
});
