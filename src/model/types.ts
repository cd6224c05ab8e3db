// The ssgen data model. Read this file first.
//
// A page flows one way:  source -> parse -> model -> emit -> write.
//   parse/  turns one page's text into RawPage facts (tables, routes, samples) without deciding
//           what the anonymous tables are.
//   model/  decides names and roles (the walk of spec §4/§5.3), wire names (§5.5), and merges many
//           PageModels into one ApiModel.
//   emit/   turns the ApiModel into TypeScript files.
// Types are carried as canonical C# display strings (spec §7.2, e.g. "Dictionary<string,List<int>>");
// src/csharp-type.ts (the §7.1 grammar, shared by every stage) turns them into a TypeRef tree whenever structure is needed.

// ---------------------------------------------------------------------------------------------
// Diagnostics

export type { Diagnostic, DiagnosticCode } from "../diagnostics.js";
import type { Diagnostic, ErrorCode } from "../diagnostics.js";

/** Thrown for E_* conditions: names the page and the problem. */
export class PageError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly page: string,
    detail: string,
  ) {
    super(`${page}: ${code} ${detail}`);
    this.name = "PageError";
  }
}

// ---------------------------------------------------------------------------------------------
// C# type references (src/csharp-type.ts)

export type TypeRef =
  /** A named type, possibly generic: string, int, DateTime, List<X>, QueryResponse<T>, Dictionary<K,V>. */
  | { kind: "named"; name: string; args: TypeRef[] }
  /** X[] */
  | { kind: "array"; element: TypeRef }
  /** X? and Nullable<X> */
  | { kind: "nullable"; inner: TypeRef };

// ---------------------------------------------------------------------------------------------
// Page facts: what a parser reads off one page, before any naming decision.

/** "metadata-json": read from `/types/metadata` (spec §9), not from a page. */
export type Layout = "html" | "text-pipe" | "text-flat" | "sample-only" | "metadata-json";
export type WireCase = "camel" | "pascal" | "snake" | "unknown";

export interface AuthRequirements {
  roles: string[];
  permissions: string[];
  anyRoles: string[];
  anyPermissions: string[];
}
/** null: known to need no authentication; "unknown": the page cannot tell (text renderings). */
export type Auth = null | "unknown" | AuthRequirements;

export interface Route {
  /** "*" for All Verbs, else upper-case verbs as written. */
  verbs: string[] | "*";
  /** Raw path with {Var} / {Var*} placeholders, including any mount prefix. */
  path: string;
  summary?: string;
  notes?: string;
}

export interface RawRow {
  /** C# property name (Name column). */
  name: string;
  /** Parameter column: path | query | body | form | header | any [ApiMember(ParameterType)] string. */
  param: string;
  /** Data Type column, entity-decoded, as displayed (canonicalise with csharp-type.ts). */
  type: string;
  required: boolean;
  description?: string;
  allowableValues?: string[];
  range?: [number, number];
}

export interface RawParamsTable {
  kind: "params";
  /** Type display name from the caption (html, text-flat), e.g. "QueryResponse<T>"; absent in text-pipe. */
  caption?: string;
  rows: RawRow[];
  /** The page was cut inside this table. */
  partial?: boolean;
}

export interface RawEnumMember {
  name: string;
  value?: string;
  description?: string;
  /**
   * text-flat: the whole row, when the member ran into its description (`WeeklyWeekly billing`).
   * `name` is then a guess (the leading identifier) unless a sample settled it; the model applies a
   * settled reading to the same row on every page (model/flat-enums.ts).
   */
  gluedRow?: string;
}

export interface RawEnumTable {
  kind: "enum";
  caption?: string;
  /** Had a Value column. */
  valued: boolean;
  members: RawEnumMember[];
  partial?: boolean;
}

export type RawTable = RawParamsTable | RawEnumTable;

/** One sample HTTP message as shown on the page (spec §2.8). */
export interface RawSample {
  /** Request line verb and URL (request samples only). */
  verb?: string;
  url?: string;
  /** Status code (response samples only). */
  status?: number;
  /** Header names as written. */
  headers: Record<string, string>;
  /** Body text after the headers, entity-decoded; undefined when there is none. */
  body?: string;
  /** The body read as a value tree (parse/samples/): the model never reads sample text itself. */
  parsed: SampleBody;
  /** The page ended inside this sample. */
  truncated?: boolean;
}

