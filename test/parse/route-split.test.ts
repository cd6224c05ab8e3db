// Flat route lines with glued summaries (spec §5.1), and the guard over every fixture: no route a
// generated client calls may contain a word of a route summary.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRouteLine, splitRouteLines } from "../../src/parse/route-split.js";
import { parseHtmlPage } from "../../src/parse/html.js";
import { parseTextPage } from "../../src/parse/text.js";
import { buildPageModel } from "../../src/model/page.js";
import { mergePages } from "../../src/model/merge.js";
import { emitClientWithDiagnostics } from "../../src/emit/index.js";
import type { Diagnostic, PageModel } from "../../src/model/types.js";
import { options } from "../emit/models.js";

function split(lines: string[], samplePath?: string, props?: string[]) {
  const diagnostics: Diagnostic[] = [];
  const routes = splitRouteLines(
    lines.map((l, i) => readRouteLine(l, i + 1)!),
    { ...(samplePath ? { samplePath } : {}), ...(props ? { propertyNames: new Set(props) } : {}) },
    diagnostics,
  );
  return { routes, diagnostics };
}

describe("splitRouteLines", () => {
  it("splits at the sample request line's path", () => {
    const { routes } = split(["POST/orders/{Id}/itemsAdds an item to the order."], "/orders/{Id}/items");
    expect(routes).toEqual([{ verbs: ["POST"], path: "/orders/{Id}/items", summary: "Adds an item to the order." }]);
  });

  it("splits after a {Var} placeholder of a known property", () => {
    const { routes } = split(["GET/orders/{Id}Gets one order"], undefined, ["id"]);
    expect(routes).toEqual([{ verbs: ["GET"], path: "/orders/{Id}", summary: "Gets one order" }]);
  });

  it("splits where another route's segment ends", () => {
    const { routes } = split(["GET/Orders/Archive/{Year}", "POST/Orders/ArchiveMoves old orders"]);
    expect(routes[1]).toEqual({ verbs: ["POST"], path: "/Orders/Archive", summary: "Moves old orders" });
  });

  it("splits a lower-case segment from one capitalised word when a summary follows", () => {
    expect(split(["DELETE/carts/{Id}/linesEmpties the cart"], undefined, ["id"]).routes[0]!.path).toBe("/carts/{Id}/lines");
  });

  it("keeps paths that carry no summary, PascalCase ones included", () => {
    const { routes, diagnostics } = split(["GET/Orders/ListItems", "PUT/orders/{Id}"]);
    expect(routes.map((r) => r.path)).toEqual(["/Orders/ListItems", "/orders/{Id}"]);
    expect(diagnostics).toEqual([]);
  });

  it("drops a route whose glue point nothing tells, rather than guess (W_FLAT_SPLIT)", () => {
    const { routes, diagnostics } = split(["GET/Orders/ListItemsLists the items", "PATCH/orders/lineitemsbulk edit"]);
    expect(routes).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(["W_FLAT_SPLIT", "W_FLAT_SPLIT"]);
  });

  it("reads verbs lists and All Verbs", () => {
    expect(split(["GET,POST/a/b"]).routes[0]!.verbs).toEqual(["GET", "POST"]);
    expect(split(["All Verbs/a/b"]).routes[0]!.verbs).toBe("*");
  });
});

// ------------------------------------------------------------------------------------------------

const dir = join(import.meta.dirname, "../../fixtures/pages");
const pages = readdirSync(dir)
  .filter((f) => f.endsWith(".dump"))
  .map((f) => f.slice(0, -".dump".length))
  .sort();

function model(file: string): PageModel {
  const text = readFileSync(join(dir, file), "utf8");
  return buildPageModel(file.endsWith(".html") ? parseHtmlPage(text, file) : parseTextPage(text, file));
}

async function clientRoutes(page: PageModel): Promise<string[]> {
  const { files } = await emitClientWithDiagnostics(mergePages([page]), options({ format: false }));
  const client = files[1]!.content;
  return [...client.matchAll(/path: "((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
}

describe("every fixture's client", () => {
  const models = new Map(pages.map((p) => [p, model(p)]));
  // the first word of every summary any fixture shows (HTML and pipe pages keep it in its own cell)
  const summaryWords = new Set<string>();
  for (const m of models.values()) {
    for (const r of m.routes) {
      const w = /^[A-Za-z]+/.exec(r.summary ?? "")?.[0];
      if (w && w.length >= 3) summaryWords.add(w);
    }
  }

  it("knows summary words to look for", () => expect(summaryWords.size).toBeGreaterThan(2));

  it("calls no route with a summary word glued to a path segment, nor a blank", async () => {
    for (const [file, m] of models) {
      for (const path of await clientRoutes(m)) {
        expect(path, file).not.toMatch(/\s/);
        for (const segment of path.split(/[/{}]/)) {
          for (const w of summaryWords) {
            expect(segment !== w && segment.endsWith(w), `${file}: ${path} ends a segment with "${w}"`).toBe(false);
          }
        }
      }
    }
  });

  it("flat renderings call only routes their pipe or HTML twin declares", () => {
    let twins = 0;
    for (const [file, m] of models) {
      const twin = [...models.keys()].find((o) => o !== file && o.replace(/\.\w+$/, "") === file.replace(/-flat\.txt$/, ""));
      if (!file.endsWith("-flat.txt") || !twin) continue;
      twins++;
      const declared = models.get(twin)!.routes.map((r) => `${r.verbs} ${r.path}`);
      for (const r of m.routes) expect(declared, file).toContain(`${r.verbs} ${r.path}`);
    }
    expect(twins).toBeGreaterThanOrEqual(2);
  });
});
