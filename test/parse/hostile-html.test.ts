// A page with a million attributes on one tag (issue 10): once a stack overflow that lost the page.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseHtmlPage } from "../../src/parse/html.js";

const PAGE = readFileSync(path.resolve(import.meta.dirname, "../../fixtures/pages/create-order.html"), "utf8");

describe("attribute floods", () => {
  it.each([
    ["known attributes", "title=1"],
    ["unknown attributes", "a=1"],
    ["quoted values", 'class="x"'],
  ])("a tag with 1e6 %s parses like the plain page", (_label, attribute) => {
    const flood = PAGE.replace("<body", "<body " + Array.from({ length: 1e6 }, () => attribute).join(" "));
    const plain = parseHtmlPage(PAGE, "create-order.html");
    const parsed = parseHtmlPage(flood, "create-order.html");
    expect(parsed.opName).toBe(plain.opName);
    expect(parsed.tables).toEqual(plain.tables);
  }, 60_000);
});
