// Fixed regressions of the flat layout (spec §5.1), one oracle run each (oracle-findings.md 10-13):
// a generated service rendered as flat text must be recovered exactly, modulo the listed undecidables.
import { describe, expect, test } from "vitest";
import { describeRun, runOracle, type GenerateOptions, type RenderOptions } from "../helpers/random-service/index.js";

/** The shared options of the findings (P in oracle-findings.md). */
const P: Omit<GenerateOptions, "seed" | "ops"> = {
  autoQueryRate: 0, requestBaseRate: 0, entityBaseRate: 0, voidRate: 0.1, listResponseRate: 0, entityResponseRate: 0,
  sharedResponseRate: 0.1, routeSummaryRate: 0.25, refRate: 0.3, minRequestProps: 1, headerParamRate: 0, wireCase: "camel",
};

const cases: [string, GenerateOptions, RenderOptions][] = [
  ["the language nav line with no routes above it is neither a tag nor a description (10)", { ...P, seed: 442285002, ops: 2, trickyNames: false, valuedEnumRate: 0 }, {}],
  ["names embedding a Parameter keyword: UniformDue + form + DateTime? (11)", { ...P, seed: 968161496, ops: 1, valuedEnumRate: 0 }, { nav: false }],
  ["type names containing No/Yes: ShipmentNote + Yes (12)", { ...P, seed: 49, ops: 2, valuedEnumRate: 0 }, { nav: false }],
  ["a nullable valued enum typed string stays nullable, so C1 does not need its key (13)", { ...P, seed: 22, ops: 3 }, {}],
  // RefundFlag's first row is glued to its description; one page's sample settles it, the others must read it the same
  ["a glued plain enum row reads the same on every page (no RefundFlag2 copy)", { seed: 207, ops: 6, listResponseRate: 0.3, entityResponseRate: 0.3 }, {}],
];

describe("flat text: fixed regressions", () => {
  for (const [name, options, render] of cases)
    test(name, () => {
      const run = runOracle(options, "flat", render);
      expect(run.error, describeRun(run, "flat", options)).toBeUndefined();
      expect(run.comparison!.differences, describeRun(run, "flat", options)).toEqual([]);
    });
});
