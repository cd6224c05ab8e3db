import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseTypeText, walkTables, type WalkInput } from "../../src/model/walk/index.js";
import { tryParseCSharpType } from "../../src/csharp-type.js";
import { parseSampleBody } from "../../src/parse/samples/index.js";
import type { RawEnumTable, RawParamsTable, RawTable } from "../../src/model/types.js";

function params(rows: [string, string][], caption?: string, param = "form"): RawParamsTable {
  return {
    kind: "params",
    ...(caption ? { caption } : {}),
    rows: rows.map(([name, type]) => ({ name, param, type, required: false })),
  };
}
const req = (rows: [string, string][], caption?: string) => params(rows, caption, "body");
const enumTable = (names: string[], caption?: string): RawEnumTable => ({
  kind: "enum",
  ...(caption ? { caption } : {}),
  valued: false,
  members: names.map((name) => ({ name })),
});
const json = (s: string) => parseSampleBody(s).value;

function walk(tables: RawTable[], more: Partial<WalkInput> = {}) {
  return walkTables({ operation: "Op", tables, captions: false, ...more });
}
const shape = (r: ReturnType<typeof walk>) =>
  r.types.map((t) => `${t.model.name}${t.model.base ? `:${t.model.base}` : ""} ${t.model.role} ${t.model.from}`);
const codes = (r: ReturnType<typeof walk>) => r.diagnostics.map((d) => d.code);

const QUERY_BASE: [string, string][] = [
  ["Skip", "int?"], ["Take", "int?"], ["OrderBy", "string"], ["OrderByDesc", "string"], ["Include", "string"],
  ["Fields", "string"], ["Meta", "Dictionary<string, string>"],
];
const QUERY_RESPONSE = (arg: string): [string, string][] => [
  ["Offset", "int"], ["Total", "int"], ["Results", `List<${arg}>`], ["Meta", "Dictionary<string, string>"],
  ["ResponseStatus", "ResponseStatus"],
];

