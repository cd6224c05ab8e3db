// Page facts hold no part of the page's text (src/parse/detach.ts): a string cut from the page keeps
// the whole page alive in V8, and the facts outlive the page text by the whole solve.
import { readFileSync } from "node:fs";
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { detachStrings, detachedString } from "../../src/parse/detach.js";
import { parseHtmlPage } from "../../src/parse/html.js";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** Heap in use after a full collection, in MB. */
function liveMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const PAD_MB = 16;

describe("detachStrings", () => {
  it("keeps every value, array and object as it was, and stops at cycles and frozen constants", () => {
    const shared = Object.freeze({ name: "a frozen constant of the parser" });
    const value: Record<string, unknown> = {
      name: "CreateOrderRequest with a long name",
      short: "id",
      list: ["first long element of a list", 3, null, undefined, { nested: "nested long string value" }],
      shared,
      absent: undefined,
    };
    value.self = value;
    const before = structuredClone({ ...value, self: undefined });
    expect(detachStrings(value)).toBe(value);
    expect({ ...value, self: undefined }).toEqual(before);
    expect("absent" in value).toBe(true);
    expect(value.self).toBe(value);
    expect(value.shared).toBe(shared);
  });

  it("lets the text a string was cut from be collected", () => {
    const base = liveMb();
    let page: string | undefined = "<p>" + "x".repeat(PAD_MB * 1024 * 1024) + Math.random();
    page.indexOf("never"); // flat, as a page read from a file is
    const cut = { text: page.slice(3, 40), kept: [page.slice(10, 60)] };
    page = undefined;
    expect(liveMb() - base).toBeGreaterThan(PAD_MB / 2); // the slices hold the page
    detachStrings(cut);
    expect(liveMb() - base).toBeLessThan(PAD_MB / 2);
    expect(cut.text).toBe("x".repeat(37));
    expect(detachedString("short")).toBe("short");
  });

  it("leaves nothing of a parsed HTML page alive beside its detached facts (the scanner's caches included)", () => {
    const fixture = readFileSync(new URL("../../fixtures/pages/create-order.html", import.meta.url), "utf8");
    const base = liveMb();
    let html: string | undefined = fixture.replace("</body>", `${" ".repeat(PAD_MB * 1024 * 1024)}${Math.random()}\n</body>`);
    const raw = detachStrings(parseHtmlPage(html, "create-order.html"));
    html = undefined;
    /x/.exec("x"); // V8 keeps the last regex match's subject: the page, until the next match
    expect(liveMb() - base).toBeLessThan(PAD_MB / 2);
    expect(raw.tables.length).toBeGreaterThan(0);
  });
});
