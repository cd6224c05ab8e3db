// A node:http server on 127.0.0.1 for the /types/metadata source tests: each path+query gets a
// canned reply (JSON document, HTML page, refusal, redirect, oversized body); anything else is 404.
// Every request is recorded with its headers.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface CannedPage {
  status?: number;
  reason?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Stream this many bytes of spaces before the body (size-cap tests). */
  padBytes?: number;
}

export interface MetadataServer {
  origin: string;
  /** Keyed by path + query exactly as requested ("/types/metadata", "/json/metadata?op=X"). */
  replies: Map<string, CannedPage>;
  requests: { url: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function startMetadataServer(replies: Map<string, CannedPage> = new Map()): Promise<MetadataServer> {
  const state: MetadataServer = {
    origin: "",
    replies,
    requests: [],
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    state.requests.push({ url, headers: req.headers });
    const reply = state.replies.get(url) ?? state.replies.get(new URL(url, "http://x").pathname);
    if (!reply) return void res.writeHead(404, "Not Found", { "Content-Type": "text/plain" }).end("Handler for Request not found");
    res.on("error", () => undefined);
    res.writeHead(reply.status ?? 200, reply.reason ?? "", { "Content-Type": "application/json; charset=utf-8", ...reply.headers });
    if (reply.padBytes) {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < reply.padBytes!) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end(reply.body ?? "");
      };
      return pump();
    }
    res.end(reply.body ?? "");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
