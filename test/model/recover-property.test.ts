// Property tests with our own oracle (issues 8 and 12): random true services, rendered as ServiceStack
// renders them (HTML, pipe text, flat text, /types/metadata JSON), read back by ssgen's pipeline (parse + model, as
// `inspect` runs it) and compared with the truth, modulo the facts the rendering cannot show
// (test/helpers/random-service/undecidable.ts lists them).
//
// The always-on cases cover what ssgen recovers today. The SSGEN_ORACLE_STRICT=1 cases are the
// full generator, feature by feature: they fail until the cross-page solve (spec §4.1) lands; their
// minimal reproductions are in /work/notes/oracle-findings.md. Flip them on while fixing.
//   SSGEN_ORACLE_STRICT=1 npx vitest run test/model/recover-property.test.ts
//   SSGEN_ORACLE_RUNS=1000 (runs per case, default 200), SSGEN_ORACLE_SEED=<n>|random (fast-check seed, test/setup.ts)
//   bench/oracle-survey.mjs lists every failing service of these cases at once (no shrinking).
import fc from "fast-check";
import { describe, test } from "vitest";
import {
  compareModels,
  describeRun,
  featureOptionsArbitrary,
  generateOptionsArbitrary,
  generateService,
  PLAIN,
  recover,
  renderService,
  runOracle,
  type GenerateOptions,
  type RenderOptions,
  type Rendering,
  type ServiceArbitraryOptions,
} from "../helpers/random-service/index.js";

const STRICT = process.env.SSGEN_ORACLE_STRICT === "1";
const RUNS = Number(process.env.SSGEN_ORACLE_RUNS ?? 200);

function recovers(rendering: Rendering, generate: ServiceArbitraryOptions | fc.Arbitrary<GenerateOptions>, render: RenderOptions = {}): void {
  fc.assert(
    fc.property(generate instanceof fc.Arbitrary ? generate : generateOptionsArbitrary(generate), (options) => {
      const run = runOracle(options, rendering, render);
      if (run.error || run.comparison!.differences.length) throw new Error(describeRun(run, rendering, options));
    }),
    { numRuns: RUNS, includeErrorInReport: true },
  );
}

/** What ssgen recovers today: services with shared entities and enums, without inheritance. */
const SHARED_TYPES: ServiceArbitraryOptions = {
  ...PLAIN, refRate: 0.3, routeSummaryRate: 0.25, sharedResponseRate: 0.1, voidRate: 0.1, minRequestProps: 1, headerParamRate: 0, wireCase: "camel", minOps: 1, maxOps: 3,
};

describe("oracle: ssgen recovers random services exactly (modulo undecidables)", () => {
  test("HTML op pages", () => recovers("html", SHARED_TYPES));
  test("HTML op pages in ServiceStack's real template markup", () => recovers("html", SHARED_TYPES, { markup: "real" }));
  test("pipe text", () => recovers("pipe", SHARED_TYPES));
  // the language nav line, names embedding Parameter keywords or Yes/No, valued enums (typed string)
  test("flat text", () => recovers("flat", SHARED_TYPES));
  test("flat text without the language nav (pre-v5.14)", () => recovers("flat", SHARED_TYPES, { nav: false }));
  // /types/metadata shows every fact the generator makes: the full generator, camel and Pascal hosts
  test("/types/metadata JSON, full generator", () => recovers("json", { minOps: 1, maxOps: 5 }));
  test("/types/metadata JSON from an older server (typeNamespace, explicit false flags)", () =>
    recovers("json", { minOps: 1, maxOps: 3 }, { json: { older: true } }));
});

