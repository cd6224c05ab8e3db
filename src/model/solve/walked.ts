// A page as the solve holds it: its prepared facts, its walk input and plan, its keys, its reading.
import type { PreparedPage } from "../page.js";
import type { WalkInput, WalkPlan, WalkResult } from "../walk/index.js";
import type { PageKeys } from "./bases.js";

export interface Walked {
  prepared: PreparedPage;
  /** The page's walk input, its adjacent plain enum tables re-split across pages (enums.ts). */
  input: WalkInput;
  plan: WalkPlan;
  keys: PageKeys;
  result?: WalkResult;
}
