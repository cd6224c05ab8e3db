// ssgen client runtime, copied verbatim into every generated client.
// Zero dependencies: only fetch, AbortController, Blob and setTimeout, so it runs in browsers and Node 20+.
// Kept compact on purpose (budget: 3.5 KB minified + gzipped, checked by bench/runtime-size.mjs).
// A hostile server can answer anything; it cannot make a call hang past its timeouts, send the caller's
// credentials to another origin, fill memory past maxResponseBytes, or make a method throw anything but ApiError.

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
  /** Basic auth (when there is no bearer token). */
  userName?: string;
  password?: string;
  /** fetch's `credentials`: "include" sends cookies to another origin (cookie auth behind CORS). */
  credentials?: "omit" | "same-origin" | "include";
  /** Called once on a 401 (shared by concurrent calls); the new token is used for one retry. */
  refreshToken?: () => Promise<string | undefined>;
  /** Per attempt, body included (default 30000; 0: none). */
  timeoutMs?: number;
  /** Retries of idempotent verbs on network errors, 429 and 503 (default 2). */
  retries?: number;
  /** First backoff delay, doubled on each retry (default 300); Retry-After wins when sent. */
  retryDelayMs?: number;
  /** A wait (Retry-After or backoff) longer than this ends the retries (default 30000). */
  maxRetryWaitMs?: number;
  /** Total waiting between the attempts of one call (default 60000). */
  maxTotalWaitMs?: number;
  /** Larger response bodies fail with kind "size" (default 32 MiB). */
  maxResponseBytes?: number;
  /** Follow redirects to other origins (default: refused, as they would carry the credentials). */
  crossOriginRedirects?: boolean;
  /** Where an op without a usable route goes: `/json/reply/{Op}` (default) or `/api/{Op}`. */
  endpoint?: "reply" | "api";
  /** Turn `/Date(ms)/` and ISO-8601 strings in responses into Date objects. */
  reviveDates?: boolean;
  onRequest?: (url: string, init: RequestInit) => void | Promise<void>;
  onResponse?: (response: Response) => void | Promise<void>;
}
export interface CallOptions {
  signal?: AbortSignal; method?: Verb; headers?: Record<string, string>; timeoutMs?: number;
  /** Extra query arguments, e.g. AutoQuery's implicit filters: `{ NameContains: "x" }`. */
  query?: Record<string, unknown> | undefined;
  /** Send this form as the body (multipart); the DTO's fields not in the path go to the query string. */
  form?: FormData;
}
/** The non-throwing result of `api()`. */
export type ApiResult<T> =
  | { ok: true; response: T; error?: undefined }
  | { ok: false; response?: undefined; error: ResponseStatus & { status: number; kind: Kind } };

type Kind = "http" | "network" | "cors" | "timeout" | "aborted" | "parse" | "size" | "redirect" | "invalid";
type Dict = Record<string, unknown>;
type Body = string | FormData;

