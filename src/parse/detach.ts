// Page facts that hold no part of the page's text. V8 represents a string cut from a longer one
// (slice, substring, a regex capture) of 13 or more characters as a view into the original, so one
// table cell kept in the facts keeps the whole page alive. The facts outlive the page text by the
// whole solve; a 5,000-op run held ~30 MB of page texts that way, through its peak memory.

/** Below this length V8 copies a cut string anyway (its SlicedString::kMinLength). */
const SLICE_MIN_LENGTH = 13;

/**
 * Replaces, in place, every string in plain objects and arrays reachable from `value` by a copy that
 * refers to no other string; returns `value`. The copy is the same text: only the memory differs.
 */
export function detachStrings<T>(value: T): T {
  detach(value, new Set());
  return value;
}

function detach(value: unknown, seen: Set<object>): void {
  // a frozen object is a shared constant, not a page's
  if (typeof value !== "object" || value === null || seen.has(value) || Object.isFrozen(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === "string") value[i] = detachedString(item);
      else detach(item, seen);
    }
    return;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === "string") record[key] = detachedString(item);
    else detach(item, seen);
  }
}

/** The same text in memory of its own (concatenating makes a new string, which a slice flattens). */
export function detachedString(text: string): string {
  return text.length < SLICE_MIN_LENGTH ? text : (" " + text).slice(1);
}
