// Adjacent plain enum tables that pipe text ran together, re-split by the lists other pages show alone.
import { describe, expect, it } from "vitest";
import { resplitEnums, splitKnownRuns, standaloneEnums } from "../../src/model/solve/enums.js";
import type { RawEnumTable, RawParamsTable, RawTable } from "../../src/model/types.js";

const en = (...names: string[]): RawEnumTable => ({ kind: "enum", valued: false, members: names.map((name) => ({ name })) });
const params: RawParamsTable = { kind: "params", rows: [{ name: "Id", param: "form", type: "int", required: false }] };
const lists = (tables: RawTable[] | undefined) => tables?.map((t) => (t.kind === "enum" ? t.members.map((m) => m.name).join("|") : "params"));

describe("plain enum tables across pages", () => {
  const a = [params, en("None", "Daily", "Red"), params];
  const b = [params, en("None", "Draft"), params];
  // on this page the two enums ran together (a member twice), so the page shows it "alone" too
  const merged = [params, en("None", "Daily", "Red", "None", "Draft"), params];

  it("a list with a member twice is two tables run together, never a standalone enum", () => {
    const standalone = standaloneEnums([a, b, merged]);
    expect([...standalone].sort()).toEqual(["None|Daily|Red", "None|Draft"]);
    expect(lists(resplitEnums(merged, standalone))).toEqual(["params", "None|Daily|Red", "None|Draft", "params"]);
  });

  it("a run split in the wrong place is split where the standalone lists say", () => {
    const wrong = [params, en("None", "Daily"), en("Red", "None", "Draft")];
    expect(lists(resplitEnums(wrong, standaloneEnums([a, b])))).toEqual(["params", "None|Daily|Red", "None|Draft"]);
  });

  it("leaves a page alone when its runs are not exactly standalone lists", () => {
    expect(resplitEnums(a, standaloneEnums([a, b]))).toBeUndefined();
    expect(resplitEnums([params, en("None", "Daily", "Blue")], standaloneEnums([a, b]))).toBeUndefined();
  });
});

describe("splitKnownRuns: a hidden boundary read a few members off", () => {
  const enumAt = (table: number, name: string, members: string[]) => ({ table, model: { name, kind: "enum" as const, role: "reference" as const, from: "reference" as const, members: members.map((m) => ({ name: m })) } });
  const lists = (r: { types: ReturnType<typeof enumAt>[] }) => r.types.map((t) => `${t.model.name}=${t.model.members.map((m) => m.name).join(",")}`);
  // standalone lists (as standaloneEnums keys them) shown by other pages' readings of those names
  const shownAlone = [
    { types: [enumAt(1, "ReadingTier", ["Blue", "Green", "Large"])] },
    { types: [enumAt(1, "FlightTier2", ["Blue", "Low", "Draft"])] },
  ];
  const standalone = new Set(["Blue|Green|Large", "Blue|Low|Draft"]);

  it("moves the first enum's last member back from the second, which ends with its own list", () => {
    // ApproveAccount4, pipe seed 7: `Large` read as FlightTier2's first member
    const page = { types: [enumAt(3, "ReadingTier", ["Blue", "Green"]), enumAt(4, "FlightTier2", ["Large", "Blue", "Low", "Draft"])] };
    splitKnownRuns([...shownAlone, page], standalone);
    expect(lists(page)).toEqual(["ReadingTier=Blue,Green,Large", "FlightTier2=Blue,Low,Draft"]);
  });

  it("and the second's first members forward from the first, which starts with its own list", () => {
    const page = { types: [enumAt(3, "ReadingTier", ["Blue", "Green", "Large", "Blue"]), enumAt(4, "FlightTier2", ["Low", "Draft"])] };
    splitKnownRuns([...shownAlone, page], standalone);
    expect(lists(page)).toEqual(["ReadingTier=Blue,Green,Large", "FlightTier2=Blue,Low,Draft"]);
  });

  it("leaves tables that are not adjacent, or whose lists the other pages do not agree with", () => {
    const apart = { types: [enumAt(3, "ReadingTier", ["Blue", "Green"]), enumAt(5, "FlightTier2", ["Large", "Blue", "Low", "Draft"])] };
    const other = { types: [enumAt(3, "ReadingTier", ["Blue"]), enumAt(4, "FlightTier2", ["Large", "Blue", "Low", "Draft"])] };
    splitKnownRuns([...shownAlone, apart, other], standalone);
    expect(lists(apart)).toEqual(["ReadingTier=Blue,Green", "FlightTier2=Large,Blue,Low,Draft"]);
    expect(lists(other)).toEqual(["ReadingTier=Blue", "FlightTier2=Large,Blue,Low,Draft"]);
  });
});
