// A local ServiceStack look-alike for the CLI tests: serves /metadata and /json/metadata?op=X on
// 127.0.0.1:0 and injects faults per operation (slow, hanging, 500 once, 429 with Retry-After,
// truncated bodies, redirect to another host, 20 MB page, HTML that is not a metadata page).

import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { indexHtml, opPageHtml, type OpSpec } from "./pages.js";

export type Fault =
  | "slow"
  | "hang"
  | "500-once"
  | "429-once"
  | "truncated"
  | "redirect-away"
  | "huge"
  | "not-metadata"
  | "forbidden";

export interface FaultServer {
  origin: string;
  /** Requests received: path+query and headers. */
  requests: { url: string; headers: http.IncomingHttpHeaders }[];
  ops: OpSpec[];
  /** Full HTML for an op, overriding the generated page (fixture pages). */
  pages: Map<string, string>;
  faults: Map<string, Fault>;
  /** Full HTML for /metadata, overriding the generated index (the fixture index). */
  index?: string;
  /** Fault for the /metadata index itself. */
  indexFault?: Fault;
  /** When set, every request must carry this header value or gets 401. */
  requireHeader?: { name: string; value: string };
  /** Requests for this path+query since the last reset (faults like 500-once count from there). */
  hits(pathAndQuery: string): number;
  /** Clears faults, counts and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

/** `port`: a fixed port on every interface (for examples that name `http://localhost:5000`); default a free one on 127.0.0.1. */
export async function startFaultServer(ops: OpSpec[], awayOrigin = "http://127.0.0.1:9", port = 0): Promise<FaultServer> {
  const counts = new Map<string, number>();
  const state: FaultServer = {
    origin: "",
    requests: [],
    ops,
    pages: new Map(),
    faults: new Map(),
    hits: (p) => counts.get(p) ?? 0,
    reset: () => {
      counts.clear();
      state.requests.length = 0;
      state.faults.clear();
      state.indexFault = undefined;
      state.requireHeader = undefined;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };

  const serve = (res: http.ServerResponse, fault: Fault | undefined, n: number, html: string) => {
    switch (fault) {
      case "slow":
        return void setTimeout(() => res.end(html), 300);
      case "hang":
        return; // never answers; the socket is closed by server.close()
      case "500-once":
        if (n === 1) return void res.writeHead(500, "Internal Server Error").end("oops");
        return void res.end(html);
      case "429-once":
        if (n === 1) return void res.writeHead(429, { "Retry-After": "1" }).end();
        return void res.end(html);
      case "truncated":
        res.writeHead(200, { "Content-Type": "text/html", "Content-Length": String(Buffer.byteLength(html) + 1000) });
        res.write(html.slice(0, Math.floor(html.length / 2)));
        return void setTimeout(() => res.socket?.destroy(), 10);
      case "redirect-away":
        return void res.writeHead(302, { Location: `${awayOrigin}/json/metadata?op=Stolen` }).end();
      case "huge": {
        res.writeHead(200, { "Content-Type": "text/html" });
        res.on("error", () => undefined);
        const chunk = Buffer.alloc(256 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < 20 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end(html);
        };
        return pump();
      }
      case "not-metadata":
        return void res.end("<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1><p>Nothing to see.</p></body></html>");
      case "forbidden":
        return void res.writeHead(403, "Forbidden").end("<html><body>Metadata Not Available</body></html>");
      default: {
        // Validators, so --cache can revalidate with If-None-Match.
        const etag = `"${createHash("sha1").update(html).digest("hex").slice(0, 16)}"`;
        if (res.req.headers["if-none-match"] === etag) return void res.writeHead(304, { ETag: etag }).end();
        return void res.writeHead(200, { ETag: etag }).end(html);
      }
    }
  };

  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    const n = (counts.get(url) ?? 0) + 1;
    counts.set(url, n);
    state.requests.push({ url, headers: req.headers });
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    if (state.requireHeader && req.headers[state.requireHeader.name] !== state.requireHeader.value) {
      return void res.writeHead(401, "Unauthorized").end("auth required");
    }
    const u = new URL(url, "http://x");
    if (u.pathname === "/metadata") return serve(res, state.indexFault, n, state.index ?? indexHtml(state.ops, state.origin));
    const m = /^\/(json|xml|jsv|csv)\/metadata$/.exec(u.pathname);
    const opParam = u.searchParams.get("op");
    if (m && opParam) {
      const op = state.ops.find((o) => o.name.toLowerCase() === opParam.toLowerCase());
      if (!op) return void res.writeHead(404).end(`Could not find operation: ${opParam}`);
      return serve(res, state.faults.get(op.name), n, state.pages.get(op.name) ?? opPageHtml(op));
    }
    res.writeHead(404).end("not found");
  });
  await new Promise<void>((r, reject) => {
    server.once("error", reject);
    if (port) server.listen(port, r);
    else server.listen(0, "127.0.0.1", r);
  });
  state.origin = `http://${port ? "localhost" : "127.0.0.1"}:${(server.address() as AddressInfo).port}`;
  return state;
}
