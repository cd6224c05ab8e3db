// Type texts for print-code.ts: the type parser (printed flat), typeDoc and unionMembers.
import type { Doc } from "./doc.js";
import { flat, memo, printNumber, printString, Reader, tokenize, Unprintable } from "./code-read.js";

/** The type operators primaryType does not print (Unprintable: the text is left as it was). */
export const TYPE_OPERATORS: ReadonlySet<string> = new Set(["typeof", "keyof", "infer", "readonly"]);

// ---- types: printed flat (prettier breaks long types by rules not modelled here)

/** `<A, B>` at the reader: the type arguments' texts, the brackets consumed. */
export function typeArguments(r: Reader): string[] {
  r.expect("<");
  const args = [typeText(r)];
  while (r.is(",")) {
    r.next();
    args.push(typeText(r));
  }
  r.expect(">");
  return args;
}

export function typeText(r: Reader): string {
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
  if (TYPE_OPERATORS.has(t.text)) throw new Unprintable("type operator");
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

/**
 * A name, or a name with simple type arguments (`string`, `dtos.Order[]`, `Partial<Order>`,
 * `Dictionary<string, number[]>`), spaced as typeText prints it: such a text prints as itself. Most
 * type texts the emitter writes are of this shape, and a regex test is far cheaper than reading the
 * text token by token (each one is read once: the texts are mostly distinct, `Partial<T>` per class).
 */
const SIMPLE_NAME = String.raw`[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*`;
const SIMPLE_ARG = String.raw`${SIMPLE_NAME}(?:\[\])*`;
const SIMPLE_TYPE = new RegExp(String.raw`^${SIMPLE_NAME}(?:<${SIMPLE_ARG}(?:, ${SIMPLE_ARG})*>)?(?:\[\])*$`);
/** The words primaryType refuses as a type's first token: such texts take the slow path. */
const TYPE_OPERATOR = new RegExp(String.raw`\b(?:${[...TYPE_OPERATORS].join("|")})\b`);

/** A type text that typeText prints as it is (see SIMPLE_TYPE). */
export function isSimpleType(text: string): boolean {
  return SIMPLE_TYPE.test(text) && !TYPE_OPERATOR.test(text);
}

/** A type as prettier prints it. Only its flat form is certain, unless nothing in it can break. */
export const typeDoc = memo((text: string): Doc => {
  if (isSimpleType(text)) return text.includes("<") ? flat(text) : text;
  const r = new Reader(tokenize(text));
  const out = typeText(r);
  if (!r.done()) throw new Unprintable(`type ${text}`);
  return /[<{(|]/.test(out.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, "")) ? flat(out) : out;
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
