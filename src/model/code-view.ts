// A ?lang= code view as evidence (spec §2.9): the server's own generator output names every type
// exactly and shows bases with their generic arguments, [DataMember(Name)] aliases, interfaces and
// (TypeScript/JavaScript) the server's optional markers and collection initializers. Its facts
// outrank what tables and samples only suggest; tables still supply descriptions and the Parameter
// column. Two uses: a code-view page's types (no tables), and the overlay of an op's code view on
// the model its metadata page gave.
import type { CodeType, CodeView, PropertyModel, SampleNode, TypeModel, WireCase } from "./types.js";
import { pascalCase, sampleKindOf, scalarType } from "./infer.js";
import { toWireCase } from "./wire-case.js";
import { isValueTypeName } from "../csharp-type.js";

const bare = (t: string): string => t.replace(/<.*$/, "").replace(/\[\]$/, "");

/** The C# name of a TS/JS view property: its alias or wire name, PascalCased. */
function csharpName(p: CodeType["properties"][number], lang: string): string {
  if (lang === "csharp") return p.name;
  return pascalCase(p.alias ?? p.wireName ?? p.name);
}

function keyOf(name: string): string {
  return name.replace(/_/g, "").toLowerCase();
}

/** A TS view says `number`/`string`; the sample value may tell the C# type more exactly. */
function refine(type: string, value: SampleNode | undefined, lang: string): string {
  if (lang === "csharp" || !value || value.kind !== "scalar") return type;
  const seen = scalarType(value.text, value.quoted);
  if (type === "int" && (seen === "long" || seen === "double")) return seen;
  if (type === "string" && (seen === "DateTime" || seen === "TimeSpan" || seen === "Guid")) return seen;
  return type;
}

function entry(obj: SampleNode | undefined, key: string): SampleNode | undefined {
  if (!obj || obj.kind !== "object") return undefined;
  const k = keyOf(key);
  return obj.entries.find(([name]) => keyOf(name) === k)?.[1];
}


export interface CodeViewModel {
  types: TypeModel[];
  response?: string;
}

/** The types of a code-view page, request first, then in the view's (dependency) order. */
export function typesFromCodeView(
  view: CodeView,
  operation: string,
  wireCase: WireCase,
  samples: { request?: SampleNode; response?: SampleNode },
): CodeViewModel {
  const classes = view.types.filter((t) => t.kind !== "interface");
  const interfaces = view.types.filter((t) => t.kind === "interface");
  const bases = new Set(classes.flatMap((t) => (t.base ? [bare(t.base)] : [])));
  const genericArgs = new Set(
    classes.flatMap((t) => (t.base && t.base.includes("<") ? t.base.slice(t.base.indexOf("<") + 1, -1).split(",").map(bare) : [])),
  );
  const request = view.request ?? operation;
  const enums = new Set(view.types.filter((t) => t.kind === "enum").map((t) => t.name));
  const response = view.response;
  const responseName = response && response !== "void" ? bare(response) : undefined;
  const ordered = [...classes].sort((a, b) => Number(b.name === request) - Number(a.name === request));
  const types = [...ordered, ...interfaces].map((c): TypeModel => {
    const role =
      c.name === request
        ? "request"
        : c.name === responseName
          ? "response"
          : bases.has(c.name)
            ? "base"
            : genericArgs.has(c.name)
              ? "generic-arg"
              : "reference";
    const t: TypeModel = { name: c.name, kind: c.kind, role, from: "code" };
    if (c.genericParams?.length) t.genericParams = c.genericParams;
    const own = declaredInterfaces(c, interfaces);
    if (own.length) t.interfaces = own;
    if (c.base) t.base = c.base;
    if (c.description) t.description = c.description;
    if (c.kind === "enum") {
      t.members = (c.members ?? []).map((m) => ({ ...m }));
      if (c.valued) t.valued = true;
      return t;
    }
    const obj = role === "request" || role === "base" ? samples.request : role === "response" ? samples.response : undefined;
    t.properties = c.properties.map((p) => propertyOf(p, view.lang, wireCase, role === "request" ? "body" : "form", obj, enums));
    return t;
  });
  fillGenericArgs(types, view, samples.request);
  return { types, ...(response ? { response } : {}) };
}

/**
 * The interfaces of `c` that the view itself declares: ServiceStack's markers (IReturn<T>,
 * IReturnVoid, IGet…, IMeta, IHasSessionId…) are never declared in a view, so they never qualify.
 */
function declaredInterfaces(c: CodeType, interfaces: readonly CodeType[]): string[] {
  const declared = new Set(interfaces.map((i) => i.name));
  return c.implements.filter((i) => declared.has(bare(i)) && bare(i) !== c.name);
}

/**
 * JavaScript views print `extends AuditedRequest` without the generic arguments: take each
 * argument from the sample value of a base property typed by that parameter, matched to a class
 * of the view by its keys; else `object`.
 */
