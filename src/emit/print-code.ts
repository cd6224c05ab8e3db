// The code inside structures (statement strings, initializers, type texts) read into small trees
// and laid out the way prettier prints them. Only the forms the emitter writes are understood;
// anything else, and any layout prettier would choose by a rule not modelled here, throws
// Unprintable so that the caller hands that one declaration to prettier instead.
// This file holds the expression layouts (exprDoc), expressionDoc and statementDoc; code-read.ts,
// code-type.ts and code-expr.ts hold the reading, the types and the expression parser.
import { group, ifBreak, indent, join, line, softline, type Doc } from "./doc.js";
import { flat, memo, Reader, tokenize, Unprintable } from "./code-read.js";
import { expression, type Expr, type Prop } from "./code-expr.js";
import { quickReturn } from "./code-quick.js";

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
  const quick = quickReturn(text);
  if (quick) return [["return ", exprDoc(quick)], ";"];
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
