// The same /types/metadata document as other servers send it (spec §9 caveats): PascalCase keys
// (.NET Framework hosts), older servers' `typeNamespace` and explicit `false` flags. A reader
// must get the same facts from every variant.

type Json = unknown;

/** Every object key with its first letter upper-cased, recursively (values untouched). */
export function pascalKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(pascalKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k[0]!.toUpperCase() + k.slice(1), pascalKeys(v)]));
}

const PROPERTY_FLAGS = ["isRequired", "isValueType", "isEnum", "isPrimaryKey", "readOnly"];
const TYPE_FLAGS = ["isEnum", "isEnumInt", "isInterface", "isAbstract", "isNested"];

/** What an older server sends: `typeNamespace` on properties, every flag present (false when not set), explicit nulls. */
export function olderServer(value: Json): Json {
  const visit = (v: Json, where: "type" | "property" | "other"): Json => {
    if (Array.isArray(v)) return v.map((x) => visit(x, where));
    if (v === null || typeof v !== "object") return v;
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) {
      if (where === "property" && k === "namespace") out.typeNamespace = x;
      else if (k === "properties") out[k] = visit(x, "property");
      else if (k === "types") out[k] = visit(x, "type");
      else if (k === "request" || k === "response") out[k] = visit(x, "type");
      else if (k === "operations") out[k] = visit(x, "other");
      else out[k] = visit(x, "other");
    }
    const flags = where === "property" ? PROPERTY_FLAGS : where === "type" ? TYPE_FLAGS : [];
    for (const f of flags) if (!(f in out)) out[f] = false;
    if (where === "type" && !("description" in out)) out.description = null;
    return out;
  };
  return visit(value, "other");
}
