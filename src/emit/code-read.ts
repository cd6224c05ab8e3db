// Reading code texts for print-code.ts: Unprintable, the flat and memo helpers, tokens, string and number literals, the token Reader.
import type { Doc } from "./doc.js";

export class Unprintable extends Error {}

/** A group that must stay flat: if it does not fit, the printer cannot say what prettier would do. */
export function flat(contents: Doc): Doc {
  return { type: "group", contents: [contents, FRAGILE], break: false };
}
/** Printed as nothing; only its presence in a broken group matters (see doc.ts `fragile`). */
export const FRAGILE: Doc = { type: "if-break", breakContents: "\u0000", flatContents: "" };

// ------------------------------------------------------------------------------------ tokens

type Token = { kind: "id" | "str" | "num" | "punct" | "comment"; text: string; nl: boolean };

const PUNCT = ["...", "=>", "?.", "(", ")", "[", "]", "{", "}", "<", ">", ",", ".", ";", ":", "?", "!", "=", "|", "&", "-", "+", "*", "/"];
const SINGLE_PUNCT = new Set(PUNCT.filter((p) => p.length === 1));

/** The first of PUNCT at `i` (where the character `c` is), without trying each in turn. */
function punctAt(src: string, i: number, c: string): string | undefined {
  if (c === "." && src.startsWith("...", i)) return "...";
  if (c === "=" && src[i + 1] === ">") return "=>";
  if (c === "?" && src[i + 1] === ".") return "?.";
  return SINGLE_PUNCT.has(c) ? c : undefined;
}

/** Where IDENT can match: what it starts with. NUMBER starts with a digit. */
function startsIdent(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36;
}

const IDENT = /[A-Za-z_$][\w$]*/y;
const NUMBER = /(?:0[xX][\da-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/y;

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let nl = false;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "\n") {
      nl = true;
      i++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "/" && src[i + 1] === "*") {
      // only annotations such as /* @__PURE__ */, printed verbatim before what they annotate
      const end = src.indexOf("*/", i + 2);
      const text = end < 0 ? "" : src.slice(i, end + 2);
      if (!/^\/\*\s*[@#]__[A-Z_]+__\s*\*\/$/.test(text)) throw new Unprintable("comment in code");
      out.push({ kind: "comment", text, nl });
      i = end + 2;
      nl = false;
      continue;
    }
    if (c === "/" && src[i + 1] === "/") throw new Unprintable("comment in code");
    let m: RegExpExecArray | null = null;
    const code = src.charCodeAt(i);
    IDENT.lastIndex = NUMBER.lastIndex = i;
    if (startsIdent(code) && (m = IDENT.exec(src))) {
      out.push({ kind: "id", text: m[0], nl });
    } else if (code >= 48 && code <= 57 && (m = NUMBER.exec(src))) {
      out.push({ kind: "num", text: m[0], nl });
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\") j++;
        if (src[j] === "\n") throw new Unprintable("newline in string");
        j++;
      }
      if (j >= src.length) throw new Unprintable("unterminated string");
      out.push({ kind: "str", text: src.slice(i, j + 1), nl });
      i = j + 1;
      nl = false;
      continue;
    } else {
      const p = punctAt(src, i, c);
      if (!p) throw new Unprintable(`character ${c}`);
      out.push({ kind: "punct", text: p, nl });
      i += p.length;
      nl = false;
      continue;
    }
    i += m[0].length;
    nl = false;
  }
  return out;
}

// ------------------------------------------------------------------------------------ strings and numbers

/** A string literal as prettier prints it: double quotes unless that needs more escapes. */
export function printString(raw: string): string {
  const content = raw.slice(1, -1);
  if (/[^\x20-\x7e]/.test(content)) throw new Unprintable("non-ASCII string");
  const doubles = (content.match(/"/g) ?? []).length;
  const singles = (content.match(/'/g) ?? []).length;
  const quote = doubles > singles ? "'" : '"';
  const other = quote === '"' ? "'" : '"';
  const body = content.replace(/\\(.)|(["'])/gs, (match, escaped: string | undefined, bare: string | undefined) => {
    if (escaped === other) return escaped;
    if (bare === quote) return "\\" + bare;
    if (bare) return bare;
    return match; // prettier 3 keeps every other escape as written
  });
  return quote + body + quote;
}

/** Prettier's number normalisation: lower case, no `+` exponent, no trailing zeros or dot. */
export function printNumber(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(\d)/, "$1$2$3")
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, "$1")
    .replace(/^([+-])?\./, "$10.")
    .replace(/(\.\d+?)0+(?=e|$)/, "$1")
    .replace(/\.(?=e|$)/, "");
}

// ------------------------------------------------------------------------------------ parser

export class Reader {
  i = 0;
  constructor(readonly tokens: Token[]) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }
  is(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && (t.kind === "punct" || t.kind === "id") && t.text === text;
  }
  next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new Unprintable("unexpected end");
    return t;
  }
  expect(text: string): Token {
    const t = this.next();
    if (t.text !== text) throw new Unprintable(`expected ${text}, got ${t.text}`);
    return t;
  }
  done(): boolean {
    return this.i >= this.tokens.length;
  }
}

/** Docs are immutable, and the same type and statement texts recur in every class. */
export function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T | Unprintable>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      try {
        v = fn(text);
      } catch (e) {
        if (!(e instanceof Unprintable)) throw e;
        v = e;
      }
      if (cache.size > 50_000) cache.clear();
      cache.set(text, v);
    }
    if (v instanceof Unprintable) throw v;
    return v;
  };
}
