// Pieces of ServiceStack's text-pipe op pages (as test/helpers/random-service renders them), for tests that
// write a page by hand.

/** The format notes a pipe page prints after its tables. */
export const PIPE_NOTES = [
  "To override the Content-type in your clients, use the HTTP Accept Header, append the .json suffix or ?format=json",
  "To embed the response in a jsonp callback, append ?callback=myCallback",
  "The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.",
];

/** The notes and a GET exchange of `path` whose JSON response body is `body`. */
export const pipeGetSample = (path: string, body: string): string[] => [
  ...PIPE_NOTES,
  `GET ${path} HTTP/1.1 `,
  "Host: svc.example.test ",
  "Accept: application/json",
  "HTTP/1.1 200 OK",
  "Content-Type: application/json",
  "Content-Length: length",
  "",
  body,
];

/** A params table's header rows. */
const PARAMS_HEADER = ["| Name | Parameter | Data Type | Required | Description |", "|---|---|---|---|---|"];

/**
 * A pipe op page of params tables (each given by its rows) and a POST exchange with these JSON bodies;
 * `route` shows a route table (else the exchange posts to `/json/reply/<op>`).
 */
export function pipePostPage(op: string, tables: string[][], request: string, response: string, route?: string): string {
  const path = route ?? `/json/reply/${op}`;
  return [
    `https://svc.example.test/json/metadata?op=${op}`,
    "",
    ...(route ? [`| POST | ${route} |`, "|---|"] : []),
    ...tables.flatMap((rows) => [...PARAMS_HEADER, ...rows]),
    ...PIPE_NOTES,
    `POST ${path} HTTP/1.1 `,
    "Host: svc.example.test ",
    "Content-Type: application/json",
    "Content-Length: length",
    "",
    request,
    "HTTP/1.1 200 OK",
    "Content-Type: application/json",
    "Content-Length: length",
    "",
    response,
    "",
  ].join("\n");
}
