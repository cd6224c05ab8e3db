// Types inferred from sample values (spec §6.2) for pages whose tables are missing: sample-only text,
// ?lang= pages, pages truncated before their tables. Example values are the server's placeholders
// ("String", 0, false, minimum dates), so each value's shape says which C# type produced it.
import type { Diagnostic, PropertyModel, SampleBody, SampleNode, TypeModel, WireCase } from "./types.js";
import { toWireCase } from "./wire-case.js";

export interface InferInput {
  operation: string;
  request?: SampleBody;
  response?: SampleBody;
  wireCase: WireCase;
}

export interface InferResult {
  /** Request class first, then its nested classes (pre-order), then the response side. */
  types: TypeModel[];
  /** Canonical response type: a class name, `X[]`, a raw or scalar type, "void" or "unknown". */
  response: string;
  diagnostics: Diagnostic[];
  /** String values that look like identifiers: possibly an enum's first member (§6.2), e.g. "Low". */
  possibleEnums: { type: string; property: string; value: string }[];
}

type ObjectNode = Extract<SampleNode, { kind: "object" }>;
type ArrayNode = Extract<SampleNode, { kind: "array" }>;

const DATE = /^(\/Date\(-?\d+([+-]\d{4})?\)\/|\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)$/;
const GUID = /^([0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
const DURATION = /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INT32_MAX = 2147483647;

/** The C# type of one scalar example value (§6.2 table). */
export function scalarType(text: string, quoted: boolean): string {
  if (!quoted) {
    if (/^(true|false)$/i.test(text)) return "bool";
    if (GUID.test(text) && !/^\d{1,31}$/.test(text)) return "Guid";
    if (INTEGER.test(text)) return Math.abs(Number(text)) > INT32_MAX ? "long" : "int";
    if (NUMBER.test(text)) return "double";
  }
  if (DATE.test(text)) return "DateTime";
  if (GUID.test(text)) return "Guid";
  if (DURATION.test(text)) return "TimeSpan";
  return "string";
}

/** Placeholder dictionary keys: the example value of the key type (§2.8). */
function placeholderKeyType(key: string): string | undefined {
  if (key === "String") return "string";
  if (/^(false|False)$/.test(key)) return "bool";
  if (/^0+$/.test(key) && key.length !== 32) return "int";
  if (/^0{32}$|^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(key)) return "Guid";
  if (/^0001-01-01(T00:00:00(\.0+)?)?$/.test(key) || key === "/Date(-62135596800000-0000)/") return "DateTime";
  return undefined;
}

/** PascalCase identifier from a wire key: `shipTo` -> `ShipTo`, `user_id` -> `UserId`, `x-id` -> `XId`. */
export function pascalCase(key: string): string {
  const parts = key.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let out = parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join("");
  if (!out) out = "Property";
  if (/^\d/.test(out)) out = `_${out}`;
  return out;
}

/**
 * Builds the classes in two passes. Pass 1 gives every object a structural signature id (keys and
 * member shapes, interned so each signature is built from child ids, keeping the work linear).
 * Pass 2 walks pre-order, naming each new signature once: identical shapes share one class.
 */
class Inferrer {
  readonly types: TypeModel[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly possibleEnums: InferResult["possibleEnums"] = [];
  private readonly usedNames = new Set<string>();
  private readonly classBySig = new Map<number, string>();
  private readonly sigIds = new Map<string, number>();
  private readonly nodeSig = new Map<SampleNode, number>();
  private uniqueSig = -1;

  /** XML shows C# names, never the JSON key, so its wire names follow the wire case. */
  fromXml = false;

  constructor(private readonly wireCase: WireCase) {}

  reserve(name: string): void {
    this.usedNames.add(name);
  }

  /** Type of a value; `context` is the name a new class would take (PascalCase of its key). */
  typeOf(node: SampleNode, context: string, path: string): string {
    switch (node.kind) {
      case "null":
        this.untyped(path, "null example value");
        return "object";
      case "scalar":
        return scalarType(node.text, node.quoted);
      case "array":
        return `List<${this.elementType(node, context, path)}>`;
      case "object": {
        const dict = this.dictionary(node, context, path);
        if (dict) return dict;
        // a name the sample would invent (ErrorsItem, ResponsesValue) for a built-in's shape (§6.3)
        const builtin = builtinOf(node);
        if (builtin) return builtin;
        const sig = this.signature(node);
        const known = this.classBySig.get(sig);
        if (known) return known;
        const name = this.freshName(node.xmlName ?? context);
        this.classBySig.set(sig, name);
        // Only the request's own rows are body params; every other table shows "form" (§2.4).
        this.defineClass(node, name, "reference", node.xmlName ? "xml" : "sample", "form");
        return name;
      }
    }
  }

  elementType(node: ArrayNode, context: string, path: string): string {
    const first = node.items[0];
    if (!first) {
      this.untyped(path, "empty array");
      return "object";
    }
    const itemName = (first.kind === "object" ? first.xmlName : undefined) ?? node.xmlName;
    return this.typeOf(first, itemName && IDENTIFIER.test(itemName) ? itemName : `${context}Item`, `${path}[]`);
  }

  /** A root class with a fixed name (request `<Op>`, response `<Op>Response` or its XML root). */
  defineRoot(node: ObjectNode, name: string, role: "request" | "response", from: TypeModel["from"], param: string): void {
    this.defineClass(node, name, role, from, param);
  }

  private defineClass(node: ObjectNode, name: string, role: TypeModel["role"], from: TypeModel["from"], param: string): void {
    const type: TypeModel = { name, kind: "class", role, from, properties: [] };
    if (node.truncated) type.partial = true;
    this.types.push(type); // before the members: pre-order, as a page walk lists them
    if (!node.entries.length) this.untyped(name, "empty object");
    const taken = new Set<string>();
    for (const [key, value] of node.entries) {
      let propName = pascalCase(key);
      for (let n = 2; taken.has(propName); n++) propName = `${pascalCase(key)}${n}`;
      taken.add(propName);
      const prop: PropertyModel = {
        name: propName,
        wireName: this.fromXml ? toWireCase(propName, this.wireCase) : key,
        param,
        type: this.typeOf(value, propName, `${name}.${propName}`),
        required: false,
        origin: "sample",
      };
      if (value.kind === "scalar" && prop.type === "string" && value.text !== "String" && IDENTIFIER.test(value.text))
        this.possibleEnums.push({ type: name, property: propName, value: value.text });
      type.properties!.push(prop);
    }
  }

  /** `{"String": V}`: a dictionary shown with one placeholder entry, not a class with a member "String". */
  private dictionary(node: ObjectNode, context: string, path: string): string | undefined {
    if (node.entries.length !== 1 || node.xmlName) return undefined;
    const [key, value] = node.entries[0]!;
    const keyType = placeholderKeyType(key);
    if (!keyType) return undefined;
    return `Dictionary<${keyType},${this.typeOf(value, `${context}Value`, `${path}{}`)}>`;
  }

  private freshName(base: string): string {
    let name = base;
    for (let n = 2; this.usedNames.has(name); n++) name = `${base}${n}`;
    this.usedNames.add(name);
    return name;
  }

  private untyped(path: string, why: string): void {
    this.diagnostics.push({ code: "W_UNTYPED", detail: `${path}: ${why}` });
  }

  /** Structural id of a value: equal ids <=> the same C# type would be inferred. */
  private signature(node: SampleNode): number {
    const cached = this.nodeSig.get(node);
    if (cached !== undefined) return cached;
    let key: string;
    switch (node.kind) {
      case "null":
        key = "null";
        break;
      case "scalar":
        key = `s:${scalarType(node.text, node.quoted)}`;
        break;
      case "array":
        key = `a:${node.xmlName ?? ""}:${node.items.length ? this.signature(node.items[0]!) : "empty"}`;
        break;
      case "object": {
        // Empty or cut objects say too little to be merged with anything else.
        if (!node.entries.length || node.truncated) {
          const id = this.uniqueSig--;
          this.nodeSig.set(node, id);
          return id;
        }
        const members = node.entries.map(([k, v]) => `${JSON.stringify(k)}=${this.signature(v)}`).sort();
        key = `o:${node.xmlName ?? ""}:${members.join(",")}`;
        break;
      }
    }
    let id = this.sigIds.get(key);
    if (id === undefined) {
      id = this.sigIds.size;
      this.sigIds.set(key, id);
    }
    this.nodeSig.set(node, id);
    return id;
  }
}

/** ServiceStack's built-ins (§8.2) by their keys: a sample object of that shape is that type. */
const BUILTIN_SHAPES: readonly { name: string; must: string[]; may: string[] }[] = [
  { name: "ResponseStatus", must: ["errorcode", "message", "stacktrace"], may: ["errors", "meta"] },
  { name: "ResponseError", must: ["errorcode", "fieldname", "message"], may: ["meta"] },
];

function builtinOf(node: ObjectNode): string | undefined {
  if (node.xmlName && !BUILTIN_SHAPES.some((b) => b.name === node.xmlName)) return undefined;
  const keys = new Set(node.entries.map(([k]) => k.replace(/_/g, "").toLowerCase()));
  for (const b of BUILTIN_SHAPES) {
    if (!b.must.every((k) => keys.has(k))) continue;
    if ([...keys].every((k) => b.must.includes(k) || b.may.includes(k))) return b.name;
  }
  return undefined;
}

/** A decoded DataContract generic root (`QueryResponse<Customer>`) of one of ServiceStack's built-ins. */
const BUILTIN_GENERIC_ROOT = /^(QueryResponse)<([A-Za-z_][A-Za-z0-9_]*)>$/;

/**
 * Request root `<Op>`, response root `<Op>Response` (an XML root name wins for the response; for
 * the request it only fixes the casing of the op name). Request properties get param "body", others
 * "form"; the caller recomputes request params from the routes (§2.4). A missing or empty response
 * body gives "void", one with nothing recoverable "unknown"; the caller decides for truncated pages.
 */
export function inferTypesFromSamples(input: InferInput): InferResult {
  const { operation, request, response } = input;
  const inf = new Inferrer(input.wireCase);
  const diagnostics: Diagnostic[] = [{ code: "W_SAMPLE_ONLY", detail: operation }];

  const requestName =
    request?.rootName && request.rootName.toLowerCase() === operation.toLowerCase() ? request.rootName : operation;
  inf.reserve(requestName);
  const responseRoot = rootNameOf(response, `${operation}Response`);
  if (response?.value?.kind === "object") inf.reserve(responseRoot.name);

  const req = request?.value;
  // XML and CSV samples show C# names, not JSON keys
  inf.fromXml = request?.syntax === "xml" || request?.syntax === "csv";
  if (req?.kind === "object") {
    inf.defineRoot(req, requestName, "request", requestName === request?.rootName ? "xml" : "sample", "body");
  } else {
    // No body (GET/DELETE samples) or a body that is not an object: the request DTO still exists.
    inf.types.push({ name: requestName, kind: "class", role: "request", from: "sample", properties: [] });
    if (request?.truncated && !req) inf.types[inf.types.length - 1]!.partial = true;
  }

  let responseType: string;
  const res = response?.value;
  inf.fromXml = response?.syntax === "xml" || response?.syntax === "csv";
  const genericRoot = response?.rootName ? BUILTIN_GENERIC_ROOT.exec(response.rootName) : null;
  if (!response || response.syntax === "empty") responseType = "void";
  else if (genericRoot && res?.kind === "object") {
    // the built-in generic itself is emitted by ssgen; its members' types are read from the sample
    for (const [key, value] of res.entries) inf.typeOf(value, pascalCase(key), `${response.rootName}.${key}`);
    responseType = response.rootName!;
  } else if (response.syntax === "raw") responseType = response.rawType ?? "unknown";
  else if (!res) responseType = "unknown";
  else if (res.kind === "object" && response.rootName?.startsWith("ArrayOfKeyValueOf")) {
    responseType = inf.typeOf(res, `${operation}Response`, `${operation}Response`);
  } else if (res.kind === "object") {
    inf.defineRoot(res, responseRoot.name, "response", responseRoot.from, "form");
    responseType = responseRoot.name;
  } else if (res.kind === "array") {
    responseType = `${inf.elementType(res, `${operation}Response`, `${operation}Response`)}[]`;
  } else {
    responseType = inf.typeOf(res, `${operation}Response`, `${operation}Response`);
  }

  return {
    types: inf.types,
    response: responseType,
    diagnostics: [...diagnostics, ...inf.diagnostics],
    possibleEnums: inf.possibleEnums,
  };
}

function rootNameOf(body: SampleBody | undefined, fallback: string): { name: string; from: TypeModel["from"] } {
  const root = body?.rootName;
  if (root && IDENTIFIER.test(root) && !root.startsWith("ArrayOf")) return { name: root, from: "xml" };
  return { name: fallback, from: "sample" };
}

/** The JSON kind of a sample value (properties carry it as sampleKind, spec §7.3's evidence). */
export function sampleKindOf(v: SampleNode | undefined): PropertyModel["sampleKind"] {
  if (!v || v.kind === "null") return undefined;
  if (v.kind !== "scalar") return v.kind;
  if (v.quoted) return "string";
  if (/^(true|false)$/i.test(v.text)) return "boolean";
  // JSV leaves strings unquoted: only a number-shaped text is a number
  return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v.text) ? "number" : "string";
}
