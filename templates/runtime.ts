// ssgen client runtime, copied verbatim into every generated client.
// Zero dependencies: only fetch, AbortController and setTimeout, so it runs in browsers and Node 20+.
// Kept compact on purpose (budget: 3 KB minified + gzipped, checked by bench/runtime-size.mjs).

export type Verb = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
export interface RouteDef { path: string; verbs: Verb[] | "*" }
/** `oneWay`: `send` falls back to `/json/oneway/{Op}` (instead of `/json/reply/{Op}`) when no route fits. */
export interface OperationDef { method: Verb; routes: RouteDef[]; oneWay?: boolean }
export type OperationTable = Record<string, OperationDef>;
/** Non-function properties of T, optionality kept. */
export type Fields<T> = { [K in keyof T as T[K] extends (...a: any[]) => any ? never : K]: T[K] };
export interface RequestDto<T> { getTypeName(): string; getMethod?(): string; createResponse(): T }
export interface ResponseError { errorCode: string; fieldName: string; message: string; meta?: Record<string, string> }
export interface ResponseStatus {
  errorCode: string; message: string; stackTrace?: string; errors: ResponseError[]; meta?: Record<string, string>;
}
export interface ClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  bearerToken?: string;
  /** Called once on a 401 (shared by concurrent calls); the new token is used for one retry. */
  refreshToken?: () => Promise<string | undefined>;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries of idempotent verbs on network errors, 429 and 503 (default 2). */
  retries?: number;
  /** First backoff delay, doubled on each retry (default 300); Retry-After wins when sent. */
  retryDelayMs?: number;
  /** Where an op without a usable route goes: `/json/reply/{Op}` (default) or `/api/{Op}`. */
  endpoint?: "reply" | "api";
  /** Turn `/Date(ms)/` and ISO-8601 strings in responses into Date objects. */
  reviveDates?: boolean;
  onRequest?: (url: string, init: RequestInit) => void | Promise<void>;
  onResponse?: (response: Response) => void | Promise<void>;
}
export interface CallOptions { signal?: AbortSignal; method?: Verb; headers?: Record<string, string>; timeoutMs?: number }

type Kind = "http" | "network" | "timeout" | "aborted" | "parse";
type Dict = Record<string, unknown>;

export class ApiError extends Error {
  status: number;
  kind: Kind;
  responseStatus: ResponseStatus;
  constructor(status: number, kind: Kind, responseStatus: ResponseStatus, cause?: unknown) {
    super(responseStatus.message || responseStatus.errorCode, { cause });
    this.name = "ApiError";
    this.status = status;
    this.kind = kind;
    this.responseStatus = responseStatus;
  }
}

// Servers answer in camelCase (.NET Core) or PascalCase (.NET Framework): look keys up case-insensitively.
const get = (o: unknown, k: string): unknown =>
  o && typeof o == "object" ? Object.entries(o).find(([x]) => x.toLowerCase() == k)?.[1] : undefined;
const str = (v: unknown) => (v == null ? "" : String(v));

const toStatus = (body: unknown, code: string, message: string): ResponseStatus => {
  const s = get(body, "responsestatus"), e = get(s, "errors");
  return s && typeof s == "object"
    ? {
        errorCode: str(get(s, "errorcode")) || code,
        message: str(get(s, "message")) || message,
        stackTrace: get(s, "stacktrace") as string,
        errors: Array.isArray(e)
          ? e.map((x) => ({
              errorCode: str(get(x, "errorcode")),
              fieldName: str(get(x, "fieldname")),
              message: str(get(x, "message")),
              meta: get(x, "meta") as Record<string, string>,
            }))
          : [],
        meta: get(s, "meta") as Record<string, string>,
      }
    : { errorCode: code, message, errors: [] };
};

const fail = (status: number, kind: Kind, code: string, message: string, body?: unknown, cause?: unknown) =>
  new ApiError(status, kind, toStatus(body, code, message), cause);

/** Own enumerable fields that go on the wire: no nulls, no functions. */
const entries = (o: object) => Object.entries(o).filter(([, v]) => v != null && typeof v != "function");

// Numbers as plain decimals: String(1e21) is "1e+21", which the server would not read as a number.
const num = (n: number | bigint) => {
  const s = String(n), m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const d = m[2]! + (m[3] || ""), e = +m[4]!;
  return m[1] + (e < 0 ? "0." + "0".repeat(-e - 1) + d : d + "0".repeat(e - d.length + 1));
};

