// Rows that two types show (src/model/solve/split-keys.ts), on hand-made page keys and readings.
import { describe, expect, it } from "vitest";
import { baseCandidates } from "../../src/model/solve/bases.js";
import { applySplits, splitKeys, type SplitPage } from "../../src/model/solve/split-keys.js";
import type { SampleNode } from "../../src/model/types.js";
import type { WalkResult } from "../../src/model/walk/index.js";

const rows = new Map([["#Id", new Set(["id"])], ["#Name", new Set(["name"])], ["#Code", new Set(["code"])], ["#Title", new Set(["title"])]]);
/** A sample object with these (already mapped) keys. */
const object = (...keys: string[]): SampleNode => ({ kind: "object", entries: keys.map((k) => [k, { kind: "scalar", text: "0", quoted: false }]) });

/**
 * A page of params tables with these keys (every row always shown); its reading names table i `names[i]`
 * by a reference and reads `objects[i]` for it.
 */
const page = (source: string, keys: string[], names: (string | undefined)[], objects: (SampleNode | undefined)[] = []): SplitPage => ({
  keys: { source, keys, params: keys.map(() => true), complete: true },
  rows: keys.map((k) => [...rows.get(k)!]),
  shown: keys.map((k) => [...rows.get(k)!]),
  result: {
    types: names.flatMap((name, table) => (name ? [{ model: { name, from: "reference" }, table, sample: objects[table] }] : [])),
    autoQuery: false,
    diagnostics: [],
    score: 0,
    bases: [],
  } as unknown as WalkResult,
});
const split = (pages: SplitPage[]) => splitKeys(pages, baseCandidates(pages.map((p) => p.keys), rows), rows);

describe("split keys", () => {
  // the Sensor's object holds its own `name` and its base's `code`
  const sensor = (obj: SampleNode = object("name", "code")) => page("GetSensor.txt", ["#Id", "#Name", "#Code"], [undefined, "Sensor"], [undefined, obj]);
  const claim = (source: string, obj?: SampleNode) => page(source, ["#Id", "#Name", "#Title"], [undefined, "Claim"], [undefined, obj]);

  it("splits rows named otherwise where they come before the base than where two pages refute it", () => {
    const pages = [sensor(), claim("GetClaim.txt"), claim("FindClaim.txt")];
    const splits = split(pages);
    expect([...splits]).toEqual([["#Name", "#Code"]]);
    const changed = applySplits(pages.map((p) => p.keys), splits);
    expect([...changed].map((p) => p.source)).toEqual(["GetSensor.txt"]);
    expect(pages[0]!.keys.keys).toEqual(["#Id", "#Name>#Code", "#Code"]);
    expect(pages[1]!.keys.keys).toEqual(["#Id", "#Name", "#Title"]);
  });

  it("one refuting page's name is no second type", () => {
    expect(split([sensor(), claim("GetClaim.txt")]).size).toBe(0);
  });

  it("splits where one refuting page's object lacks a member the base's objects always show", () => {
    expect([...split([sensor(), claim("GetClaim.txt", object("name"))])]).toEqual([["#Name", "#Code"]]);
  });

  it("no split where the object read for the rows holds no member of the table after them", () => {
    expect(split([sensor(object("name")), claim("GetClaim.txt"), claim("FindClaim.txt")]).size).toBe(0);
  });

  it("no split where the refuting pages give the rows the same name", () => {
    const named = page("GetSensor.txt", ["#Id", "#Name", "#Code"], [undefined, "Claim"], [undefined, object("name", "code")]);
    expect(split([named, claim("GetClaim.txt"), claim("FindClaim.txt")]).size).toBe(0);
  });
});
