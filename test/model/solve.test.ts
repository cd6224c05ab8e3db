// The cross-page solve (spec §4.1): one reading per type, whatever each page could show alone.
import { describe, expect, it } from "vitest";
import { mergePages } from "../../src/model/merge.js";
import { preparePage } from "../../src/model/page.js";
import { solvePages } from "../../src/model/solve/index.js";
import type { RawEnumTable, RawPage, RawParamsTable, RawTable } from "../../src/model/types.js";
import { parseSampleBody } from "../../src/parse/samples/index.js";

function table(caption: string | undefined, rows: [string, string][], param = "form"): RawParamsTable {
  return { kind: "params", ...(caption ? { caption } : {}), rows: rows.map(([name, type]) => ({ name, param, type, required: false })) };
}

function page(source: string, op: string, tables: RawTable[], layout: RawPage["layout"] = "html", response?: string): RawPage {
  const p: RawPage = { source, layout, opName: op, tags: [], auth: null, routes: [{ verbs: ["POST"], path: `/${op}` }], tables, complete: true, diagnostics: [] };
  if (response) p.response = { status: 200, headers: {}, body: response, parsed: parseSampleBody(response) };
  return p;
}

const solve = (pages: RawPage[]) => solvePages(pages.map((p) => preparePage(p)));
const typeOf = (api: ReturnType<typeof mergePages>, name: string) => api.types.find((t) => t.name === name);

