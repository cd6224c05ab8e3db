// The oracle's whole-model counterfactual (test/helpers/random-service/reading.ts): ssgen's model read
// back as a service. Every difference is excused only when that service renders every page
// byte-identically; a model that contradicts any page line is never excused.
import { describe, expect, test } from "vitest";
import { listOf, named, nullable } from "../helpers/random-service/csharp.js";
import { evaluate, generateService, renderService, toApiModel, truthOf, type TrueService } from "../helpers/random-service/index.js";
import { readingAsService, readingVerdict } from "../helpers/random-service/reading.js";
import { buildApi } from "../../src/api.js";

const BASES = { autoQueryRate: 0, requestBaseRate: 0.6, entityBaseRate: 0, voidRate: 0.1, listResponseRate: 0, entityResponseRate: 0, sharedResponseRate: 0.1, routeSummaryRate: 0.25, refRate: 0.3, minRequestProps: 1, headerParamRate: 0, wireCase: "camel" as const };

describe("oracle: ssgen's whole reading as a service", () => {
  test("the truth read as a service is itself, and renders its own pages", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const s = generateService({ seed, ops: 1 + (seed % 5) });
      const back = readingAsService(s, toApiModel(s));
      expect(typeof back).toBe("object");
      for (const rendering of ["html", "pipe", "flat"] as const) expect(readingVerdict(s, toApiModel(s), rendering), `seed ${seed} ${rendering}`).toBeUndefined();
    }
  });

  // PatchContractLink : TrackedRequest { Target: DateTime? } returning { ColorEmail, Email, CommentRate, ResponseStatus }
  // reads the same as a request without a base returning { Target } : { ColorEmail, ... } (Target is null in every sample)
  const s = generateService({ ...BASES, seed: 1189957786, ops: 1 });
  const truth = truthOf(s, renderService(s, "pipe"));
  const other = () => {
    const m = structuredClone(truth);
    const request = m.types.find((t) => t.name === "PatchContractLink")!;
    const response = m.types.find((t) => t.name === "PatchContractLinkResponse")!;
    const base = m.types.find((t) => t.name === "TrackedRequest")!;
    delete request.base;
    m.types.push({ ...response, name: "PatchContractLinkResponseBase", role: "base" });
    response.properties = base.properties;
    response.base = "PatchContractLinkResponseBase";
    m.types.splice(m.types.indexOf(base), 1);
    return m;
  };

  test("a reading that renders every page the same is excused whole, with the reason", () => {
    const { differences, excused } = evaluate(s, "pipe", truth, other());
    expect(differences).toEqual([]);
    expect(excused.filter((d) => /^type:PatchContractLink(Response)?\.base$/.test(d.path)).map((d) => d.reason)).toEqual([
      "the service ssgen read (its whole model) renders every page byte-identically",
      "the service ssgen read (its whole model) renders every page byte-identically",
    ]);
  });

  test("a reading that contradicts one page line is not excused, and the line is named", () => {
    // HTML captions the tables
    expect(evaluate(s, "html", truthOf(s, renderService(s, "html")), other()).differences.length).toBeGreaterThan(0);
    // a wrong Required flag on the response base
    const wrong = other();
    wrong.types.find((t) => t.name === "PatchContractLinkResponseBase")!.properties![0]!.required = true;
    const result = evaluate(s, "pipe", truth, wrong);
    expect(result.differences.map((d) => d.path)).toContain("type:PatchContractLinkResponse.prop:ColorEmail");
    expect(result.refused?.at(-1)).toMatch(/^whole reading: PatchContractLink line \d+: "\| ColorEmail \| form \| decimal \| No \| Display record if \|" would read "\| ColorEmail \| form \| decimal \| Yes \|/);
    // a wire name no service of the model's wire case gives
    const alias = other();
    alias.types.find((t) => t.name === "PatchContractLinkResponse")!.properties![0]!.wireName = "tgt";
    expect(readingVerdict(s, alias, "pipe")).toMatch(/^the model is no service: type:PatchContractLinkResponse\.prop:Target\.wireName reads tgt/);
    expect(evaluate(s, "pipe", truth, alias).differences.map((d) => d.path)).toContain("type:PatchContractLink.base");
  });
});