/** The model a service gives must not depend on the order in which its pages are read, nor on their file names. */
function orderIndependent(rendering: Rendering, generate: ServiceArbitraryOptions, rename: boolean): void {
  fc.assert(
    fc.property(generateOptionsArbitrary(generate), fc.integer({ min: 1, max: 0x7fffffff }), (options, shuffleSeed) => {
      const files = renderService(generateService(options), rendering);
      const shuffled = shuffle(files, shuffleSeed).map((f, i) => (rename ? { ...f, path: `${String(files.length - i).padStart(4, "0")}-${f.path}` } : f));
      // sources and diagnostics name the files; role and from say how a type was first read, and key order
      // how it was assembled (finding 14): compared apart from the facts
      const strip = (api: ReturnType<typeof recover>) =>
        JSON.stringify(
          { ...api, sources: [], diagnostics: [], operations: api.operations.map((o) => ({ ...o, source: "" })), types: api.types.map((t) => ({ ...t, role: "", from: "" })) },
          (_key, value: unknown) => (value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value),
        );
      const first = recover(files);
      const second = recover(shuffled);
      if (strip(first) !== strip(second)) {
        const how = compareModels(first, second).differences.slice(0, 6).map((d) => `  ${d.path}: ${d.expected ?? "(none)"} vs ${d.actual ?? "(none)"}`);
        throw new Error(`seed=${options.seed} ops=${options.ops} rendering=${rendering}: the model changed with the page order${rename ? " and names" : ""} (shuffle ${shuffleSeed})\n${how.join("\n")}`);
      }
    }),
    { numRuns: Math.max(20, RUNS / 4), includeErrorInReport: true },
  );
}
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("oracle: the model does not depend on page order", () => {
  for (const rendering of ["html", "pipe", "flat"] as const)
    test(`${rendering}: pages read in any order`, () => orderIndependent(rendering, { ...SHARED_TYPES, maxOps: 5 }, false));
  // since the cross-page solve (model/solve/) reads pages by operation: file names do not matter either
  for (const rendering of ["pipe", "flat"] as const)
    test(`${rendering}: the full generator, pages in any order and under any file names`, () => orderIndependent(rendering, { minOps: 2, maxOps: 5 }, true));
});

/** Strict cases the cross-page solve made pass (AutoQuery bases and arguments, the service's wire case). */
describe("oracle: solved across pages", () => {
  test("html: AutoQuery requests with their own properties", () => recovers("html", { ...SHARED_TYPES, autoQueryRate: 0.5 }));
  test("html: PascalCase hosts (pages without a voting key take the service's case)", () => recovers("html", { ...SHARED_TYPES, wireCase: "pascal" }));
  test("pipe: PascalCase hosts", () => recovers("pipe", { ...SHARED_TYPES, wireCase: "pascal" }));
  test("flat: PascalCase hosts", () => recovers("flat", { ...SHARED_TYPES, wireCase: "pascal" }));
});

/**
 * Strict HTML cases the solve made pass (issue 8, HTML renderings); still strict for pipe. Entity
 * inheritance chains, everything and the random feature mixes: checked on the fixed seed and seeds 7, 99,
 * 1001, 2024, 31337, 42, 3 (undecidable bases are exact since counterfactual.ts; their regressions are
 * in strict-regressions.test.ts).
 */
const HTML_SOLVED = new Set([
  "request base classes shared by many ops",
  "entity inheritance chains",
  "List<Entity> and Entity responses",
  "a response type shared by several ops",
  "void responses",
  "prop-less requests",
  "[ApiMember(ParameterType=header)] request properties",
  "everything (default generator, 1..4 ops)",
]);

/** Feature by feature, then everything at once; each fails on main as of this commit. */
const STRICT_CASES: [string, ServiceArbitraryOptions][] = [
  ["AutoQuery requests with their own properties", { ...SHARED_TYPES, autoQueryRate: 0.5 }],
  ["request base classes shared by many ops", { ...SHARED_TYPES, requestBaseRate: 0.6 }],
  ["entity inheritance chains", { ...SHARED_TYPES, entityBaseRate: 0.5 }],
  ["List<Entity> and Entity responses", { ...SHARED_TYPES, listResponseRate: 0.3, entityResponseRate: 0.3 }],
  ["a response type shared by several ops", { ...SHARED_TYPES, sharedResponseRate: 0.5 }],
  ["void responses", { ...SHARED_TYPES, voidRate: 0.4 }],
  ["PascalCase hosts (pages without a voting key take camel)", { ...SHARED_TYPES, wireCase: "pascal" }],
  ["prop-less requests", { ...SHARED_TYPES, minRequestProps: 0 }],
  ["[ApiMember(ParameterType=header)] request properties", { ...SHARED_TYPES, headerParamRate: 0.5 }],
  ["everything (default generator, 1..4 ops)", { minOps: 1, maxOps: 4 }],
];

describe("oracle: solved across pages, HTML", () => {
  for (const [name, generate] of STRICT_CASES) if (HTML_SOLVED.has(name)) test(`html: ${name}`, () => recovers("html", generate));
  // every feature at a random level or off: fast-check shrinks a failure to the features it needs
  test("html: random feature mixes (shrinks to the fewest features)", () => recovers("html", featureOptionsArbitrary()));
  test("html: the full generator, pages in any order and under any file names", () => orderIndependent("html", { minOps: 2, maxOps: 5 }, true));
  // issue 8's done criterion for HTML (bench/accuracy.mjs --render html reports the same numbers)
  test("html: a 1,000-op service exactly", { timeout: 600_000 }, () => {
    const options = { seed: 1, ops: 1000 };
    const run = runOracle(options, "html");
    if (run.error || run.comparison!.differences.length) throw new Error(describeRun(run, "html", options, 0));
  });
});

