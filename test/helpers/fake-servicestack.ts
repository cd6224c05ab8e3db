// A node:http server on 127.0.0.1 that answers the way a ServiceStack host does, for tests of the client
// runtime and of generated clients: `/json/reply/{Op}`, `/api/{Op}`, `/json/oneway/{Op}`, declared routes,
// batches (`{Op}[]`), `responseStatus` error bodies in camelCase or PascalCase, bearer-token auth, and
// canned replies (503 + Retry-After, 429, slow answers, raw bodies). Every request is recorded.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type WireCase = "camel" | "pascal";
export type Dto = Record<string, unknown>;

export interface FakeRoute {
  path: string; // "/customers/{CustomerId}/orders", "/files/{Path*}"
  verbs: string[] | "*";
  op: string;
}

export interface RecordedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  path: string;
  /** Raw query string without `?` ("" when none). */
  rawQuery: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed JSON body, if it was JSON. */
  json?: unknown;
  /** How the request was routed; `op` is undefined when nothing matched. */
  endpoint: "route" | "reply" | "api" | "oneway" | "none";
  op?: string;
  batch: boolean;
  /** Path variables of the matched route, decoded. */
  pathParams: Record<string, string>;
}

/** A reply sent as is: an object/array body is JSON, a string body is sent raw. */
export interface CannedReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
}

/** Thrown by a service to produce a ServiceStack error response. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly errors: { errorCode: string; fieldName: string; message: string; meta?: Record<string, string> }[] = [],
  ) {
    super(message);
  }
}

export interface ServiceContext {
  request: RecordedRequest;
}

/** Returns the response DTO; `undefined` means a void op (204, empty body); a `raw()` value is sent as is. */
export type Service = (dto: Dto, ctx: ServiceContext) => unknown;

export interface FakeOptions {
  services?: Record<string, Service>;
  routes?: FakeRoute[];
  /** Casing of `responseStatus` keys in error bodies (default camel). */
  wireCase?: WireCase;
  /** When set, every request must carry `Authorization: Bearer <token>`, else 401. Mutable on the server. */
  token?: string;
  /** Answer CORS like ServiceStack's CorsFeature: any origin (echoed, with credentials), any header; preflights get 204. */
  cors?: boolean;
}

export interface FakeServiceStack {
  /** Origin, no trailing slash: `http://127.0.0.1:PORT`. */
  url: string;
  requests: RecordedRequest[];
  token?: string;
  wireCase: WireCase;
  /** The next requests (one each, in order) get these replies instead of reaching auth or services. */
  enqueue(...replies: CannedReply[]): void;
  close(): Promise<void>;
}

const RAW = Symbol("raw");
/** A service result sent verbatim (status, headers, body). */
export function raw(reply: CannedReply): CannedReply & { [RAW]: true } {
  return { ...reply, [RAW]: true };
}
const isRaw = (v: unknown): v is CannedReply => typeof v == "object" && v != null && RAW in v;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const pascal = (s: string) => s[0].toUpperCase() + s.slice(1);

/** `{ responseStatus: … }` in the server's wire case; meta dictionaries keep their keys. */
export function errorBody(
  wireCase: WireCase,
  errorCode: string,
  message: string,
  errors: ServiceError["errors"] = [],
  meta?: Record<string, string>,
): Dto {
  const k = (s: string) => (wireCase == "pascal" ? pascal(s) : s);
  const status: Dto = {
    [k("errorCode")]: errorCode,
    [k("message")]: message,
    [k("stackTrace")]: "   at Fake.Service()",
    [k("errors")]: errors.map((e) => ({
      [k("errorCode")]: e.errorCode,
      [k("fieldName")]: e.fieldName,
      [k("message")]: e.message,
      ...(e.meta && { [k("meta")]: e.meta }),
    })),
  };
  if (meta) status[k("meta")] = meta;
  return { [k("responseStatus")]: status };
}