describe("oracle: a model whose wire case is unknown", () => {
  test("is read with the truth's case, but its unknown case is never excused where a key votes", () => {
    const s = generateService({ ...BASES, seed: 1189957786, ops: 1 });
    const truth = truthOf(s, renderService(s, "pipe"));
    const unknown = { ...structuredClone(truth), wireCase: "unknown" as const };
    expect(readingVerdict(s, unknown, "pipe")).toBeUndefined();
    // `colorEmail` votes camel (§5.5), so no rule excuses it, and the whole model may not either
    expect(evaluate(s, "pipe", truth, unknown).differences.map((d) => d.path)).toEqual(["service.wireCase"]);
  });
});

describe("oracle: the whole model with the facts other rules settled", () => {
  // PatchThing : TrackedRequest { Target: DateTime? } (read as the PatchContractLink case above: no base, the
  // response { Target } : PatchThingResponseBase), and ListItems returning List<Item>, Item { Kind: Mode } shown
  // only in the sample (`"kind":"Low"`): Item's member types are undecidable (another rule excuses them)
  function service(): TrueService {
    const types: TrueService["types"] = new Map();
    const add = (t: Parameters<typeof types.set>[1]) => types.set(t.name, t);
    const str = named("string");
    add({ kind: "enum", name: "Mode", valued: "none", members: [{ name: "Low" }, { name: "High" }] });
    add({ kind: "class", name: "Item", properties: [{ name: "Kind", type: named("Mode"), required: false }, { name: "Label", type: str, required: false }] });
    add({ kind: "class", name: "TrackedRequest", properties: [{ name: "Target", type: nullable(named("DateTime")), required: false }] });
    add({ kind: "class", name: "PatchThing", base: named("TrackedRequest"), properties: [{ name: "Id", type: named("int"), required: true }] });
    add({ kind: "class", name: "PatchThingResponse", properties: [{ name: "ColorEmail", type: named("decimal"), required: false }, { name: "ResponseStatus", type: named("ResponseStatus"), required: false }] });
    add({ kind: "class", name: "ListItems", properties: [{ name: "Id", type: named("int"), required: false }] });
    const operations: TrueService["operations"] = [
      { name: "PatchThing", routes: [{ verbs: ["PATCH"], path: "/things/{Id}" }], response: named("PatchThingResponse"), tags: [], auth: null },
      { name: "ListItems", routes: [{ verbs: ["GET"], path: "/items" }], response: listOf(named("Item")), tags: [], auth: null },
    ];
    return { seed: 0, serviceName: "Things", host: "things.example.test", wireCase: "camel", types, operations };
  }
  const s = service();
  const truth = truthOf(s, renderService(s, "pipe"));
  const read = (settledToo: boolean) => {
    const m = structuredClone(truth);
    const request = m.types.find((t) => t.name === "PatchThing")!;
    const response = m.types.find((t) => t.name === "PatchThingResponse")!;
    const base = m.types.find((t) => t.name === "TrackedRequest")!;
    delete request.base;
    m.types.push({ ...response, name: "PatchThingResponseBase", role: "base" });
    response.properties = base.properties;
    response.base = "PatchThingResponseBase";
    m.types.splice(m.types.indexOf(base), 1);
    if (settledToo) {
      // the sample-only Item read from its sample: Kind a string, Mode unknown
      m.types.find((t) => t.name === "Item")!.properties![0]!.type = "string";
      m.types.splice(m.types.findIndex((t) => t.name === "Mode"), 1);
    }
    return m;
  };

  test("a reading that renders the same once the settled facts take the truth's values is excused", () => {
    expect(evaluate(s, "pipe", truth, read(false)).differences).toEqual([]);
    // as read, Item's sample would print "kind":"String"; with Item's settled facts at the truth's, every page is the same
    expect(readingVerdict(s, read(true), "pipe")).toMatch(/^ListItems line \d+: .*kind.*Low.* would read .*kind.*String/);
    const { differences, excused } = evaluate(s, "pipe", truth, read(true));
    expect(differences).toEqual([]);
    expect(excused.find((d) => d.path === "type:Item.prop:Kind.type")?.reason).toMatch(/gets a table on no page/);
    expect(excused.find((d) => d.path === "type:PatchThing.base")?.reason).toBe("the service ssgen read (its whole model) renders every page byte-identically");
  });

  test("an open fact is never settled by another's excuse", () => {
    const m = read(true);
    m.types.find((t) => t.name === "PatchThingResponseBase")!.properties![0]!.required = true;
    expect(evaluate(s, "pipe", truth, m).differences.map((d) => d.path)).toContain("type:PatchThingResponse.prop:ColorEmail");
  });
});

