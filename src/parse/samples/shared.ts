// What every sample reader shares: the depth bound, the object/array node types, whitespace skipping.
import type { SampleNode } from "../../model/types.js";

/** Deeper than any real DTO graph; deep enough that hitting it means garbage or an attack. */
export const MAX_DEPTH = 200;

export type ObjectNode = Extract<SampleNode, { kind: "object" }>;
export type ArrayNode = Extract<SampleNode, { kind: "array" }>;

export function skipWs(text: string, pos: number): number {
  while (pos < text.length && isWs(text.charCodeAt(pos))) pos++;
  return pos;
}
function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff;
}
