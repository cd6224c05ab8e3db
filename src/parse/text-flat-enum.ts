// Valued enum rows of the flat layout (spec §2.6, §5.1): `{Member}{Value}{description}` run together,
// e.g. `Monthly20Monthly billing` or `InProgressin-progress`. The Value cell holds the member's
// [EnumMember(Value)] or its number, so a row can be split where that value has a shape tied to
// the name:
// - a number right after a name that does not end in a digit (`High40`, `None0`, `Minus-1`): the
//   name is the longest identifier not ending in a digit that a digit run follows;
// - a spelling of the name itself (`low`, `LOW`, `inProgress`, `in_progress`, `in-progress`).
// Any other row (an arbitrary EnumMember value) cannot be split: the caller types the enum as string.
import type { RawEnumMember, RawRow, SampleNode } from "../model/types.js";

const MAX_NAME = 128;

/** The spellings an [EnumMember(Value)] usually gives a member name. */
export function nameSpellings(name: string): string[] {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").split(/[\s_]+/).filter(Boolean);
  const lower = words.map((w) => w.toLowerCase());
  const camel = lower.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("");
  const out = [name, name.toLowerCase(), name.toUpperCase(), camel, lower.join("_"), lower.join("-"), lower.join("_").toUpperCase()];
  return [...new Set(out)];
}

const NUMBERED = new RegExp(`^([A-Za-z_](?:[A-Za-z0-9_]{0,${MAX_NAME}}[A-Za-z_])?)(-?\\d{1,20})(?!\\d)(.*)$`, "s");

/** One valued enum row split into member, value and description; undefined when it cannot be told. */
export function splitValuedEnumRow(line: string): RawEnumMember | undefined {
  const spelled: RawEnumMember[] = [];
  const identifier = /^[A-Za-z_]/.test(line);
  for (let i = 1; identifier && i <= Math.min(line.length - 1, MAX_NAME) && /[A-Za-z0-9_]/.test(line[i - 1]!); i++) {
    // every spelling starts with the name's first letter, in one case or the other
    if (line[i]?.toLowerCase() !== line[0]!.toLowerCase()) continue;
    const name = line.slice(0, i);
    for (const value of nameSpellings(name)) if (line.startsWith(value, i)) spelled.push(member(name, value, line.slice(i + value.length)));
  }
  const m = NUMBERED.exec(line);
  const numbered = m ? member(m[1]!, m[2]!, m[3]!) : undefined;
  const all = [...spelled, ...(numbered ? [numbered] : [])];
  const distinct = new Set(all.map((r) => `${r.name}\u0000${r.value}`));
  return distinct.size === 1 ? all[0] : undefined;
}

function member(name: string, value: string, rest: string): RawEnumMember {
  const out: RawEnumMember = { name, value };
  const description = rest.trim();
  if (description) out.description = description;
  return out;
}

/**
 * Scalar values of the sample bodies by key (lower case, `_` removed): an enum property's sample
 * value is its enum's FIRST member (§2.8), which tells where that member's glued row ends.
 */
export function sampleValuesByKey(bodies: readonly (SampleNode | undefined)[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (key: string, v: SampleNode) => {
    if (v.kind !== "scalar") return;
    const k = key.toLowerCase().replace(/_/g, "");
    let set = out.get(k);
    if (!set) out.set(k, (set = new Set()));
    set.add(v.text);
  };
  const stack: SampleNode[] = bodies.filter((b): b is SampleNode => b !== undefined);
  for (let n = 0; n < 100_000 && stack.length; n++) {
    const node = stack.pop()!;
    if (node.kind === "array") stack.push(...node.items);
    if (node.kind !== "object") continue;
    for (const [key, v] of node.entries) {
      add(key, v);
      // List<E> and Dictionary<string, E> show one element / one value
      if (v.kind === "array") for (const item of v.items) add(key, item);
      if (v.kind === "object") for (const [, item] of v.entries) add(key, item);
      stack.push(v);
    }
  }
  return out;
}

/**
 * The first row of a plain enum table whose member runs into its description (`WeeklyWeekly
 * billing`): the sample value of a property typed with that enum is the first member's name, so a
 * row that starts with it is that member plus its description. Undefined when no sample tells.
 */
export function splitFirstPlainRow(line: string, enumName: string, rows: readonly RawRow[], values: ReadonlyMap<string, ReadonlySet<string>>): RawEnumMember | undefined {
  let best: string | undefined;
  for (const row of rows) {
    const names: string[] = row.type.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
    if (!names.includes(enumName)) continue;
    for (const v of values.get(row.name.toLowerCase().replace(/_/g, "")) ?? new Set<string>()) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v) || v.length >= line.length || !line.startsWith(v)) continue;
      if (!best || v.length > best.length) best = v;
    }
  }
  if (!best) return undefined;
  const description = line.slice(best.length).trim();
  return description ? { name: best, description } : { name: best };
}
