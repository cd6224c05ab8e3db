// Identity of uncaptioned (text-pipe) tables across pages: presence and readings (spec §4.1).
import { describe, expect, it } from "vitest";
import { identifyTables, presenceCandidates } from "../../src/model/solve/identity.js";
import { planWalk, type WalkResult } from "../../src/model/walk/index.js";
import type { RawParamsTable } from "../../src/model/types.js";

const table = (rows: [string, string][], param = "form"): RawParamsTable => ({ kind: "params", rows: rows.map(([name, type]) => ({ name, param, type, required: false })) });
const plan = (op: string, tables: RawParamsTable[]) => planWalk({ operation: op, tables, captions: false });
/** A reading that names table `i` by a reference. */
const reading = (keys: string[], named: [number, string][]) => ({
  keys,
  result: { types: named.map(([i, name]) => ({ table: i, model: { name, kind: "class", role: "reference", from: "reference" } })), autoQuery: false, diagnostics: [], score: 0, bases: [] } as unknown as WalkResult,
});

describe("identity by rows", () => {
  const address = table([["City", "string"]]);
  const audit = table([["TraceId", "string"]]);
  const a = plan("GetA", [table([["Home", "Address"]], "body"), address, audit]);
  const b = plan("GetB", [table([["Work", "Address"]], "body"), audit, address]);
  const c = plan("GetC", [table([["Id", "int"]], "body"), audit]);

  it("a referenced type's table is among the keys on every complete page that references it", () => {
    const presence = presenceCandidates([a, b, c].map((p) => ({ plan: p, complete: true })));
    expect([...presence.get("Address")!].sort()).toEqual([a.keys[1], a.keys[2]].sort());
    // a cut page does not constrain
    const cut = plan("GetD", [table([["Place", "Address"]], "body")]);
    expect(presenceCandidates([{ plan: a, complete: true }, { plan: cut, complete: false }]).get("Address")!.size).toBe(2);
  });

  it("one stray reading does not name a table that many pages show unnamed", () => {
    const presence = presenceCandidates([a, b, c].map((p) => ({ plan: p, complete: true })));
    // GetA alone read the shared base as Address; GetB and GetC read it as an inferred base, and GetB read Address right
    const stray = reading(a.keys, [[2, "Address"]]);
    const inferred = (p: typeof a, i: number) => ({ ...reading(p.keys, []), result: { ...reading(p.keys, []).result, types: [{ table: i, model: { name: "XBase", kind: "class", role: "base", from: "inferred" } }] } as unknown as WalkResult });
    const right = reading(b.keys, [[2, "Address"]]);
    const unnamed = Array.from({ length: 30 }, () => inferred(c, 1));
    expect(identifyTables([stray, ...unnamed], presence).has(a.keys[2]!)).toBe(false);
    const identity = identifyTables([stray, right, right, ...unnamed], presence);
    expect(identity.get(a.keys[1]!)).toBe("Address");
    expect(identity.has(a.keys[2]!)).toBe(false);
  });
});

describe("identity by rows: the Required column", () => {
  // two ops' response tables with the same name:type rows, one member required on one and not the other,
  // are two types (seed 1929859793 read CreateRegionRecordResponse as the shared BatchResult)
  it("keeps tables apart that differ only in a row's Required flag", async () => {
    const { runOracle, describeRun } = await import("../helpers/random-service/index.js");
    const options = {
      autoQueryRate: 0, requestBaseRate: 0, entityBaseRate: 0, voidRate: 0.1, listResponseRate: 0, entityResponseRate: 0, sharedResponseRate: 0.1,
      routeSummaryRate: 0.25, refRate: 0.3, minRequestProps: 1, headerParamRate: 0.5, wireCase: "camel" as const, seed: 1929859793, ops: 3,
    };
    const run = runOracle(options, "pipe");
    expect(run.error, describeRun(run, "pipe", options)).toBeUndefined();
    expect(run.comparison!.differences, describeRun(run, "pipe", options)).toEqual([]);
  });
});

describe("identity by rows: what a reading's naming is worth", () => {
  const address = table([["City", "string"]]);
  const a = plan("GetA", [table([["Home", "Address"]], "body"), address]);
  const b = plan("GetB", [table([["Work", "Place"]], "body"), address]);
  const presence = new Map<string, Set<string>>();
  const named = (p: typeof a, name: string, extra: Partial<WalkResult> = {}, role = "reference") => {
    const r = reading(p.keys, [[1, name]]);
    (r.result.types[0]!.model as { role: string }).role = role;
    return { ...r, result: { ...r.result, ...extra } };
  };

  it("a table the reading's tied readings name otherwise weighs no more than an inferred name", () => {
    // DeleteRoom4, seed 7: one of 33 tied readings named Coupon4's rows OrderTier2; QueryRoomEntry's
    // untied reading named them Coupon4 and must not be outvoted by it and by its echo
    const tied = named(b, "Place", { unsure: [1] });
    expect(identifyTables([named(a, "Address"), tied], presence).get(a.keys[1]!)).toBe("Address");
    // counted in full, the two would tie and name nothing
    expect(identifyTables([named(a, "Address"), named(b, "Place")], presence).has(a.keys[1]!)).toBe(false);
  });

  it("a base's or a response's name that the identity it was walked with gave it weighs as little: an echo", () => {
    const walkedWith = new Map([[a.keys[1]!, "Place"]]);
    for (const role of ["base", "response"]) {
      const echoed = named(b, "Place", {}, role);
      expect(identifyTables([named(a, "Address"), echoed], presence, undefined, walkedWith).get(a.keys[1]!), role).toBe("Address");
      // named by its own rows' self-reference (no identity gave it), it is the page's evidence: a tie
      expect(identifyTables([named(a, "Address"), echoed], presence).has(a.keys[1]!), role).toBe(false);
    }
    // alone an echo still names the table: nothing says otherwise
    expect(identifyTables([named(b, "Place", {}, "base")], presence, undefined, walkedWith).get(a.keys[1]!)).toBe("Place");
  });
});