function routeRegex(path: string): RegExp {
  const src = path
    .split(/(\{\w+\*?\})/)
    .map((part) => {
      const m = /^\{(\w+)(\*?)\}$/.exec(part);
      if (m) return m[2] ? `(?<${m[1]}>.+)` : `(?<${m[1]}>[^/]+)`;
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${src}$`, "i");
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, reply: CannedReply): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  let text = "";
  if (typeof reply.body == "string") text = reply.body;
  else if (reply.body !== undefined) {
    text = JSON.stringify(reply.body);
    headers["Content-Type"] ??= "application/json; charset=utf-8";
  }
  res.writeHead(reply.status, headers);
  res.end(text);
}

export async function startFakeServiceStack(options: FakeOptions = {}): Promise<FakeServiceStack> {
  const services = options.services ?? {};
  const routes = (options.routes ?? []).map((r) => ({ ...r, re: routeRegex(r.path) }));
  const queue: CannedReply[] = [];
  const opName = (name: string) => Object.keys(services).find((k) => k.toLowerCase() == name.toLowerCase());

  const fake: FakeServiceStack = {
    url: "",
    requests: [],
    token: options.token,
    wireCase: options.wireCase ?? "camel",
    enqueue: (...replies) => void queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const error = (e: unknown, meta?: Record<string, string>, headers?: Record<string, string>): CannedReply => {
    const se = e instanceof ServiceError ? e : new ServiceError(500, (e as Error)?.name ?? "Error", String((e as Error)?.message ?? e));
    return { status: se.status, headers, body: errorBody(fake.wireCase, se.errorCode, se.message, se.errors, meta) };
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (options.cors && req.headers.origin) {
      res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
      res.setHeader("Access-Control-Allow-Credentials", "true");
      res.setHeader("Access-Control-Expose-Headers", "Retry-After, X-AutoBatch-Completed");
      if (req.method == "OPTIONS" && req.headers["access-control-request-method"]) {
        res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        res.setHeader("Access-Control-Allow-Headers", req.headers["access-control-request-headers"] ?? "*");
        return send(res, { status: 204 });
      }
    }
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    const rawQuery = q < 0 ? "" : url.slice(q + 1);
    const body = await readBody(req);
    let json: unknown;
    try {
      json = body ? JSON.parse(body) : undefined;
    } catch {
      json = undefined;
    }
    const method = req.method ?? "GET";
    const rec: RecordedRequest = {
      method, url, path, rawQuery, query: Object.fromEntries(new URLSearchParams(rawQuery)),
      headers: req.headers, body, json, endpoint: "none", batch: false, pathParams: {},
    };

    const m = /^\/(?:json\/(reply|oneway)|(api))\/([^/]+?)(\[\])?$/i.exec(decodeURIComponent(path));
    if (m) {
      rec.endpoint = (m[1]?.toLowerCase() ?? "api") as "reply" | "oneway" | "api";
      rec.op = opName(m[3]) ?? m[3];
      rec.batch = !!m[4];
    } else {
      for (const r of routes) {
        const hit = r.re.exec(path);
        if (!hit || (r.verbs != "*" && !r.verbs.includes(method))) continue;
        rec.endpoint = "route";
        rec.op = r.op;
        for (const [k, v] of Object.entries(hit.groups ?? {})) rec.pathParams[k] = decodeURIComponent(v);
        break;
      }
    }
    fake.requests.push(rec);

    const canned = queue.shift();
    if (canned) {
      if (canned.delayMs) await sleep(canned.delayMs);
      return send(res, canned);
    }
    if (fake.token && req.headers.authorization != `Bearer ${fake.token}`) {
      return send(res, { status: 401, body: errorBody(fake.wireCase, "Unauthorized", "Not Authenticated") });
    }
    const service = rec.op && services[rec.op];
    if (!service) {
      const what = rec.op ? `Could not find operation: ${rec.op}` : `Handler for Request not found: ${method} ${path}`;
      return send(res, { status: 404, body: errorBody(fake.wireCase, "NotFound", what) });
    }
    const ctx = { request: rec };
    const oneWay = rec.endpoint == "oneway";

    if (rec.batch) {
      if (method != "POST" || !Array.isArray(json)) {
        return send(res, error(new ServiceError(400, "ArgumentException", "Batch requests need a JSON array body")));
      }
      const results: unknown[] = [];
      for (let i = 0; i < json.length; i++) {
        try {
          results.push(await service(json[i] as Dto, ctx));
        } catch (e) {
          return send(res, error(e, { AutoBatchIndex: String(i) }, { "X-AutoBatch-Completed": String(i) }));
        }
      }
      const headers = { "X-AutoBatch-Completed": String(json.length) };
      return send(res, oneWay ? { status: 204, headers } : { status: 200, headers, body: results });
    }

    // ServiceStack binds path, then query string, then body onto one request DTO.
    const dto: Dto = { ...rec.pathParams, ...rec.query, ...(json && typeof json == "object" && !Array.isArray(json) ? json : {}) };
    let result: unknown;
    try {
      result = await service(dto, ctx);
    } catch (e) {
      return send(res, error(e));
    }
    if (isRaw(result)) {
      if (result.delayMs) await sleep(result.delayMs);
      return send(res, result);
    }
    if (oneWay || result === undefined) return send(res, { status: 204 });
    return send(res, { status: 200, body: result });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent && !res.destroyed) send(res, error(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
