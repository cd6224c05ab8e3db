import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeNotMetadata, detectPage, isBinary, stripBom } from "../../src/parse/detect.js";

const root = join(import.meta.dirname, "../..");
const read = (p: string) => readFileSync(join(root, p), "utf8");

describe("detectPage", () => {
  it("every HTML fixture op page is html-op", () => {
    const pages = readdirSync(join(root, "fixtures/pages")).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThanOrEqual(12);
    for (const f of pages) expect([f, detectPage(read(`fixtures/pages/${f}`))]).toEqual([f, "html-op"]);
  });

  it("the index fixture is html-index", () => {
    expect(detectPage(read("fixtures/index/metadata.html"))).toBe("html-index");
  });

  it("the real-markup index fixtures are html-index", () => {
    expect(detectPage(read("fixtures/index/real-current.html"))).toBe("html-index");
    expect(detectPage(read("fixtures/index/real-v5.9.html"))).toBe("html-index");
  });

  it("the default 404 handler's text for a metadata page goes to the op parser (E_ACCESS); for another path it is not metadata", () => {
    expect(detectPage(read("fixtures/pages/real-metadata-hidden.txt"))).toBe("html-op");
    expect(detectPage(read("fixtures/pages/real-unknown-op.txt"))).toBe("html-op");
    const other = "Handler for Request not found (404):\n\n  Request.HttpMethod: GET\n  Request.PathInfo: /favicon.ico\n  Request.RawUrl: /favicon.ico\n";
    expect(detectPage(other)).toBe("not-metadata");
  });

  it("the seed text rendering is text", () => {
    expect(detectPage(readFileSync("/work/shared/seed/CognitoSendConfirmCodeRequest.txt", "utf8"))).toBe("text");
  });

  it.each([
    ["pipe rows", "| Name | Parameter | Data Type | Required | Description |\n|---|---|---|---|---|\n| A | body | string | No |"],
    ["flat caption", "<back to all web services\nHello\nHello Parameters:\nNameParameterData TypeRequiredDescription\n"],
    ["samples only", "The following are sample HTTP requests and responses.\nPOST /json/reply/X HTTP/1.1\n"],
    ["bare request line", "GET /hello/world HTTP/1.1\nHost: x\n"],
  ])("text: %s", (_, text) => {
    expect(detectPage(text)).toBe("text");
  });

  it("types JSON is types-json, other JSON is not metadata", () => {
    expect(detectPage('  {"config":{},"operations":[],"types":[]}')).toBe("types-json");
    expect(detectPage('{"Operations":[{"request":{}}],"Types":[]}')).toBe("types-json");
    expect(detectPage('{"name":"x"}')).toBe("not-metadata");
  });

  it("op page markers: an operation div or a params table in any quoting", () => {
    expect(detectPage('<html><div class="operation"></div></html>')).toBe("html-op");
    expect(detectPage("<table class='params'><tr><td>x</td></tr></table>")).toBe("html-op");
    expect(detectPage('<table class="enum"><tr><td>x</td></tr></table>')).toBe("html-op");
  });

  it("failure pages go to the op parser (which raises E_ACCESS / E_UNKNOWN_OP)", () => {
    expect(detectPage("<html><body>Metadata Not Available</body></html>")).toBe("html-op");
    expect(detectPage("Could not find operation: Foo")).toBe("html-op");
  });

  it.each([
    ["empty", ""],
    ["whitespace", " \n\t\n"],
    ["BOM only", "\uFEFF"],
    ["NUL bytes", "GIF89a\u0000\u0000\u0001"],
    ["invalid UTF-8", "\uFFFD".repeat(40) + "abc"],
    ["plain HTML", "<!doctype html><html><body><h1>Hello</h1><p>nothing here</p></body></html>"],
    ["prose", "Just some notes about the API.\nNothing tabular."],
  ])("not-metadata: %s", (_, text) => {
    expect(detectPage(text)).toBe("not-metadata");
  });

  it("a BOM does not hide the page kind", () => {
    expect(detectPage("\uFEFF" + read("fixtures/pages/create-order.html"))).toBe("html-op");
    expect(stripBom("\uFEFFx")).toBe("x");
  });

  it("binary detection tolerates a few replacement characters in real text", () => {
    expect(isBinary("caf\uFFFD menu " + "x".repeat(200))).toBe(false);
    expect(isBinary("a\u0000b")).toBe(true);
  });

  it("stays linear on a long run of blank lines before text", () => {
    // A backtracking line regex would be quadratic here; this must return at once.
    expect(detectPage("\n".repeat(200_000) + "x")).toBe("not-metadata");
    expect(detectPage(" ".repeat(200_000) + "| a | b |")).toBe("text");
  });
});

describe("describeNotMetadata", () => {
  it.each([
    ["", "empty file"],
    ["  \n", "file contains only whitespace"],
    ["\u0000\u0001", "binary data, not a text page"],
    ["<html><body><table><tr><td>1</td></tr></table></body></html>", "HTML page without ServiceStack metadata tables"],
    ["<html><body><p>hi</p></body></html>", "HTML page without ServiceStack metadata tables or sample requests"],
    ['{"a":1}', "JSON that is not a /types/metadata document (no operations and types)"],
    ["hello", "text without metadata tables, parameter lines or sample requests"],
  ])("%j -> %s", (text, reason) => {
    expect(describeNotMetadata(text)).toBe(reason);
  });
});
