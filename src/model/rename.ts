// Renaming types inside type texts (bases, property types, responses): the solve gives a table
// the name pages agree on, and the merge renames a conflicting definition.
import { formatType, tryParseCSharpType } from "../csharp-type.js";
import type { TypeModel, TypeRef } from "./types.js";

export function renameRef(ref: TypeRef, renames: ReadonlyMap<string, string>): TypeRef {
  switch (ref.kind) {
    case "named":
      return { kind: "named", name: renames.get(ref.name) ?? ref.name, args: ref.args.map((a) => renameRef(a, renames)) };
    case "array":
      return { kind: "array", element: renameRef(ref.element, renames) };
    case "nullable":
      return { kind: "nullable", inner: renameRef(ref.inner, renames) };
  }
}

/** A canonical type text with every renamed name replaced (texts outside the grammar are kept). */
export function rewriteTypeText(text: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return text;
  const ref = tryParseCSharpType(text);
  return ref ? formatType(renameRef(ref, renames)) : text;
}

/** A copy of t with its name, base and property types renamed (properties copied, not shared). */
export function renameType(t: TypeModel, renames: ReadonlyMap<string, string>): TypeModel {
  const out: TypeModel = { ...t, name: renames.get(t.name) ?? t.name };
  if (t.base) out.base = rewriteTypeText(t.base, renames);
  if (t.properties) out.properties = t.properties.map((p) => ({ ...p, type: rewriteTypeText(p.type, renames) }));
  if (t.members) out.members = t.members.map((m) => ({ ...m }));
  return out;
}

/** The same, in place (for readings the solve owns). */
export function renameTypeInPlace(t: TypeModel, renames: ReadonlyMap<string, string>): void {
  t.name = renames.get(t.name) ?? t.name;
  if (t.base) t.base = rewriteTypeText(t.base, renames);
  for (const p of t.properties ?? []) p.type = rewriteTypeText(p.type, renames);
}
