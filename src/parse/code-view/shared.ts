// The pieces every code-view grammar shares: the attribute comments and their arguments, the facts
// they leave pending for the next declaration, and the view a reader finishes with.
import type { CodeType, CodeView, Route } from "../../model/types.js";
import { formatType, tryParseCSharpType } from "../../csharp-type.js";

export interface Pending {
  routes: Route[];
  description?: string;
  alias?: string;
  required?: boolean;
  flags?: boolean;
  enumValue?: string;
}

export const IDENT = "[A-Za-z_][A-Za-z0-9_]*";
/** One argument of an attribute: `"x"`, `Name="x"`, `IsRequired=true`. */
const ARG = /\s*(?:([A-Za-z_]\w*)\s*=\s*)?("(?:[^"\\]|\\.)*"|[^,()]+)\s*(?:,|$)/y;

function attributeArgs(text: string): { positional: string[]; named: Map<string, string> } {
  const positional: string[] = [];
  const named = new Map<string, string>();
  ARG.lastIndex = 0;
  for (let m = ARG.exec(text); m && m[0] !== ""; m = ARG.exec(text)) {
    const raw = m[2]!.trim();
    const value = raw.startsWith('"') ? unquote(raw) : raw;
    if (m[1]) named.set(m[1], value);
    else positional.push(value);
    if (ARG.lastIndex >= text.length) break;
  }
  return { positional, named };
}

function unquote(s: string): string {
  try {
    return JSON.parse(s) as string;
  } catch {
    return s.slice(1, -1);
  }
}

/** `Route("/x", "GET")`, `DataMember(Name="x")`, … into the pending facts of the next declaration. */
export function applyAttribute(p: Pending, name: string, args: string): void {
  const a = attributeArgs(args);
  switch (name) {
    case "Route": {
      const path = a.positional[0] ?? a.named.get("Path");
      if (!path) return;
      const verbs = a.positional[1] ?? a.named.get("Verbs");
      const route: Route = { verbs: verbs ? verbs.split(/[, ]+/).filter(Boolean).map((v) => v.toUpperCase()) : "*", path };
      const summary = a.named.get("Summary");
      const notes = a.named.get("Notes");
      if (summary) route.summary = summary;
      if (notes) route.notes = notes;
      p.routes.push(route);
      return;
    }
    case "DataMember": {
      const alias = a.named.get("Name");
      if (alias) p.alias = alias;
      if (a.named.get("IsRequired") === "true") p.required = true;
      return;
    }
    case "ApiMember": {
      if (a.named.get("IsRequired") === "true") p.required = true;
      const d = a.named.get("Description");
      if (d && !p.description) p.description = d;
      return;
    }
    case "Required":
    case "ValidateNotNull":
    case "ValidateNotEmpty":
      p.required = true;
      return;
    case "Description": {
      const d = a.positional[0] ?? a.named.get("Description");
      if (d) p.description = d;
      return;
    }
    case "Flags":
      p.flags = true;
      return;
    case "EnumMember": {
      const v = a.named.get("Value");
      if (v !== undefined) p.enumValue = v;
      return;
    }
  }
}

export function fresh(): Pending {
  return { routes: [] };
}

/** Splits `A<B, C>, D` at top-level commas. */
export function splitTop(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === "<" || c === "{" || c === "(" || c === "[") depth++;
    else if (c === ">" || c === "}" || c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = list.slice(start).trim();
  if (last) out.push(last);
  return out;
}

export function canonical(csharp: string): string | undefined {
  const ref = tryParseCSharpType(csharp);
  return ref ? formatType(ref) : undefined;
}

export function declare(name: string, kind: CodeType["kind"], p: Pending): CodeType {
  const t: CodeType = { name, kind, implements: [], routes: p.routes, properties: [] };
  if (p.description) t.description = p.description;
  if (p.flags) t.flags = true;
  return t;
}


export function finishView(
  types: CodeType[],
  request: string | undefined,
  method: string | undefined,
  responses: ReadonlyMap<string, string>,
): Omit<CodeView, "lang"> {
  const out: Omit<CodeView, "lang"> = { types };
  const req = request ?? types.find((t) => t.implements.some((i) => /^IReturn(Void)?\b/.test(i)))?.name;
  if (req) out.request = req;
  if (method) out.method = method;
  const reqType = types.find((t) => t.name === req);
  const marker = reqType?.implements.find((i) => /^IReturn(Void)?\b/.test(i));
  if (marker === "IReturnVoid") out.response = "void";
  else if (marker) out.response = marker.slice("IReturn<".length, -1);
  else if (req && responses.has(req)) out.response = responses.get(req)!;
  return out;
}
