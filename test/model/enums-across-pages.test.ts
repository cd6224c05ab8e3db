// Adjacent plain enum tables that pipe text ran together, re-split by the lists other pages show alone.
import { describe, expect, it } from "vitest";
import { resplitEnums, standaloneEnums } from "../../src/model/solve/enums.js";
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
