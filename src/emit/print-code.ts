// The code inside structures (statement strings, initializers, type texts) read into small trees
// and laid out the way prettier prints them. Only the forms the emitter writes are understood;
// anything else, and any layout prettier would choose by a rule not modelled here, throws
// Unprintable so that the caller hands that one declaration to prettier instead.
import { group, ifBreak, indent, join, line, softline, type Doc } from "./doc.js";

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

function tokenize(src: string): Token[] {
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

class Reader {
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

// ---- types: printed flat (prettier breaks long types by rules not modelled here)

/** `<A, B>` at the reader: the type arguments' texts, the brackets consumed. */
function typeArguments(r: Reader): string[] {
  r.expect("<");
  const args = [typeText(r)];
  while (r.is(",")) {
    r.next();
    args.push(typeText(r));
  }
  r.expect(">");
  return args;
}

function typeText(r: Reader): string {
  if (r.is("|")) r.next(); // a leading `|` of a union
  const parts = [arrayType(r)];
  while (r.is("|")) {
    r.next();
    parts.push(arrayType(r));
  }
  return parts.join(" | ");
}

function arrayType(r: Reader): string {
  let t = primaryType(r);
  while (r.is("[") && r.is("]", 1)) {
    r.next();
    r.next();
    t += "[]";
  }
  return t;
}

function primaryType(r: Reader): string {
  const t = r.next();
  if (t.kind === "str") return printString(t.text);
  if (t.kind === "num") return printNumber(t.text);
  if (t.text === "-" && r.peek()?.kind === "num") return "-" + printNumber(r.next().text);
  if (t.text === "(") {
    const inner = typeText(r);
    r.expect(")");
    // prettier keeps only the parentheses an array of a union needs
    return r.is("[") && r.is("]", 1) && inner.includes(" | ") ? `(${inner})` : inner;
  }
  if (t.text === "{") return objectType(r);
  if (t.kind !== "id") throw new Unprintable(`type token ${t.text}`);
  if (t.text === "typeof" || t.text === "keyof" || t.text === "infer" || t.text === "readonly") throw new Unprintable("type operator");
  let name = t.text;
  while (r.is(".")) {
    r.next();
    name += "." + r.next().text;
  }
  if (r.is("<")) name += `<${typeArguments(r).join(", ")}>`;
  return name;
}

function objectType(r: Reader): string {
  const members: string[] = [];
  while (!r.is("}")) {
    let key: string;
    if (r.is("[")) {
      r.next();
      const param = r.next().text;
      r.expect(":");
      const keyType = typeText(r);
      r.expect("]");
      key = `[${param}: ${keyType}]`;
    } else {
      const k = r.next();
      key = k.kind === "str" ? printString(k.text) : k.text;
      if (r.is("?")) {
        r.next();
        key += "?";
      }
    }
    r.expect(":");
    members.push(`${key}: ${typeText(r)}`);
    if (r.is(";") || r.is(",")) r.next();
  }
  r.expect("}");
  return members.length ? `{ ${members.join("; ")} }` : "{}";
}

/** Docs are immutable, and the same type and statement texts recur in every class. */
function memo<T>(fn: (text: string) => T): (text: string) => T {
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

/** A type as prettier prints it. Only its flat form is certain, unless nothing in it can break. */
export const typeDoc = memo((text: string): Doc => {
  const r = new Reader(tokenize(text));
  const out = typeText(r);
  if (!r.done()) throw new Unprintable(`type ${text}`);
  return /[<{(|]/.test(out.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, "")) ? flat(out) : out;
});

// ---- expressions

type Expr =
  | { kind: "atom"; text: string; string?: boolean }
  | { kind: "member"; object: Expr; name: string }
  | { kind: "index"; object: Expr; index: Expr }
  | { kind: "call"; callee: Expr; typeArgs: string[]; args: Expr[] }
  | { kind: "annotated"; comment: string; expr: Expr }
  | { kind: "new"; callee: string; typeArgs: string[]; args: Expr[] | undefined }
  | { kind: "as"; expr: Expr; type: string; op: "as" | "satisfies" }
  | { kind: "paren"; expr: Expr }
  | { kind: "unary"; op: string; expr: Expr }
  | { kind: "binary"; op: string; left: Expr; right: Expr }
  | { kind: "cond"; test: Expr; yes: Expr; no: Expr }
  | { kind: "object"; props: Prop[]; broken: boolean }
  | { kind: "array"; items: Expr[] };
type Prop = { key: string; value?: Expr; spread?: boolean };

function expression(r: Reader): Expr {
  const test = binary(r);
  if (!r.is("?")) return test;
  r.next();
  const yes = expression(r);
  r.expect(":");
  return { kind: "cond", test, yes, no: expression(r) };
}

function binary(r: Reader): Expr {
  let left = asExpr(r);
  while (r.is("instanceof")) {
    r.next();
    left = { kind: "binary", op: "instanceof", left, right: asExpr(r) };
  }
  return left;
}

function asExpr(r: Reader): Expr {
  let e = unary(r);
  while (r.is("as") || r.is("satisfies")) {
    const op = r.next().text as "as" | "satisfies";
    e = { kind: "as", expr: e, type: typeText(r), op };
  }
  return e;
}

function unary(r: Reader): Expr {
  if (r.is("-") || r.is("!")) {
    const op = r.next().text;
    return { kind: "unary", op, expr: unary(r) };
  }
  return postfix(r);
}

function args(r: Reader): Expr[] {
  r.expect("(");
  const out: Expr[] = [];
  while (!r.is(")")) {
    out.push(expression(r));
    if (!r.is(")")) r.expect(",");
  }
  r.expect(")");
  return out;
}

function postfix(r: Reader): Expr {
  let e = primary(r);
  for (;;) {
    if (r.is(".")) {
      r.next();
      const name = r.next();
      if (name.kind !== "id") throw new Unprintable("member name");
      e = { kind: "member", object: e, name: name.text };
    } else if (r.is("[")) {
      r.next();
      const index = expression(r);
      r.expect("]");
      e = { kind: "index", object: e, index };
    } else if (r.is("(")) {
      e = { kind: "call", callee: e, typeArgs: [], args: args(r) };
    } else if (r.is("<") && (e.kind === "atom" || e.kind === "member")) {
      // `f<T>(...)`: the expressions we read have no `<` operator
      const typeArgs = typeArguments(r);
      if (!r.is("(")) throw new Unprintable("type arguments without a call");
      e = { kind: "call", callee: e, typeArgs, args: args(r) };
    } else return e;
  }
}

function primary(r: Reader): Expr {
  const t = r.next();
  if (t.kind === "comment") return { kind: "annotated", comment: t.text, expr: postfix(r) };
  if (t.kind === "str") return { kind: "atom", text: printString(t.text), string: true };
  if (t.kind === "num") return { kind: "atom", text: printNumber(t.text) };
  if (t.text === "(") {
    const expr = expression(r);
    r.expect(")");
    return { kind: "paren", expr };
  }
  if (t.text === "{") return objectLiteral(r);
  if (t.text === "[") {
    const items: Expr[] = [];
    while (!r.is("]")) {
      items.push(expression(r));
      if (!r.is("]")) r.expect(",");
    }
    r.expect("]");
    return { kind: "array", items };
  }
  if (t.kind !== "id") throw new Unprintable(`token ${t.text}`);
  if (["function", "class", "typeof", "await", "yield", "async", "delete", "void", "in"].includes(t.text)) throw new Unprintable(t.text);
  if (t.text === "new") {
    let callee = r.next().text;
    while (r.is(".")) {
      r.next();
      callee += "." + r.next().text;
    }
    const typeArgs: string[] = [];
    if (r.is("<")) {
      r.next();
      typeArgs.push(typeText(r));
      while (r.is(",")) {
        r.next();
        typeArgs.push(typeText(r));
      }
      r.expect(">");
    }
    return { kind: "new", callee, typeArgs, args: r.is("(") ? args(r) : undefined };
  }
  return { kind: "atom", text: t.text };
}

function objectLiteral(r: Reader): Expr {
  // prettier keeps an object expanded when its source has a line break before the first key
  const broken = r.peek()?.nl === true && !r.is("}");
  const props: Prop[] = [];
  while (!r.is("}")) {
    if (r.is("...")) {
      r.next();
      props.push({ key: "", spread: true, value: expression(r) });
    } else {
      const k = r.next();
      let key: string;
      if (k.kind === "str") key = unquoteKey(k.text);
      else if (k.text === "[") {
        const inner = r.next();
        if (inner.kind !== "str") throw new Unprintable("computed key");
        r.expect("]");
        key = `[${printString(inner.text)}]`;
      } else if (k.kind === "id" || k.kind === "num") key = k.text;
      else throw new Unprintable(`key ${k.text}`);
      if (r.is(":")) {
        r.next();
        props.push({ key, value: expression(r) });
      } else props.push({ key });
    }
    if (!r.is("}")) r.expect(",");
  }
  r.expect("}");
  return { kind: "object", props, broken };
}

/** quoteProps "as-needed": a quoted key that is an identifier loses its quotes (objects, enums). */
export function unquoteKey(raw: string): string {
  const value = raw.slice(1, -1);
  if (/^[A-Za-z_$][\w$]*$/.test(value)) return value;
  return printString(raw);
}

// ---- expression docs (prettier's layouts for these node kinds)

function callArgs(list: Expr[]): Doc {
  if (!list.length) return "()";
  const printed = list.map(exprDoc);
  const last = list[list.length - 1]!;
  // prettier may hug a last object/array argument (a conditional group): only flat is certain
  const hug = last.kind === "object" || last.kind === "array";
  const doc = group(["(", indent([softline, join([",", line], printed)]), ifBreak(","), softline, ")"]);
  return hug ? flat(doc) : doc;
}

/** Type arguments: one simple type is hugged, several break one per line (no trailing comma). */
function typeArgsDoc(types: string[]): Doc {
  if (!types.length) return "";
  if (types.length === 1) return /^[\w$.]+$/.test(types[0]!) ? `<${types[0]}>` : flat(`<${types[0]}>`);
  return group(["<", indent([softline, join([",", line], types.map((t) => (/^[\w$.]+$/.test(t) ? t : flat(t))))]), softline, ">"]);
}

function isConciseArray(items: Expr[]): boolean {
  return items.length > 1 && items.every((e) => e.kind === "atom" && /^-?[\d.]/.test(e.text));
}

export function exprDoc(e: Expr): Doc {
  switch (e.kind) {
    case "atom":
      return e.text;
    case "member":
      return [exprDoc(e.object), ".", e.name];
    case "index":
      return [exprDoc(e.object), "[", exprDoc(e.index), "]"];
    case "annotated":
      return [e.comment, " ", exprDoc(e.expr)];
    case "call":
      if (countCalls(e) > 2) return flat([exprDoc(e.callee), typeArgsDoc(e.typeArgs), callArgs(e.args)]);
      return [exprDoc(e.callee), typeArgsDoc(e.typeArgs), callArgs(e.args)];
    case "new":
      return ["new ", e.callee, typeArgsDoc(e.typeArgs), callArgs(e.args ?? [])];
    case "as":
      return [exprDoc(e.expr), ` ${e.op} `, flat(e.type)];
    case "paren":
      if (e.expr.kind !== "as") throw new Unprintable("parentheses");
      return ["(", exprDoc(e.expr), ")"];
    case "unary":
      return [e.op, exprDoc(e.expr)];
    case "binary":
      return flat([exprDoc(e.left), ` ${e.op} `, exprDoc(e.right)]);
    case "cond":
      if (e.yes.kind === "cond" || e.no.kind === "cond" || e.test.kind === "cond") throw new Unprintable("nested conditional");
      return group([exprDoc(e.test), indent([line, "? ", exprDoc(e.yes), line, ": ", exprDoc(e.no)])]);
    case "object": {
      if (!e.props.length) return "{}";
      const props = e.props.map(propDoc);
      return group(["{", indent([line, join([",", line], props)]), ifBreak(","), line, "}"], e.broken);
    }
    case "array": {
      if (!e.items.length) return "[]";
      const kinds = new Set(e.items.map((i) => i.kind));
      const breaks =
        e.items.length > 1 &&
        kinds.size === 1 &&
        e.items.every((i) => (i.kind === "object" && i.props.length > 1) || (i.kind === "array" && i.items.length > 1));
      const doc = group(["[", indent([softline, join([",", line], e.items.map(exprDoc))]), ifBreak(","), softline, "]"], breaks);
      return isConciseArray(e.items) ? flat(doc) : doc;
    }
  }
}

function countCalls(e: Expr): number {
  let n = 0;
  for (let x: Expr | undefined = e; x; ) {
    if (x.kind === "call") {
      n++;
      x = x.callee;
    } else if (x.kind === "member" || x.kind === "index") x = x.object;
    else break;
  }
  return n;
}

function propDoc(p: Prop): Doc {
  if (p.spread) return ["...", exprDoc(p.value!)];
  if (!p.value) return p.key;
  const v = p.value;
  // prettier's assignment layouts (printAssignment): a key narrower than tabWidth + 3 never breaks
  // after the colon; numbers never do; a string or name value of a wider key moves to the next
  // line when it does not fit; an object or array stays after the colon unless `key: {` is too wide
  const short = p.key.length < 5;
  if (v.kind === "object" || v.kind === "array") return [p.key, ": ", flat(""), exprDoc(v)];
  if (v.kind === "atom" && (short || /^-?\d/.test(v.text))) return [p.key, ": ", v.text];
  if (v.kind === "atom" && v.text !== "true" && v.text !== "false") return group([p.key, ":", group(indent([line, v.text]))]);
  return [p.key, ":", flat([" ", exprDoc(v)])];
}

/** An expression as prettier prints it. */
export const expressionDoc = memo((text: string): Doc => {
  const r = new Reader(tokenize(text));
  const e = expression(r);
  if (!r.done()) throw new Unprintable(`expression ${text}`);
  return exprDoc(e);
});

/** One statement of a body: `return x;`, `return;` or `x;`. */
export const statementDoc = memo((text: string): Doc => {
  const r = new Reader(tokenize(text));
  let doc: Doc;
  if (r.is("return")) {
    r.next();
    if (r.is(";") || r.done()) doc = "return";
    else {
      const e = expression(r);
      // prettier may wrap these in parentheses when they break
      if (e.kind === "binary" || e.kind === "cond") throw new Unprintable("return of a binary expression");
      doc = ["return ", exprDoc(e)];
    }
  } else doc = exprDoc(expression(r));
  if (r.is(";")) r.next();
  if (!r.done()) throw new Unprintable(`statement ${text}`);
  return [doc, ";"];
});

/** The members of a top-level union type, each printed flat; undefined when it is not one. */
export function unionMembers(text: string): string[] | undefined {
  const r = new Reader(tokenize(text));
  if (r.is("|")) r.next();
  const members = [arrayType(r)];
  while (r.is("|")) {
    r.next();
    members.push(arrayType(r));
  }
  if (!r.done()) throw new Unprintable(`type ${text}`);
  return members.length > 1 ? members : undefined;
}
