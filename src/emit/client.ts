// client.ts: per operation, its routing (spec §8.3-§8.5) and a tree-shakeable function
// (`getCustomer(client, {...})`); the operation table `send` routes with; ApiClient, one typed method per
// operation calling that function. A bundle that imports one function keeps that op and the runtime only.
import type {
  ClassDeclarationStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  MethodDeclarationStructure,
  StatementStructures,
  VariableStatementStructure,
} from "ts-morph";
import type { ApiModel, Diagnostic, OperationModel } from "../model/types.js";
import type { PreparedApi } from "./dtos.js";
import { scalarNames } from "./dtos.js";
import { printFile, type PrintedFile } from "./print.js";
import { Scope, StructureKind, VariableDeclarationKind } from "./structures.js";
import { relativeImport, type EmitOptions } from "./options.js";
import {
  CLIENT_EXPORTS,
  RUNTIME_EXPORTS,
  assignMethodNames,
  commentLines,
  commentText,
  isIdentifier,
  stringLiteral,
  type TypeNames,
} from "./naming.js";
import { mapType, type TypeContext } from "./ts-type.js";

const VERBS: ReadonlySet<string> = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** An object-literal key; `__proto__` must be computed or it would set the prototype. */
function objectKey(name: string): string {
  if (name === "__proto__") return `[${stringLiteral(name)}]`;
  return isIdentifier(name) ? name : stringLiteral(name);
}

function verbOf(method: string): string {
  const m = method.toUpperCase();
  return VERBS.has(m) ? m : "POST";
}

/** One OperationTable entry as an object literal. */
function operationEntry(op: OperationModel): string {
  const routes: string[] = [];
  for (const r of op.routes) {
    let verbs: string;
    if (r.verbs === "*") verbs = `"*"`;
    else {
      const valid = [...new Set(r.verbs.map((v) => v.toUpperCase()).filter((v) => VERBS.has(v)))];
      if (!valid.length) continue; // a route only for verbs the runtime cannot send (HEAD, ...)
      verbs = `[${valid.map((v) => `"${v}"`).join(", ")}]`;
    }
    routes.push(`{ path: ${stringLiteral(r.path)}, verbs: ${verbs} }`);
  }
  const oneWay = op.response === "void" ? ", oneWay: true" : "";
  return `{ method: "${verbOf(op.method)}", routes: [${routes.join(", ")}]${oneWay} }`;
}

function methodDocs(op: OperationModel): string[] {
  const lines: string[] = [];
  if (op.description) lines.push(...commentLines(op.description));
  for (const r of op.routes) {
    const verbs = r.verbs === "*" ? "ANY" : r.verbs.join(",");
    lines.push(`${commentText(verbs)} ${commentText(r.path)}`);
  }
  if (op.tags.length) lines.push(`Tags: ${commentText(op.tags.join(", "))}`);
  if (op.auth && op.auth !== "unknown") {
    const a = op.auth;
    const parts = [
      a.roles.length ? `roles ${a.roles.join(", ")}` : "",
      a.permissions.length ? `permissions ${a.permissions.join(", ")}` : "",
      a.anyRoles.length ? `any role of ${a.anyRoles.join(", ")}` : "",
      a.anyPermissions.length ? `any permission of ${a.anyPermissions.join(", ")}` : "",
    ].filter(Boolean);
    lines.push(commentText(`Requires authentication${parts.length ? `: ${parts.join("; ")}` : ""}`));
  }
  return lines.length ? [lines.join("\n")] : [];
}

/**
 * Module-level names of each op's function and routing const: the method name where it is free at module
 * scope. Not free: the imports, `then` (it would make the module namespace thenable), and, exact-case, every
 * other export of the index.ts barrel (DTOs, runtime, ApiClient/operations), which `export *` would make ambiguous.
 */
export function assignFunctionNames(
  methodNames: ReadonlyMap<string, string>,
  barrelNames: Iterable<string>,
): Map<string, { fn: string; def: string }> {
  const exact = new Set([...barrelNames, ...RUNTIME_EXPORTS, ...CLIENT_EXPORTS]);
  const reserved = new Set(["dtos", "operation", "operationtable", "then", "__esmodule"]);
  const lower = new Set([...methodNames.values()].map((n) => n.toLowerCase()));
  const free = (n: string) => !exact.has(n) && !reserved.has(n.toLowerCase()) && !lower.has(n.toLowerCase());
  const fresh = (wanted: string) => {
    let name = wanted;
    for (let n = 2; !free(name); n++) name = `${wanted}_${n}`;
    lower.add(name.toLowerCase());
    return name;
  };
  const out = new Map<string, { fn: string; def: string }>();
  for (const [op, method] of methodNames) {
    lower.delete(method.toLowerCase());
    out.set(op, { fn: free(method) ? method : fresh(`${method}Op`), def: "" });
    lower.add(out.get(op)!.fn.toLowerCase());
  }
  for (const names of out.values()) names.def = fresh(`${names.fn}Route`);
  return out;
}

/** Per op name: the exported function of client.ts and its routing const (also what tanstack.ts calls). */
export function operationFunctionNames(
  prepared: PreparedApi,
  methodNames = assignMethodNames(prepared.operations.map((o) => o.name)),
): Map<string, { fn: string; def: string }> {
  return assignFunctionNames(methodNames, prepared.names.byName.values());
}

