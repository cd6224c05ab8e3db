// fast-check arbitraries over the generator: a service is (seed, size, options), so fast-check
// shrinks toward fewer operations and every counterexample is reproducible from its seed.
import fc from "fast-check";
import { generateService, type GenerateOptions } from "./generate.js";
import type { TrueService } from "./service.js";

export interface ServiceArbitraryOptions extends Omit<GenerateOptions, "seed" | "ops"> {
  /** Fewest and most operations (default 1..4). */
  minOps?: number;
  maxOps?: number;
}

/** Generator options: a seed and an op count. */
export function generateOptionsArbitrary(options: ServiceArbitraryOptions = {}): fc.Arbitrary<GenerateOptions> {
  const { minOps = 1, maxOps = 4, ...rest } = options;
  return fc
    .record({ seed: fc.integer({ min: 1, max: 0x7fffffff }), ops: fc.integer({ min: minOps, max: maxOps }) })
    .map((o) => ({ ...rest, ...o }));
}

export function serviceArbitrary(options: ServiceArbitraryOptions = {}): fc.Arbitrary<TrueService> {
  return generateOptionsArbitrary(options).map(generateService);
}

/** The generator's feature rates; each either off (0) or at a random level, so fast-check shrinks toward fewer features. */
const FEATURES = [
  "autoQueryRate", "requestBaseRate", "entityBaseRate", "voidRate", "listResponseRate", "entityResponseRate",
  "sharedResponseRate", "routeSummaryRate", "refRate", "valuedEnumRate", "headerParamRate",
] as const;

/**
 * Generator options built from fast-check primitives: seed, op count, every feature rate, the wire case,
 * the tricky names and the fewest request properties. A counterexample shrinks to the features it needs.
 */
export function featureOptionsArbitrary(options: { minOps?: number; maxOps?: number } = {}): fc.Arbitrary<GenerateOptions> {
  const rate = fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 0.6, noNaN: true }));
  return fc
    .record({
      seed: fc.integer({ min: 1, max: 0x7fffffff }),
      ops: fc.integer({ min: options.minOps ?? 1, max: options.maxOps ?? 4 }),
      rates: fc.tuple(...FEATURES.map(() => rate)),
      wireCase: fc.constantFrom<"camel" | "pascal">("camel", "pascal"),
      trickyNames: fc.boolean(),
      minRequestProps: fc.integer({ min: 0, max: 1 }).map((n) => 1 - n),
    })
    .map(({ rates, ...rest }) => ({ ...rest, ...Object.fromEntries(FEATURES.map((f, i) => [f, rates[i]])) }));
}
