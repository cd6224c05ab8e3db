// Prints ts-morph statement structures (the emit vocabulary) as prettier prints them with its
// defaults, without loading ts-morph or prettier: the text ts-morph's printStructure would give,
// already formatted. Blank lines follow ts-morph's placement (which prettier keeps). A declaration
// that uses anything not modelled here is reported as unprintable: the caller prints that one
// declaration the slow way (ts-morph, then prettier), so output never depends on this printer's
// coverage, only its speed does.
import type {
  ClassDeclarationStructure,
  ConstructorDeclarationStructure,
  EnumDeclarationStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  InterfaceDeclarationStructure,
  MethodDeclarationStructure,
  MethodSignatureStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  PropertyDeclarationStructure,
  PropertySignatureStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  TypeParameterDeclarationStructure,
  VariableStatementStructure,
} from "ts-morph";
import { group, hardline, ifBreak, indent, indentIfBreak, join, line, printDoc, softline, type Doc } from "./doc.js";
import { flat, printString, Unprintable } from "./code-read.js";
import { unquoteKey } from "./code-expr.js";
import { typeDoc, unionMembers } from "./code-type.js";
import { expressionDoc, statementDoc } from "./print-code.js";
import { StructureKind } from "./structures.js";

/** One top-level statement: its text (no trailing newline), or undefined when it needs prettier. */
export interface PrintedStatement {
  text: string | undefined;
  /** A blank line separates it from the statement before (ts-morph's placement). */
  blankBefore: boolean;
  structure: StatementStructures;
}

const BLANK_KINDS = new Set<number>([StructureKind.Class, StructureKind.Interface, StructureKind.Enum, StructureKind.Function, StructureKind.Module]);

/** Prints each statement in `printWidth` columns (Infinity: every group flat, for a later prettier run). */
export function printStatements(statements: readonly StatementStructures[], printWidth: number): PrintedStatement[] {
  const out: PrintedStatement[] = [];
  statements.forEach((s, i) => {
    const prev = statements[i - 1];
    const trivia = typeof s.leadingTrivia === "string" ? s.leadingTrivia : "";
    const blankBefore = i > 0 && (BLANK_KINDS.has(s.kind) || BLANK_KINDS.has(prev!.kind) || /^[ \t]*\n/.test(trivia));
    let text: string | undefined;
    try {
      text = printDoc(statementDocOf(s), printWidth);
      if (text.includes("\u0000")) text = undefined; // a fragile group had to break
    } catch (e) {
      if (!(e instanceof Unprintable)) throw e;
      text = undefined;
    }
    out.push({ text, blankBefore, structure: s });
  });
  return out;
}

/** Throws unless every key of `s` outside `handled` is absent, false or empty. */
function only(s: object, handled: readonly string[]): void {
  // a for-in over own keys: Object.entries built a pair per key of every structure printed
  for (const k in s) {
    if (!Object.hasOwn(s, k)) continue;
    const v = (s as Record<string, unknown>)[k];
    if (v === undefined || v === false || (Array.isArray(v) && v.length === 0) || handled.includes(k)) continue;
    throw new Unprintable(`structure key ${k}`);
  }
}

function statementDocOf(s: StatementStructures): Doc {
  switch (s.kind) {
    case StructureKind.Class:
      return classDoc(s);
    case StructureKind.Interface:
      return interfaceDoc(s);
    case StructureKind.Enum:
      return enumDoc(s);
    case StructureKind.TypeAlias:
      return typeAliasDoc(s);
    case StructureKind.ImportDeclaration:
      return importDoc(s);
    case StructureKind.VariableStatement:
      return variableDoc(s);
    case StructureKind.Function:
      return functionDoc(s);
    default:
      throw new Unprintable(`statement kind ${s.kind}`);
  }
}

// ------------------------------------------------------------------------------------ comments

