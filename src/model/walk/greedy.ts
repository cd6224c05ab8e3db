// The greedy parse (spec §5.3 tie order): what a page reads when the search runs out of budget.
import type { SampleNode } from "../types.js";
import type { WalkInput } from "./index.js";
import { accessValue, asObject } from "./sample-access.js";
import { HIDDEN, WELL_KNOWN, type Ref, type Table } from "./tables.js";
import type { Slot, Snapshot } from "./reading.js";
import { baseNaming, captionedResponse, fitsTable, knownName, responseMayTake } from "./rules.js";

const RESPONSE = "\u0000response";
const END = "\u0000end";

/**
 * The tie order applied at every choice (B0, no G1, X1 whenever the next table fits, R1): the
 * search's first complete parse, computed with an explicit stack so that no page can overflow it.
 * On captioned pages it also takes a base wherever the walk could visit no other table there.
 */

export function greedyParse(tables: Table[], input: WalkInput, requestTable: boolean): Snapshot {
  const slots: (Slot | undefined)[] = new Array(tables.length).fill(undefined);
  const seen = new Set<string>([input.operation]);
  const x0: Snapshot["x0"] = [];
  let pos = 0;
  const rq = asObject(input.request);
  if (requestTable) {
    slots[0] = { name: input.operation, role: "request", naming: input.captions ? "caption" : "operation", obj: rq };
    pos = 1;
  }
  const fits = (tb: Table, x: Ref): boolean => fitsTable(input, tb, x);
  /** `args`: generic-argument tables that may follow the base's walk (captioned pages, §4 step 2). */
  type Frame = { t: number; obj?: SampleNode; r: number; j: number; args?: number };
  let inResponse = false;
  /**
   * Captioned pages: the name whose table must come next if the type on top of `stack` takes no
   * base (the first unseen reference that has a table on some page), else the response or the end.
   */
  const expectedNext = (stack: readonly Frame[]): string => {
    for (let s = stack.length - 1; s >= 0; s--) {
      const f = stack[s]!;
      const rows = f.t >= 0 ? tables[f.t]!.rows : [];
      for (let r = f.r, j = f.j; r < rows.length; r++, j = 0) {
        for (const x of rows[r]!.refs.slice(j)) if (!seen.has(x.name) && !HIDDEN.has(x.name) && input.tableful!.has(x.name)) return x.name;
      }
    }
    return inResponse ? END : RESPONSE;
  };
  /**
   * Whether the table at pos is the base of `derived`: the solve says so, or (captioned pages) no
   * other reading explains it there, since the walk would visit another table next.
   */
  const takesBase = (derived: number, derivedName: string, tb: Table, stack: readonly Frame[]): boolean => {
    const rule = input.baseRule?.(derived, pos) ?? "may";
    if (rule !== "may") return rule === "must";
    if (!input.captions || !input.tableful || tb.caption === undefined || WELL_KNOWN.has(derivedName)) return false;
    if (tb.captionParams?.includes(derivedName) || captionedResponse(tb, input)) return false;
    const expected = expectedNext(stack);
    if (expected === RESPONSE) return !responseMayTake(tb, input) || tb.caption === "QueryBase";
    return expected === END || expected !== tb.caption;
  };
  /** Captioned pages: the table at pos is a generic argument of the frame's base (the walk would visit another table). */
  const takesArgument = (tb: Table, stack: readonly Frame[]): boolean => {
    if (tb.kind !== "params" || tb.caption === undefined || seen.has(tb.caption) || captionedResponse(tb, input)) return false;
    const expected = expectedNext(stack);
    return expected === RESPONSE ? !responseMayTake(tb, input) || !/Response$/.test(tb.caption) : expected !== tb.caption;
  };
  /** A visited type's frame, then the frames of the bases right after it (deepest on top). */
  const enter = (t: number, obj: SampleNode | undefined, name: string, outer: readonly Frame[]): Frame[] => {
    const frames: Frame[] = [{ t, obj, r: 0, j: 0 }];
    let derived = t;
    let derivedName = name;
    for (;;) {
      const tb = tables[pos];
      if (!tb || tb.kind !== "params" || !takesBase(derived, derivedName, tb, [...outer, ...frames])) break;
      const { name: bname, naming } = baseNaming(input, tb, derivedName);
      if ((input.captions || naming !== "inferred") && seen.has(bname)) break;
      seen.add(bname);
      slots[pos] = { name: bname, role: "base", naming, of: derived, obj };
      if (input.captions && input.tableful) frames[frames.length - 1]!.args = bname === "QueryBase" ? 1 : (tb.captionParams?.length ?? 0);
      frames.push({ t: pos, obj, r: 0, j: 0 });
      derived = pos++;
      derivedName = bname;
    }
    return frames;
  };
  const walk = (root: number, rootObj: SampleNode | undefined, rootName: string) => {
    const stack: Frame[] = enter(root, rootObj, rootName, []);
    while (stack.length) {
      const f = stack[stack.length - 1]!;
      if (f.args && f.r === 0 && f.j === 0) {
        // after the base's walk, before the type's own references: its base's generic arguments
        const tb = tables[pos];
        if (tb && takesArgument(tb, stack)) {
          f.args--;
          const i = pos++;
          seen.add(tb.caption!);
          slots[i] = { name: tb.caption!, role: "generic-arg", naming: "caption", of: f.t };
          stack.push(...enter(i, undefined, tb.caption!, stack));
          continue;
        }
        f.args = 0;
      }
      const rows = f.t >= 0 ? tables[f.t]!.rows : [];
      if (f.r >= rows.length) {
        stack.pop();
        continue;
      }
      const row = rows[f.r]!;
      if (f.j >= row.refs.length) {
        f.r++;
        f.j = 0;
        continue;
      }
      const x = row.refs[f.j++]!;
      if (seen.has(x.name)) continue;
      const next = tables[pos];
      const fit = next !== undefined && fits(next, x);
      if (HIDDEN.has(x.name) && !fit) continue;
      seen.add(x.name);
      const v = accessValue(f.obj, row, x.access);
      if (!fit) {
        x0.push({ name: x.name, value: v, at: pos });
        continue;
      }
      const i = pos++;
      slots[i] = { name: x.name, role: "reference", naming: next!.caption ? "caption" : "reference", obj: asObject(v) };
      if (next!.kind === "params") stack.push(...enter(i, asObject(v), x.name, stack));
    }
  };
  walk(requestTable ? 0 : -1, rq, input.operation);
  let responseTable = -1;
  let responseX0 = 0;
  const tb = tables[pos];
  if (tb && tb.kind === "params" && responseMayTake(tb, input)) {
    const rs = asObject(input.response);
    const known = knownName(input, tb);
    const name = known ?? input.responseRoot ?? (tb.signature === "QueryResponse" ? "QueryResponse" : `${input.operation}Response`);
    const naming: Slot["naming"] = tb.caption
      ? "caption"
      : known !== undefined
        ? "reference"
        : input.responseRoot
          ? "xml"
          : tb.signature === "QueryResponse"
            ? "signature"
            : "inferred";
    responseTable = pos;
    slots[pos++] = { name, role: "response", naming, obj: rs };
    seen.add(name);
    inResponse = true;
    responseX0 = x0.length;
    walk(responseTable, rs, name);
  }
  return { score: 0, slots, consumed: pos, responseTable, x0, ...(responseTable >= 0 && { responseX0 }), sig: "greedy" };
}
