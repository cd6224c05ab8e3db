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