/** One declaration of a `?lang=` code view (spec §2.9), types as canonical C# display strings. */
export interface CodeType {
  name: string;
  kind: "class" | "interface" | "enum";
  genericParams?: string[];
  /** Base class with its generic arguments, e.g. "QueryDb<Customer>". */
  base?: string;
  /** Interfaces, e.g. "IReturn<CreateOrderResponse>", "IGet". */
  implements: string[];
  description?: string;
  /** `@Route` / `[Route]` attributes. */
  routes: Route[];
  properties: CodeProperty[];
  members?: RawEnumMember[];
  /** Enum members carry values (numeric, or EnumMember values differing from the name). */
  valued?: boolean;
  flags?: boolean;
}
export interface CodeProperty {
  /** C# name (C# views); TypeScript/JavaScript views show only the wire name. */
  name: string;
  /** The property name as the view prints it in a TS/JS view: the JSON key. */
  wireName?: string;
  /** `[DataMember(Name)]` alias. */
  alias?: string;
  /** Canonical C# type (TypeScript `number` reads as int, `string` as string). */
  type: string;
  /** The view's own optional marker (TS `?`, JSDoc `{?T}`); undefined when the view has none (C#). */
  optional?: boolean;
  /** `[Required]`, `[ApiMember(IsRequired=true)]`, `[DataMember(IsRequired=true)]`. */
  required?: boolean;
  initializer?: "[]" | "{}";
  description?: string;
}
export interface CodeView {
  lang: string;
  types: CodeType[];
  /** getTypeName() / the IReturn implementer. */
  request?: string;
  /** Canonical response type from IReturn<X> / createResponse(), or "void". */
  response?: string;
  /** getMethod(). */
  method?: string;
}

/** Everything one op page says, in page order, with nothing inferred. */
export interface RawPage {
  /** File path or URL, used in every message. */
  source: string;
  layout: Layout;
  /** URL of the page when known (crawl, or a leading URL line in text input). */
  url?: string;
  /** Op name as shown (html <h2>, ?op= of the URL); casing may be wrong, see spec §1.2. */
  opName?: string;
  format?: string;
  lang?: string;
  serviceName?: string;
  host?: string;
  tags: string[];
  description?: string;
  auth: Auth;
  routes: Route[];
  tables: RawTable[];
  request?: RawSample;
  response?: RawSample;
  /** The declarations of a ?lang= code view (this page's, or the op's view fetched beside it). */
  code?: CodeView;
  /** False when the input ended early (W_TRUNCATED was emitted). */
  complete: boolean;
  diagnostics: Diagnostic[];
}

/** The /metadata index page (spec §3). */
export interface IndexPage {
  source: string;
  serviceName?: string;
  operations: IndexOperation[];
  diagnostics: Diagnostic[];
}
export interface IndexOperation {
  name: string;
  tags: string[];
  /** Absolute URL of the op page to fetch (json variant preferred), already rebased per §3. */
  pageUrl: string;
  /** Formats listed for the op, lower case, in column order. */
  formats: string[];
  requiresAuth: boolean;
}

// ---------------------------------------------------------------------------------------------
// Sample bodies (parse/samples/)

export type SampleNode =
  | { kind: "object"; entries: [string, SampleNode][]; xmlName?: string; truncated?: boolean }
  | { kind: "array"; items: SampleNode[]; xmlName?: string; truncated?: boolean }
  /** quoted: the value was a JSON/JSV quoted string (a JSON number 0 vs string "0" differ). */
  | { kind: "scalar"; text: string; quoted: boolean }
  | { kind: "null" };

export interface SampleBody {
  /** csv: a true CSV sample (older servers, §6.1): a header line of C# names and a value line. */
  syntax: "json" | "jsv" | "xml" | "csv" | "raw" | "empty";
  /** Parsed value; undefined for raw/empty or when nothing could be recovered. */
  value?: SampleNode;
  /** XML root element name (the DTO name, or ArrayOf{X}). */
  rootName?: string;
  /** For syntax "raw": the raw type, e.g. "string", "byte[]", "Stream". */
  rawType?: string;
  truncated: boolean;
}

// ---------------------------------------------------------------------------------------------
// /types/metadata JSON facts (parse/metadata-json/): the document with its casing, sparse values and
// CLR encodings undone (``List`1`` + ["X"] -> "List<X>"), before any model decision (spec §9).

export interface MetadataDocument {
  source: string;
  /** Casing of the document's keys: the server's JSON wire case (camel on .NET Core, Pascal on .NET Framework). */
  keyCase: "camel" | "pascal";
  /** Non-operation types (`types[]`), in document order. */
  types: MetadataTypeFacts[];
  operations: MetadataOperationFacts[];
  diagnostics: Diagnostic[];
}

export interface MetadataOperationFacts {
  request: MetadataTypeFacts;
  response?: MetadataTypeFacts;
  /** Canonical response type with its concrete generic arguments; "void" when the op returns nothing. */
  returnType: string;
  /** Every type name returnType mentions, nested arguments included. */
  returnReferences: string[];
  /** The server's preferred verb (§8.3), when it says. */
  method?: string;
  routes: Route[];
  tags: string[];
  auth: Auth;
}

export interface MetadataTypeFacts {
  /** Bare name (``QueryResponse`1`` -> "QueryResponse"). */
  name: string;
  namespace?: string;
  kind: "class" | "enum" | "interface";
  /** Generic parameter names of a generic definition. */
  genericParams?: string[];
  /** Canonical base type with its generic arguments ("QueryDb<Customer>"). */
  base?: string;
  /** Canonical implemented interfaces ("IGet", "IReturn<Order>"). */
  implements: string[];
  description?: string;
  properties: MetadataPropertyFacts[];
  members?: EnumMemberModel[];
  /** Enum whose members travel as numbers or carry values (the page's Value column). */
  valued?: boolean;
  /** Every type name the base and the property types mention, nested generic arguments included. */
  references: string[];
}

