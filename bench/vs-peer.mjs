// ssgen beside openapi-typescript, in the same run, on the same generated service (issue 13):
// the oracle's random service (bench/make-service.mjs) rendered as ServiceStack HTML pages for ssgen
// and as its OpenAPI twin (same types, same operations) for the peer. Each tool runs as its own
// process (wall time and peak RSS); the generated code is type-checked with the same tsc.
//   node bench/vs-peer.mjs [--ops 1000] [--large 5000] [--seed 1] [--runs 1] [--cli path/to/cli.js]
// (--cli: measure another build of ssgen, e.g. an older commit's dist/, beside the same peer run)
// Prints every target with met/missed; exits 0 either way (a bench, not a test).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "./oracle.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const args = parseArgs(process.argv.slice(2), { ops: 1000, large: 5000, seed: 1, runs: 1, cli: "" });
const work = mkdtempSync(join(tmpdir(), "ssgen-vs-peer-"));
const rssFile = join(work, "rss");
const cli = args.cli ? join(process.cwd(), String(args.cli)) : join(root, "dist", "cli.js");
const peerCli = join(here, "peer", "node_modules", "openapi-typescript", "bin", "cli.js");
const tsc = join(root, "node_modules", ".bin", "tsc");

if (!existsSync(peerCli)) {
  console.log("installing the peer (bench/peer: openapi-typescript with its typescript 5)...");
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: join(here, "peer"), stdio: "inherit" });
  if (r.status !== 0) process.exit(1);
}
const peerVersion = JSON.parse(readFileSync(join(here, "peer", "node_modules", "openapi-typescript", "package.json"), "utf8")).version;

/** Runs `node <script> ...` (or a binary); wall ms and peak RSS MB of the fastest of `runs`, least CPU ms of all. */
function run(label, cmd, argv, { node = true, runs = args.runs, before } = {}) {
  let best;
  for (let i = 0; i < runs; i++) {
    before?.();
    rmSync(rssFile, { force: true });
    const started = performance.now();
    const r = node
      ? spawnSync(process.execPath, ["--import", join(here, "rss-report.mjs"), cmd, ...argv], { env: { ...process.env, SSGEN_BENCH_RSS: rssFile }, encoding: "utf8", maxBuffer: 1 << 28 })
      : spawnSync(cmd, argv, { encoding: "utf8", maxBuffer: 1 << 28 });
    const ms = performance.now() - started;
    if (r.status !== 0 && !label.startsWith("tsc")) {
      console.log(`${label}: exit ${r.status}\n${(r.stderr || r.stdout).slice(0, 2000)}`);
      process.exit(1);
    }
    const lines = existsSync(rssFile) ? readFileSync(rssFile, "utf8").trim().split("\n").map((l) => l.split(" ").map(Number)) : [];
    const rss = lines.length ? Math.max(...lines.map(([kb]) => kb)) / 1024 : NaN;
    const cpu = lines.length ? lines.reduce((sum, [, c]) => sum + (c ?? NaN), 0) : NaN;
    if (!best || ms < best.ms) best = { ms, rss, out: r.stdout + r.stderr, status: r.status };
    best.cpu = Math.min(best.cpu ?? Infinity, cpu);
  }
  return best;
}

function service(ops) {
  const dir = join(work, `svc${ops}`);
  for (const render of ["html", "openapi"]) {
    const r = spawnSync(process.execPath, [join(here, "make-service.mjs"), "--ops", String(ops), "--seed", String(args.seed), "--render", render, "--out", join(dir, render)], { encoding: "utf8" });
    if (r.status !== 0) {
      console.log(r.stderr);
      process.exit(1);
    }
    console.log(`  ${r.stdout.trim()}`);
  }
  return dir;
}

