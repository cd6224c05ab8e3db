// JSON sample bodies: a tolerant recursive-descent reader (cut input keeps what was complete).
import type { SampleBody, SampleNode } from "../../model/types.js";
import { type ArrayNode, MAX_DEPTH, type ObjectNode, skipWs } from "./shared.js";

export interface ReadResult {
  value?: SampleNode;
  /** The input ended (or went wrong) before the value was complete. */
  truncated: boolean;
  /** The whole input is exactly one JSON value. */
  strict: boolean;
  /** Met text that is not JSON (as opposed to merely running out of input). */
  error: boolean;
}

export function jsonBody(json: ReadResult): SampleBody {
  return { syntax: "json", ...(json.value !== undefined ? { value: json.value } : {}), truncated: json.truncated };
}

/**
 * Recursive descent bounded by MAX_DEPTH. On a cut or an error it stops: complete members are kept,
 * the value in progress is dropped, and every open container is closed and marked truncated.
 */
export class JsonReader {
  private pos: number;
  private stopped = false;
  private error = false;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.pos = start;
  }

  read(): ReadResult {
    const value = this.value(0);
    // Text after a complete value makes the body non-strict, but the value itself is whole.
    const strict = !this.stopped && skipWs(this.text, this.pos) >= this.text.length;
    return { ...(value !== undefined ? { value } : {}), truncated: this.stopped, strict, error: this.error };
  }

  /** Stops reading: at the end of input a cut, before it an error (the body is not JSON). */
  private stop(): undefined {
    this.stopped = true;
    if (this.pos < this.text.length) this.error = true;
    return undefined;
  }

  private value(depth: number): SampleNode | undefined {
    this.pos = skipWs(this.text, this.pos);
    if (this.pos >= this.text.length) return this.stop();
    const c = this.text[this.pos];
    if (c === "{" || c === "[") {
      if (depth >= MAX_DEPTH) {
        this.stopped = true;
        return undefined;
      }
      return c === "{" ? this.object(depth) : this.array(depth);
    }
    if (c === '"') {
      const s = this.string();
      return s === undefined ? undefined : { kind: "scalar", text: s, quoted: true };
    }
    return this.literal();
  }

  /** After an opening bracket: items separated by `,` up to `close`; false when the text stops first. */
  private items(close: "}" | "]", item: () => boolean): boolean {
    this.pos = skipWs(this.text, this.pos + 1);
    if (this.text[this.pos] === close) {
      this.pos++;
      return true;
    }
    for (;;) {
      if (!item() || this.stopped) return false;
      this.pos = skipWs(this.text, this.pos);
      const sep = this.text[this.pos];
      if (sep === ",") this.pos++;
      else if (sep === close) {
        this.pos++;
        return true;
      } else {
        this.stop();
        return false;
      }
    }
  }

  private object(depth: number): ObjectNode {
    const node: ObjectNode = { kind: "object", entries: [] };
    const closed = this.items("}", () => {
      this.pos = skipWs(this.text, this.pos);
      if (this.text[this.pos] !== '"') {
        this.stop();
        return false;
      }
      const key = this.string();
      if (key === undefined) return false;
      this.pos = skipWs(this.text, this.pos);
      if (this.text[this.pos] !== ":") {
        this.stop();
        return false;
      }
      this.pos++;
      const v = this.value(depth + 1);
      if (v !== undefined) node.entries.push([key, v]);
      return true;
    });
    if (!closed) node.truncated = true;
    return node;
  }

  private array(depth: number): ArrayNode {
    const node: ArrayNode = { kind: "array", items: [] };
    const closed = this.items("]", () => {
      const v = this.value(depth + 1);
      if (v !== undefined) node.items.push(v);
      return true;
    });
    if (!closed) node.truncated = true;
    return node;
  }

  /** At a `"`: the unescaped string, or undefined (and stopped) when the closing quote is missing. */
  private string(): string | undefined {
    const text = this.text;
    let pos = this.pos + 1;
    let out = "";
    let chunk = pos;
    for (;;) {
      if (pos >= text.length) {
        this.pos = pos;
        return this.stop();
      }
      const c = text.charCodeAt(pos);
      if (c === 34 /* " */) {
        out += text.slice(chunk, pos);
        this.pos = pos + 1;
        return out;
      }
      if (c === 92 /* \ */) {
        out += text.slice(chunk, pos);
        const e = text[pos + 1];
        if (e === undefined) {
          this.pos = pos + 1;
          return this.stop();
        }
        if (e === "u") {
          const hex = text.slice(pos + 2, pos + 6);
          if (/^[0-9a-fA-F]{4}$/.test(hex)) {
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 6;
          } else if (pos + 6 > text.length) {
            this.pos = text.length;
            return this.stop();
          } else {
            out += "u"; // invalid escape: keep the letter, as lenient .NET readers do
            pos += 2;
          }
        } else {
          out += ESCAPES[e] ?? e;
          pos += 2;
        }
        chunk = pos;
        continue;
      }
      pos++;
    }
  }

  /** Numbers, true, false, null. A token running into the end of input may be cut: dropped. */
  private literal(): SampleNode | undefined {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    while (pos < text.length && /[-+.0-9A-Za-z]/.test(text[pos]!)) pos++;
    const token = text.slice(start, pos);
    this.pos = pos;
    if (token === "null") return { kind: "null" };
    if (token === "true" || token === "false") return { kind: "scalar", text: token, quoted: false };
    // A number running into the end of input may have lost digits, unless it is the whole body.
    if (pos >= text.length && !this.atTopLevel(start) && couldStartJsonLiteral(token)) return this.stop();
    if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(token)) return { kind: "scalar", text: token, quoted: false };
    this.pos = start;
    return this.stop();
  }

  /** A scalar that is the whole body is complete when the input ends right after it. */
  private atTopLevel(start: number): boolean {
    return skipWs(this.text, 0) === start;
  }
}

/** A cut token that may still become a JSON number or keyword (`tr`, `-1.`), unlike `String`. */
function couldStartJsonLiteral(token: string): boolean {
  return (
    "true".startsWith(token) ||
    "false".startsWith(token) ||
    "null".startsWith(token) ||
    /^-?(0|[1-9]\d*)?(\.\d*)?([eE][+-]?\d*)?$/.test(token)
  );
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};
