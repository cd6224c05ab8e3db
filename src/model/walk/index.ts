// The walk parse of spec §5.3: decides which anonymous table is the request, a base, a generic
// argument, a referenced type or the response, by searching every assignment the server's
// type walk (§4) could have produced and scoring each against the sample bodies.
//
// tables.ts prepares the tables, search.ts searches the assignments, assemble.ts turns the chosen
// one into TypeModels; this file is the entry point and its input/output shapes.
import type { Diagnostic, RawTable, SampleNode, TypeModel } from "../types.js";
import { prepare } from "./tables.js";
import { Overflow, Search, describe, decideRequest, greedyParse, type Snapshot } from "./search.js";
import { assemble } from "./assemble.js";

export { keyOf, parseTypeText, knownTableless } from "./tables.js";
export { objectKeys, type ObjectKeys } from "./sample-access.js";

export interface WalkInput {
  operation: string;
  tables: RawTable[];
  /** html / text-flat: captions name the tables. */
  captions: boolean;
  /** Parsed request / response sample values. */
  request?: SampleNode;
  response?: SampleNode;
  /** XML root element of the response sample (names the response). */
  responseRoot?: string;
  /** Search budget (§5.3: 100,000 nodes). */
  nodeCap?: number;
}

export interface WalkedType {
  model: TypeModel;
  /** Index into WalkInput.tables; undefined for a request without a table. */
  table?: number;
  /** The sample object this type's properties were matched against (wire names, §5.5). */
  sample?: SampleNode;
  /** keyOf() of each property name, parallel to model.properties (computed once, reused for wire names). */
  propertyKeys?: string[];
  /** The same keys as a set. */
  propertyKeySet?: ReadonlySet<string>;
}

export interface WalkResult {
  /** Model order: the request first, then tables in page order. */
  types: WalkedType[];
  /** Canonical response type when the walk found one (a table or a duplicate); undefined for R0. */
  response?: string;
  /** Request extends QueryBase: AutoQuery (§5.3), preferred verb GET (§8.3 rule 3). */
  autoQuery: boolean;
  diagnostics: Diagnostic[];
  score: number;
}

const DEFAULT_CAP = 100_000;

// --------------------------------------------------------------------------------------------
// Entry point

/** Runs the §5.3 search and names every table. Pure; linear-ish thanks to pruning, capped. */
export function walkTables(input: WalkInput): WalkResult {
  const tables = input.tables.map((t, i) => prepare(t, i, input.captions));
  const diagnostics: Diagnostic[] = [];
  const requestTable = decideRequest(tables, input);
  const search = new Search(tables, input, input.nodeCap ?? DEFAULT_CAP);
  let chosen: Snapshot;
  try {
    search.run(requestTable);
    chosen = search.best!;
    if (search.alternatives.length) {
      const alts = [chosen, ...search.alternatives].map((s) => describe(s, tables));
      diagnostics.push({
        code: "W_AMBIGUOUS_WALK",
        detail: `${alts.length} parses score ${chosen.score}: ${alts.join(" / ")}`,
      });
    }
  } catch (e) {
    // Too many choices, or a page so long the recursive search runs out of stack.
    if (!(e instanceof Overflow) && !(e instanceof RangeError)) throw e;
    chosen = (e instanceof Overflow && search.first) || greedyParse(tables, input, requestTable);
    diagnostics.push({
      code: "W_AMBIGUOUS_WALK",
      detail:
        e instanceof Overflow
          ? `search stopped after ${search.cap} nodes; kept the greedy parse ${describe(chosen, tables)}`
          : `page too large to search; kept the greedy parse of ${tables.length} tables`,
    });
  }
  return assemble(chosen, tables, input, requestTable, diagnostics);
}