export class ApiError extends Error {
  declare status: number;
  declare kind: Kind;
  declare responseStatus: ResponseStatus;
  constructor(status: number, kind: Kind, responseStatus: ResponseStatus, cause?: unknown) {
    super(responseStatus.message || responseStatus.errorCode, { cause });
    Object.assign(this, { name: "ApiError", status, kind, responseStatus });
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

const fail = (status: number, kind: Kind, code: string, message: string | 0 = code, body?: unknown, cause?: unknown) =>
  new ApiError(status, kind, toStatus(body, code, message || code), cause);
const invalid = (e: unknown) =>
  e instanceof ApiError ? e : fail(0, "invalid", "InvalidRequest", str((e as Error)?.message), 0, e);

/** Own enumerable fields that go on the wire: no nulls, no functions. */
const entries = (o: object) => Object.entries(o).filter(([, v]) => v != null && typeof v != "function");

// Numbers as plain decimals: String(1e21) is "1e+21", which the server would not read as a number.
const num = (n: number | bigint) => {
  const s = String(n), m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const d = m[2]! + (m[3] || ""), e = +m[4]!;
  return m[1] + (e < 0 ? "0." + "0".repeat(-e - 1) + d : d + "0".repeat(e - d.length + 1));
};

/** ServiceStack JSV text of a value, as used in query strings and path parameters (a top-level string is raw). */
export function jsv(v: unknown, inner?: boolean): string {
  if (typeof v == "string")
    return inner && (v == "" || /["{}[\],\r\n]|^\s|\s$/.test(v)) ? '"' + v.replace(/"/g, '""') + '"' : v;
  if (typeof v == "number" || typeof v == "bigint") return num(v);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) {
    let b = "";
    for (const c of v) b += String.fromCharCode(c);
    return btoa(b);
  }
  if (Array.isArray(v)) return "[" + v.map((x) => (x == null ? "" : jsv(x, true))).join(",") + "]";
  if (v && typeof v == "object") return "{" + entries(v).map(([k, x]) => jsv(k, true) + ":" + jsv(x, true)).join(",") + "}";
  return String(v);
}

/** `a=1&b=%5B1%2C2%5D`: every non-null field, JSV-encoded, no leading `?`. */
export function queryString(fields: Record<string, unknown>): string {
  return entries(fields).map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(jsv(v))).join("&");
}

// One path segment: encoded, and never a dot segment (which URL parsing would resolve away) or empty.
const segment = (s: string) => (/^\.{0,2}$/.test(s) ? undefined : encodeURIComponent(s));

/**
 * URL and body of a call. Picks the route allowing `method` whose `{Var}`s are all set to values that make
 * safe path segments (most variables first, then declaration order), else `{prefix}{op}`; fields not in the
 * path go to the query string (GET, DELETE, OPTIONS, or with `call.form`) or the body: JSON, or multipart
 * when a field is a Blob/File. Route paths already carry the mount prefix, so a base URL ending in that
 * prefix (`https://h/api` + `/api/orders`) is not doubled.
 */
export function resolveUrl(
  baseUrl: string, op: string, method: Verb, dto: object, routes: RouteDef[] = [], prefix = "/json/reply/",
  call: CallOptions = {},
): { url: string; body?: Body | undefined } {
  const f: Dict = Object.fromEntries(entries(dto)), vars = /\{(\w+)(\*?)\}/g;
  const key = (n: string) => Object.keys(f).find((k) => k.toLowerCase() == n.toLowerCase());
  // `{Var*}` keeps its slashes; every segment of it must be safe too
  const fill = (n: string, w?: string) => {
    const k = key(n), v = k && jsv(f[k]), s = v == null ? [] : w ? v.split("/").map(segment) : [segment(v)];
    return s.length && s.every((x) => x) ? s.join("/") : undefined;
  };
  let best: RouteDef | undefined, most = -1;
  for (const r of routes) {
    const v = [...r.path.matchAll(vars)];
    if ((r.verbs == "*" || r.verbs.includes(method)) && v.length > most && v.every((m) => fill(m[1]!, m[2])))
      (best = r), (most = v.length);
  }
  let path = best ? best.path.replace(vars, (_, n: string, w: string) => fill(n, w)!) : prefix + op;
  if (path[0] != "/") path = "/" + path;
  if (best) for (const [, n] of best.path.matchAll(vars)) delete f[key(n!)!];
  const b = baseUrl.replace(/\/+$/, ""), p = /^(?:[\w+.-]+:)?(?:\/\/[^/]*)?(.*)$/.exec(b)![1];
  const url = (best && p && (path == p || path.startsWith(p + "/")) ? b.slice(0, -p.length) : b) + path;
  const inQuery = call.form || method == "GET" || method == "DELETE" || method == "OPTIONS";
  let body: Body | undefined = call.form, q;
  if (!inQuery)
    if (Object.values(f).some((v) => v instanceof Blob)) {
      body = new FormData();
      for (const [k, v] of Object.entries(f)) v instanceof Blob ? body.append(k, v, (v as File).name || k) : body.append(k, jsv(v));
    } else body = JSON.stringify(f);
  q = queryString({ ...(inQuery && f), ...call.query });
  return { url: q ? url + (url.includes("?") ? "&" : "?") + q : url, body };
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

// setTimeout fires at once for delays over 2^31-1 ms, so every delay is clamped below that.
const timer = (f: () => void, ms: number) => setTimeout(f, Math.min(ms, 2e9));
const wait = (ms: number, s?: AbortSignal) =>
  new Promise<void>((r) => {
    const t = timer(r, ms);
    s?.addEventListener("abort", () => (clearTimeout(t), r()), { once: true });
  });

/**
 * A request DTO of class `Type` from `init`: an instance is used as is; a plain object (say, parsed JSON) is
 * copied without the keys its prototype owns (`__proto__`, `constructor`, `getTypeName`, ...).
 */
export function dto<T extends object>(Type: new (init?: any) => T, init: unknown): T {
  if (init instanceof Type) return init;
  if (!init || typeof init != "object" || Array.isArray(init)) throw invalid(0);
  const c: Dict = { ...init };
  for (const k of Object.keys(c)) if (k in Type.prototype) delete c[k];
  return new Type(c);
}

/** `{ ok, response }` or `{ ok: false, error }` instead of a rejection. */
export const api = <T>(call: Promise<T>): Promise<ApiResult<T>> =>
  call.then(
    (response) => ({ ok: true, response }),
    (e) => ((e = invalid(e)), { ok: false, error: { ...e.responseStatus, status: e.status, kind: e.kind } }),
  );

/**
 * What each generated per-operation function calls: its own signature carries the types, so this call has
 * none to check (a generic `send` per operation was a third of tsc's instantiations on a 1,000-op client).
 */
export const callOperation = (client: ServiceClient, request: unknown, options: CallOptions | undefined, def: OperationDef, Type: new (init?: any) => unknown): Promise<any> =>
  client.send(request as RequestDto<unknown>, options, def, Type as new () => RequestDto<unknown>);

const fallbackOf = (o: ClientOptions, oneWay?: boolean) => (oneWay ? "/json/oneway/" : o.endpoint == "api" ? "/api/" : "/json/reply/");

export class ServiceClient {
  bearerToken?: string | undefined;
  #o: ClientOptions;
  #ops: OperationTable;
  #refreshing?: Promise<string | undefined> | undefined;
  #failed?: string;

  constructor(options: ClientOptions, operations: OperationTable = {}) {
    this.#o = options;
    this.#ops = operations;
    this.bearerToken = options.bearerToken;
  }

  /**
   * Resolves the response DTO; `undefined` for void ops and empty bodies. Rejects only with ApiError.
   * `def` routes an op missing from the table; with `Type`, `request` may be plain fields (see `dto`).
   */
  async send<T>(request: RequestDto<T>, options: CallOptions = {}, def?: OperationDef, Type?: new (init?: any) => RequestDto<T>): Promise<T> {
    try {
      const r = Type ? dto(Type, request) : request, op = r.getTypeName(), d = def ?? this.#ops[op];
      const m = options.method ?? (r.getMethod?.().toUpperCase() as Verb | undefined) ?? d?.method ?? "POST";
      return (await this.#call(resolveUrl(this.#o.baseUrl, op, m, r, d?.routes, fallbackOf(this.#o, d?.oneWay), options), m, options, r.createResponse())) as T;
    } catch (e) {
      throw invalid(e);
    }
  }

  /** `send` without throwing: `{ ok: true, response }` or `{ ok: false, error }`. */
  api<T>(request: RequestDto<T>, options?: CallOptions): Promise<ApiResult<T>> {
    return api(this.send(request, options));
  }

  async sendOneWay(request: RequestDto<unknown>, options: CallOptions = {}): Promise<void> {
    await this.send(request, options, { method: "POST", routes: [], oneWay: true });
  }

  /** One `POST {Op}[]` request; the server stops at the first failure (`responseStatus.meta.AutoBatchIndex`). */
  async sendAll<T>(requests: RequestDto<T>[], options: CallOptions = {}): Promise<T[]> {
    return ((await this.#batch(requests, options)) ?? []) as T[];
  }

  async sendAllOneWay(requests: RequestDto<unknown>[], options: CallOptions = {}): Promise<void> {
    await this.#batch(requests, options, true);
  }

  async #batch(rs: RequestDto<unknown>[], c: CallOptions, oneWay?: boolean) {
    try {
      if (!rs.length) return [];
      const { url } = resolveUrl(this.#o.baseUrl, rs[0]!.getTypeName() + "[]", "POST", {}, [], fallbackOf(this.#o, oneWay), { query: c.query });
      return await this.#call({ url, body: JSON.stringify(rs.map((r) => Object.fromEntries(entries(r)))) }, "POST", c, []);
    } catch (e) {
      throw invalid(e);
    }
  }

  async #call(u: { url: string; body?: Body | undefined }, method: Verb, c: CallOptions, want?: unknown): Promise<unknown> {
    const o = this.#o, idem = method != "POST" && method != "PATCH";
    for (let i = 0, waited = 0, refreshed = false; ; i++) {
      const tok = this.bearerToken;
      let res: Response | undefined, text: string | Blob = "", err: ApiError | undefined;
      try {
        [res, text] = await this.#attempt(u, method, c, tok, want);
      } catch (e) {
        err = e as ApiError;
      }
      if (res?.ok) {
        if (typeof text != "string") return text;
        if (!text) return undefined;
        if (typeof want == "string" && !/json/.test(res.headers.get("content-type") ?? "")) return text;
        try {
          return JSON.parse(text, o.reviveDates ? revive : undefined);
        } catch (e) {
          throw fail(res.status, "parse", "ParseError", 0, 0, e);
        }
      }
      let body: unknown;
      try {
        body = JSON.parse(text as string);
      } catch {}
      if (res) err = fail(res.status, "http", String(res.status), res.statusText, body);
      if (res?.status == 401 && o.refreshToken && !refreshed) {
        refreshed = true;
        // Concurrent 401s share one refresh; a call that sent an already-replaced token just retries;
        // a token whose refresh failed is not refreshed again (late 401s would each start one).
        if (this.bearerToken === tok) {
          if (this.#failed === (tok ?? "")) throw err;
          const t = await (this.#refreshing ??= o.refreshToken()
            .catch(() => undefined)
            .then((t) => (t || (this.#failed = tok ?? ""), t))
            .finally(() => (this.#refreshing = undefined)));
          if (!t) throw err;
          this.bearerToken = t;
        }
        i--;
        continue;
      }
      // network errors, 429 and 503 of idempotent verbs are retried, after Retry-After or a backoff, within the caps
      if (!idem || (res ? res.status != 429 && res.status != 503 : err?.kind != "network") || i >= (o.retries ?? 2)) throw err;
      const h = res?.headers.get("retry-after"), s = h ? (isNaN(+h) ? Date.parse(h) - Date.now() : +h * 1e3) : NaN;
      const d = Math.max(0, isNaN(s) ? (o.retryDelayMs ?? 300) * 2 ** i : s);
      if (d > (o.maxRetryWaitMs ?? 3e4) || (waited += d) > (o.maxTotalWaitMs ?? 6e4)) throw err;
      await wait(d, c.signal);
    }
  }

  /** One fetch (same-origin redirects followed by hand) plus body read, under its own timeout; every failure is an ApiError. */
  async #attempt(u: { url: string; body?: Body | undefined }, method: Verb, c: CallOptions, tok: string | undefined, want: unknown) {
    const o = this.#o, sig = c.signal, ms = c.timeoutMs ?? o.timeoutMs ?? 3e4, ac = new AbortController(), stop = () => ac.abort();
    const max = o.maxResponseBytes ?? 2 ** 25, f = o.fetch ?? fetch, here: { href: string; origin: string } | undefined = (globalThis as any).location;
    let timedOut = false, url = u.url, body = u.body ?? null;
    const t = ms ? timer(() => ((timedOut = true), stop()), ms) : undefined;
    sig?.aborted ? stop() : sig?.addEventListener("abort", stop);
    try {
      const hs = o.headers, user = o.userName, init: RequestInit = {
        method,
        headers: {
          Accept: "application/json",
          ...(typeof body == "string" && { "Content-Type": "application/json" }),
          ...(typeof hs == "function" ? await hs() : hs),
          ...(tok
            ? { Authorization: "Bearer " + tok }
            : user != null && { Authorization: "Basic " + jsv(new TextEncoder().encode(user + ":" + (o.password ?? ""))) }),
          ...c.headers,
        },
        body,
        signal: ac.signal,
        redirect: o.crossOriginRedirects ? "follow" : "manual",
        ...(o.credentials && { credentials: o.credentials }),
      };
      await o.onRequest?.(url, init);
      let res: Response;
      for (let hops = 0; ; hops++) {
        const from = new URL(url, here?.href);
        try {
          res = await f(url, init);
        } catch (e) {
          // Browsers report a CORS refusal like a network failure; an opaque no-cors probe that gets an answer
          // tells them apart (an aborted or timed-out call fails the probe at once).
          if (here && from.origin != here.origin)
            if (await f(url, { method: "HEAD", mode: "no-cors", credentials: "omit", signal: ac.signal }).then(() => 1, () => 0))
              throw fail(0, "cors", "CorsError", 0, 0, e);
          throw e;
        }
        const loc = res.headers.get("location");
        if (res.type != "opaqueredirect" && (res.status < 300 || res.status > 399 || loc == null)) break;
        const next = loc != null && new URL(loc, from);
        if (!next || next.origin != from.origin || hops > 4) throw fail(res.status, "redirect", "CrossOriginRedirect");
        if (res.status == 303) (init.method = method = "GET"), (init.body = body = null);
        url = next.href;
      }
      await o.onResponse?.(res);
      const chunks: Uint8Array[] = [], reader = res.body?.getReader();
      for (let n = 0, r; reader && !(r = await reader.read()).done; chunks.push(r.value))
        if ((n += r.value.length) > max) throw reader.cancel(), 0;
      const blob = new Blob(chunks as Uint8Array<ArrayBuffer>[], { type: res.headers.get("content-type") ?? "" });
      return [res, res.ok && want instanceof Blob ? blob : await blob.text()] as const;
    } catch (e) {
      throw e instanceof ApiError
        ? e
        : e === 0
          ? fail(0, "size", "ResponseTooLarge")
          : sig?.aborted
            ? fail(0, "aborted", "AbortError", 0, 0, e)
            : timedOut
              ? fail(0, "timeout", "TimeoutError", `No response within ${ms} ms`, 0, e)
              : fail(0, "network", "NetworkError", str((e as Error)?.message), 0, e);
    } finally {
      clearTimeout(t);
      sig?.removeEventListener("abort", stop);
    }
  }
}
