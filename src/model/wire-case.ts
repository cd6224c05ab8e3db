// Wire property names (spec §5.5): the JSON key a C# property travels under.
import type { WireCase } from "./types.js";

const isUpper = (c: string | undefined): boolean => c !== undefined && c >= "A" && c <= "Z";
const isLower = (c: string | undefined): boolean => c !== undefined && c >= "a" && c <= "z";
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/**
 * ServiceStack's camelCase: the leading run of capitals is lower-cased, except that the run's last
 * capital stays when it starts the next word (`URLPath` -> `urlPath`), but never at position 0.
 */
export function camel(s: string): string {
  return remembered(camels, s, camelOf);
}

/** snake_case: `_` before a capital that follows a lower-case letter or a digit, then all lower-case. */
export function snake(s: string): string {
  return remembered(snakes, s, snakeOf);
}

// Every page votes with every property name against its sample key (§5.5), so the same few thousand
// names are cased again and again: each form is computed once per name (bounded).
const camels = new Map<string, string>();
const snakes = new Map<string, string>();
const REMEMBERED = 8192;

function remembered(cache: Map<string, string>, s: string, compute: (s: string) => string): string {
  let out = cache.get(s);
  if (out === undefined) {
    if (cache.size >= REMEMBERED) cache.clear();
    out = compute(s);
    cache.set(s, out);
  }
  return out;
}

function camelOf(s: string): string {
  let end = 0;
  while (end < s.length && isUpper(s[end])) end++;
  if (end === 0) return s;
  let lowerTo = end;
  if (end < s.length && isLower(s[end]) && end - 1 > 0) lowerTo = end - 1;
  return s.slice(0, lowerTo).toLowerCase() + s.slice(lowerTo);
}

function snakeOf(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (i > 0 && isUpper(c) && (isLower(s[i - 1]) || isDigit(s[i - 1]))) out += "_";
    out += c;
  }
  return out.toLowerCase();
}

/** The name as it travels under a wire case; unknown falls back to camel, the .NET Core default. */
export function toWireCase(name: string, wireCase: WireCase): string {
  switch (wireCase) {
    case "pascal":
      return name;
    case "snake":
      return snake(name);
    case "camel":
    case "unknown":
      return camel(name);
  }
}

/**
 * Majority vote over (C# name, sample key) pairs. A pair votes only when its key equals exactly one
 * of the three forms: `Total` votes pascal, but `total` (camel = snake) and `provider` (all equal)
 * cannot tell the cases apart. Ties go to camel, then pascal, then snake (the most common hosts first).
 */
export function voteWireCase(pairs: { name: string; key: string }[]): WireCase {
  const votes = wireCaseVotes(pairs);
  let best: WireCase = "unknown";
  let bestCount = 0;
  for (const c of ["camel", "pascal", "snake"] as const) {
    if (votes[c] > bestCount) {
      best = c;
      bestCount = votes[c];
    }
  }
  return best;
}

/** The vote counts behind voteWireCase (for diagnostics and tests). */
export function wireCaseVotes(pairs: { name: string; key: string }[]): { camel: number; pascal: number; snake: number } {
  const votes = { camel: 0, pascal: 0, snake: 0 };
  for (const { name, key } of pairs) {
    const pascal = key === name;
    const isCamel = key === camel(name);
    const isSnake = key === snake(name);
    if (pascal && !isCamel && !isSnake) votes.pascal++;
    else if (isCamel && !pascal && !isSnake) votes.camel++;
    else if (isSnake && !pascal && !isCamel) votes.snake++;
  }
  return votes;
}

/** Rule 3: the exact sample key when the sample shows one, else the name in the wire case. */
export function wireNameFor(name: string, wireCase: WireCase, sampleKey?: string): string {
  return sampleKey !== undefined ? sampleKey : toWireCase(name, wireCase);
}