export interface MetadataPropertyFacts {
  name: string;
  /** `[DataMember(Name)]`. */
  alias?: string;
  /** Canonical C# type (§7.2). */
  type: string;
  required: boolean;
  /** `[ApiMember(ParameterType)]`. */
  paramType?: string;
  description?: string;
  allowableValues?: string[];
  range?: [number, number];
  /** `isValueType`: a struct (or enum, or system value type), never an object on the wire. */
  valueType?: boolean;
}

// ---------------------------------------------------------------------------------------------
// One page's model (spec §1.3): names and roles decided.

export type TypeRole = "request" | "response" | "base" | "reference" | "generic-arg" | "unknown";
export type TypeFrom =
  | "caption"
  | "operation"
  | "reference"
  | "inferred"
  | "sample"
  | "xml"
  | "builtin"
  | "late-binding"
  /** Declared by the server's `/types/metadata` JSON: exact. */
  | "metadata"
  /** Declared by a ?lang= code view (§2.9): the exact name. */
  | "code";

export interface PropertyModel {
  /** C# name. */
  name: string;
  /** JSON key on the wire (§5.5). */
  wireName: string;
  param: string;
  /** Canonical C# type (§7.2). */
  type: string;
  required: boolean;
  description?: string;
  allowableValues?: string[];
  range?: [number, number];
  origin: "table" | "sample";
  /**
   * JSON kind of the property's value in the page's JSON/JSV sample, when it had one. Spec §7.3 types
   * a name that has no table by it: a string value (an enum before v5.6, a struct) means `string`.
   */
  sampleKind?: "string" | "number" | "boolean" | "object" | "array";
  /** The server's own optional marker, from a TypeScript/JavaScript code view (§2.9, §7.4): it wins. */
  optional?: boolean;
  /** The code view's collection initializer. */
  initializer?: "[]" | "{}";
}

export interface EnumMemberModel {
  name: string;
  value?: string;
  description?: string;
}

export interface TypeModel {
  /** Bare name without generic parameters ("QueryResponse", not "QueryResponse<T>"). */
  name: string;
  /** "interface": declared only by a ?lang= code view (§2.9); its properties are its members. */
  kind: "class" | "enum" | "interface";
  /** Canonical base type, e.g. "QueryDb<Customer>". */
  base?: string;
  /** Generic parameter names of a generic definition ("T"). */
  genericParams?: string[];
  /** Came from a truncated part of the page. */
  partial?: boolean;
  role: TypeRole;
  from: TypeFrom;
  description?: string;
  properties?: PropertyModel[];
  members?: EnumMemberModel[];
  /** Enum tables with a Value column (numeric, flags or EnumMember values). */
  valued?: boolean;
  /**
   * Interfaces a class implements that only a ?lang= code view shows and declares ("IHasVersion");
   * ServiceStack's markers (IReturn<T>, IReturnVoid, IGet…, IMeta, IHasSessionId…) are never listed.
   */
  interfaces?: string[];
}

export interface PageModel {
  source: string;
  operation: string;
  format: string;
  layout: Layout;
  lang?: string;
  serviceName?: string;
  host?: string;
  tags: string[];
  description?: string;
  auth: Auth;
  routes: Route[];
  /** Preferred verb, §8.3. */
  method: string;
  /** Canonical response type, "void" or "unknown". */
  response: string;
  wireCase: WireCase;
  /** In page (walk) order. */
  types: TypeModel[];
  diagnostics: Diagnostic[];
  /** The lang of the ?lang= code view this page's types were read from or checked against (§2.9). */
  codeView?: string;
  /** The walk's search ran out of budget: the page's reading is the best guess found, and yields a type's name to readings that are not. */
  guessed?: boolean;
}

// ---------------------------------------------------------------------------------------------
// The merged API (model/merge.ts): what emit consumes.

export interface OperationModel {
  /** Exact op name = request DTO name. */
  name: string;
  method: string;
  routes: Route[];
  /** Canonical response type, "void" or "unknown". */
  response: string;
  tags: string[];
  description?: string;
  auth: Auth;
  /** Page the operation came from. */
  source: string;
}

export interface ApiModel {
  serviceName?: string;
  /** Majority over pages; "unknown" when no page could tell. */
  wireCase: WireCase;
  /** Sorted by name (ordinal). */
  operations: OperationModel[];
  /** Merged types sorted by name (ordinal); emit decides the dependency order. */
  types: TypeModel[];
  /** Every page's diagnostics (with .page set) plus merge conflicts (W_TYPE_CONFLICT). */
  diagnostics: Diagnostic[];
  /** Sources in the order given. */
  sources: string[];
}