/** Emits client.ts (without header and formatting). `prepared` must be the one dtos.ts was emitted with. */
function superCall(options: Partial<Pick<EmitOptions, "endpoint" | "dates">>): string {
  const defaults = [
    ...(options.endpoint === "api" ? ['endpoint: "api"'] : []),
    ...(options.dates === "Date" ? ["reviveDates: true"] : []),
  ];
  return defaults.length ? `super({ ${defaults.join(", ")}, ...options }, operations);` : "super(options, operations);";
}

export function emitClientFile(
  api: ApiModel,
  options: Pick<EmitOptions, "dates" | "enums"> & Partial<Pick<EmitOptions, "endpoint" | "importExtension">>,
  prepared: PreparedApi,
): { text: string; file: PrintedFile; diagnostics: Diagnostic[] } {
  const { operations, names } = prepared;
  const diagnostics: Diagnostic[] = [];
  // Types referenced from client.ts live in the dtos namespace import.
  const qualified: TypeNames = { byName: names.byName, tsName: (n) => `dtos.${names.tsName(n)}` };
  const known = new Map(prepared.types.map((t) => [t.name, t]));
  const ctx: TypeContext = {
    names: qualified,
    known,
    scalars: scalarNames(prepared.types, known),
    dates: options.dates,
    enums: options.enums,
    unknown: new Map(),
    helpers: new Map(),
    diagnostics,
  };
  const methodNames = assignMethodNames(operations.map((o) => o.name));
  const moduleNames = operationFunctionNames(prepared, methodNames);

  const imports: ImportDeclarationStructure[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: relativeImport("runtime", options.importExtension),
      namedImports: [
        "ServiceClient",
        "callOperation",
        { name: "OperationDef", isTypeOnly: true },
        { name: "ClientOptions", isTypeOnly: true },
        { name: "CallOptions", isTypeOnly: true },
        { name: "OperationTable", isTypeOnly: true },
        { name: "Fields", isTypeOnly: true },
      ],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: relativeImport("dtos", options.importExtension), namespaceImport: "dtos" },
  ];
  const table: VariableStatementStructure = {
    kind: StructureKind.VariableStatement,
    isExported: true,
    leadingTrivia: "\n",
    declarationKind: VariableDeclarationKind.Const,
    docs: ["How the runtime routes each operation: preferred verb, declared routes, one-way."],
    declarations: [{ name: "operations", type: "OperationTable", initializer: "/* @__PURE__ */ operationTable()" }],
  };
  // The table is built in a function so that tsc reads every routing const from inside a function: a
  // reference at the module's top level makes its flow analysis walk back over every statement before
  // it, which over 1,000 operations is quadratic (the same reason each operation is a function).
  const tableFunction: FunctionDeclarationStructure = {
    kind: StructureKind.Function,
    name: "operationTable",
    returnType: "OperationTable",
    statements: [`return {\n${operations.map((op) => `${objectKey(op.name)}: ${moduleNames.get(op.name)!.def},\n`).join("")}};`],
  };
  const responseOf = (op: OperationModel) =>
    op.response === "void" ? "void" : op.response === "unknown" ? "any" : mapType(op.response, ctx, "response").ts;
  const perOperation: (VariableStatementStructure | FunctionDeclarationStructure)[] = operations.flatMap((op) => {
    const { fn, def } = moduleNames.get(op.name)!;
    const request = `dtos.${names.tsName(op.name)}`;
    const response = responseOf(op);
    return [
      {
        kind: StructureKind.VariableStatement,
        leadingTrivia: "\n",
        declarationKind: VariableDeclarationKind.Const,
        declarations: [{ name: def, type: "OperationDef", initializer: operationEntry(op) }],
      },
      {
        // a function declaration, not a const made by a generic helper: tsc checks it once, in its own
        // scope (no generic call, no walk over the module); a bundler drops every one the app does not import
        kind: StructureKind.Function,
        isExported: true,
        name: fn,
        docs: methodDocs(op),
        parameters: [
          { name: "client", type: "ServiceClient" },
          { name: "request", type: `Fields<${request}>` },
          { name: "options", type: "CallOptions", hasQuestionToken: true },
        ],
        returnType: `Promise<${response}>`,
        // callOperation hands the fields and the class to send(), which builds the request from them; the
        // types are this signature's, so the call itself is not generic (cheaper for tsc)
        statements: [`return callOperation(client, request, options, ${def}, ${request});`],
      },
    ];
  });
  const methods: MethodDeclarationStructure[] = operations.map((op) => {
    const request = `dtos.${names.tsName(op.name)}`;
    const response = responseOf(op);
    return {
      kind: StructureKind.Method,
      name: methodNames.get(op.name)!,
      docs: methodDocs(op),
      parameters: [
        { name: "request", type: `Fields<${request}>` },
        { name: "options", type: "CallOptions", hasQuestionToken: true },
      ],
      returnType: `Promise<${response}>`,
      statements: [`return ${moduleNames.get(op.name)!.fn}(this, request, options);`],
    };
  });
  const client: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    isExported: true,
    name: "ApiClient",
    extends: "ServiceClient",
    docs: [`Typed client: one method per operation${api.serviceName ? ` of ${commentText(api.serviceName)}` : ""}.`],
    ctors: [
      {
        scope: Scope.Public,
        parameters: [{ name: "options", type: "ClientOptions" }],
        // generation-time choices are defaults callers may still override: --endpoint api, and
        // --dates Date, whose Date-typed DTOs are only true when the client revives date strings
        statements: [superCall(options)],
      },
    ],
    methods,
  };
  const statements: StatementStructures[] = [...imports, ...perOperation, table, tableFunction, client];
  const file = printFile(statements);
  return { text: file.text, file, diagnostics };
}
