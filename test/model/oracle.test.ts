// The oracle's own checks: its walk reproduces the spec's worked examples, its generator is
// deterministic, and its comparer catches planted differences.
import { describe, expect, test } from "vitest";
import { parseIndexPage } from "../../src/parse/index-page.js";
import { dictOf, listOf, named, nullable } from "../helpers/random-service/csharp.js";
import { QUERY_BASE, QUERY_DB, QUERY_RESPONSE } from "../helpers/random-service/builtins.js";
import {
  compareModels,
  evaluate,
  generateService,
  recover,
  renderService,
  toApiModel,
  walkOperation,
  type TrueService,
} from "../helpers/random-service/index.js";

const str = named("string");
/** The §2.10 fixture service (CreateOrder) and the AutoQuery fixture (QueryCustomers). */
function shop(): TrueService {
  const types: TrueService["types"] = new Map();
  const add = (t: Parameters<typeof types.set>[1]) => types.set(t.name, t);
  add({ kind: "class", name: "AuditedRequest", properties: [{ name: "TraceId", type: str, required: false }] });
  add({ kind: "enum", name: "Priority", valued: "none", members: [{ name: "Low" }, { name: "Normal" }, { name: "High" }] });
  add({ kind: "class", name: "LineItem", properties: [{ name: "Sku", type: str, required: false }, { name: "Qty", type: named("int"), required: false, range: [1, 99] }] });
  add({
    kind: "class", name: "CreateOrder", base: named("AuditedRequest"),
    properties: [
      { name: "CustomerId", type: named("int"), required: true },
      { name: "Priority", type: named("Priority"), required: false },
      { name: "Items", type: listOf(named("LineItem")), required: false },
      { name: "DueDate", type: nullable(named("DateTime")), required: false },
    ],
  });
  add({ kind: "class", name: "CreateOrderResponse", properties: [{ name: "Id", type: named("long"), required: false }, { name: "Meta", type: dictOf(str, str), required: false }, { name: "ResponseStatus", type: named("ResponseStatus"), required: false }] });
  add({ kind: "class", name: "Customer", properties: [{ name: "Id", type: named("int"), required: false }, { name: "FullName", type: str, required: false }] });
  add({ kind: "class", name: "QueryCustomers", base: named("QueryDb", named("Customer")), properties: [] });
  for (const t of [QUERY_BASE, QUERY_DB, QUERY_RESPONSE]) add(t);
  return {
    seed: 0, serviceName: "Shop API", host: "shop.example.test", wireCase: "camel", types,
    operations: [
      { name: "CreateOrder", routes: [{ verbs: ["POST"], path: "/customers/{CustomerId}/orders" }, { verbs: ["POST"], path: "/orders" }], response: named("CreateOrderResponse"), tags: ["orders"], auth: null },
      { name: "QueryCustomers", routes: [{ verbs: ["GET"], path: "/customers" }], response: named("QueryResponse", named("Customer")), tags: [], auth: null },
    ],
  };
}

