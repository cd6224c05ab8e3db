// How an enum table becomes a TS enum (spec §7.5): string or numeric, flags or not, wire values.
import type { TypeModel } from "../model/types.js";
import { enumMemberName } from "./naming.js";

export interface EnumMemberShape {
  /** C# member name. */
  name: string;
  /** Member name as written in the TS enum (identifier or quoted), unique within the enum. */
  key: string;
  /** The wire value: the EnumMember value or name for string enums, the number for numeric ones. */
  value: string | number;
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
    let key = enumMemberName(m.name);
    // duplicate member names would not compile; later ones get a suffix
    for (let n = 2; seen.has(key); n++) key = enumMemberName(`${m.name}_${n}`);
    seen.add(key);
    const value: string | number = numeric
      ? Number(m.value!.trim())
      : m.value !== undefined && m.value.trim() !== "" && !INTEGER.test(m.value.trim())
        ? m.value
        : m.name;
    members.push({ name: m.name, key, value, ...(m.description ? { description: m.description } : {}) });
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

/** The member's key as an element-access literal: `Title['Mr']`. */
export function memberAccessKey(key: string): string {
  return key.startsWith("'") || key.startsWith("[") ? key.replace(/^\[|\]$/g, "") : `'${key}'`;
}
