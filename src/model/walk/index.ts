// The walk parse of spec §5.3: decides which anonymous table is the request, a base, a generic
// argument, a referenced type or the response, by searching every assignment the server's
// type walk (§4) could have produced and scoring each against the sample bodies.
//
// tables.ts prepares the tables, search.ts searches the assignments, assemble.ts turns the chosen
// one into TypeModels; this file is the entry point and its input/output shapes.
import type { Diagnostic, RawTable, SampleNode, TypeModel } from "../types.js";
import { prepare, tableKey, type Table } from "./tables.js";
import { Search } from "./search.js";
import { Overflow, describe, type Snapshot } from "./reading.js";
import { decideRequest } from "./rules.js";
import { greedyParse } from "./greedy.js";
import { assemble } from "./assemble.js";
import { fewestOmitted } from "./tie-break.js";

export { keyOf, parseTypeText, knownTableless, isC1Type, nullableNames } from "./tables.js";
export { forEachObject, objectKeys, type ObjectKeys } from "./sample-access.js";
export { alwaysShown } from "./tie-break.js";

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
  /** No table can be the response: the op returns nothing (void), a collection or a raw type (page.ts decides). */
  voidResponse?: boolean;
  /** Captioned pages: names that have a table on some page of the service (the solve knows them). */
  tableful?: ReadonlySet<string>;
  /** What the cross-page solve (§4.1) decided about bases; absent: every base is open. */
  baseRule?: BaseRule;
  /**
   * Text-pipe: the name the cross-page solve identified for each table by its rows (§4.1), by table
   * index; such a table is named so wherever the walk places it, and only a reference to that name fits it.
   */
  names?: readonly (string | undefined)[];
  /** Text-pipe: tables no reference takes (their rows are a base on the other pages, solve/base-rows.ts). */
  unreferenced?: ReadonlySet<number>;
  /** Every name some table of the service was identified as: a reference to one fits no other table. */
  identified?: { has(name: string): boolean };
  /**
   * Text-pipe: whether the table at this index may be the table of the referenced name, by what the
   * other pages show (solve/identity.ts presence: X's table is on every complete page that references X).
   */
  mayBe?: (name: string, table: number) => boolean;
  /**
   * Text-pipe: for a table, the earlier tables of the page that are the bases the cross-page solve
   * decided for it (and their decided bases), seen before it: their members count in its sample objects.
   */
  seenBases?: (table: number) => readonly number[] | undefined;
  /** Text-pipe: names some page shows as `X?` (value types, §7.4): they take no params table. */
  valueTypes?: ReadonlySet<string>;
  /** Text-pipe: names the other pages' readings give an enum table: late binding names no class so (assemble.ts). */
  enums?: ReadonlySet<string>;
  /** Text-pipe: what the service's other pages show (solve/objects.ts); tied readings of this page are told apart by it too. */
  elsewhere?: Elsewhere;
}

export interface Elsewhere {
  /** Sample objects of a referenced name: a type's objects hold its always-shown members. */
  objects(name: string): readonly SampleNode[] | undefined;
  /** The names references give an enum table with these members (its row key, tables.ts tableKey). */
  enumNames(key: string): ReadonlySet<string> | undefined;
}

/**
 * Whether the table at index `base` may, must or must not be the base of the type at index
 * `derived` (-1: the request that has no table). Asked only where the walk could place a base.
 */
export type BaseRule = (derived: number, base: number) => "must" | "may" | "never";

/** The tables prepared for the walk, and what identifies each across pages (§4.1). */
export interface WalkPlan {
  tables: Table[];
  /** P[0] is the request table. */
  requestTable: boolean;
  /** Identity of each table: its caption, the op name for the request, else its rows (`#…`). */
  keys: string[];
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
  /** The chosen bases as [derived table, base table] (-1: the request without a table). */
  bases: [number, number][];
  /** The search ran out of budget: the reading is the greedy one and says little about bases. */
  overflowed?: boolean;
  /** Tables that readings tied with the chosen one name otherwise (search.ts markUnsure), ascending. */
  unsure?: number[];
  /** Text-pipe: referenced names the reading gave no table (X0), in walk order. */
  tableless?: string[];
}

const DEFAULT_CAP = 100_000;
/** Tied parses a W_AMBIGUOUS_WALK names (the chosen one first). */
const SHOWN_TIES = 4;

// --------------------------------------------------------------------------------------------
// Entry point

/** Prepares the tables once; the solve reads the keys before it walks. */
export function planWalk(input: WalkInput): WalkPlan {
  const tables = input.tables.map((t, i) => prepare(t, i, input.captions));
  const requestTable = decideRequest(tables, input);
  const keys = tables.map((t, i) => (i === 0 && requestTable ? input.operation : tableKey(t)));
  return { tables, requestTable, keys };
}

/** Runs the §5.3 search and names every table. Pure; linear-ish thanks to pruning, capped. */
export function walkTables(input: WalkInput, plan: WalkPlan = planWalk(input)): WalkResult {
  const { tables, requestTable } = plan;
  const diagnostics: Diagnostic[] = [];
  const search = new Search(tables, input, input.nodeCap ?? DEFAULT_CAP);
  let chosen: Snapshot;
  let overflowed = false;
  try {
    search.run(requestTable);
    if (!search.best) throw new Overflow(); // no reading explains the page under the solve's constraints
    chosen = search.best;
    if (search.alternatives.length) {
      const tied = [chosen, ...search.alternatives];
      // on text-pipe pages too, where no caption tells a request's base read as the response (and the
      // response as its base) from the true reading: that one leaves the base's always-shown members out
      chosen = fewestOmitted(tied, tables, [input.request, input.response], input.elsewhere);
      const alts = [chosen, ...tied.filter((s) => s !== chosen)].slice(0, SHOWN_TIES).map((s) => describe(s, tables));
      const count = search.moreTied ? `over ${tied.length}` : String(tied.length);
      const more = tied.length > SHOWN_TIES || search.moreTied ? ` / and ${search.moreTied ? "more" : tied.length - SHOWN_TIES + " more"}` : "";
      diagnostics.push({
        code: "W_AMBIGUOUS_WALK",
        detail: `${count} parses score ${chosen.score}: ${alts.join(" / ")}${more}`,
      });
    }
  } catch (e) {
    // Too many choices, or a page so long the recursive search runs out of stack.
    if (!(e instanceof Overflow) && !(e instanceof RangeError)) throw e;
    overflowed = true;
    // the best parse found so far, unless the greedy one explains more tables
    const found = e instanceof Overflow ? (search.best ?? search.first) : undefined;
    const greedy = greedyParse(tables, input, requestTable);
    // on captioned pages the greedy parse follows the walk wherever only one reading fits: it wins ties
    const greedyFirst = input.captions && input.tableful !== undefined;
    chosen = found && (greedyFirst ? found.consumed > greedy.consumed : found.consumed >= greedy.consumed) ? found : greedy;
    const kept = chosen === greedy ? "the greedy parse" : "the best parse found";
    diagnostics.push({
      code: "W_AMBIGUOUS_WALK",
      detail:
        e instanceof Overflow
          ? `search stopped after ${search.cap} nodes; kept ${kept} ${describe(chosen, tables)}`
          : `page too large to search; kept the greedy parse of ${tables.length} tables`,
    });
  }
  const result = assemble(chosen, tables, input, requestTable, diagnostics);
  if (overflowed) result.overflowed = true;
  else if (search.unsure) result.unsure = [...search.unsure].sort((a, b) => a - b);
  return result;
}
