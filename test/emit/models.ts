// Hand-built ApiModels for the emitter tests (the parsers are built concurrently).
import type { ApiModel, OperationModel, PropertyModel, TypeModel } from "../../src/model/types.js";
import type { EmitOptions } from "../../src/emit/options.js";
import { DEFAULT_EMIT_OPTIONS } from "../../src/emit/options.js";

type P = [name: string, wireName: string, type: string, required?: boolean, description?: string];

export function props(param: string, ...rows: P[]): PropertyModel[] {
  return rows.map(([name, wireName, type, required = false, description]) => ({
    name, wireName, param, type, required, origin: "table", ...(description ? { description } : {}),
  }));
}

export function cls(name: string, properties: PropertyModel[], extra: Partial<TypeModel> = {}): TypeModel {
  return { name, kind: "class", role: "reference", from: "caption", properties, ...extra };
}

export function op(name: string, response: string, extra: Partial<OperationModel> = {}): OperationModel {
  return { name, method: "POST", routes: [], response, tags: [], auth: null, source: `test:${name}`, ...extra };
}

export function api(operations: OperationModel[], types: TypeModel[], extra: Partial<ApiModel> = {}): ApiModel {
  return { wireCase: "camel", operations, types, diagnostics: [], sources: ["test"], ...extra };
}

export function options(extra: Partial<EmitOptions> = {}): EmitOptions {
  return {
    ...DEFAULT_EMIT_OPTIONS,
    runtimeSource: "",
    header: { sources: ["https://example.test/json/metadata?op=X"], options: {} },
    ...extra,
  };
}

/** The §8.2 built-ins as the model supplies them (from "builtin"), camelCase wire names. */
export function builtins(): TypeModel[] {
  const meta: P = ["Meta", "meta", "Dictionary<string,string>"];
  return [
    cls("ResponseError", props("form", ["ErrorCode", "errorCode", "string", true], ["FieldName", "fieldName", "string", true], ["Message", "message", "string", true], meta), { from: "builtin" }),
    cls("ResponseStatus", props("form", ["ErrorCode", "errorCode", "string", true], ["Message", "message", "string"], ["StackTrace", "stackTrace", "string"], ["Errors", "errors", "List<ResponseError>"], meta), { from: "builtin" }),
    cls("QueryBase", props("form", ["Skip", "skip", "int?"], ["Take", "take", "int?"], ["OrderBy", "orderBy", "string"], ["OrderByDesc", "orderByDesc", "string"], ["Include", "include", "string"], ["Fields", "fields", "string"], meta), { from: "builtin" }),
    cls("QueryDb", [], { from: "builtin", genericParams: ["T"], base: "QueryBase" }),
    cls("QueryResponse", props("form", ["Offset", "offset", "int"], ["Total", "total", "int"], ["Results", "results", "List<T>", true], meta, ["ResponseStatus", "responseStatus", "ResponseStatus"]), { from: "builtin", genericParams: ["T"] }),
  ];
}

/** The seed page's model (spec §5.4). */
export function seedModel(): ApiModel {
  const f = (name: string, type: string): P => [name, name, type];
  return api(
    [op("CognitoSendConfirmCodeRequest", "CognitoSendConfirmCodeRequestResponse", { routes: [{ verbs: ["POST"], path: "/CognitoSendConfirmCodeRequest" }], auth: "unknown" })],
    [
      cls("CognitoSendConfirmCodeRequest", props("body", f("EmailAddress", "string"), f("ConfirmationCode", "string")), { role: "request", from: "operation" }),
      cls("CognitoSendConfirmCodeRequestResponse", props("form", f("Data", "CognitoUser"), f("Data2", "CognitoUser")), { role: "response", from: "inferred", base: "CognitoSendConfirmCodeRequestResponseBase" }),
      cls("CognitoSendConfirmCodeRequestResponseBase", props("form", f("Total", "int"), f("OpCode", "int"), f("ErrorText", "string"), f("RequestTime", "string"), f("ResponseTime", "string"), f("TotalExecutionTime", "string"), f("CachedResponse", "bool")), { role: "base", from: "inferred" }),
      cls("CognitoUser", props("form", f("SessionTokens", "CognitoUserSession"), f("Device", "CognitoDevice"), f("UserID", "string"), f("Username", "string"), f("UserPool", "CognitoUserPool"), f("ClientID", "string"), f("Status", "string"), f("Attributes", "Dictionary<string,string>"), f("Settings", "Dictionary<string,string>")), { from: "reference" }),
      cls("CognitoUserSession", props("form", f("IdToken", "string"), f("AccessToken", "string"), f("RefreshToken", "string"), f("ExpirationTime", "DateTime"), f("IssuedTime", "DateTime")), { from: "reference" }),
      cls("CognitoDevice", props("form", f("DeviceKey", "string"), f("DeviceAttributes", "Dictionary<string,string>"), f("CreateDate", "DateTime"), f("LastModified", "DateTime"), f("LastAuthenticated", "DateTime"), f("User", "CognitoUser"), f("GroupDeviceKey", "string"), f("DeviceSecret", "string")), { from: "reference" }),
      cls("CognitoUserPool", props("form", f("PoolID", "string"), f("ClientID", "string")), { from: "reference" }),
    ],
    { wireCase: "pascal", sources: ["seed/CognitoSendConfirmCodeRequest.txt"] },
  );
}