/** Line comments of a statement's leading trivia; blank lines before it are the caller's. */
function triviaDoc(trivia: unknown): Doc[] {
  if (trivia === undefined) return [];
  if (typeof trivia !== "string") throw new Unprintable("trivia writer");
  const lines = trivia.replace(/^(?:[ \t]*\n)+/, "").split("\n");
  if (lines[lines.length - 1]!.trim() === "") lines.pop();
  return lines.map((l) => {
    const t = l.trim();
    if (!t.startsWith("//")) throw new Unprintable("trivia");
    return [t, hardline];
  });
}

/** JSDoc as ts-morph writes it, then as prettier re-indents it. */
function docsDoc(docs: unknown): Doc[] {
  if (docs === undefined) return [];
  if (!Array.isArray(docs)) throw new Unprintable("docs");
  return docs.map((d) => {
    if (typeof d !== "string") throw new Unprintable("docs structure");
    const lines = d.split(/\r?\n/);
    if (lines.length <= 1) return [`/** ${d}${d.endsWith(" ") ? "" : " "}*/`, hardline];
    const body = (lines[0] === "" ? lines.slice(1) : lines).map((l) => [hardline, ` ${(l.length ? ` * ${l}` : " *").trim()}`]);
    return ["/**", body, hardline, " */", hardline];
  });
}

function leading(s: { leadingTrivia?: unknown; docs?: unknown }): Doc[] {
  return [...triviaDoc(s.leadingTrivia), ...docsDoc(s.docs)];
}

// ------------------------------------------------------------------------------------ pieces

function exportDoc(s: { isExported?: boolean; isDefaultExport?: boolean; hasDeclareKeyword?: boolean }): string {
  if (s.isDefaultExport || s.hasDeclareKeyword) throw new Unprintable("default/declare");
  return s.isExported ? "export " : "";
}

function typeParamsDoc(params: readonly (string | OptionalKind<TypeParameterDeclarationStructure>)[] | undefined): Doc {
  if (!params?.length) return "";
  const printed = params.map((p) => {
    if (typeof p === "string") return p;
    only(p, ["name", "constraint", "default", "kind"]);
    if (typeof p.constraint === "function" || typeof p.default === "function") throw new Unprintable("writer");
    return `${p.name}${p.constraint ? ` extends ${flatType(p.constraint as string)}` : ""}${p.default ? ` = ${flatType(p.default as string)}` : ""}`;
  });
  return flat(`<${printed.join(", ")}>`);
}

function flatType(text: string): string {
  const d = typeDoc(text);
  return typeof d === "string" ? d : (d as unknown as { contents: [string, unknown] }).contents[0];
}

function typeOf(type: unknown): Doc {
  if (typeof type !== "string") throw new Unprintable("type writer");
  return typeDoc(type);
}

function parameterDoc(p: OptionalKind<ParameterDeclarationStructure>): Doc {
  only(p, ["name", "type", "hasQuestionToken", "initializer", "kind"]);
  if (!/^[A-Za-z_$][\w$]*$/.test(p.name)) throw new Unprintable("parameter pattern");
  const init = p.initializer === undefined ? "" : [" = ", expressionDoc(String(p.initializer))];
  return [p.name, p.hasQuestionToken ? "?" : "", p.type !== undefined ? [": ", typeOf(p.type)] : "", init];
}

