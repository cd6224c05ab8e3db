import { PageError } from "../../src/model/types.js";

/** The PageError that fn throws; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): PageError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PageError) return e;
    throw e;
  }
  throw new Error("expected a PageError");
}
