/** The first `count` synthetic ~8 KB HTML op pages; the same pages on every call. */
export function makePages(count: number): string[];
