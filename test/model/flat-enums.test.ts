import { describe, expect, it } from "vitest";
import { settleGluedMembers } from "../../src/model/flat-enums.js";
import type { RawEnumMember, RawPage } from "../../src/model/types.js";

const page = (source: string, ...members: RawEnumMember[]): RawPage => ({
  source,
  layout: "text-flat",
  tags: [],
  auth: null,
  routes: [],
  tables: [{ kind: "enum", caption: "Kind", valued: false, members }],
  complete: true,
  diagnostics: [],
});
const membersOf = (p: RawPage) => (p.tables[0] as { members: RawEnumMember[] }).members;

describe("settleGluedMembers: a glued flat enum row reads the same on every page", () => {
  const settled: RawEnumMember = { name: "Weekly", description: "Weekly billing", gluedRow: "WeeklyWeekly billing" };
  const guessed = (row: string): RawEnumMember => ({ name: /^\w+/.exec(row)![0], gluedRow: row });

  it("applies the reading a sample settled on one page to the other pages, in any order", () => {
    for (const order of [0, 1]) {
      const a = page("a.txt", { ...settled }, guessed("MonthlyMonthly billing"));
      const b = page("b.txt", guessed("WeeklyWeekly billing"), guessed("MonthlyMonthly billing"));
      settleGluedMembers(order ? [b, a] : [a, b]);
      expect(membersOf(b)[0]).toEqual(settled);
      expect(membersOf(a)[0]).toEqual(settled);
      // what no page settles keeps the guess, with a warning on each page
      expect(membersOf(b)[1]!.name).toBe("MonthlyMonthly");
      expect(b.diagnostics.map((d) => d.code)).toEqual(["W_FLAT_SPLIT"]);
      expect(b.diagnostics[0]!.detail).toContain("MonthlyMonthly billing");
    }
  });

  it("takes the longest of two settled readings, whatever the page order", () => {
    const short: RawEnumMember = { name: "Week", description: "lyWeekly billing", gluedRow: "WeeklyWeekly billing" };
    for (const pages of [[page("a", { ...short }), page("b", { ...settled }), page("c", guessed("WeeklyWeekly billing"))]]) {
      settleGluedMembers(pages);
      settleGluedMembers([...pages].reverse());
      for (const p of pages) expect(membersOf(p)[0]!.name).toBe("Weekly");
    }
  });
});