describe("oracle: a wire case no sample key tells", () => {
  // everything seed 321748996 (1 op, fast-check seed 8): a GET returning void, so no sample shows a key; the
  // PascalCase host's case is settled (undecidable), and with it ssgen's camel wire names. ssgen reads
  // `PaymentItem { OwnerWidth, ... } : PaymentItemBase { Amount }` for `GetSeatOption : AuditedRequest { OwnerWidth, ... }`
  // and `PaymentItem { Amount }`: every page renders the same but for those wire names, which no page shows
  const service = generateService({ seed: 321748996, ops: 1 });
  const files = renderService(service, "pipe");
  const truth = truthOf(service, files);
  const read = () => buildApi({ pages: files.map((f) => ({ source: f.path, text: f.text })), failures: [], diagnostics: [], urlSources: [] }, { include: [], exclude: [], allowPartial: false }).api;

  test("case-made wire names do not keep a reading that renders every page the same from being excused", () => {
    expect(service.wireCase).toBe("pascal");
    expect(evaluate(service, "pipe", truth, read()).differences).toEqual([]);
  });

  test("an alias still does", () => {
    const alias = read();
    const prop = alias.types.flatMap((t) => t.properties ?? []).find((p) => p.name === "OwnerWidth")!;
    prop.wireName = "ow";
    expect(evaluate(service, "pipe", truth, alias).differences.length).toBeGreaterThan(0);
  });
});

describe("oracle: an <Op>Response that reads as another type with the same rows", () => {
  // seed 2, 1,000 ops: ArchiveCustomerRule2Response `{Zip: Guid}` has ProductStat2's rows, and pipe text identifies
  // tables by their rows (§4.1), so ssgen's model returns ProductStat2 there and has no ArchiveCustomerRule2Response.
  // No page names it (a reader only infers `<Op>Response`), and the page reads the same: not missing, but that type
  const sameRows = () => {
    const s = generateService({ seed: 1, ops: 3, wireCase: "camel" });
    const [a, b] = ["ArchiveReview", "ArchiveLedger"].map((n) => responseOf(s, n));
    b!.properties = structuredClone(a!.properties);
    return s;
  };
  const responseOf = (s: TrueService, op: string) => {
    const t = s.types.get(`${op}Response`)!;
    if (t.kind !== "class") throw new Error(`${op}Response is no class`);
    return t;
  };
  const mergedInto = (s: TrueService) => {
    const m = truthOf(s, renderService(s, "pipe"));
    m.operations.find((o) => o.name === "ArchiveLedger")!.response = "ArchiveReviewResponse";
    m.types = m.types.filter((t) => t.name !== "ArchiveLedgerResponse");
    return m;
  };

  test("is excused, naming the op and the type it reads as", () => {
    const s = sameRows();
    const { differences, excused } = evaluate(s, "pipe", truthOf(s, renderService(s, "pipe")), mergedInto(s));
    expect(differences).toEqual([]);
    expect(excused.find((d) => d.path === "type:ArchiveLedgerResponse")?.reason).toMatch(/^no page names ArchiveLedgerResponse, and ArchiveLedger's response reads as ArchiveReviewResponse: /);
  });

  test("is missing where its rows differ in one Required flag", () => {
    const s = sameRows();
    const first = responseOf(s, "ArchiveLedger").properties[0]!;
    first.required = !first.required;
    expect(evaluate(s, "pipe", truthOf(s, renderService(s, "pipe")), mergedInto(s)).differences.map((d) => d.path)).toContain("type:ArchiveLedgerResponse");
  });
});