const enc = (v: unknown, inner?: boolean): string => {
  if (typeof v == "string")
    return inner && (v == "" || /["{}[\],\r\n]|^\s|\s$/.test(v)) ? '"' + v.replace(/"/g, '""') + '"' : v;
  if (typeof v == "number" || typeof v == "bigint") return num(v);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) {
    let b = "";
    for (const c of v) b += String.fromCharCode(c);
    return btoa(b);
  }
  if (Array.isArray(v)) return "[" + v.map((x) => (x == null ? "" : enc(x, true))).join(",") + "]";
  if (v && typeof v == "object") return "{" + entries(v).map(([k, x]) => enc(k, true) + ":" + enc(x, true)).join(",") + "}";
  return String(v);
};

/** ServiceStack JSV text of a value, as used in query strings and path parameters (a top-level string is raw). */
export function jsv(value: unknown): string {
  return enc(value);
}

/** `a=1&b=%5B1%2C2%5D`: every non-null field, JSV-encoded, no leading `?`. */
export function queryString(fields: Record<string, unknown>): string {
  return entries(fields).map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(enc(v))).join("&");
}

/**
 * URL and JSON body of a call. Picks the route allowing `method` whose `{Var}`s are all set (most variables
 * first, then declaration order), else `{prefix}{op}`; fields not in the path go to the query string
 * (GET, DELETE, OPTIONS) or the body. Route paths already carry the mount prefix, so a base URL ending in
 * that prefix (`https://h/api` + `/api/orders`) is not doubled.
 */
