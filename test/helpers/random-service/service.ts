// The vocabulary of a true service: what a ServiceStack host really declares, before any page
// renders it. The generator builds one; the renderers print it as pages; truth.ts maps it onto
// ssgen's ApiModel so a recovered model can be compared with it directly.
import type { AuthRequirements, Route, TypeRef } from "../../../src/model/types.js";

export interface TrueProperty {
  name: string;
  type: TypeRef;
  required: boolean;
  description?: string;
  allowableValues?: string[];
  range?: [number, number];
  /** `[ApiMember(ParameterType = "header")]` on a request property (spec §2.4 rule 1). */
  paramType?: string;
}

export interface TrueClass {
  kind: "class";
  name: string;
  /** Parameter names of a generic definition (`QueryResponse<T>`). */
  genericParams?: string[];
  /** The base with its generic arguments (`QueryDb<Customer>`). */
  base?: TypeRef;
  /** Declared properties only, in declaration order. */
  properties: TrueProperty[];
  /** ServiceStack's own types (QueryBase, QueryDb<T>, QueryResponse<T>). */
  builtin?: boolean;
}

export interface TrueEnumMember {
  name: string;
  value?: string;
  description?: string;
}

export interface TrueEnum {
  kind: "enum";
  name: string;
  members: TrueEnumMember[];
  /** none: a plain string enum; int: integer values (shown in a Value column); member: [EnumMember(Value)]. */
  valued: "none" | "int" | "member";
}

export type TrueType = TrueClass | TrueEnum;

export interface TrueOperation {
  /** The request DTO's name. */
  name: string;
  routes: Route[];
  response: TypeRef | "void";
  tags: string[];
  description?: string;
  /** null: no authentication; requirements with empty lists: authentication only. */
  auth: AuthRequirements | null;
}

export interface TrueService {
  seed: number;
  serviceName: string;
  host: string;
  wireCase: "camel" | "pascal";
  /** Every type by name, built-ins included; request types too. */
  types: Map<string, TrueType>;
  /** In declaration order. */
  operations: TrueOperation[];
}