/** `(params): ReturnType` as prettier groups it with the return type. */
function signatureDoc(params: readonly OptionalKind<ParameterDeclarationStructure>[] | undefined, returnType: unknown, typeParameters?: readonly (string | OptionalKind<TypeParameterDeclarationStructure>)[]): Doc {
  const list = params ?? [];
  const ret = returnType === undefined ? "" : [": ", typeOf(returnType)];
  // prettier hugs a lone parameter typed with an object literal: only its flat form is certain
  const hug = list.length === 1 && typeof list[0]!.type === "string" && /^\s*\{/.test(list[0]!.type);
  const paramsDoc = list.length
    ? ["(", indent([softline, join([",", line], list.map(parameterDoc))]), ifBreak(","), softline, ")"]
    : "()";
  return [typeParamsDoc(typeParameters), hug ? flat([paramsDoc, ret]) : group([paramsDoc, ret])];
}

function bodyDoc(statements: unknown): Doc {
  if (statements === undefined) return "{}";
  if (!Array.isArray(statements)) throw new Unprintable("body writer");
  if (!statements.length) return "{}";
  const docs = statements.map((st) => {
    if (typeof st !== "string") throw new Unprintable("statement structure");
    return statementDoc(st);
  });
  return ["{", indent([hardline, join(hardline, docs)]), hardline, "}"];
}

function blockDoc(members: Doc[][]): Doc {
  const groups = members.filter((g) => g.length);
  if (!groups.length) return "{}";
  // members of one section on consecutive lines, a blank line between sections (as ts-morph)
  return ["{", indent([hardline, join([hardline, hardline], groups.map((g) => join(hardline, g)))]), hardline, "}"];
}

function scopeDoc(m: { scope?: string; isStatic?: boolean; isReadonly?: boolean; isAsync?: boolean; isAbstract?: boolean }): string {
  if (m.isAbstract) throw new Unprintable("abstract");
  return `${m.scope ? `${m.scope} ` : ""}${m.isStatic ? "static " : ""}${m.isAsync ? "async " : ""}${m.isReadonly ? "readonly " : ""}`;
}

/** A class member or interface property name: quoted names stay quoted (prettier keeps them in classes). */
function memberName(name: string): string {
  if (/^["']/.test(name)) return printString(name);
  if (!/^[A-Za-z_$][\w$]*$/.test(name) && !/^\d+$/.test(name)) throw new Unprintable(`member name ${name}`);
  return name;
}

// ------------------------------------------------------------------------------------ declarations

function classDoc(s: ClassDeclarationStructure): Doc {
  only(s, ["kind", "name", "isExported", "typeParameters", "extends", "implements", "docs", "leadingTrivia", "properties", "ctors", "methods"]);
  if (!s.name) throw new Unprintable("anonymous class");
  if (typeof s.extends === "function") throw new Unprintable("extends writer");
  if (s.implements !== undefined && !Array.isArray(s.implements)) throw new Unprintable("implements writer");
  const impls = (s.implements ?? []).map((i) => {
    if (typeof i !== "string") throw new Unprintable("implements writer");
    return flatType(i);
  });
  const head = `${exportDoc(s)}class ${s.name}`;
  const tps = typeParamsDoc(s.typeParameters);
  const ext = s.extends ? `extends ${flatType(s.extends)}` : "";
  let header: Doc;
  // prettier never breaks a lone `extends Name`; its type arguments it might
  if (!impls.length) header = [head, tps, ext ? (ext.includes("<") ? flat(` ${ext}`) : ` ${ext}`) : "", " "];
  else {
    // prettier's heritage group: every clause on its own line and `{` below them, or all on one
    const clauses = [...(ext ? [[line, ext]] : []), [line, flat(`implements ${impls.join(", ")}`)]];
    const g = group([head, tps, indent(clauses), line]);
    // with type parameters and one clause prettier indents differently: only flat is certain
    header = s.typeParameters?.length ? flat([head, tps, ...clauses.map((c) => [" ", c[1]!]), " "]) : g;
  }
  const properties = (s.properties ?? []).map(propertyDoc);
  const ctors = (s.ctors ?? []).map((c) => ctorDoc(c));
  const methods = (s.methods ?? []).map((m) => methodDoc(m));
  return [...leading(s), header, blockDoc([properties, ...ctors.map((c) => [c]), ...methods.map((m) => [m])])];
}

function propertyDoc(p: OptionalKind<PropertyDeclarationStructure>): Doc {
  only(p, ["kind", "name", "scope", "type", "hasQuestionToken", "hasExclamationToken", "docs", "isStatic", "isReadonly", "initializer"]);
  if (typeof p.initializer === "function") throw new Unprintable("initializer writer");
  const init = p.initializer === undefined ? "" : [" = ", flat(expressionDoc(p.initializer))];
  const mark = p.hasQuestionToken ? "?" : p.hasExclamationToken ? "!" : "";
  return [...docsDoc(p.docs), scopeDoc(p), memberName(p.name), mark, p.type !== undefined ? [": ", typeOf(p.type)] : "", init, ";"];
}

function ctorDoc(c: OptionalKind<ConstructorDeclarationStructure>): Doc {
  only(c, ["kind", "scope", "parameters", "statements", "docs"]);
  return [...docsDoc(c.docs), scopeDoc(c), "constructor", signatureDoc(c.parameters, undefined), " ", bodyDoc(c.statements)];
}

function methodDoc(m: OptionalKind<MethodDeclarationStructure>): Doc {
  only(m, ["kind", "name", "scope", "parameters", "returnType", "statements", "docs", "isStatic", "isAsync", "typeParameters"]);
  return [...docsDoc(m.docs), scopeDoc(m), memberName(m.name), signatureDoc(m.parameters, m.returnType, m.typeParameters), " ", bodyDoc(m.statements)];
}

function functionDoc(f: FunctionDeclarationStructure): Doc {
  only(f, ["kind", "name", "isExported", "parameters", "returnType", "statements", "docs", "leadingTrivia", "isAsync", "typeParameters"]);
  if (!f.name) throw new Unprintable("anonymous function");
  const head = `${exportDoc(f)}${f.isAsync ? "async " : ""}function ${f.name}`;
  return [...leading(f), head, signatureDoc(f.parameters, f.returnType, f.typeParameters), " ", bodyDoc(f.statements)];
}

function interfaceDoc(s: InterfaceDeclarationStructure): Doc {
  only(s, ["kind", "name", "isExported", "typeParameters", "extends", "docs", "leadingTrivia", "properties", "methods"]);
  if (s.extends !== undefined && !Array.isArray(s.extends)) throw new Unprintable("extends writer");
  const ext = (s.extends ?? []).map((e) => {
    if (typeof e !== "string") throw new Unprintable("extends writer");
    return flatType(e);
  });
  const header = flat([`${exportDoc(s)}interface ${s.name}`, typeParamsDoc(s.typeParameters), ext.length ? ` extends ${ext.join(", ")}` : "", " "]);
  const props = (s.properties ?? []).map((p: OptionalKind<PropertySignatureStructure>) => {
    only(p, ["kind", "name", "type", "hasQuestionToken", "docs", "isReadonly"]);
    return [...docsDoc(p.docs), p.isReadonly ? "readonly " : "", memberName(p.name), p.hasQuestionToken ? "?" : "", p.type !== undefined ? [": ", typeOf(p.type)] : "", ";"];
  });
  const methods = (s.methods ?? []).map((m: OptionalKind<MethodSignatureStructure>) => {
    only(m, ["kind", "name", "parameters", "returnType", "hasQuestionToken", "docs", "typeParameters"]);
    return [...docsDoc(m.docs), memberName(m.name), m.hasQuestionToken ? "?" : "", signatureDoc(m.parameters, m.returnType, m.typeParameters), ";"];
  });
  const members = [...props, ...methods];
  return [...leading(s), header, members.length ? ["{", indent([hardline, join(hardline, members)]), hardline, "}"] : "{}"];
}

function enumDoc(s: EnumDeclarationStructure): Doc {
  only(s, ["kind", "name", "isExported", "isConst", "docs", "leadingTrivia", "members"]);
  const members = (s.members ?? []).map((m) => {
    only(m, ["kind", "name", "initializer", "docs", "value"]);
    if (m.value !== undefined) throw new Unprintable("enum value");
    if (typeof m.initializer === "function") throw new Unprintable("initializer writer");
    const key = /^["']/.test(m.name) ? unquoteKey(m.name) : memberName(m.name);
    const init = m.initializer === undefined ? "" : [" = ", expressionDoc(m.initializer)];
    return [...docsDoc(m.docs), flat([key, init, ","])];
  });
  const head = `${exportDoc(s)}${s.isConst ? "const " : ""}enum ${s.name} `;
  return [...leading(s), head, members.length ? ["{", indent([hardline, join(hardline, members)]), hardline, "}"] : "{}"];
}

function typeAliasDoc(s: TypeAliasDeclarationStructure): Doc {
  only(s, ["kind", "name", "isExported", "type", "docs", "leadingTrivia", "typeParameters"]);
  if (typeof s.type !== "string") throw new Unprintable("type writer");
  const lhs = [`${exportDoc(s)}type ${s.name}`, typeParamsDoc(s.typeParameters), " ="];
  const members = unionMembers(s.type);
  // printAssignment's "break-after-operator" layout, and a union's leading `|` when it breaks
  const rhs = members && members.length > 1 ? group([ifBreak("| "), join([line, "| "], members)]) : typeDoc(s.type);
  return [...leading(s), group([lhs, group(indent([line, rhs]))]), ";"];
}

function importDoc(s: ImportDeclarationStructure): Doc {
  only(s, ["kind", "moduleSpecifier", "namedImports", "namespaceImport", "isTypeOnly"]);
  const from = ` from ${printString(JSON.stringify(s.moduleSpecifier))};`;
  const type = s.isTypeOnly ? "type " : "";
  if (s.namespaceImport) {
    if (s.namedImports?.length) throw new Unprintable("namespace and named imports");
    return `import ${type}* as ${s.namespaceImport}${from}`;
  }
  if (!Array.isArray(s.namedImports) || !s.namedImports.length) throw new Unprintable("import form");
  const specs = s.namedImports.map((n) => {
    if (typeof n === "string") return n;
    if (typeof n === "function") throw new Unprintable("import writer");
    only(n, ["kind", "name", "alias", "isTypeOnly"]);
    return `${n.isTypeOnly ? "type " : ""}${n.name}${n.alias ? ` as ${n.alias}` : ""}`;
  });
  // a lone specifier never breaks (prettier's printModuleSpecifiers)
  const list = specs.length === 1 ? `{ ${specs[0]} }` : group(["{", indent([line, join([",", line], specs)]), ifBreak(","), line, "}"]);
  return [`import ${type}`, list, from];
}

function variableDoc(s: VariableStatementStructure): Doc {
  only(s, ["kind", "isExported", "declarationKind", "docs", "leadingTrivia", "declarations"]);
  if (s.declarations.length !== 1) throw new Unprintable("several declarations");
  const d = s.declarations[0]!;
  only(d, ["kind", "name", "type", "initializer", "hasExclamationToken"]);
  if (typeof d.initializer === "function") throw new Unprintable("initializer writer");
  const lhs = [`${exportDoc(s)}${s.declarationKind ?? "let"} ${d.name}`, d.hasExclamationToken ? "!" : "", d.type !== undefined ? [": ", typeOf(d.type)] : ""];
  if (d.initializer === undefined) return [...leading(s), lhs, ";"];
  const init = d.initializer.trim();
  const rhs = expressionDoc(init);
  // printAssignment's layouts: a string moves below `=` when it does not fit ("break-after-operator"),
  // a number never does, anything else moves below only when even `= {` or `= f<` does not fit ("fluid")
  if (/^["']/.test(init)) return [...leading(s), group([lhs, " =", group(indent([line, rhs]))]), ";"];
  if (/^-?\d/.test(init)) return [...leading(s), lhs, " = ", rhs, ";"];
  const id = Symbol("assignment");
  return [...leading(s), group([lhs, " =", group(indent(line), false, id), indentIfBreak(rhs, id)]), ";"];
}