export function resolveUrl(
  baseUrl: string, op: string, method: Verb, dto: object, routes: RouteDef[] = [], prefix = "/json/reply/",
): { url: string; body?: string } {
  const f: Dict = Object.fromEntries(entries(dto)), used: string[] = [];
  const key = (n: string) => Object.keys(f).find((k) => k.toLowerCase() == n.toLowerCase());
  const vars = /\{(\w+)(\*?)\}/g;
  let best: RouteDef | undefined, most = -1;
  for (const r of routes) {
    const v = [...r.path.matchAll(vars)];
    if ((r.verbs == "*" || r.verbs.includes(method)) && v.length > most && v.every((m) => key(m[1]!)))
      (best = r), (most = v.length);
  }
  let path = best
    ? best.path.replace(vars, (_, n: string, w: string) => {
        const k = key(n)!, v = encodeURIComponent(enc(f[k]));
        used.push(k);
        return w ? v.replace(/%2F/gi, "/") : v;
      })
    : prefix + op;
  if (path[0] != "/") path = "/" + path;
  for (const k of used) delete f[k];
  const b = baseUrl.replace(/\/+$/, ""), p = /^(?:[\w+.-]+:)?(?:\/\/[^/]*)?(.*)$/.exec(b)![1];
  const url = (best && p && (path == p || path.startsWith(p + "/")) ? b.slice(0, -p.length) : b) + path;
  if (method != "GET" && method != "DELETE" && method != "OPTIONS") return { url, body: JSON.stringify(f) };
  const q = queryString(f);
  return { url: q ? url + (url.includes("?") ? "&" : "?") + q : url };
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/;
// `/Date(ms+0100)/`: ms is already UTC, the offset only records the sender's zone.
const revive = (_: string, v: unknown) => {
  if (typeof v == "string") {
    const m = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(v);
    if (m) return new Date(+m[1]!);
    if (ISO.test(v)) {
      // Date.parse is only required to read 3 fraction digits and `+hh:mm` offsets; .NET sends 7 and `+hhmm`.
      const d = new Date(v.replace(/(\.\d{3})\d+/, "$1").replace(/([+-]\d\d)(\d\d)$/, "$1:$2"));
      if (!isNaN(+d)) return d;
    }
  }
  return v;
};

const wait = (ms: number, s?: AbortSignal) =>
  new Promise<void>((r) => {
    const t = setTimeout(r, ms);
    s?.addEventListener("abort", () => (clearTimeout(t), r()), { once: true });
  });

export class ServiceClient {
  bearerToken?: string | undefined;
  private o: ClientOptions;
  private ops: OperationTable;
  private refreshing?: Promise<string | undefined> | undefined;

  constructor(options: ClientOptions, operations: OperationTable = {}) {
    this.o = options;
    this.ops = operations;
    this.bearerToken = options.bearerToken;
  }

  /** Resolves the response DTO; `undefined` for void ops and empty bodies. */
  send<T>(request: RequestDto<T>, options: CallOptions = {}): Promise<T> {
    const op = request.getTypeName(), d = this.ops[op], m = this.verb(request, options);
    const fallback = d?.oneWay ? "/json/oneway/" : this.o.endpoint == "api" ? "/api/" : "/json/reply/";
    return this.call(resolveUrl(this.o.baseUrl, op, m, request, d?.routes, fallback), m, options, request.createResponse()) as Promise<T>;
  }

  sendOneWay(request: RequestDto<unknown>, options: CallOptions = {}): Promise<void> {
    const m = this.verb(request, options);
    return this.call(resolveUrl(this.o.baseUrl, request.getTypeName(), m, request, [], "/json/oneway/"), m, options).then(() => {});
  }

  /** One `POST {Op}[]` request; the server stops at the first failure (`responseStatus.meta.AutoBatchIndex`). */
  sendAll<T>(requests: RequestDto<T>[], options: CallOptions = {}): Promise<T[]> {
    return this.batch(requests, options, this.o.endpoint == "api" ? "/api/" : "/json/reply/").then((r) => (r ?? []) as T[]);
  }

  sendAllOneWay(requests: RequestDto<unknown>[], options: CallOptions = {}): Promise<void> {
    return this.batch(requests, options, "/json/oneway/").then(() => {});
  }

  private verb(r: RequestDto<unknown>, c: CallOptions): Verb {
    return c.method ?? (r.getMethod?.().toUpperCase() as Verb | undefined) ?? this.ops[r.getTypeName()]?.method ?? "POST";
  }

  private async batch(rs: RequestDto<unknown>[], c: CallOptions, prefix: string) {
    if (!rs.length) return [];
    const { url } = resolveUrl(this.o.baseUrl, rs[0]!.getTypeName() + "[]", "POST", {}, [], prefix);
    return this.call({ url, body: JSON.stringify(rs.map((r) => Object.fromEntries(entries(r)))) }, "POST", c, []);
  }

  private async call(u: { url: string; body?: string }, method: Verb, c: CallOptions, want?: unknown): Promise<unknown> {
    const o = this.o, idem = method != "POST" && method != "PATCH";
    for (let i = 0, refreshed = false; ; ) {
      const tok = this.bearerToken;
      let res: Response, text: string | Blob;
      try {
        [res, text] = await this.attempt(u, method, c, tok, want);
      } catch (e) {
        if ((e as ApiError).kind != "network" || !idem || i >= (o.retries ?? 2)) throw e;
        await wait(this.backoff(i++), c.signal);
        continue;
      }
      if (res.ok) {
        if (typeof text != "string") return text;
        if (!text) return undefined;
        if (typeof want == "string" && !/json/.test(res.headers.get("content-type") ?? "")) return text;
        try {
          return JSON.parse(text, o.reviveDates ? revive : undefined);
        } catch (e) {
          throw fail(res.status, "parse", "ParseError", "Invalid JSON in response", undefined, e);
        }
      }
      let body: unknown;
      try {
        body = JSON.parse(text as string);
      } catch {}
      const err = fail(res.status, "http", String(res.status), res.statusText, body);
      if (res.status == 401 && o.refreshToken && !refreshed) {
        refreshed = true;
        // Concurrent 401s share one refresh; a call that sent an already-replaced token just retries.
        if (this.bearerToken === tok) {
          const t = await (this.refreshing ??= o.refreshToken()
            .catch(() => undefined)
            .finally(() => (this.refreshing = undefined)));
          if (!t) throw err;
          this.bearerToken = t;
        }
        continue;
      }
      if (!idem || (res.status != 429 && res.status != 503) || i >= (o.retries ?? 2)) throw err;
      const h = res.headers.get("retry-after"), d = this.backoff(i++);
      await wait(h ? (isNaN(+h) ? Date.parse(h) - Date.now() : +h * 1000) : d, c.signal);
    }
  }

  private backoff(i: number) {
    return (this.o.retryDelayMs ?? 300) * 2 ** i;
  }

  /** One fetch plus body read, under its own timeout; every failure becomes an ApiError. */
  private async attempt(u: { url: string; body?: string }, method: Verb, c: CallOptions, tok: string | undefined, want: unknown) {
    const o = this.o, sig = c.signal, ms = c.timeoutMs ?? o.timeoutMs, ac = new AbortController(), stop = () => ac.abort();
    let timedOut = false;
    const t = ms ? setTimeout(() => ((timedOut = true), stop()), ms) : undefined;
    sig?.aborted ? stop() : sig?.addEventListener("abort", stop);
    try {
      const hs = o.headers, init: RequestInit = {
        method,
        headers: {
          Accept: "application/json",
          ...(u.body != null && { "Content-Type": "application/json" }),
          ...(typeof hs == "function" ? await hs() : hs),
          ...(tok && { Authorization: "Bearer " + tok }),
          ...c.headers,
        },
        body: u.body ?? null,
        signal: ac.signal,
      };
      await o.onRequest?.(u.url, init);
      const res = await (o.fetch ?? fetch)(u.url, init);
      await o.onResponse?.(res);
      return [res, res.ok && want instanceof Blob ? await res.blob() : await res.text()] as const;
    } catch (e) {
      throw sig?.aborted
        ? fail(0, "aborted", "AbortError", "The request was aborted", undefined, e)
        : timedOut
          ? fail(0, "timeout", "TimeoutError", `No response within ${ms} ms`, undefined, e)
          : fail(0, "network", "NetworkError", str((e as Error)?.message) || "Network error", undefined, e);
    } finally {
      clearTimeout(t);
      sig?.removeEventListener("abort", stop);
    }
  }
}