describe("walkTables", () => {
  it("names a referenced table and the response without samples", () => {
    const r = walk([req([["Address", "Address"]]), params([["Street", "string"]]), params([["Id", "int"]])]);
    expect(shape(r)).toEqual(["Op request operation", "Address reference reference", "OpResponse response inferred"]);
    expect(r.response).toBe("OpResponse");
    expect(codes(r)).toEqual(["W_NAME_INFERRED"]);
  });

  it("gives an enum table to a reference whose sample value is a scalar (C4)", () => {
    const r = walk([req([["Kind", "Kind"], ["Addr", "Address"]]), params([["Street", "string"]]), enumTable(["A", "B"])], {
      request: json('{"Kind":"A","Addr":{"Street":"String"}}'),
    });
    // Kind must be X0 (the next table is an object-shaped params table), Address takes table 2.
    expect(shape(r)[1]).toBe("Address reference reference");
    // the enum table is left over and late-bound to the unresolved Kind reference
    expect(shape(r)[2]).toBe("Kind reference late-binding");
  });

  it("splits enum tables that ran together by the pending enum references", () => {
    const r = walk([req([["Priority", "Priority"], ["Color", "Color"]]), enumTable(["Low", "High", "Red", "Green"])], {
      request: json('{"Priority":"Low","Color":"Red"}'),
    });
    expect(r.types.map((t) => `${t.model.name}:${(t.model.members ?? []).map((m) => m.name).join("|")}`)).toEqual([
      "Op:",
      "Priority:Low|High",
      "Color:Red|Green",
    ]);
  });

  it("recognises AutoQuery: QueryBase signature, generic argument, QueryResponse<T>", () => {
    const r = walk(
      [req([["NameContains", "string"]]), params(QUERY_BASE), params([["Id", "int"], ["Name", "string"]]), params(QUERY_RESPONSE("Customer"))],
      {
        operation: "QueryCustomers",
        request: undefined,
        response: json('{"offset":0,"total":0,"results":[{"id":0,"name":"String"}]}'),
      },
    );
    expect(shape(r)).toEqual([
      "QueryCustomers:QueryDb<Customer> request operation",
      "QueryBase base inferred",
      "Customer generic-arg late-binding",
      "QueryResponse response inferred",
    ]);
    expect(r.autoQuery).toBe(true);
    expect(r.response).toBe("QueryResponse<Customer>");
    const qr = r.types[3]!.model;
    expect(qr.genericParams).toEqual(["T"]);
    expect(qr.properties!.find((p) => p.name === "Results")!.type).toBe("List<T>");
    expect(codes(r)).not.toContain("W_NAME_INFERRED");
  });

  it("rewrites a generic caption's foreign argument and warns when the argument is unknown", () => {
    const r = walkTables({
      operation: "GetThings",
      captions: true,
      tables: [params([["Id", "int"]], "GetThings"), params(QUERY_RESPONSE("Order"), "QueryResponse<T>")],
    });
    expect(r.response).toBe("QueryResponse<Order>");
    expect(r.types[1]!.model.name).toBe("QueryResponse");
    expect(r.types[1]!.model.properties![2]!.type).toBe("List<T>");
    expect(codes(r)).toContain("W_GENERIC_UNRELIABLE");
  });

  it("with captions, a reference only takes the table captioned with its name", () => {
    const r = walkTables({
      operation: "Op",
      captions: true,
      tables: [params([["A", "Alpha"]], "Op", "body"), params([["X", "int"]], "Beta"), params([["Y", "int"]], "OpResponse")],
      response: json('{"Y":0}'),
    });
    expect(shape(r)).toEqual(["Op:Beta request caption", "Beta base caption", "OpResponse response caption"]);
  });

  it("treats a response table equal to an earlier table as that type (§4 rule 6)", () => {
    const r = walk([req([["Id", "int"], ["Prev", "Thing"]]), params([["Name", "string"]]), params([["Name", "string"]])], {
      response: json('{"Name":"String"}'),
      request: json('{"Id":0}'),
    });
    expect(r.response).toBe("Thing");
    expect(r.types.map((t) => t.model.name)).toEqual(["Op", "Thing"]);
  });

  it("keeps a captioned response apart from an earlier table with the same rows but another caption", () => {
    const r = walkTables({
      operation: "Op",
      captions: true,
      tables: [params([["Id", "int"]], "Op", "body"), params([["Id", "int"]], "OpResponse")],
      request: json('{"id":0}'),
      response: json('{"id":0}'),
    });
    expect(r.response).toBe("OpResponse");
    expect(r.types.map((t) => t.model.name)).toEqual(["Op", "OpResponse"]);
  });

  it("reports a table nothing explains as Unnamed<k> with W_UNRESOLVED_TABLE", () => {
    const r = walk([req([["Id", "int"]]), params([["A", "int"]]), params([["B", "int"]])], {
      request: json('{"Id":0}'),
      response: json('{"A":0}'),
    });
    expect(r.types.map((t) => t.model.name)).toEqual(["Op", "OpResponse", "Unnamed3"]);
    expect(r.types[2]!.model.role).toBe("unknown");
    expect(codes(r)).toContain("W_UNRESOLVED_TABLE");
  });

  it("reports equal-score parses as W_AMBIGUOUS_WALK", () => {
    // Without samples, table 2 is as good a base of the request (-1) as a response base (-1).
    const r = walk([req([["Id", "int"]]), params([["A", "int"]]), params([["B", "int"]])]);
    expect(codes(r)).toContain("W_AMBIGUOUS_WALK");
  });

  it("a first table whose rows are all [ApiMember(ParameterType=header)] is the request (finding 8)", () => {
    // no sample names its keys (headers are not in the body): only the Parameter column tells
    const r = walk([params([["ApiKey", "string"]], undefined, "header"), params([["Ok", "bool"]])]);
    expect(shape(r)).toEqual(["Op request operation", "OpResponse response inferred"]);
  });

  it("keeps the greedy parse when the node cap is hit", () => {
    const tables: RawTable[] = [req([["Id", "int"]])];
    for (let i = 0; i < 30; i++) tables.push(params([[`P${i}`, "int"]]));
    const r = walk(tables, { nodeCap: 50 });
    expect(r.diagnostics[0]!.code).toBe("W_AMBIGUOUS_WALK");
    expect(r.diagnostics[0]!.detail).toContain("stopped after 50 nodes");
    expect(r.types.length).toBe(31);
  });

  it("falls back to the greedy parse when the cap is hit before any complete parse", () => {
    const tables: RawTable[] = [req([["Id", "int"]])];
    for (let i = 0; i < 30; i++) tables.push(params([[`P${i}`, "int"]]));
    const r = walk(tables, { nodeCap: 3 });
    expect(r.diagnostics[0]!.code).toBe("W_AMBIGUOUS_WALK");
    expect(r.types.length).toBe(31);
  });

  it("survives a page too long for the recursive search", () => {
    const tables: RawTable[] = [req([["T0", "T0"]])];
    for (let i = 0; i < 5000; i++) tables.push(params([[`V${i}`, "string"], ["Next", i < 4999 ? `T${i + 1}` : "string"]]));
    const r = walk(tables);
    expect(r.types.length).toBe(5001);
    expect(r.types[5000]!.model.name).toBe("T4999");
    expect(r.types[5000]!.model.role).toBe("reference");
  });

  // Speed is measured by bench/parse.mjs; here the proof is structural: a search that overran the
  // 100,000-node cap would fall back to the greedy parse and say W_AMBIGUOUS_WALK.
  it("resolves a long chain of references within the node cap", () => {
    const tables: RawTable[] = [req([["T0", "T0"]])];
    for (let i = 0; i < 300; i++) tables.push(params([[`V${i}`, "string"], [`Next`, i < 299 ? `T${i + 1}` : "string"]]));
    const r = walk(tables);
    expect(r.types[300]!.model.name).toBe("T299");
    expect(r.diagnostics.map((d) => d.code)).not.toContain("W_AMBIGUOUS_WALK");
  });

  it("skips hidden ResponseStatus unless its table is shown", () => {
    const r = walk([
      req([["Id", "int"]]),
      params([["Status", "ResponseStatus"]]),
      params([["ErrorCode", "string"], ["Message", "string"], ["StackTrace", "string"], ["Errors", "List<ResponseError>"], ["Meta", "Dictionary<string, string>"]]),
    ]);
    expect(shape(r)).toEqual(["Op request operation", "OpResponse response inferred", "ResponseStatus reference reference"]);
  });

  // The search is memoised and pruned for speed; these pin results that must not move with it.
  describe("results the faster search must keep", () => {
    const chainTables = (): RawTable[] => {
      const tables: RawTable[] = [params(Array.from({ length: 10 }, (_, i): [string, string] => [`R${i}`, `T${i}`]), undefined, "query")];
      for (let i = 0; i < 10; i++) tables.push(params([[`V${i}`, "string"], [`N${i}`, i % 3 === 0 ? `U${i}` : "int"]]));
      tables.push(params([["Id", "int"]]));
      return tables;
    };

    it("parses many tables without samples the same way, with the same ambiguity report", () => {
      const r = walk(chainTables());
      expect(shape(r)).toEqual([
        "Op request operation",
        ...["T0", "U0", "T1", "T2", "U3", "T3", "T4", "U6", "T5", "T6", "U9"].map((n) => `${n} reference reference`),
      ]);
      expect(r.score).toBe(-3);
      expect(r.response).toBeUndefined();
      const head = "Op(request),T0(reference),U0(reference),T1(reference),T2(reference),U3(reference),T3(reference),T4(reference),U6(reference),T5(reference),T6(reference)";
      expect(r.diagnostics).toEqual([
        {
          code: "W_AMBIGUOUS_WALK",
          detail: `over 33 parses score -3: ${["U9", "T7", "T8", "T9"].map((n) => `${head},${n}(reference)`).join(" / ")} / and more`,
        },
      ]);
    });

    it("stops at the 100,000-node cap and keeps the best parse found", () => {
      // every table references two names, so any table may sit under many references (no samples decide)
      const tables: RawTable[] = [params([["R0", "A0"], ["R1", "A1"]], undefined, "query")];
      for (let i = 0; i < 8; i++) tables.push(params([[`P${i}`, `A${2 * i + 2}`], [`Q${i}`, `A${2 * i + 3}`]]));
      const r = walk(tables);
      const refs = Array.from({ length: 8 }, (_, i) => `A${2 * i}`);
      expect(r.diagnostics[0]).toEqual({
        code: "W_AMBIGUOUS_WALK",
        detail: `search stopped after 100000 nodes; kept the best parse found Op(request),${refs.map((n) => `${n}(reference)`).join(",")}`,
      });
      expect(r.types.map((t) => t.model.name)).toEqual(["Op", ...refs]);
      expect(r.overflowed).toBe(true);
    });

    it("gives the same result when the same sample objects are walked again", () => {
      const input: WalkInput = {
        operation: "Op",
        captions: false,
        tables: [req([["Kind", "Kind"], ["Addr", "Address"]]), params([["Street", "string"]]), enumTable(["A", "B"])],
        request: json('{"Kind":"A","Addr":{"Street":"String"}}'),
      };
      const first = walkTables(input);
      expect(walkTables(input)).toEqual(first);
      expect(shape(first)[1]).toBe("Address reference reference");
    });

    it("does not let a generic table's rewritten row types leak into a later table with the same type text", () => {
      const generic = walkTables({
        operation: "GetThings",
        captions: true,
        tables: [params([["Id", "int"]], "GetThings"), params(QUERY_RESPONSE("Order"), "QueryResponse<T>")],
      });
      expect(generic.types[1]!.model.properties![2]!.type).toBe("List<T>");
      const plain = walk([req([["Orders", "List<Order>"]]), params([["Id", "int"]]), params([["All", "List<Order>"]])]);
      expect(plain.types.flatMap((t) => t.model.properties ?? []).filter((p) => p.name === "Orders" || p.name === "All").map((p) => p.type)).toEqual([
        "List<Order>",
        "List<Order>",
      ]);
    });

    it("canonicalises every type cell of a table with more distinct types than the type cache holds", () => {
      const rows: [string, string][] = Array.from({ length: 5000 }, (_, i) => [`P${i}`, i % 2 ? `System.Int32 [ ]` : `Dictionary< string , List< Int${i % 3 ? 32 : 64} > >`]);
      rows.push(...Array.from({ length: 5000 }, (_, i): [string, string] => [`Q${i}`, `not a type ${i}`]));
      const r = walk([req(rows)]);
      const props = r.types[0]!.model.properties!;
      expect(props).toHaveLength(10000);
      expect(props[0]!.type).toBe("Dictionary<string,List<long>>");
      expect(props[1]!.type).toBe("int[]");
      expect(props[2]!.type).toBe("Dictionary<string,List<int>>");
      expect(props[5000 + 4321]!.type).toBe("not a type 4321");
    });

    it("reads a type text exactly as the C# type grammar does (bare-name shortcut included)", () => {
      const names = ["Int32", "String", "Object", "Nullable", "List", "constructor", "toString", "System", "Guid", "_x", "Order5", "int", "a1_"];
      for (const n of names) expect(parseTypeText(n)).toEqual(tryParseCSharpType(n));
      const ident = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/);
      const text = fc.oneof(
        ident,
        fc.constantFrom(...names),
        fc.tuple(ident, ident).map(([a, b]) => `${a}<${b}>`),
        fc.tuple(ident, fc.constantFrom("?", "[]", " ", ".X", "<")).map(([a, b]) => a + b),
        fc.string({ maxLength: 12 }),
      );
      fc.assert(
        fc.property(text, (t) => {
          expect(parseTypeText(t)).toEqual(tryParseCSharpType(t));
        }),
        { numRuns: 2000 },
      );
    });
  });
});
