// ts-morph's structure enums, as values, without loading ts-morph (most of a second): the emitter
// builds plain structure objects and prints them itself (print-ts.ts). The values are ts-morph's
// own; test/emit/print-ts.test.ts checks them against the library.
import type { Scope as TsMorphScope, StructureKind as Kind, VariableDeclarationKind as DeclKind } from "ts-morph";

export const StructureKind = {
  Class: 2 as Kind.Class,
  Constructor: 5 as Kind.Constructor,
  Enum: 8 as Kind.Enum,
  EnumMember: 9 as Kind.EnumMember,
  Function: 13 as Kind.Function,
  ImportDeclaration: 16 as Kind.ImportDeclaration,
  ImportSpecifier: 17 as Kind.ImportSpecifier,
  Interface: 19 as Kind.Interface,
  Method: 26 as Kind.Method,
  MethodSignature: 28 as Kind.MethodSignature,
  Module: 29 as Kind.Module,
  Parameter: 30 as Kind.Parameter,
  Property: 31 as Kind.Property,
  PropertySignature: 33 as Kind.PropertySignature,
  SourceFile: 36 as Kind.SourceFile,
  TypeAlias: 38 as Kind.TypeAlias,
  TypeParameter: 39 as Kind.TypeParameter,
  VariableDeclaration: 40 as Kind.VariableDeclaration,
  VariableStatement: 41 as Kind.VariableStatement,
} as const;

export const Scope = {
  Public: "public" as unknown as TsMorphScope.Public,
  Protected: "protected" as unknown as TsMorphScope.Protected,
  Private: "private" as unknown as TsMorphScope.Private,
} as const;

export const VariableDeclarationKind = {
  Const: "const" as unknown as DeclKind.Const,
  Let: "let" as unknown as DeclKind.Let,
  Var: "var" as unknown as DeclKind.Var,
} as const;
