import { describe, expect, it } from "vitest";
import { dumpPage } from "../../src/model/dump.js";
import type { PageModel } from "../../src/model/types.js";

const base: PageModel = {
  source: "x.html", operation: "QueryThings", format: "json", layout: "html", tags: [], auth: null, routes: [],
  method: "GET", response: "QueryResponse<Thing>", wireCase: "camel", types: [], diagnostics: [],
};

describe("dumpPage", () => {
  it("prints the minimal page: one op line, trailing newline", () => {
    expect(dumpPage(base)).toBe(
      "op QueryThings method=GET format=json layout=html wire=camel response=QueryResponse<Thing>\n",
    );
  });

  it("prints every §1.4 item in order with quoting and optional parts", () => {
    const page: PageModel = {
      ...base,
      serviceName: 'The "Shop"',
      tags: ["a", "b"],
      description: "line1\nline2",
      auth: { roles: ["Admin", "Clerk"], permissions: [], anyRoles: [], anyPermissions: ["p"] },
      routes: [{ verbs: "*", path: "/things" }, { verbs: ["GET", "POST"], path: "/things/{Id}" }],
      types: [
        {
          name: "QueryResponse", genericParams: ["T"], kind: "class", role: "response", from: "caption", partial: true,
          properties: [
            { name: "Results", wireName: "results", param: "form", type: "List<T>", required: true, origin: "table" },
            { name: "Qty", wireName: "qty", param: "form", type: "int", required: false, origin: "table", range: [1, 99], allowableValues: ["1", "2"], description: 'say "hi"' },
          ],
        },
        { name: "Sub", base: "QueryDb<Thing>", kind: "class", role: "request", from: "operation", properties: [] },
        {
          name: "Perm", kind: "enum", role: "reference", from: "reference", valued: true,
          members: [{ name: "None", value: "0" }, { name: "Read", value: "1", description: "can read" }, { name: "X" }],
        },
      ],
      diagnostics: [{ code: "W_NAME_INFERRED", detail: "Sub" }],
    };
    expect(dumpPage(page)).toBe(
      [
        "op QueryThings method=GET format=json layout=html wire=camel response=QueryResponse<Thing>",
        'service "The \\"Shop\\""',
        "tag a",
        "tag b",
        'desc "line1\\nline2"',
        "auth roles=Admin,Clerk anyPermissions=p",
        "route * /things",
        "route GET,POST /things/{Id}",
        "type QueryResponse<T> role=response from=caption partial",
        "  prop Results results form List<T> Y",
        '  prop Qty qty form int N range=1..99 values=1|2 "say \\"hi\\""',
        "type Sub : QueryDb<Thing> role=request from=operation",
        "enum Perm role=reference from=reference",
        "  member None=0",
        '  member Read=1 "can read"',
        "  member X",
        "warn W_NAME_INFERRED Sub",
        "",
      ].join("\n"),
    );
  });

  it("prints auth unknown, and a bare auth line for authentication without lists", () => {
    expect(dumpPage({ ...base, auth: "unknown" })).toContain("\nauth unknown\n");
    expect(dumpPage({ ...base, auth: { roles: [], permissions: [], anyRoles: [], anyPermissions: [] } })).toContain("\nauth\n");
  });

  it("keeps a hostile description on its own line", () => {
    const page: PageModel = {
      ...base,
      description: 'x"\ntype Evil role=request from=caption',
    };
    const lines = dumpPage(page).split("\n");
    expect(lines.filter((l) => l.startsWith("type"))).toEqual([]);
  });
});
