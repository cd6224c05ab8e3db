// Valued enum rows of the flat layout (spec §2.6, §5.1): `{Member}{Value}{description}` run together,
// e.g. `Monthly20Monthly billing` or `InProgressin-progress`. The Value cell holds the member's
// [EnumMember(Value)] or its number, so a row can be split where that value has a shape tied to
// the name:
// - a number right after a name that does not end in a digit (`High40`, `None0`, `Minus-1`): the
//   name is the longest identifier not ending in a digit that a digit run follows;
// - a spelling of the name itself (`low`, `LOW`, `inProgress`, `in_progress`, `in-progress`).
// Any other row (an arbitrary EnumMember value) cannot be split: the caller types the enum as string.
import type { RawEnumMember } from "../model/types.js";

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
  for (let i = 1; i <= Math.min(line.length - 1, MAX_NAME) && /[A-Za-z0-9_]/.test(line[i - 1]!); i++) {
    if (!/^[A-Za-z_]/.test(line)) break;
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
