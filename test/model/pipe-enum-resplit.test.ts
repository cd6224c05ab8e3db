// Text-pipe: a run of adjacent enum tables is re-split by the lists other pages show alone only
// where that does not leave the page with tables no reference takes (solve/index.ts explainsLess).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergePages } from "../../src/model/merge.js";
import { preparePage } from "../../src/model/page.js";
import { solvePages } from "../../src/model/solve/index.js";
import { parseTextPage } from "../../src/parse/text.js";

const solve = (pages: [string, string][]) => mergePages(solvePages(pages.map(([text, source]) => preparePage(parseTextPage(text, source)))));

describe("pipe: an enum run other pages' lists could cut", () => {
  it("keeps ArchiveFlight55's two enums where five other pages' lists would cut the run into five (seed 1, 5,000 ops)", () => {
    // ReviewMode5 {Active, Unknown, Weekly, Medium, Blue} and TeamLevel3 {Pending, Active, Medium, Urgent, None}
    const dir = join(import.meta.dirname, "../../fixtures/services/enum-run");
    const model = solve(readdirSync(dir).sort().map((f) => [readFileSync(join(dir, f), "utf8"), f]));
    const members = (n: string) => model.types.find((t) => t.name === n)?.members?.map((m) => m.name);
    expect(members("ReviewMode5")).toEqual(["Active", "Unknown", "Weekly", "Medium", "Blue"]);
    expect(members("TeamLevel3")).toEqual(["Pending", "Active", "Medium", "Urgent", "None"]);
    expect(model.types.filter((t) => /^Unnamed/.test(t.name)).map((t) => t.name)).toEqual([]);
  });
});