/** The §2.10 fixture: CreateOrder with a base, an enum, a list and a response with ResponseStatus. */
export function shopModel(): ApiModel {
  return api(
    [op("CreateOrder", "CreateOrderResponse", {
      routes: [{ verbs: ["POST"], path: "/customers/{CustomerId}/orders" }, { verbs: ["POST"], path: "/orders" }],
      tags: ["orders"], description: "Creates an order & returns its id",
      auth: { roles: ["Clerk"], permissions: [], anyRoles: [], anyPermissions: [] },
    })],
    [
      cls("CreateOrder", [
        ...props("path", ["CustomerId", "customerId", "int", true, "Owning customer"]),
        ...props("body", ["Priority", "priority", "Priority"], ["Items", "items", "List<LineItem>"], ["DueDate", "dueDate", "DateTime?"]),
      ], { role: "request", base: "AuditedRequest" }),
      cls("AuditedRequest", props("form", ["TraceId", "traceId", "string"]), { role: "base" }),
      { name: "Priority", kind: "enum", role: "reference", from: "caption", members: [{ name: "Low" }, { name: "Normal" }, { name: "High" }] },
      cls("LineItem", props("form", ["Sku", "sku", "string", false, "Stock keeping unit"], ["Qty", "qty", "int"], ["Price", "price", "decimal"])),
      cls("CreateOrderResponse", props("form", ["Id", "id", "long"], ["Meta", "meta", "Dictionary<string,string>"], ["ResponseStatus", "responseStatus", "ResponseStatus"]), { role: "response" }),
      ...builtins().filter((t) => t.name === "ResponseStatus" || t.name === "ResponseError"),
    ],
    { serviceName: "Shop API", sources: ["https://shop.example.test/json/metadata?op=CreateOrder"] },
  );
}

/** Everything else §7.3-§8.3 covers: AutoQuery generics, dictionaries, helpers, raw and void responses, enums. */
export function kitchenModel(): ApiModel {
  return api(
    [
      op("QueryCustomers", "QueryResponse<Customer>", { method: "GET", routes: [{ verbs: ["GET"], path: "/customers" }] }),
      op("GetCustomer", "Customer", { method: "GET", routes: [{ verbs: ["GET"], path: "/customers/{Id}" }, { verbs: "*", path: "/c/{Id*}" }] }),
      op("DeleteCustomer", "void", { method: "DELETE", routes: [{ verbs: ["DELETE"], path: "/customers/{Id}" }] }),
      op("DownloadFile", "Stream", { method: "GET", routes: [{ verbs: ["GET", "HEAD"], path: "/files/{Path*}" }] }),
      op("Ping", "string"),
      op("CountThings", "int", { routes: [{ verbs: "*", path: "/count" }] }),
      op("ListTags", "List<string>"),
      op("Unknowable", "unknown"),
      op("GetPerms", "Perms"),
    ],
    [
      cls("QueryCustomers", props("query", ["NameContains", "nameContains", "string"]), { role: "request", base: "QueryDb<Customer>" }),
      cls("Customer", props("form",
        ["Id", "id", "int"],
        ["Name", "name", "string", true],
        ["Title", "title", "Title?"],
        ["Perms", "perms", "Perms"],
        ["Scores", "scores", "Dictionary<int,double>"],
        ["ByTitle", "byTitle", "Dictionary<Title,List<string>>"],
        ["Flags", "flags", "Dictionary<bool,string>"],
        ["Photo", "photo", "byte[]"],
        ["Pair", "pair", "KeyValuePair<string,int>"],
        ["Triple", "triple", "Tuple<string,int,bool>"],
        ["Couple", "couple", "Tuple<string,int>"],
        ["Grid", "grid", "int[][]"],
        ["Created", "created", "DateTime"],
        ["Span", "span", "TimeSpan?"],
        ["Key", "key", "Guid"],
        ["Extra", "extra", "object"],
        ["Loose", "loose", "Hashtable"],
        ["Mystery", "mystery", "Widget"],
        ["Gadget", "gadget", "Gadget<Customer>"],
        ["Size", "size", "integer"],
        ["Blob", "blob", "file"],
        ["Addresses", "addresses", "List<Address>"],
        ["ETag", "e_tag", "string"],
        ["XId", "x-id", "string"],
      )),
      cls("Address", props("form", ["Street", "street", "string"], ["Owner", "owner", "Customer"])),
      cls("GetCustomer", props("path", ["Id", "id", "int", true]), { role: "request" }),
      cls("DeleteCustomer", props("path", ["Id", "id", "int", true]), { role: "request" }),
      cls("DownloadFile", props("path", ["Path", "path", "string", true]), { role: "request" }),
      { name: "Title", kind: "enum", role: "reference", from: "caption", valued: true, members: [{ name: "Mr", value: "mr" }, { name: "Ms", value: "ms" }, { name: "Mx", value: "2" }] },
      { name: "Perms", kind: "enum", role: "reference", from: "caption", valued: true, members: [{ name: "None", value: "0" }, { name: "Read", value: "1" }, { name: "Write", value: "2" }, { name: "All", value: "3", description: "Read and write" }] },
      { name: "Level", kind: "enum", role: "reference", from: "caption", valued: true, members: [{ name: "Low", value: "10" }, { name: "High", value: "20" }] },
      cls("Customers", [], { base: "List<Customer>" }),
      ...builtins(),
    ],
    { serviceName: "Kitchen", sources: ["https://kitchen.example.test/metadata"] },
  );
}
