// The /types/metadata source against the oracle (test/helpers/random-service): for random true
// services served by a local node:http server, `generate --url` reads /types/metadata and recovers
// the service exactly, falls back to the pages when the endpoint is missing, refused or not JSON,
// and the model read from the JSON and from the same service's HTML pages agree wherever the pages
// can show the fact.
import fc from "fast-check";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApi, generate, type RunOptions } from "../../src/api.js";
import type { ApiModel } from "../../src/model/types.js";
import { defaultRunOptions } from "../../src/source/config.js";
import {
  compareModels,
  generateOptionsArbitrary,
  generateService,
  renderService,
  toApiModel,
  undecidables,
  PLAIN,
  type Difference,
  type ServiceArbitraryOptions,
  type TrueService,
  type Undecidable,
} from "../helpers/random-service/index.js";
import { renderMetadataJson } from "../helpers/random-service/render-json.js";
import { startMetadataServer, type CannedPage, type MetadataServer } from "../helpers/metadata-server.js";
import { typecheck } from "../helpers/tsc.js";

let server: MetadataServer;
let dir: string;
beforeAll(async () => {
  server = await startMetadataServer();
  dir = await mkdtemp(path.join(tmpdir(), "ssgen-json-oracle-"));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Serves the service's HTML pages and index, and `typesMetadata` at /types/metadata. */
function serve(service: TrueService, typesMetadata: CannedPage): void {
  server.replies.clear();
  server.requests.length = 0;
  for (const f of renderService(service, "html", { index: true })) {
    const key = f.path === "metadata.html" ? "/metadata" : `/json/metadata?op=${f.path.replace(/\.html$/, "")}`;
    server.replies.set(key, { body: f.text, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
  server.replies.set("/types/metadata", typesMetadata);
}

function options(out: string): RunOptions {
  return { ...defaultRunOptions(dir), urls: [server.origin], out, emit: { ...defaultRunOptions().emit, format: false }, retries: 0, timeoutMs: 5000, quiet: true };
}

/** ServiceStack's own types are not in /types/metadata: ssgen supplies them from spec §8.2. */
const BUILTIN_RULES: Undecidable[] = ["QueryBase", "QueryResponse"].map((name) => ({
  path: `type:${name}`,
  reason: "a ServiceStack type: /types/metadata omits it and ssgen supplies spec §8.2's",
}));
/** What the JSON itself does not carry. */
const JSON_RULES: Undecidable[] = [{ path: "service.serviceName", reason: "/types/metadata carries no service name (the /metadata page's <h1>)" }];

const shown = (ds: readonly Difference[]) => ds.map((d) => `${d.path}: expected ${d.expected}, got ${d.actual}`);

function truthOf(service: TrueService, source: string): ApiModel {
  return toApiModel(service, () => source);
}

describe("generate --url with /types/metadata served (oracle)", () => {
  it("recovers every random service exactly, with one request, from camel or Pascal, current or older documents", async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(generateOptionsArbitrary({ minOps: 1, maxOps: 8 }), fc.boolean(), async (generateOptions, older) => {
        const service = generateService(generateOptions);
        serve(service, { body: renderMetadataJson(service, { older }) });
        const out = path.join(dir, `out-${checked++}`);
        const result = await generate(options(out));
        expect(result.readFrom).toBe("metadata");
        expect(server.requests.map((r) => r.url)).toEqual(["/types/metadata"]);
        const comparison = compareModels(truthOf(service, `${server.origin}/types/metadata`), result.api, { undecidable: [...BUILTIN_RULES, ...JSON_RULES] });
        expect(shown(comparison.differences), `seed ${generateOptions.seed}`).toEqual([]);
        // exactly its types: every declared type, nothing else but the §8.2 built-ins and helpers
        const dtos = await readFile(path.join(out, "dtos.ts"), "utf8");
        const declared = [...dtos.matchAll(/^export (?:class|enum) ([A-Za-z0-9_]+)/gm)].map((m) => m[1]!).sort();
        const expected = [...service.types.keys()].filter((n) => n !== "QueryDb" || declared.includes(n));
        const supplied = new Set(["QueryBase", "QueryDb", "QueryResponse", "ResponseStatus", "ResponseError", "KeyValuePair", "Tuple"]);
        expect(declared.filter((n) => !supplied.has(n))).toEqual(expected.filter((n) => !supplied.has(n)).sort());
        await rm(out, { recursive: true, force: true });
      }),
      { numRuns: 12 },
    );
  });

  it("the emitted client type-checks (tsc --strict)", async () => {
    const service = generateService({ seed: 4242, ops: 12 });
    serve(service, { body: renderMetadataJson(service) });
    const out = path.join(dir, "typed");
    await generate(options(out));
    await typecheck(out);
  });

  it.each<[string, CannedPage]>([
    ["404", { status: 404, reason: "Not Found", body: "Handler for Request not found" }],
    ["403", { status: 403, reason: "Forbidden", body: "Forbidden" }],
    ["not JSON", { body: "<!DOCTYPE html><html><body>nope</body></html>", headers: { "Content-Type": "text/html" } }],
  ])("falls back to the pages when /types/metadata answers %s", async (_, reply) => {
    const service = generateService({ seed: 99, ops: 4 });
    serve(service, reply);
    const result = await generate(options(path.join(dir, "fallback")));
    expect(result.readFrom).toBe("pages");
    expect(result.api.operations.map((o) => o.name)).toEqual(truthOf(service, "").operations.map((o) => o.name));
    expect(server.requests.map((r) => r.url)).toContain("/metadata");
  });
});

/**
 * Where the model read from the JSON and the one read from the same service's HTML pages may
 * differ. By design (the pages cannot know, or the JSON does not say): everything the oracle lists as
 * undecidable for HTML pages (types that get a table on no page, the wire case when no sample key
 * votes), plus the two below.
 */
const PAGES_CANNOT_KNOW: Undecidable[] = [
  { path: "service.serviceName", reason: "the JSON has no service name; the pages' <h1> has it (a difference the JSON side owes)" },
  ...["QueryBase", "QueryResponse"].map((name) => ({
    path: `type:${name}`,
    reason: "ServiceStack's own type: the JSON omits it (ssgen supplies spec §8.2's), the pages show its table",
  })),
];

const read = (pages: { source: string; text: string }[]): ApiModel =>
  buildApi({ pages, failures: [], diagnostics: [] }, { include: [], exclude: [], allowPartial: false }).api;

/** The differences between the JSON's model and the HTML pages' model of one random service. */
function jsonVersusPages(generate: ServiceArbitraryOptions, runs: number): Map<string, number> {
  const excusedBy = new Map<string, number>();
  fc.assert(
    fc.property(generateOptionsArbitrary(generate), (generateOptions) => {
      const service = generateService(generateOptions);
      const fromJson = read([{ source: "metadata.json", text: renderMetadataJson(service) }]);
      const fromPages = read(renderService(service, "html").map((f) => ({ source: f.path, text: f.text })));
      // as the reference side, the JSON model leaves out the §8.2 built-ins (the comparer ignores them on the other side)
      const reference = { ...fromJson, types: fromJson.types.filter((t) => t.from !== "builtin") };
      const comparison = compareModels(reference, fromPages, { undecidable: [...undecidables(service, "html").rules, ...PAGES_CANNOT_KNOW] });
      expect(shown(comparison.differences), `seed ${generateOptions.seed}`).toEqual([]);
      for (const e of comparison.excused) excusedBy.set(e.reason, (excusedBy.get(e.reason) ?? 0) + 1);
    }),
    { numRuns: runs },
  );
  return excusedBy;
}

/** What the pages path recovers today (the oracle's always-on subset): shared entities and enums, no inheritance. */
const SHARED_TYPES: ServiceArbitraryOptions = { ...PLAIN, refRate: 0.3, minRequestProps: 1, headerParamRate: 0, wireCase: "camel", minOps: 1, maxOps: 6 };

describe("the JSON and the pages of one service agree (oracle)", () => {
  it("agree on every fact the pages can show; they differ only where listed", () => {
    const excused = jsonVersusPages(SHARED_TYPES, 60);
    // the by-design differences do occur (the list is not dead)
    expect([...excused.keys()].some((r) => r.includes("service name"))).toBe(true);
  });

  // The full generator: fails until the pages path closes its gaps (AutoQuery generic pages, a
  // request or entity base read differently on two pages -> W_TYPE_CONFLICT copies, List<X>
  // responses named from samples, camel wire names on a page without a voting key of a PascalCase
  // host); the JSON side is exact (above), so every difference here is one of the pages path.
  it.runIf(process.env.SSGEN_ORACLE_STRICT === "1")("strict: agree over the full generator (SSGEN_ORACLE_STRICT=1)", () => {
    jsonVersusPages({ minOps: 1, maxOps: 6 }, Number(process.env.SSGEN_ORACLE_RUNS ?? 100));
  });
});