function measure(ops) {
  console.log(`service of ${ops} ops:`);
  const dir = service(ops);
  const pages = join(dir, "html");
  const out = join(dir, "out");
  const outRaw = join(dir, "out-raw");
  // --allow-partial: the oracle's larger services hold a few pages ssgen rejects (reported in its findings)
  const gen = (o, extra = []) => ["generate", "--input", pages, "--out", o, "--quiet", "--allow-partial", ...extra];
  const fresh = (o) => () => rmSync(o, { recursive: true, force: true });
  const r = {};
  r.formatted = run("ssgen generate", cli, gen(out), { before: fresh(out) });
  r.unformatted = run("ssgen generate --no-format", cli, gen(outRaw, ["--no-format"]), { before: fresh(outRaw) });
  r.unchanged = run("ssgen generate (nothing changed)", cli, gen(out));
  r.check = run("ssgen check (nothing changed)", cli, ["check", "--input", pages, "--out", out, "--quiet", "--allow-partial"]);
  const peerOut = join(dir, "peer.ts");
  r.peer = run(`openapi-typescript ${peerVersion}`, peerCli, [join(dir, "openapi", "openapi.json"), "-o", peerOut]);
  const tscArgs = ["--ignoreConfig", "--noEmit", "--strict", "--skipLibCheck", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", "--lib", "es2022,dom", "--types", ""];
  r.tscOurs = run("tsc (ssgen output)", tsc, [...tscArgs, join(out, "index.ts")], { node: false });
  r.tscPeer = run("tsc (peer output)", tsc, [...tscArgs, peerOut], { node: false });
  r.bytes = ["dtos.ts", "client.ts"].reduce((a, f) => a + statSync(join(out, f)).size, 0);
  r.peerBytes = statSync(peerOut).size;
  return r;
}

const small = measure(args.ops);
const large = args.large ? measure(args.large) : undefined;
rmSync(work, { recursive: true, force: true });

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const x = (a, b) => `${(a / b).toFixed(2)}×`;
const rows = [];
const target = (name, ok, detail) => rows.push(`${ok ? "met   " : "MISSED"}  ${name}: ${detail}`);
console.log(`\n${args.ops} ops: ssgen ${s(small.formatted.ms)} formatted (${small.formatted.rss.toFixed(0)} MB), ${s(small.unformatted.ms)} --no-format; openapi-typescript ${s(small.peer.ms)} (${small.peer.rss.toFixed(0)} MB); output ${(small.bytes / 1e6).toFixed(1)} MB vs ${(small.peerBytes / 1e6).toFixed(1)} MB`);
// CPU time (user + system) beside wall time: on a shared machine wall time also measures the others' load
const cpuLine = (r) => `CPU time (user+system): ssgen ${s(r.formatted.cpu)} formatted, ${s(r.unformatted.cpu)} --no-format; openapi-typescript ${s(r.peer.cpu)}; ratio ${x(r.formatted.cpu, r.peer.cpu)} / ${x(r.unformatted.cpu, r.peer.cpu)}`;
console.log(`  ${cpuLine(small)}`);
if (large) console.log(`  ${args.large} ops ${cpuLine(large)}`);
target(`1. ${args.ops} ops formatted <= 0.5x peer`, small.formatted.ms <= 0.5 * small.peer.ms, `${s(small.formatted.ms)} vs ${s(small.peer.ms)} = ${x(small.formatted.ms, small.peer.ms)}`);
target(`1. ${args.ops} ops unformatted <= 0.2x peer`, small.unformatted.ms <= 0.2 * small.peer.ms, `${s(small.unformatted.ms)} vs ${s(small.peer.ms)} = ${x(small.unformatted.ms, small.peer.ms)}`);
if (large) {
  console.log(`${args.large} ops: ssgen ${s(large.formatted.ms)} formatted (${large.formatted.rss.toFixed(0)} MB), ${s(large.unformatted.ms)} --no-format; openapi-typescript ${s(large.peer.ms)} (${large.peer.rss.toFixed(0)} MB)`);
  target(`2. ${args.large} ops <= 5.5x the ${args.ops}-op time`, large.formatted.ms <= 5.5 * small.formatted.ms, `${s(large.formatted.ms)} = ${x(large.formatted.ms, small.formatted.ms)} (peer: ${x(large.peer.ms, small.peer.ms)})`);
  target(`2. ${args.large} ops peak RSS <= 400 MB`, large.formatted.rss <= 400, `${large.formatted.rss.toFixed(0)} MB (peer ${large.peer.rss.toFixed(0)} MB)`);
}
target("3. generate, nothing changed <= 0.1x fresh", small.unchanged.ms <= 0.1 * small.formatted.ms, `${s(small.unchanged.ms)} = ${x(small.unchanged.ms, small.formatted.ms)}`);
target("3. check, nothing changed <= 0.1x fresh", small.check.ms <= 0.1 * small.formatted.ms, `${s(small.check.ms)} = ${x(small.check.ms, small.formatted.ms)}`);
target(`6. tsc --noEmit on the ${args.ops}-op output <= 1.5x the peer's`, small.tscOurs.ms <= 1.5 * small.tscPeer.ms, `${s(small.tscOurs.ms)} vs ${s(small.tscPeer.ms)} = ${x(small.tscOurs.ms, small.tscPeer.ms)}${small.tscOurs.status ? ` (tsc exit ${small.tscOurs.status}: ${small.tscOurs.out.split("\n")[0]})` : ""}`);
console.log(rows.join("\n"));
console.log("(target 4, linear emission on hostile inputs: bench/linear.mjs; target 5, tree-shaking: bench/treeshake.mjs)");
