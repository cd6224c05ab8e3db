import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseIndexPage } from "../../src/parse/index-page.js";
import type { IndexPage } from "../../src/model/types.js";
import { errorOf } from "../helpers/page-error.js";

const html = readFileSync(join(import.meta.dirname, "../../fixtures/index/metadata.html"), "utf8");


const row = (th: string, tds: string) => `<tr>${th}${tds}</tr>`;
const wrap = (rows: string) => `<html><body><h1>Svc</h1><h3>Operations</h3><table>${rows}</table></body></html>`;

describe("parseIndexPage: fixtures/index/metadata.html", () => {
  it("reads every operation row in full", () => {
    const page = parseIndexPage(html, "https://shop.example.test/metadata");
    const J = (op: string, fmt = "json") => `https://shop.example.test/${fmt}/metadata?op=${op}`;
    const expected: IndexPage = {
      source: "https://shop.example.test/metadata",
      serviceName: "Shop API",
      operations: [
        { name: "CreateOrder", tags: ["orders"], pageUrl: J("CreateOrder"), formats: ["json", "xml", "jsv", "csv"], requiresAuth: true },
        { name: "Echo", tags: [], pageUrl: J("Echo"), formats: ["json", "xml", "jsv", "csv"], requiresAuth: false },
        { name: "GetCustomer", tags: ["customers"], pageUrl: J("GetCustomer"), formats: ["json", "xml", "jsv", "csv"], requiresAuth: false },
        // older-server row: no links at all -> name from the th text, URL built from {base}
        { name: "Ping", tags: [], pageUrl: J("Ping"), formats: [], requiresAuth: false },
        { name: "QueryCustomers", tags: ["customers", "reports"], pageUrl: J("QueryCustomers"), formats: ["json", "xml", "jsv", "csv"], requiresAuth: false },
        // bare <td>JSV</td>: hidden for this op
        { name: "SendEmail", tags: ["mail"], pageUrl: J("SendEmail"), formats: ["json", "xml", "csv"], requiresAuth: true },
        // JSON hidden: the first listed format's page
        { name: "UpsertProduct", tags: ["products", "admin"], pageUrl: J("UpsertProduct", "xml"), formats: ["xml", "jsv", "csv"], requiresAuth: false },
      ],
      diagnostics: [
        {
          code: "W_REBASED_LINK",
          detail: "GetCustomer: http://10.0.0.12:5000/json/metadata?op=GetCustomer -> https://shop.example.test/json/metadata?op=GetCustomer",
        },
      ],
    };
    expect(page).toEqual(expected);
  });

  it("uses the given source name and resolves relative links against a mounted index URL", () => {
    const page = parseIndexPage(html, "https://gw.example.test/api/metadata", "saved/index.html");
    expect(page.source).toBe("saved/index.html");
    const byName = Object.fromEntries(page.operations.map((o) => [o.name, o.pageUrl]));
    expect(byName.Echo).toBe("https://gw.example.test/api/json/metadata?op=Echo");
    expect(byName.Ping).toBe("https://gw.example.test/api/json/metadata?op=Ping");
    // absolute links on another origin are rebased, path and query kept
    expect(byName.CreateOrder).toBe("https://gw.example.test/json/metadata?op=CreateOrder");
    expect(page.diagnostics.map((d) => d.code)).toEqual(Array(5).fill("W_REBASED_LINK"));
  });
});

describe("parseIndexPage: rows", () => {
  it("op name from op= (decoded) wins over the th text; encodes the fallback URL", () => {
    const page = parseIndexPage(
      wrap(
        row(`<th>Shown Name</th>`, `<td><a href="/json/metadata?op=Get%5FThing">JSON</a></td>`) +
          row(`<th><a href='ui/Do_It'>Do_It</a></th>`, `<td>JSON</td>`),
      ),
      "http://h.example:8080/metadata/",
    );
    expect(page.operations.map((o) => [o.name, o.pageUrl])).toEqual([
      ["Get_Thing", "http://h.example:8080/json/metadata?op=Get%5FThing"],
      ["Do_It", "http://h.example:8080/json/metadata?op=Do_It"],
    ]);
  });

  it("skips rows that are not operations and duplicate names", () => {
    const page = parseIndexPage(
      wrap(
        row(`<th></th>`, `<td>JSON</td>`) +
          row(`<th>Two words</th>`, `<td>x</td>`) +
          row(`<th>A</th>`, `<td><a href="json/metadata?op=A">JSON</a></td>`) +
          row(`<th>A</th>`, `<td><a href="json/metadata?op=A">JSON</a></td>`) +
          `<tr><td>not a th row</td></tr>`,
      ),
      "https://h.example/metadata",
    );
    expect(page.operations.map((o) => o.name)).toEqual(["A"]);
  });

  it("never follows links: javascript: and data: hrefs are only data", () => {
    const page = parseIndexPage(wrap(row(`<th>X</th>`, `<td><a href="javascript:alert(1)//json/metadata?op=X">JSON</a></td>`)), "https://h.example/metadata");
    expect(page.operations).toHaveLength(1);
    // a non-http link is rebased onto the index origin like any other foreign origin
    expect(page.operations[0]!.pageUrl.startsWith("https://h.example/")).toBe(true);
  });

  it("rebasing keeps the index host even for a path that starts with //", () => {
    const page = parseIndexPage(wrap(row(`<th>X</th>`, `<td><a href="http://internal:5000//evil.example/json/metadata?op=X">JSON</a></td>`)), "https://h.example/metadata");
    const url = new URL(page.operations[0]!.pageUrl);
    expect(url.host).toBe("h.example");
    expect(url.pathname).toBe("//evil.example/json/metadata");
    expect(page.diagnostics[0]?.code).toBe("W_REBASED_LINK");
  });
});

