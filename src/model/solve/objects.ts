// Sample objects of each referenced type across text-pipe pages (spec §4.1: one type, one reading).
// A page whose readings tie may hold no object of a type its readings name differently, while
// another page's sample holds one: `EmployeeItem`'s object inside DeleteReading's response says which
// of FindReading's tables is EmployeeItem's (everything seed 1861109345). The pages' own readings
// say which table each object belongs to; a row referencing X then gives the value at its key as
// an object of X.
import type { SampleNode } from "../types.js";
import { accessValue } from "../walk/sample-access.js";
import type { Walked } from "./walked.js";

type Objects = Map<string, { page: Walked; obj: SampleNode }[]>;

function objectsByName(pages: readonly Walked[]): Objects {
  const out: Objects = new Map();
  for (const w of pages) {
    const result = w.result;
    if (!result || result.overflowed) continue;
    for (const t of result.types) {
      if (t.table === undefined || t.sample?.kind !== "object") continue;
      for (const row of w.plan.tables[t.table]!.rows) {
        for (const x of row.refs) {
          const v = accessValue(t.sample, row, x.access);
          if (v?.kind !== "object" || v.truncated) continue;
          const list = out.get(x.name);
          if (list) list.push({ page: w, obj: v });
          else out.set(x.name, [{ page: w, obj: v }]);
        }
      }
    }
  }
  return out;
}

/** Per page, the objects of a name that the other pages' samples show (none: undefined). */
export function objectsElsewhere(pages: readonly Walked[]): (page: Walked) => (name: string) => readonly SampleNode[] | undefined {
  const all = objectsByName(pages);
  return (page) => (name) => {
    const list = all.get(name);
    if (!list) return undefined;
    const objs = list.filter((o) => o.page !== page).map((o) => o.obj);
    return objs.length ? objs : undefined;
  };
}
