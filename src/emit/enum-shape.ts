// How an enum table becomes a TS enum (spec §7.5): string or numeric, flags or not, wire values.
import type { TypeModel } from "../model/types.js";
import { enumMemberIdentity, enumMemberName, stringLiteral } from "./naming.js";

export interface EnumMemberShape {
  /** C# member name. */
  name: string;
  /** Member name as written in the TS enum (identifier or quoted), unique within the enum. */
  key: string;
  /** The wire value: the EnumMember value or name for string enums, the number for numeric ones. */
  value: string | number;
  /** The value as TS source: the page's digits for numeric enums (`99999999999999999999999`, never
   *  `1e+23`), a string literal otherwise. */
  literal: string;
  description?: string;
}

export interface EnumShape {
  numeric: boolean;
  flags: boolean;
  members: EnumMemberShape[];
}

const INTEGER = /^-?\d+$/;

/**
 * No Value column -> string enum of names. Every value an integer -> numeric enum (flags when each
 * value is 0, a power of two or a union of earlier values). Otherwise EnumMember strings, where a
 * member showing a bare number has no EnumMember value and travels as its name.
 */
export function enumShape(t: TypeModel): EnumShape {
  const raw = t.members ?? [];
  const valued = raw.filter((m) => m.value !== undefined && m.value.trim() !== "");
  const numeric = t.valued === true && valued.length === raw.length && raw.length > 0 && valued.every((m) => INTEGER.test(m.value!.trim()));
  const seen = new Set<string>();
  const members: EnumMemberShape[] = [];
  for (const m of raw) {
    // duplicate members would not compile; later ones get a suffix. Compared as the member they
    // declare, so `1` (written '_1') and `_1` do not collide
    let name = m.name;
    for (let n = 2; seen.has(enumMemberIdentity(name)); n++) name = `${m.name}_${n}`;
    seen.add(enumMemberIdentity(name));
    const key = enumMemberName(name);
    const value: string | number = numeric
      ? Number(m.value!.trim())
      : m.value !== undefined && m.value.trim() !== "" && !INTEGER.test(m.value.trim())
        ? m.value
        : m.name;
    const literal = numeric ? canonicalInteger(m.value!) : stringLiteral(String(value));
    members.push({ name: m.name, key, value, literal, ...(m.description ? { description: m.description } : {}) });
  }
  let flags = false;
  if (numeric && members.length > 0) {
    let union = 0;
    flags = members.every((m) => {
      const v = m.value as number;
      const ok = v === 0 || (v > 0 && ((v & (v - 1)) === 0 || (v & ~union) === 0));
      if (v > 0) union |= v;
      return ok && Number.isSafeInteger(v) && v <= 0x7fffffff;
    });
  }
  return { numeric, flags, members };
}

/** An integer's digits as written, minus a leading `+` and redundant zeros. */
function canonicalInteger(text: string): string {
  const m = /^(-?)0*(\d+)$/.exec(text.trim())!;
  return m[2] === "0" ? "0" : m[1]! + m[2]!;
}

/** The member's key as an element-access literal: `Title['Mr']`. */
export function memberAccessKey(key: string): string {
  return key.startsWith("'") || key.startsWith("[") ? key.replace(/^\[|\]$/g, "") : `'${key}'`;
}