describe("parseIndexPage: errors", () => {
  it("a page without operations is E_NOT_METADATA naming the page", () => {
    const e = errorOf(() => parseIndexPage("<html><body><p>hello</p></body></html>", "https://h.example/metadata"));
    expect(e.code).toBe("E_NOT_METADATA");
    expect(e.message.startsWith("https://h.example/metadata: E_NOT_METADATA")).toBe(true);
  });

  it("a 403 page is E_ACCESS", () => {
    expect(errorOf(() => parseIndexPage("<html><body>Metadata Not Visible</body></html>", "https://h.example/metadata")).code).toBe("E_ACCESS");
  });

  it("an index URL that is not absolute is an error, not an exception", () => {
    expect(errorOf(() => parseIndexPage(html, "metadata.html")).code).toBe("E_NOT_METADATA");
  });

  it("empty input", () => {
    expect(errorOf(() => parseIndexPage("", "https://h.example/metadata")).code).toBe("E_NOT_METADATA");
  });
});

describe("parseIndexPage: markup as ServiceStack's templates print it", () => {
  const read = (name: string) => readFileSync(join(import.meta.dirname, "../../fixtures/index", name), "utf8");
  const U = (op: string, fmt = "json") => `https://help.example.test/${fmt}/metadata?op=${op}`;

  it("current: schema SVG links, ui links, data-tags, auth icons, hidden formats, a filter script holding row markup", () => {
    const page = parseIndexPage(read("real-current.html"), "https://help.example.test/metadata");
    const all = ["json", "xml", "jsv", "csv", "jsonl"];
    expect(page).toEqual({
      source: "https://help.example.test/metadata",
      serviceName: "Help Desk",
      operations: [
        { name: "ArchiveTicket", tags: ["support", "tickets"], pageUrl: U("ArchiveTicket"), formats: all, requiresAuth: true },
        { name: "ExportTickets", tags: ["reports"], pageUrl: U("ExportTickets"), formats: ["json", "jsv", "csv", "jsonl"], requiresAuth: true },
        { name: "ListAgents", tags: ["agents"], pageUrl: U("ListAgents"), formats: all, requiresAuth: false },
        // debug mode lists an op with every format hidden: name from the ui link text
        { name: "NotifyAgent", tags: ["agents"], pageUrl: U("NotifyAgent"), formats: [], requiresAuth: true },
        { name: "ReopenTicket", tags: [], pageUrl: U("ReopenTicket"), formats: all, requiresAuth: true },
      ],
      diagnostics: [],
    } satisfies IndexPage);
  });

  it("v5.9 (.NET Framework): name as th text, URL-encoded SOAP labels, XSD and WSDL lists", () => {
    const page = parseIndexPage(read("real-v5.9.html"), "https://help.example.test/metadata");
    expect(page.operations.map((o) => [o.name, o.pageUrl, o.formats.join(","), o.requiresAuth])).toEqual([
      ["LookupTicket", U("LookupTicket"), "xml,json,jsv,soap11,soap12", false],
      ["ReopenTicket", U("ReopenTicket"), "xml,json,jsv,soap11,soap12", true],
      ["Ping", U("Ping"), "xml,json,jsv", false],
    ]);
  });

  it("a SOAP page is the page URL only when no other format is visible", () => {
    const soap = (f: string) => `<td><a href="https://h.example/${f}/metadata?op=Op">${f}</a></td>`;
    const only = parseIndexPage(wrap(row("<th>Op</th>", "<td>XML</td><td>JSON</td>" + soap("soap11") + soap("soap12"))), "https://h.example/metadata");
    expect(only.operations[0]!.pageUrl).toBe("https://h.example/soap11/metadata?op=Op");
    const xml = parseIndexPage(wrap(row("<th>Op</th>", soap("soap11") + soap("xml"))), "https://h.example/metadata");
    expect(xml.operations[0]!.pageUrl).toBe("https://h.example/xml/metadata?op=Op");
  });

  it("the default 404 handler's text for the index is E_ACCESS", () => {
    const text = "Handler for Request not found (404):\n\n  Request.HttpMethod: GET\n  Request.PathInfo: /metadata\n  Request.RawUrl: /metadata\n";
    const e = errorOf(() => parseIndexPage(text, "https://h.example/metadata"));
    expect(e.code).toBe("E_ACCESS");
  });
});
