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
