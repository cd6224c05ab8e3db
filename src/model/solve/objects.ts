// Sample objects of each referenced type across text-pipe pages (spec §4.1: one type, one reading).
// A page whose readings tie may hold no object of a type its readings name differently, while
// another page's sample holds one: `EmployeeItem`'s object inside DeleteReading's response says which
// of FindReading's tables is EmployeeItem's (everything seed 1861109345). The pages' own readings
// say which table each object belongs to; a row referencing X then gives the value at its key as
// an object of X.
import type { SampleNode } from "../types.js";
import type { Elsewhere } from "../walk/index.js";
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

/** Per enum row key, the pages whose references name a table of those members, by name. */
function enumNamesByKey(pages: readonly Walked[]): Map<string, Map<string, Walked[]>> {
  const out = new Map<string, Map<string, Walked[]>>();
  for (const w of pages) {
    const result = w.result;
    if (!result || result.overflowed) continue;
    for (const t of result.types) {
      if (t.table === undefined || t.model.kind !== "enum" || t.model.from !== "reference") continue;
      const key = w.keys.keys[t.table]!;
      let names = out.get(key);
      if (!names) out.set(key, (names = new Map()));
      const list = names.get(t.model.name);
      if (list) list.push(w);
      else names.set(t.model.name, [w]);
    }
  }
  return out;
}

/** Per page, what the other pages show: objects of each name, and the names of each enum's members (none: undefined). */
export function objectsElsewhere(pages: readonly Walked[]): (page: Walked) => Elsewhere {
  const all = objectsByName(pages);
  const enums = enumNamesByKey(pages);
  return (page) => ({
    objects: (name) => {
      const objs = (all.get(name) ?? []).filter((o) => o.page !== page).map((o) => o.obj);
      return objs.length ? objs : undefined;
    },
    enumNames: (key) => {
      const byName = enums.get(key);
      if (!byName) return undefined;
      const names = new Set([...byName].filter(([, on]) => on.some((w) => w !== page)).map(([name]) => name));
      return names.size ? names : undefined;
    },
  });
}
