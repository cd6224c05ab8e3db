// Every fixtures/pages/<page>.dump is the expected §1.4 dump of <page>; <page>.error holds the
// expected error code of a page that must fail.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeNotMetadata, detectPage } from "../../src/parse/detect.js";
import { parseHtmlPage } from "../../src/parse/html.js";
import { parseTextPage } from "../../src/parse/text.js";
import { buildPageModel } from "../../src/model/page.js";
import { dumpPage } from "../../src/model/dump.js";
import { PageError } from "../../src/model/types.js";

const dir = join(import.meta.dirname, "../../fixtures/pages");
// code-views/: several renderings of one operation, kept out of the generated/ client (one service each)
const files = existsSync(dir)
  ? [...readdirSync(dir), ...readdirSync(join(dir, "code-views")).map((f) => `code-views/${f}`)].sort()
  : [];
const cases = files.flatMap((f) => {
  const m = /^(.*)\.(dump|error)$/.exec(f);
  return m ? [{ page: m[1]!, kind: m[2] as "dump" | "error", expected: readFileSync(join(dir, f), "utf8") }] : [];
});

function build(page: string): string {
  const text = readFileSync(join(dir, page), "utf8");
  const source = `fixtures/pages/${page}`;
  const kind = detectPage(text);
  if (kind === "html-op") return dumpPage(buildPageModel(parseHtmlPage(text, source)));
  if (kind === "text") return dumpPage(buildPageModel(parseTextPage(text, source)));
  throw new PageError("E_NOT_METADATA", source, kind === "not-metadata" ? describeNotMetadata(text) : `detected as ${kind}`);
}

describe("fixture pages", () => {
  it("has fixtures", () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const c of cases) {
    it(`${c.page} -> ${c.kind}`, () => {
      if (c.kind === "dump") {
        expect(build(c.page)).toBe(c.expected.replace(/\r\n/g, "\n"));
      } else {
        let code: string | undefined;
        try {
          build(c.page);
        } catch (e) {
          if (!(e instanceof PageError)) throw e;
          code = e.code;
        }
        expect(code).toBe(c.expected.trim());
      }
    });
  }
});
