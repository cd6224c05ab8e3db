// --include / --exclude: an operation-name glob (`Get*`, case-insensitive) or `tag:<name>`.
// With includes, an op must match one of them; any matching exclude removes it.

import { globToRegExp } from "./files.js";

export interface OperationFilter {
  include: readonly string[];
  exclude: readonly string[];
}

export function makeOperationFilter(filter: OperationFilter): (op: { name: string; tags: readonly string[] }) => boolean {
  const include = filter.include.map(compile);
  const exclude = filter.exclude.map(compile);
  return (op) => (include.length === 0 || include.some((m) => m(op))) && !exclude.some((m) => m(op));
}

function compile(pattern: string): (op: { name: string; tags: readonly string[] }) => boolean {
  const tag = /^tag:(.*)$/i.exec(pattern);
  if (tag) {
    const wanted = tag[1]!.trim().toLowerCase();
    return (op) => op.tags.some((t) => t.toLowerCase() === wanted);
  }
  const regex = new RegExp(globToRegExp(pattern).source, "i");
  return (op) => regex.test(op.name);
}