describe("solvePages", () => {
  // GetA alone can only read Extra as Thing's base; GetB shows Thing followed by its response
  // with no Extra before it, so Extra is not Thing's base on any page.
  const a = page("a.html", "GetA", [table("GetA", [["Thing", "Thing"]], "body"), table("Thing", [["Id", "int"]]), table("Extra", [["Code", "string"]]), table("GetAResponse", [["Ok", "bool"]])], "html", '{"ok":false}');
  const b = page("b.html", "GetB", [table("GetB", [["Thing", "Thing"]], "body"), table("Thing", [["Id", "int"]]), table("GetBResponse", [["Ok", "bool"]])], "html", '{"ok":false}');

  it("a page that shows a type without a base refutes the base another page alone would read", () => {
    const alone = solve([a]);
    expect(alone[0]!.types.find((t) => t.name === "Thing")?.base).toBe("Extra");
    const api = mergePages(solve([a, b]));
    expect(typeOf(api, "Thing")?.base).toBeUndefined();
    expect(api.types.map((t) => t.name)).not.toContain("Thing2");
    expect(api.diagnostics.filter((d) => d.code === "W_TYPE_CONFLICT")).toEqual([]);
  });

  it("a base met before its derived type still applies on that page (one type, one reading)", () => {
    const c = page("c.html", "GetC", [table("GetC", [["Thing", "Thing"]], "body"), table("Thing", [["Id", "int"]]), table("ThingBase", [["Code", "string"]]), table("GetCResponse", [["Ok", "bool"]])]);
    const d = page("d.html", "GetD", [table("GetD", [["Base", "ThingBase"], ["Thing", "Thing"]], "body"), table("ThingBase", [["Code", "string"]]), table("Thing", [["Id", "int"]]), table("GetDResponse", [["Ok", "bool"]])]);
    const solved = solve([c, d]);
    for (const p of solved) expect(p.types.find((t) => t.name === "Thing")?.base).toBe("ThingBase");
    const api = mergePages(solved);
    expect(typeOf(api, "Thing")?.base).toBe("ThingBase");
    expect(api.diagnostics.filter((x) => x.code === "W_TYPE_CONFLICT")).toEqual([]);
  });

  it("does not depend on the order of the pages", () => {
    const forward = mergePages(solve([a, b]));
    const backward = mergePages(solve([b, a]));
    expect(JSON.stringify({ ...backward, sources: [] })).toBe(JSON.stringify({ ...forward, sources: [] }));
  });

  it("pipe text: a table inferred as <Op>Response takes the name a reference gives the same rows on another page", () => {
    const p1 = page("p1.txt", "GetP", [table(undefined, [["Id", "int"]], "body"), table(undefined, [["City", "string"], ["Zip", "string"]])], "text-pipe");
    const p2 = page("p2.txt", "GetQ", [table(undefined, [["Home", "Address"]], "body"), table(undefined, [["City", "string"], ["Zip", "string"]]), table(undefined, [["Ok", "bool"]])], "text-pipe");
    const solved = solve([p1, p2]);
    expect(solved[0]!.response).toBe("Address");
    const api = mergePages(solved);
    expect(api.types.map((t) => t.name)).not.toContain("GetPResponse");
  });

  it("pipe text: a table identified by its rows on one page fits no other reference on another page", () => {
    const named = page("q.txt", "GetQ", [table(undefined, [["Home", "Address"]], "body"), table(undefined, [["Lat", "double?"], ["Lng", "double?"]]), table(undefined, [["Ok", "bool"]])], "text-pipe");
    // alone, GetR reads the rows as its reference Place (X1 before X0); Place has no table, the rows are GetR's response
    // (its response sample shows no key: nullable members are omitted)
    const r = page("r.txt", "GetR", [table(undefined, [["Spot", "Place"]], "body"), table(undefined, [["Lat", "double?"], ["Lng", "double?"]])], "text-pipe", "{}");
    expect(solve([r])[0]!.response).not.toBe("Address");
    // two pages name the rows Address by a reference, one alone reads them as Place
    const also = { ...named, source: "q2.txt", opName: "GetQ2" };
    const solved = solve([named, also, r]);
    expect(solved[2]!.response).toBe("Address");
    expect(solved[2]!.types.map((t) => t.name)).not.toContain("Place");
    expect(mergePages(solved).diagnostics.filter((d) => d.code === "W_TYPE_CONFLICT")).toEqual([]);
  });

  it("a oneway op with no response sample has no response table: the table after the request is its base", () => {
    const p = page("o.html", "Ping", [table("Ping", [["Id", "int"]], "body"), table("TrackedRequest", [["TraceId", "string"]])]);
    p.request = { verb: "POST", url: "/json/oneway/Ping", headers: {}, parsed: { syntax: "empty", truncated: false } };
    const [m] = solve([p]);
    expect(m!.response).toBe("void");
    expect(m!.types.find((t) => t.name === "Ping")?.base).toBe("TrackedRequest");
  });

  // finding 2's variant: a request base whose members are all nullable (no sample key) on an op with no response block
  it("a complete page with a request sample and no response block is void: the table after the request is its base", () => {
    const p = page("g.html", "GetThing", [table("GetThing", [["Id", "int"]], "query"), table("TrackedRequest", [["Total", "int?"], ["Color", "DateTime?"]])]);
    p.request = { verb: "GET", url: "/things/{Id}", headers: {}, parsed: { syntax: "empty", truncated: false } };
    const [m] = solve([p]);
    expect(m!.response).toBe("void");
    expect(m!.types.find((t) => t.name === "GetThing")?.base).toBe("TrackedRequest");
  });

  it("a page cut after its request sample still takes a table captioned as a response", () => {
    const p = page("q.html", "GetQ", [table("GetQ", [["Id", "int"]], "query"), table("GetQResponse", [["Ok", "bool"]])]);
    p.request = { verb: "GET", url: "/q/{Id}", headers: {}, parsed: { syntax: "empty", truncated: false } };
    const [m] = solve([p]);
    expect(m!.response).toBe("GetQResponse");
    expect(m!.types.find((t) => t.name === "GetQ")?.base).toBeUndefined();
  });

  it("a collection response has no table (§4 rule 3): the table after the request is its base", () => {
    const p = page("l.html", "ListThings", [table("ListThings", [["Id", "int"]], "body"), table("TrackedRequest", [["Total", "int?"]])], "html", '[{"name":"String"}]');
    const [m] = solve([p]);
    expect(m!.types.find((t) => t.name === "ListThings")?.base).toBe("TrackedRequest");
    expect(m!.response).not.toBe("TrackedRequest");
  });

  // finding 4: the element of a List<X> response named from the sample although X has a table on another page
  it("a List<X> response element is the type whose whole base chain explains the sample object, on any page", () => {
    // Other needs a date the sample lacks; Item's own rows lack `code`, its base's hold it
    const shows = page(
      "s.html",
      "GetS",
      [
        table("GetS", [["Item", "Item"], ["Other", "Other"]], "body"),
        table("Item", [["Name", "string"], ["Size", "int?"]]),
        table("ItemBase", [["Code", "string"]]),
        table("Other", [["Name", "string"], ["Code", "string"], ["Due", "DateTime"]]),
        table("GetSResponse", [["Ok", "bool"]]),
      ],
      "html",
      '{"ok":false}',
    );
    const lists = page("t.html", "ListT", [table("ListT", [["Id", "int"]], "body")], "html", '[{"name":"String","code":"String"}]');
    const solved = solve([shows, lists]);
    expect(solved[0]!.types.find((t) => t.name === "Item")?.base).toBe("ItemBase");
    expect(solved[1]!.response).toBe("Item[]");
    expect(solved[1]!.types.map((t) => t.name)).not.toContain("ListTResponseItem");
  });

  // seed 1, 1,000 ops, pipe: `[{"country":"Large","width":"String"}]` was read as Order5 : ExportSeatItem, a
  // type seen after that request, whose one row is `Country: SupplierTier2?`, an [EnumMember] enum without "Large"
  it("a sample value that is neither a member's name nor its value refutes the enum's type", () => {
    const tier: RawEnumTable = { kind: "enum", caption: "Tier", valued: true, members: [{ name: "Unknown", value: "unknown" }, { name: "Green", value: "green" }] };
    const tables = [table("GetS", [["Ask", "Ask"], ["Order", "Order"]], "body"), table("Ask", [["Country", "Tier?"]]), tier, table("Order", [["Width", "string"]]), table("GetSResponse", [["Ok", "bool"]])];
    const shows = page("s.html", "GetS", tables, "html", '{"ok":false}');
    const lists = (value: string) => page("t.html", "ListT", [table("ListT", [["Id", "int"]], "body")], "html", `[{"country":${value},"width":"String"}]`);
    const read = (value: string) => {
      const [s, t] = solve([shows, lists(value)]);
      return [s!.types.find((x) => x.name === "Order")?.base, t!.response];
    };
    expect(read('"Large"')).toEqual([undefined, "ListTResponseItem[]"]);
    // a member's name or its [EnumMember] value fits
    expect(read('"Green"')).toEqual(["Ask", "Order[]"]);
    expect(read('"green"')).toEqual(["Ask", "Order[]"]);
  });

  it("a List<X> response whose sample fits two types equally names neither", () => {
    const shows = page("s.html", "GetS", [table("GetS", [["A", "A"], ["B", "B"]], "body"), table("A", [["Name", "string"]]), table("B", [["Name", "string"]]), table("GetSResponse", [["Ok", "bool"]])], "html", '{"ok":false}');
    const lists = page("t.html", "ListT", [table("ListT", [["Id", "int"]], "body")], "html", '[{"name":"String"}]');
    expect(solve([shows, lists])[1]!.response).toBe("ListTResponseItem[]");
  });

  // finding 3: a base seen before its derived type gets no table after it; the derived object holds its members
  it("a base seen earlier that only a sample object shows is read from the sample, on every page", () => {
    const tables = [table("GetA", [["Base", "Thing"], ["Item", "Item"]], "body"), table("Thing", [["Code", "string"]]), table("Item", [["Name", "string"]]), table("GetAResponse", [["Ok", "bool"]])];
    const p = page("a.html", "GetA", tables, "html", '{"ok":false}');
    const body = '{"base":{"code":"String"},"item":{"name":"String","code":"String"}}';
    p.request = { verb: "POST", url: "/GetA", headers: {}, body, parsed: parseSampleBody(body) };
    const [m] = solve([p]);
    expect(m!.types.find((t) => t.name === "Item")?.base).toBe("Thing");
    expect(m!.types.find((t) => t.name === "Thing")?.base).toBeUndefined();
    expect(m!.diagnostics.map((d) => d.code)).not.toContain("W_SAMPLE_KEY_UNMATCHED");
  });

  // finding 2: `GetR : AuditedRequest` returning MutationResult and `GetR` returning `AuditedRequest : MutationResult` show the same page
  it("a request base whose members are all null in the samples is not read as the response: DTOs are named for their role", () => {
    const tables = [table("GetR", [["Id", "int"]], "path"), table("AuditedRequest", [["Color", "bool?"]]), table("MutationResult", [["Comment", "string[]"]])];
    const [m] = solve([page("r.html", "GetR", tables, "html", '{"comment":["String"]}')]);
    expect(m!.types.find((t) => t.name === "GetR")?.base).toBe("AuditedRequest");
    expect(m!.response).toBe("MutationResult");
  });

  it("the greedy parse of a captioned page takes a base where the walk could visit no other table", () => {
    const tables = [table("Big", [["Id", "int"], ["Thing", "Thing"]], "body"), table("Tracked", [["Total", "int?"]]), table("Thing", [["Code", "int?"]]), table("BigResponse", [["Ok", "bool"]])];
    const prepared = preparePage(page("b.html", "Big", tables, "html", '{"ok":false}'));
    prepared.walk!.nodeCap = 1; // no parse found: the greedy one
    const [m] = solvePages([prepared]);
    expect(m!.types.find((t) => t.name === "Big")?.base).toBe("Tracked");
    expect(m!.response).toBe("BigResponse");
  });

  it("the greedy parse of a captioned page reads an AutoQuery request: QueryBase, then its generic argument", () => {
    const tables = [
      table("QueryItems", [["Name", "string"]], "query"),
      table("QueryBase", [["Skip", "int?"], ["Take", "int?"], ["OrderBy", "string"], ["OrderByDesc", "string"]]),
      table("Item", [["Id", "int"]]),
      table("QueryResponse<T>", [["Offset", "int"], ["Total", "int"], ["Results", "List<Item>"]]),
    ];
    const prepared = preparePage(page("q.html", "QueryItems", tables, "html", '{"offset":0,"total":0,"results":[{"id":0}]}'));
    prepared.walk!.nodeCap = 1; // no parse found: the greedy one
    const [m] = solvePages([prepared]);
    expect(m!.types.find((t) => t.name === "QueryItems")?.base).toBe("QueryDb<Item>");
    expect(m!.response).toBe("QueryResponse<Item>");
  });

  it("an AutoQuery request sample's QueryBase keys are explained through QueryDb<T>, which has no table", () => {
    const tables = [
      table("QueryItems", [["Name", "string"]], "query"),
      table("QueryBase", [["Skip", "int?"], ["Take", "int?"], ["OrderBy", "string"], ["OrderByDesc", "string"]]),
      table("Item", [["Id", "int"]]),
      table("QueryResponse<T>", [["Offset", "int"], ["Total", "int"], ["Results", "List<Item>"]]),
    ];
    const p = page("q.html", "QueryItems", tables, "html", '{"offset":0,"total":0,"results":[{"id":0}]}');
    const body = '{"name":"String","orderBy":"String","orderByDesc":"String","extra":1}';
    p.request = { verb: "GET", url: "/QueryItems", headers: {}, body, parsed: parseSampleBody(body) };
    const [m] = solve([p]);
    expect(m!.types.find((t) => t.name === "QueryItems")?.base).toBe("QueryDb<Item>");
    const unmatched = m!.diagnostics.filter((d) => d.code === "W_SAMPLE_KEY_UNMATCHED").map((d) => d.detail);
    expect(unmatched).toEqual(["extra in the QueryItems sample"]);
  });

  it("a page whose search ran out of budget is not forced to drop the bases no page voted on", () => {
    // Big's search stops after 8 nodes with its first parse (Tracked is Big's base: Thing must show
    // where it is walked): an overflowed reading does not vote, so nothing is decided about Big's base
    const tables = [table("Big", [["Id", "int"], ["Thing", "Thing"]], "body"), table("Tracked", [["Total", "int?"]]), table("Thing", [["Code", "int?"]]), table("BigResponse", [["Ok", "bool"]])];
    const prepared = preparePage(page("b.html", "Big", tables, "html", '{"ok":false}'));
    prepared.walk!.nodeCap = 8;
    const [m] = solvePages([prepared]);
    expect(m!.types.find((t) => t.name === "Big")?.base).toBe("Tracked");
  });
});
