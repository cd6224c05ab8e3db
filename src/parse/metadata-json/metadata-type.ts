// One MetadataType of /types/metadata (spec §9) -> MetadataTypeFacts: its name and generic
// parameters, base with generic arguments, interfaces, declared properties (alias, required,
// ApiMember facts) or enum members (names, values, EnumMember values, descriptions).
import type { EnumMemberModel, MetadataPropertyFacts, MetadataTypeFacts } from "../../model/types.js";
import { flag, num, obj, objects, positional, strings, str, text, type JsonObject } from "./json-fields.js";
import { bareTypeName, namesInTypes, namespaceOf, typeNameText, typeText } from "./type-name.js";

export function readMetadataType(value: JsonObject): MetadataTypeFacts | undefined {
  const rawName = str(value, "name")?.trim();
  if (!rawName) return undefined;
  const name = bareTypeName(rawName);
  const isEnum = flag(value, "isEnum") || strings(value, "enumNames").length > 0;
  const kind: MetadataTypeFacts["kind"] = isEnum ? "enum" : flag(value, "isInterface") ? "interface" : "class";
  const facts: MetadataTypeFacts = { name, kind, implements: [], properties: [], references: [] };
  const namespace = namespaceOf(value);
  if (namespace) facts.namespace = namespace;
  const description = text(value, "description");
  if (description) facts.description = description;

  // A declared type's genericArgs are its parameter names (``QueryResponse`1`` + ["T"]): types[]
  // holds definitions only; concrete arguments live on the references (inherits, returnType).
  const params = strings(value, "genericArgs").map((p) => p.trim()).filter((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p));
  if (params.length) facts.genericParams = params;

  const base = typeNameText(obj(value, "inherits"));
  if (base && base !== "object") facts.base = base;
  for (const i of objects(value, "implements")) {
    const t = typeNameText(i);
    if (t) facts.implements.push(t);
  }

  if (kind === "enum") Object.assign(facts, readEnum(value));
  else for (const p of objects(value, "properties")) {
    const prop = readProperty(p);
    if (prop) facts.properties.push(prop);
  }
  facts.references = namesInTypes([facts.base, ...facts.properties.map((p) => p.type)]);
  return facts;
}

function readProperty(value: JsonObject): MetadataPropertyFacts | undefined {
  const name = str(value, "name")?.trim();
  const type = str(value, "type")?.trim();
  if (!name || !type) return undefined;
  const dataMember = obj(value, "dataMember");
  const prop: MetadataPropertyFacts = {
    name,
    type: typeText(type, strings(value, "genericArgs")),
    required: flag(value, "isRequired") || (dataMember !== undefined && flag(dataMember, "isRequired")),
  };
  const alias = dataMember && text(dataMember, "name");
  if (alias && alias !== name) prop.alias = alias;
  const paramType = text(value, "paramType");
  if (paramType) prop.paramType = paramType;
  const description = text(value, "description");
  if (description) prop.description = description;
  if (flag(value, "isValueType")) prop.valueType = true;
  const allowable = strings(value, "allowableValues");
  if (allowable.length) prop.allowableValues = allowable;
  const min = num(value, "allowableMin");
  const max = num(value, "allowableMax");
  if (min !== undefined && max !== undefined) prop.range = [min, max];
  return prop;
}

/**
 * enumValues come only for integer/flags or non-sequential enums, enumMemberValues only when some
 * [EnumMember] value differs from its name (spec §9). A member's value is what the page's Value
 * column would show: its EnumMember value when it differs from the name, else its number.
 */
function readEnum(value: JsonObject): Pick<MetadataTypeFacts, "members" | "valued"> {
  const names = strings(value, "enumNames");
  const values = positional(value, "enumValues");
  const memberValues = positional(value, "enumMemberValues");
  const descriptions = positional(value, "enumDescriptions");
  const valued = flag(value, "isEnumInt") || values !== undefined || memberValues !== undefined;
  const members = names.map((name, i): EnumMemberModel => {
    const m: EnumMemberModel = { name };
    const memberValue = memberValues?.[i];
    if (memberValue !== undefined && memberValue !== name) m.value = memberValue;
    else if (valued) m.value = values?.[i] ?? String(i);
    const description = descriptions?.[i]?.trim();
    if (description) m.description = description;
    return m;
  });
  return valued ? { members, valued } : { members };
}
