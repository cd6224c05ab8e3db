// Text-pipe: a name the other pages read as an enum's names no class by late binding (solve/enums.ts
// enumNames, walk/assemble.ts mayName). Two plain enum lists in a row print as one table, so a page
// may show an enum no table of its own; late binding then took its name for an inferred base whose
// rows reference it (GetContractRule, pipe seed 5, 1,000 ops: RoomSummary2's base read as PolicyLevel).
import { describe, expect, it } from "vitest";
import { parseTextPage } from "../../src/parse/text.js";
import { preparePage } from "../../src/model/page.js";
import { walkTables, type WalkResult } from "../../src/model/walk/index.js";
import { enumNames, namesClassAsEnum } from "../../src/model/solve/enums.js";
import { pipeGetSample } from "../helpers/pipe-page.js";

const HEADER = ["| Name | Parameter | Data Type | Required | Description |", "|---|---|---|---|---|"];
const PAGE = [
  "https://svc.example.test/json/metadata?op=GetRule",
  "",
  "| GET | /rules/{Id} |",
  "|---|",
  ...HEADER,
  "| Id | path | int | Yes | |",
  "| Summary | query | RoomSummary | No |",
  ...HEADER,
  "| Title | form | string | No | |",
  "| Owner | form | int | No |",
  ...HEADER,
  "| Kind | form | ClaimFlag | No | |",
  "| Zip | form | PolicyLevel | No |",
  // ClaimFlag's members, then PolicyLevel's: one table on the page
  "| Large | |",
  "| Blue | |",
  "| Daily | |",
  "| Monthly |",
  ...HEADER,
  "| Total | form | int | No | |",
  "| ResponseStatus | form | ResponseStatus | No |",
  ...pipeGetSample("/rules/1", '{"total":0}'),
].join("\n");

function walk(enums?: ReadonlySet<string>): WalkResult {
  const page = preparePage(parseTextPage(PAGE, "GetRule.txt"), { operation: "GetRule" });
  return walkTables({ ...page.walk!, ...(enums && { enums }) });
}

describe("pipe: late binding and the names other pages read as enums", () => {
  it("alone, the page lets late binding name the base its rows reference (the case the solve walks again)", () => {
    const r = walk();
    const base = r.types.find((t) => t.model.role === "base");
    expect(base?.model.name).toBe("PolicyLevel");
    expect(namesClassAsEnum(r, new Set(["PolicyLevel"]))).toBe(true);
    expect(namesClassAsEnum(r, new Set(["ClaimFlag"]))).toBe(false);
  });

  it("knowing PolicyLevel is an enum, the base keeps its inferred name", () => {
    const r = walk(new Set(["PolicyLevel"]));
    const base = r.types.find((t) => t.model.role === "base");
    expect(base?.model.name).toBe("RoomSummaryBase");
    expect(r.types.some((t) => t.model.kind === "class" && t.model.name === "PolicyLevel")).toBe(false);
  });

  it("enumNames: enum tables a reading names by a reference, not tables its ties name otherwise nor cut-off readings", () => {
    const enumType = (name: string, table: number) => ({ table, model: { name, kind: "enum", from: "reference", role: "reference" } });
    const reading = (types: unknown[], extra: Partial<WalkResult> = {}) => ({ types, autoQuery: false, diagnostics: [], score: 0, bases: [], ...extra }) as unknown as WalkResult;
    const names = enumNames([
      reading([enumType("PolicyLevel", 1), enumType("Tied", 2)], { unsure: [2] }),
      reading([enumType("Guessed", 1)], { overflowed: true }),
    ]);
    expect([...names]).toEqual(["PolicyLevel"]);
  });
});