describe("oracle", () => {
  test("the walk gives the spec's table orders (§2.10, §4 rule 2)", () => {
    const s = shop();
    const captions = (op: number) => walkOperation(s, s.operations[op]!).map((t) => t.caption);
    expect(captions(0)).toEqual(["CreateOrder", "AuditedRequest", "Priority", "LineItem", "CreateOrderResponse"]);
    expect(captions(1)).toEqual(["QueryBase", "Customer", "QueryResponse<T>"]);
    const results = walkOperation(s, s.operations[1]!)[2]!.rows.find((r) => r.name === "Results")!;
    expect(results.type).toEqual(listOf(named("Customer")));
  });

  test("the HTML rendering of the fixture service is read back exactly", () => {
    const s = shop();
    const { differences } = compareModels(toApiModel(s), recover(renderService(s, "html")));
    expect(differences).toEqual([]);
  });

  test("the generator is deterministic and every type it keeps is reachable", () => {
    const a = renderService(generateService({ seed: 42, ops: 20 }), "pipe");
    const b = renderService(generateService({ seed: 42, ops: 20 }), "pipe");
    expect(a).toEqual(b);
    const s = generateService({ seed: 7, ops: 30 });
    expect(s.operations).toHaveLength(30);
    expect(toApiModel(s).types.length).toBeGreaterThan(30);
  });

  test("the index page lists every op with its tags and JSON page link (§3)", () => {
    const s = generateService({ seed: 5, ops: 12 });
    const index = parseIndexPage(renderService(s, "html", { index: true })[0]!.text, `https://${s.host}/metadata`);
    expect(index.operations.map((o) => o.name).sort()).toEqual(s.operations.map((o) => o.name).sort());
    for (const op of s.operations) {
      const read = index.operations.find((o) => o.name === op.name)!;
      expect(read.tags).toEqual(op.tags);
      expect(read.pageUrl).toBe(`https://${s.host}/json/metadata?op=${op.name}`);
    }
  });

  test("the comparer reports planted differences", () => {
    const s = shop();
    const truth = toApiModel(s);
    const wrong = structuredClone(truth);
    const order = wrong.types.find((t) => t.name === "CreateOrder")!;
    delete order.base;
    order.properties![0]!.wireName = "CustomerId";
    wrong.types.push({ name: "CreateOrder2", kind: "class", role: "unknown", from: "caption", properties: [] });
    wrong.operations[0]!.routes.pop();
    const paths = compareModels(truth, wrong).differences.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(["type:CreateOrder.base", "type:CreateOrder.prop:CustomerId.wireName", "type:CreateOrder2", "op:CreateOrder.routes.count"]),
    );
    const excused = compareModels(truth, wrong, { undecidable: [{ path: "type:*.base", reason: "test" }] });
    expect(excused.excused.map((d) => d.path)).toContain("type:CreateOrder.base");
  });

  // undecidable.ts hiddenBases: a base difference is excused only when the service with ssgen's base
  // renders every page byte-identically (counterfactual.ts)
  const withBase = (truth: ReturnType<typeof toApiModel>, name: string, base: string | undefined) => {
    const model = structuredClone(truth);
    const t = model.types.find((x) => x.name === name)!;
    if (base === undefined) delete t.base;
    else t.base = base;
    return model;
  };
  const baseDifferences = (s: TrueService, rendering: "html" | "flat" | "pipe", name: string, base: string | undefined) => {
    const { differences, excused } = evaluate(s, rendering, toApiModel(s), withBase(toApiModel(s), name, base));
    return { differences: differences.map((d) => d.path), excused: excused.filter((d) => d.path === `type:${name}.base`) };
  };

  test("a base whose pages read the same without it is excused, with the reason", () => {
    // RegionNote : ShipmentDetail; ShipmentDetail is also the next table the request references (seed 99 of the strict cases)
    const s = generateService({ seed: 896221083, ops: 1 });
    for (const rendering of ["html", "flat", "pipe"] as const) {
      const { differences, excused } = baseDifferences(s, rendering, "RegionNote", undefined);
      expect(differences).toEqual([]);
      expect(excused[0]?.reason).toMatch(/^every page that shows RegionNote \(ExportRegionNote\) is byte-identical with no base for RegionNote/);
    }
  });

  test("a base the table order or a sample shows is never excused", () => {
    // CreateOrder's first reference is Priority: AuditedRequest's table right after it is its base
    expect(baseDifferences(shop(), "html", "CreateOrder", undefined).differences).toEqual(["type:CreateOrder.base"]);
    // nor another base that would print another page
    expect(baseDifferences(shop(), "html", "CreateOrder", "LineItem").differences).toEqual(["type:CreateOrder.base"]);
    // a name that is no type of the service
    expect(baseDifferences(shop(), "html", "CreateOrder", "AuditedRequest2").differences).toEqual(["type:CreateOrder.base"]);
    // AccountEntry : ProductSummary: ProductSummary is seen first, but the response sample's platformRate holds its `label`
    const P = { autoQueryRate: 0, requestBaseRate: 0, entityBaseRate: 0.5, voidRate: 0.1, listResponseRate: 0, entityResponseRate: 0, sharedResponseRate: 0.1, routeSummaryRate: 0.25, refRate: 0.3, minRequestProps: 1, headerParamRate: 0, wireCase: "camel" as const };
    const entity = generateService({ ...P, seed: 224596837, ops: 1 });
    expect(baseDifferences(entity, "html", "AccountEntry", undefined).differences).toEqual(["type:AccountEntry.base"]);
  });

  test("relations that read the same only together are excused together, and only then", () => {
    // DeleteSupplier returns MutationResult, Shipment : Supplier; "response Supplier : MutationResult, Shipment without a base"
    // prints the same tables and samples (Supplier's only member is cut by recursion)
    const P = { autoQueryRate: 0, requestBaseRate: 0, entityBaseRate: 0.5, voidRate: 0.1, listResponseRate: 0, entityResponseRate: 0, sharedResponseRate: 0.1, routeSummaryRate: 0.25, refRate: 0.3, minRequestProps: 1, headerParamRate: 0, wireCase: "camel" as const };
    const s = generateService({ ...P, seed: 1259098944, ops: 3 });
    const truth = toApiModel(s);
    const other = structuredClone(truth);
    delete other.types.find((t) => t.name === "Shipment")!.base;
    other.types.find((t) => t.name === "Supplier")!.base = "MutationResult";
    other.operations.find((o) => o.name === "DeleteSupplier")!.response = "Supplier";
    const together = evaluate(s, "html", truth, other);
    expect(together.differences).toEqual([]);
    expect(together.excused.map((d) => d.path).sort()).toEqual(["op:DeleteSupplier.response", "type:Shipment.base", "type:Supplier.base"]);
    // one of them alone prints another page
    const alone = evaluate(s, "html", truth, withBase(truth, "Shipment", undefined));
    expect(alone.differences.map((d) => d.path)).toEqual(["type:Shipment.base"]);
  });
});

