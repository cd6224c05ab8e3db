// Route lines of the flat rendering (spec §5.1): `{verbs}{path}{summary}` with the summary glued to
// the path, e.g. `POST/orders/{Id}/itemsAdds an item to the order.`. A path never contains a blank,
// so the text after the first blank is certainly summary; where the summary's first word starts is
// decided by evidence: the sample request line's path, the segments of the other routes and the
// `{Var}` placeholders. A client that calls `/orders/{Id}/itemsAdds` fails at run time, so without
// evidence for the glue point the route is dropped (the client falls back to /json/reply/{Op}):
// a wrong split is worse than a lost summary.
import type { Diagnostic, Route } from "../model/types.js";
import { isVerbCell, parseVerbs } from "./text-cells.js";

export interface RouteLine {
  /** Text before the first `/`: the verb cell. */
  verbs: string;
  /** From the first `/` up to the first blank: path plus any glued first summary word. */
  token: string;
  /** The rest of the line after the blank (certainly summary text), trimmed. */
  rest: string;
  no: number;
}

/** `POST/orders/{Id}Gets it` -> its parts; undefined when the line is not a route line. */
export function readRouteLine(line: string, no: number): RouteLine | undefined {
  const slash = line.indexOf("/");
  if (slash <= 0) return undefined;
  const verbs = line.slice(0, slash).trim();
  if (!isVerbCell(verbs)) return undefined;
  const after = line.slice(slash);
  const blank = after.search(/\s/);
  const token = blank < 0 ? after : after.slice(0, blank);
  const rest = blank < 0 ? "" : after.slice(blank).trim();
  return { verbs, token, rest, no };
}

export interface SplitEvidence {
  /** Path of the sample request line (query dropped), when the page has one. */
  samplePath?: string;
  /** Property names of the op's tables, lower case ({Var} placeholders name them). */
  propertyNames?: ReadonlySet<string>;
}

/** A summary word glued to a path ends with punctuation or is a capitalised word. */
const SUMMARY_END = /[.!?:;,)]$/;

/**
 * Splits every route line into path and summary. Lines whose glue point has no evidence are
 * dropped with W_FLAT_SPLIT.
 */
export function splitRouteLines(lines: RouteLine[], evidence: SplitEvidence, diagnostics: Diagnostic[]): Route[] {
  const samplePath = evidence.samplePath?.split(/[?#]/)[0];
  // Segments that are certainly path: every segment but the last of each line, and the sample's.
  const known = new Set<string>();
  for (const l of lines) {
    const segs = l.token.split("/").filter(Boolean);
    segs.slice(0, -1).forEach((s) => known.add(s));
  }
  if (samplePath) samplePath.split("/").filter(Boolean).forEach((s) => known.add(s));

  const routes: Route[] = [];
  for (const l of lines) {
    const split = splitToken(l, samplePath, known, evidence.propertyNames);
    if (split === undefined) {
      diagnostics.push({
        code: "W_FLAT_SPLIT",
        detail: `line ${l.no}: route "${clip(l.verbs + l.token)}" has a summary glued to its path and nothing tells where the path ends; route dropped`,
      });
      continue;
    }
    const route: Route = { verbs: parseVerbs(l.verbs), path: l.token.slice(0, split) };
    const summary = [l.token.slice(split), l.rest].filter(Boolean).join(" ").trim();
    if (summary) route.summary = summary;
    routes.push(route);
  }
  return routes;
}

/** Where the path ends in the line's token; undefined when that cannot be told. */
function splitToken(
  l: RouteLine,
  samplePath: string | undefined,
  known: ReadonlySet<string>,
  propertyNames: ReadonlySet<string> | undefined,
): number | undefined {
  const token = l.token;
  const lastSlash = token.lastIndexOf("/");
  const last = token.slice(lastSlash + 1);
  const glued = l.rest !== "" || (last.length > 1 && SUMMARY_END.test(last));
  // 1. the sample request line shows this route's exact path
  if (samplePath) {
    if (token === samplePath) return token.length;
    const next = token[samplePath.length] ?? "";
    if (token.startsWith(samplePath) && samplePath.length > lastSlash && next !== "/" && (glued || /[A-Z]/.test(next))) {
      return samplePath.length;
    }
  }
  // 2. a {Var} placeholder ends the path: nothing but `{` or `.` follows a `}` inside a segment
  const close = last.lastIndexOf("}");
  if (close >= 0 && close < last.length - 1 && !/^[.{]/.test(last.slice(close + 1))) {
    const name = /\{([^{}*]+)\*?\}$/.exec(last.slice(0, close + 1))?.[1]?.toLowerCase();
    if (!propertyNames || propertyNames.size === 0 || (name && propertyNames.has(name))) return lastSlash + 1 + close + 1;
  }
  if (last === "" || last.endsWith("}")) return token.length;
  // 3. another route (or the sample) has this segment, or a segment this one starts with
  if (known.has(last)) return token.length;
  let best = -1;
  for (const s of known) {
    if (s.length < last.length && last.startsWith(s) && s.length > best && /^[A-Z0-9]/.test(last.slice(s.length))) best = s.length;
  }
  if (best > 0) return lastSlash + 1 + best;
  if (!glued) return token.length;
  // 4. an all-lower-case segment followed by one capitalised word: `itemsAdds`, `items2Lists`
  const m = /^([a-z0-9_.~-]*[a-z0-9])([A-Z][a-z]*[.!?:;,)]*)$/.exec(last);
  if (m) return lastSlash + 1 + m[1]!.length;
  return undefined;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
