// dtos.ts: ServiceStack-style DTO classes (spec §8.1, §8.2, §7.3-§7.5), built as ts-morph
// structures and printed by print.ts, so emitting is linear in the number of types.
// This file holds prepareApi, emitDtos and the declarations' order; dto-parts.ts, dto-class.ts and
// dto-decls.ts build the declarations.
import type {
  ClassDeclarationStructure,
  StatementStructures,
} from "ts-morph";
import { printFile, type PrintedFile } from "./print.js";
import type { ApiModel, Diagnostic, OperationModel, TypeModel } from "../model/types.js";
import { isSystemTypeName } from "../csharp-type.js";
import type { EmitOptions } from "./options.js";
import { assignTypeNames, namesOf, ordinal, type TypeNames } from "./naming.js";
import type { TypeContext } from "./ts-type.js";
import type { Decl } from "./dto-parts.js";
import { classDecl } from "./dto-class.js";
import { emptyClass, enumDecl, helperClass, interfaceDecl, interfaceDecls } from "./dto-decls.js";

export type DtoOptions = Pick<EmitOptions, "enums" | "optional" | "dates"> & Partial<Pick<EmitOptions, "nullable">>;
export type { Verb } from "./dto-parts.js";

/** The API with duplicates removed, input order normalised and every op given a request type. */
export interface PreparedApi {
  types: TypeModel[];
  operations: OperationModel[];
  names: TypeNames;
  diagnostics: Diagnostic[];
}

/** Normalises the model so that emission does not depend on input order. */
export function prepareApi(api: ApiModel): PreparedApi {
  const diagnostics: Diagnostic[] = [];
  const byName = new Map<string, TypeModel>();
  for (const t of [...api.types].sort((a, b) => ordinal(a.name, b.name) || ordinal(JSON.stringify(a), JSON.stringify(b)))) {
    if (byName.has(t.name)) diagnostics.push({ code: "W_TYPE_CONFLICT", detail: `${t.name} defined twice; the first definition is emitted` });
    else byName.set(t.name, t);
  }
  const operations: OperationModel[] = [];
  const seenOps = new Set<string>();
  for (const op of [...api.operations].sort((a, b) => ordinal(a.name, b.name))) {
    if (seenOps.has(op.name)) {
      diagnostics.push({ code: "W_TYPE_CONFLICT", detail: `operation ${op.name} listed twice; the first is emitted` });
      continue;
    }
    seenOps.add(op.name);
    const t = byName.get(op.name);
    if (t?.kind === "enum") {
      diagnostics.push({ code: "W_TYPE_CONFLICT", detail: `${op.name} is an operation and an enum; operation skipped` });
      continue;
    }
    // prop-less requests have no table, so the model may not have a type for them
    if (!t) byName.set(op.name, { name: op.name, kind: "class", role: "request", from: "operation", properties: [] });
    operations.push(op);
  }
  const types = [...byName.values()].sort((a, b) => ordinal(a.name, b.name));
  return { types, operations, names: assignTypeNames(namesOf(types, operations)), diagnostics };
}

export interface DtosResult {
  /** Printed as prettier prints it with its defaults (see print.ts for the exceptions). */
  text: string;
  /** The structures and their printing, for the final formatting step. */
  file: PrintedFile;
  diagnostics: Diagnostic[];
}

/**
 * Names without a table whose sample values were strings (§7.3: an enum on pages before v5.6, a
 * struct). Only a property typed exactly `X` or `X?` is evidence; conflicting evidence is none.
 */
export function scalarNames(types: readonly TypeModel[], known: ReadonlyMap<string, TypeModel>): ReadonlyMap<string, "string"> {
  const seen = new Map<string, "string" | undefined>();
  for (const t of types) {
    for (const p of t.properties ?? []) {
      if (!p.sampleKind) continue;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\??$/.exec(p.type);
      if (!m || known.has(m[1]!) || isSystemTypeName(m[1]!)) continue;
      const name = m[1]!;
      const kind = p.sampleKind === "string" ? "string" : undefined;
      seen.set(name, seen.has(name) && seen.get(name) !== kind ? undefined : kind);
    }
  }
  const out = new Map<string, "string">();
  for (const [name, kind] of seen) if (kind) out.set(name, kind);
  return out;
}

/** Emits dtos.ts (without header and formatting). Pure. */
export function emitDtos(api: ApiModel, options: DtoOptions, prepared: PreparedApi = prepareApi(api)): DtosResult {
  const { types, operations, names } = prepared;
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  const known = new Map(types.map((t) => [t.name, t]));
  const ctx: TypeContext = {
    names, known, dates: options.dates, enums: options.enums, scalars: scalarNames(types, known),
    unknown: new Map(), helpers: new Map(), diagnostics,
  };
  const opsByName = new Map(operations.map((o) => [o.name, o]));
  const usedInterfaces = new Set<string>();
  const decls: Decl[] = [];

  for (const t of types) {
    if (t.kind === "enum") decls.push(enumDecl(t, ctx, options));
    else if (t.kind === "interface") decls.push(interfaceDecl(t, ctx, options));
    else decls.push(classDecl(t, ctx, options, api, opsByName.get(t.name), usedInterfaces));
  }
  // Unknown names are discovered while mapping; their empty classes may mention further unknowns.
  for (const [name, arity] of ctx.unknown) decls.push(emptyClass(names.tsName(name), arity));
  for (const [kind, arity] of ctx.helpers) decls.push(helperClass(kind, arity, names, api.wireCase));

  const statements: StatementStructures[] = [
    ...interfaceDecls(usedInterfaces),
    ...orderDecls(decls, diagnostics).map((d) => d.structure),
  ];
  const file = printFile(statements);
  return { text: file.text, file, diagnostics: dedupeDiagnostics(diagnostics) };
}

/** Bases before derived classes (extends needs them at runtime); otherwise by name. */
function orderDecls(decls: Decl[], diagnostics: Diagnostic[]): Decl[] {
  const byTs = new Map(decls.map((d) => [d.tsName, d]));
  const sorted = [...decls].sort((a, b) => ordinal(a.tsName, b.tsName));
  const out: Decl[] = [];
  const state = new Map<string, "visiting" | "done">();
  // iterative: a base chain of 20k classes must not overflow the stack
  const visit = (start: Decl) => {
    const chain: Decl[] = [];
    for (let d: Decl | undefined = start; d && !state.has(d.tsName); ) {
      state.set(d.tsName, "visiting");
      chain.push(d);
      const base: Decl | undefined = d.baseTsName ? byTs.get(d.baseTsName) : undefined;
      if (base && state.get(base.tsName) === "visiting") {
        // an inheritance cycle cannot compile: the class that closes it loses its base
        diagnostics.push({ code: "W_TYPE_CONFLICT", detail: `${d.tsName}: inheritance cycle through ${base.tsName}; base dropped` });
        dropBase(d);
        break;
      }
      d = base;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      state.set(chain[i]!.tsName, "done");
      out.push(chain[i]!);
    }
  };
  for (const d of sorted) visit(d);
  return out;
}

function dropBase(d: Decl): void {
  const s = d.structure as ClassDeclarationStructure;
  delete s.extends;
  delete d.baseTsName;
  for (const c of s.ctors ?? []) c.statements = (c.statements as string[]).filter((x) => !x.startsWith("super("));
}

function dedupeDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code} ${d.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
