// The oracle and the property tests' arbitraries, for bench/oracle-survey.mjs (bundled by bench/oracle.mjs).
export * from "../test/helpers/random-service/core.js";
export { generateOptionsArbitrary, featureOptionsArbitrary } from "../test/helpers/random-service/arbitrary.js";
export { readingVerdict, readingAsService } from "../test/helpers/random-service/reading.js";