/**
 * Strict cases that pass in pipe text (row identity across pages, solve/identity.ts, and finding 8).
 * "List<Entity> and Entity responses": on since session 4, passing the fixed seed and seeds 7, 42, 99
 * (99 since session 11); seed 1001 fails on one service of 200.
 */
const PIPE_SOLVED = new Set([
  // since session 6 (c073274, the argument named by a later Results row): 0 of 200 fail on seeds 20261202, 7, 42, 99, 1001
  "AutoQuery requests with their own properties",
  "List<Entity> and Entity responses",
  "a response type shared by several ops",
  "void responses",
  "PascalCase hosts (pages without a voting key take camel)",
  "prop-less requests",
  "[ApiMember(ParameterType=header)] request properties",
  // since session 10 (every object of a type and every tied parse in the tie-break, walk/tie-break.ts):
  // 0 of 200 fail on the fixed seed. After session 11 (other pages' objects and enum names in the tie-break,
  // C1/C4 at later visits, cycles broken by samples, a repeated response table, late binding's X0s) other
  // seeds fail on at most a few of 200 per case (bench/oracle-survey.mjs --render pipe --seed S lists them):
  // seed 7 everything 3; 777 everything 1; 123 chains 1; 1001 everything 1, mixes 1, lists 1; 8 mixes 1;
  // 42, 4242, 99, 2026, 31337 and 5 none
  "request base classes shared by many ops",
  "entity inheritance chains",
  "everything (default generator, 1..4 ops)",
]);

describe("oracle: solved across pages, pipe", () => {
  for (const [name, generate] of STRICT_CASES) if (PIPE_SOLVED.has(name)) test(`pipe: ${name}`, () => recovers("pipe", generate));
  test("pipe: random feature mixes (shrinks to the fewest features)", () => recovers("pipe", featureOptionsArbitrary()));
  test("pipe: no URL line (op name from the file name, §1.2 rule 5)", () => recovers("pipe", SHARED_TYPES, { urlLine: false }));
  // issue 8's done criterion for pipe text (bench/accuracy.mjs --render pipe reports the same numbers).
  // QueryShipment18, QueryShipment182 and QueryShipmentItem (prop-less AutoQuery requests) need a raised search
  // budget once the names are settled (solve/index.ts AUTOQUERY_PIPE_BUDGET): without it they read
  // `: QueryBase` returning the entity, not `QueryDb<T>` / `QueryResponse<T>`. Order5 was read as deriving
  // from ExportSeatItem until an enum's [EnumMember] values refuted a sample value (solve/explains.ts fits).
  test("pipe: a 1,000-op service exactly", { timeout: 600_000 }, () => {
    const options = { seed: 1, ops: 1000 };
    const run = runOracle(options, "pipe");
    if (run.error || run.comparison!.differences.length) throw new Error(describeRun(run, "pipe", options, 0));
  });
});

/** Flat text passes what HTML passes (checked on the fixed seed and seeds 7, 42, 1001; the cases added with HTML's above on its seeds), AutoQuery included. */
const FLAT_SOLVED = new Set([...HTML_SOLVED, "AutoQuery requests with their own properties"]);

describe("oracle: solved across pages, flat", () => {
  for (const [name, generate] of STRICT_CASES) if (FLAT_SOLVED.has(name)) test(`flat: ${name}`, () => recovers("flat", generate));
  test("flat: random feature mixes (shrinks to the fewest features)", () => recovers("flat", featureOptionsArbitrary()));
  // issue 8's done criterion for text (bench/accuracy.mjs --render flat reports the same numbers)
  test("flat: a 1,000-op service exactly", { timeout: 600_000 }, () => {
    const options = { seed: 1, ops: 1000 };
    const run = runOracle(options, "flat");
    if (run.error || run.comparison!.differences.length) throw new Error(describeRun(run, "flat", options, 0));
  });
});

describe.runIf(STRICT)("oracle, strict: the full generator (SSGEN_ORACLE_STRICT=1)", () => {
  const solved = { html: HTML_SOLVED, pipe: PIPE_SOLVED, flat: FLAT_SOLVED };
  for (const rendering of ["html", "pipe", "flat"] as const)
    for (const [name, generate] of STRICT_CASES)
      if (!solved[rendering].has(name)) test(`${rendering}: ${name}`, () => recovers(rendering, generate));
});
