// Rows that two types show (src/model/solve/split-keys.ts), on hand-made page keys and readings.
import { describe, expect, it } from "vitest";
import { baseCandidates } from "../../src/model/solve/bases.js";
import { applySplits, splitKeys, type SplitPage } from "../../src/model/solve/split-keys.js";
import type { SampleNode } from "../../src/model/types.js";
import type { WalkResult } from "../../src/model/walk/index.js";

const rows = new Map([["#Id", new Set(["id"])], ["#Name", new Set(["name"])], ["#Code", new Set(["code"])], ["#Title", new Set(["title"])]]);
/** A sample object with these (already mapped) keys. */
const object = (...keys: string[]): SampleNode => ({ kind: "object", entries: keys.map((k) => [k, { kind: "scalar", text: "0", quoted: false }]) });

/** A page of params tables with these keys, whose reading names table i `names[i]` by a reference. */
const page = (source: string, keys: string[], names: (string | undefined)[], sample?: SampleNode): SplitPage => ({
  keys: { source, keys, params: keys.map(() => true), complete: true },
  rows: keys.map((k) => [...rows.get(k)!]),
  samples: [sample],
  result: {
    types: names.flatMap((name, table) => (name ? [{ model: { name, from: "reference" }, table }] : [])),
    autoQuery: false,
    diagnostics: [],
    score: 0,
    bases: [],
  } as unknown as WalkResult,
});
const split = (pages: SplitPage[]) => splitKeys(pages, baseCandidates(pages.map((p) => p.keys), rows), rows);

describe("split keys", () => {
  // the request object holds the Sensor: its own `name` and its base's `code`
  const sensorObject = (): SampleNode => ({ kind: "object", entries: [["id", { kind: "scalar", text: "0", quoted: false }], ["sensor", object("name", "code")]] });
  const sensor = (sample: SampleNode = sensorObject()) => page("GetSensor.txt", ["#Id", "#Name", "#Code"], [undefined, "Sensor"], sample);
  const claim = (source: string) => page(source, ["#Id", "#Name", "#Title"], [undefined, "Claim"]);

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

  it("no split where no sample object holds members of both the rows and the table after them", () => {
    expect(split([sensor(object("id", "name")), claim("GetClaim.txt"), claim("FindClaim.txt")]).size).toBe(0);
  });

  it("no split where the refuting pages give the rows the same name", () => {
    const named = page("GetSensor.txt", ["#Id", "#Name", "#Code"], [undefined, "Claim"], sensorObject());
    expect(split([named, claim("GetClaim.txt"), claim("FindClaim.txt")]).size).toBe(0);
  });
});
