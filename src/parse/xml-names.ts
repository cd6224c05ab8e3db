// Element names of XML samples as DataContract serialization writes them (spec §6.3), decoded
// before anything is named after them:
// - XmlConvert escapes characters that cannot appear in XML names (`_x003C_` is `<`), so an
//   auto-property's compiler backing field `<Name>k__BackingField` reads `_x003C_Name_x003E_k__BackingField`;
// - generic types become `{Name}Of{Arg}…`, plus an 8-character namespace hash when the arguments
//   live in another namespace: `QueryResponseOfCustomerXyz12abc` is `QueryResponse<Customer>`.

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
const BACKING_FIELD = /^<([A-Za-z_][A-Za-z0-9_]*)>k__BackingField$/;

/** `_x003C_Name_x003E_k__BackingField` -> `Name`; other escapes decoded in place. */
export function decodeXmlName(name: string): string {
  if (!name.includes("_x")) return name;
  const decoded = name.replace(ESCAPE, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return BACKING_FIELD.exec(decoded)?.[1] ?? decoded;
}

/** ServiceStack's generic DTOs whose DataContract names are worth decoding to their C# form. */
const KNOWN_GENERICS: ReadonlyMap<string, number> = new Map([
  ["QueryResponse", 1],
  ["QueryDb", 1],
  ["QueryData", 1],
  ["KeyValuePair", 2],
]);

/** A DataContract namespace hash: 8 letters and digits, with a digit (names rarely end so). */
const HASH = /[A-Za-z0-9]{8}$/;

function stripHash(args: string): string {
  const m = HASH.exec(args);
  return m && /\d/.test(m[0]) && args.length > 8 ? args.slice(0, -8) : args;
}

/**
 * `QueryResponseOfCustomerXyz12abc` -> `QueryResponse<Customer>`; names that are not a known
 * generic's DataContract form are returned unchanged. Single-argument generics only take an
 * argument that is an identifier; two-argument ones split at the known key types.
 */
export function decodeGenericName(name: string): string {
  const of = name.indexOf("Of");
  if (of <= 0) return name;
  const base = name.slice(0, of);
  const arity = KNOWN_GENERICS.get(base);
  if (arity === undefined) return name;
  const args = stripHash(name.slice(of + 2));
  if (!/^[A-Z][A-Za-z0-9_]*$/.test(args) && !/^(string|int|long|guid|boolean|dateTime)/.test(args)) return name;
  if (arity === 1) return `${base}<${xsdName(args)}>`;
  const key = /^(string|int|long|short|guid|boolean|dateTime|decimal|double)/.exec(args)?.[1];
  if (!key || key.length === args.length) return name;
  return `${base}<${xsdName(key)},${xsdName(args.slice(key.length))}>`;
}

const XSD_TO_CSHARP: Readonly<Record<string, string>> = {
  string: "string",
  int: "int",
  long: "long",
  short: "short",
  guid: "Guid",
  boolean: "bool",
  dateTime: "DateTime",
  decimal: "decimal",
  double: "double",
};

function xsdName(name: string): string {
  return XSD_TO_CSHARP[name] ?? name;
}