function fillGenericArgs(types: TypeModel[], view: CodeView, request: SampleNode | undefined): void {
  const byName = new Map(types.map((t) => [t.name, t]));
  for (const t of types) {
    const base = t.base ? byName.get(t.base) : undefined;
    if (!base?.genericParams?.length || t.base!.includes("<")) continue;
    const obj = t.role === "request" || t.role === "base" ? request : undefined;
    const args = base.genericParams.map((param) => {
      const prop = base.properties?.find((p) => p.type === param);
      const value = prop ? entry(obj, prop.wireName) : undefined;
      if (!value || value.kind !== "object") return "object";
      const keys = value.entries.map(([k]) => keyOf(k)).sort().join(",");
      const match = types.find(
        (c) => c.kind === "class" && !c.genericParams && (c.properties ?? []).map((p) => keyOf(p.wireName)).sort().join(",") === keys,
      );
      return match?.name ?? "object";
    });
    t.base = `${t.base}<${args.join(",")}>`;
  }
  void view;
}

function propertyOf(
  p: CodeType["properties"][number],
  lang: string,
  wireCase: WireCase,
  param: string,
  obj: SampleNode | undefined,
  enums: ReadonlySet<string>,
): PropertyModel {
  const name = csharpName(p, lang);
  const wireName = p.alias ?? p.wireName ?? toWireCase(name, wireCase);
  const type = refine(p.type, entry(obj, wireName), lang);
  // a TS/JS view marks every property that is not required (v10+) or nullable (v5-v8) with `?`
  const inner = type.replace(/\?$/, "");
  const required = p.required ?? (p.optional === false && !isValueTypeName(inner) && !enums.has(inner));
  const prop: PropertyModel = { name, wireName, param, type, required, origin: "table" };
  const value = entry(obj, wireName);
  const kind = sampleKindOf(value);
  if (kind) prop.sampleKind = kind;
  if (p.description) prop.description = p.description;
  if (p.optional !== undefined) prop.optional = p.optional;
  if (p.initializer) prop.initializer = p.initializer;
  return prop;
}

/**
 * Applies an op's code view to the model its metadata page gave (same names, or inferred names
 * matched by their properties): exact names, bases with generic arguments, aliases, optional
 * markers and initializers. Returns the renames it made (inferred name -> code name).
 */
export function overlayCodeView(types: TypeModel[], view: CodeView): Map<string, string> {
  const renames = new Map<string, string>();
  const code = view.types.filter((t) => t.kind !== "interface");
  const byName = new Map(code.map((c) => [c.name, c]));
  const used = new Set<string>();
  for (const t of types) {
    let c = byName.get(t.name);
    if (!c && (t.from === "inferred" || t.from === "operation" || t.from === "sample" || t.from === "reference")) {
      c = code.find((x) => !used.has(x.name) && !types.some((o) => o.name === x.name) && sameShape(t, x, view.lang));
      if (c) renames.set(t.name, c.name);
    }
    if (!c) continue;
    used.add(c.name);
    if (c.base) t.base = c.base;
    if (c.genericParams?.length) t.genericParams = c.genericParams;
    if (c.description && !t.description) t.description = c.description;
    if (t.kind === "class") overlayProperties(t, c, view.lang);
  }
  if (renames.size) rename(types, renames);
  return renames;
}

function sameShape(t: TypeModel, c: CodeType, lang: string): boolean {
  if (t.kind === "enum" || c.kind === "enum") {
    const a = (t.members ?? []).map((m) => m.name).join(",");
    return t.kind === "enum" && c.kind === "enum" && a === (c.members ?? []).map((m) => m.name).join(",");
  }
  const a = (t.properties ?? []).map((p) => keyOf(p.name)).sort().join(",");
  const b = c.properties.map((p) => keyOf(csharpName(p, lang))).sort().join(",");
  const w = c.properties.map((p) => keyOf(p.wireName ?? p.name)).sort().join(",");
  return a !== "" && (a === b || a === w);
}

function overlayProperties(t: TypeModel, c: CodeType, lang: string): void {
  const props = t.properties ?? [];
  // tables and views both list a type's own properties in declaration order: with equal counts
  // the rows pair by position (an aliased property's view name need not resemble its C# name)
  const positional = props.length === c.properties.length;
  props.forEach((p, i) => {
    const k = keyOf(p.name);
    const q = positional
      ? c.properties[i]
      : c.properties.find((x) => keyOf(csharpName(x, lang)) === k || keyOf(x.name) === k || (x.alias !== undefined && keyOf(x.alias) === keyOf(p.wireName)));
    if (!q) return;
    if (q.alias) p.wireName = q.alias;
    else if (q.wireName) p.wireName = q.wireName;
    if (q.optional !== undefined) p.optional = q.optional;
    if (q.required) p.required = true;
    if (q.initializer) p.initializer = q.initializer;
    if (q.description && !p.description) p.description = q.description;
  });
}

/** Renames types everywhere a type string names them (bases, property types). */
function rename(types: TypeModel[], renames: ReadonlyMap<string, string>): void {
  const re = new RegExp(`\\b(${[...renames.keys()].map((k) => k.replace(/[$]/g, "\\$&")).join("|")})\\b`, "g");
  const sub = (s: string): string => s.replace(re, (m) => renames.get(m) ?? m);
  for (const t of types) {
    const to = renames.get(t.name);
    if (to) {
      t.name = to;
      t.from = "code";
    }
    if (t.base) t.base = sub(t.base);
    for (const p of t.properties ?? []) p.type = sub(p.type);
  }
  // a base that was only inferred (`<T>Base`) and that the code view does not declare is dropped later by the caller
  return;
}

/** Renames in a canonical type string (the page's response). */
export function renamedType(type: string, renames: ReadonlyMap<string, string>): string {
  if (!renames.size) return type;
  return type.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (m) => renames.get(m) ?? m);
}
