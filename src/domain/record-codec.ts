/**
 * The one compact record codec: a record is a list of fields, each written as
 * `<length>:<text>`, so that no character of the data needs escaping. The campaign's sort
 * spool stores its choices in it, and worker threads send the records a command reads of
 * each planned customer in it (src/engine/plan-pieces.ts frames a piece's records as bytes). Pure.
 */

/** A field of a typed record: text, a number (exactly: -0, NaN and infinities included), a flag, null or nothing. */
export type RecordField = string | number | boolean | null | undefined;

/** `<length>:<text>` per field. */
export function pack(fields: readonly string[]): string {
  let out = '';
  for (const f of fields) out += `${f.length}:${f}`;
  return out;
}

/** The fields of pack(). */
export function unpack(text: string): string[] {
  const fields: string[] = [];
  for (let at = 0; at < text.length; ) {
    // The length read digit by digit: a slice and a Number() per field cost as much as the field itself.
    const start = lengthEnd(text, at) + 1;
    const end = start + fieldLength(text, at, start - 1);
    fields.push(text.slice(start, end));
    at = end;
  }
  return fields;
}

/** Where the `:` behind the length that starts at `at` is (the text's end when there is none). */
function lengthEnd(text: string, at: number): number {
  const n = text.length;
  let i = at;
  while (i < n && text.charCodeAt(i) !== COLON) i++;
  return i;
}

/** The length written in text[at, colon) (decimal digits). */
function fieldLength(text: string, at: number, colon: number): number {
  let len = 0;
  for (let i = at; i < colon; i++) len = len * 10 + (text.charCodeAt(i) - ZERO);
  return len;
}

const COLON = 58;
const ZERO = 48;

/** A typed record as text: each field packed behind a letter that says its type. */
export function encodeRecord(fields: readonly RecordField[]): string {
  let out = '';
  for (const f of fields) {
    const text = typedText(f);
    out += `${text.length}:${text}`;
  }
  return out;
}

/** The fields of encodeRecord(), with their types. */
export function decodeRecord(text: string): RecordField[] {
  // One pass, each field cut from the text once (unpack() and then a slice per type letter
  // cost `report` ~2 s of its main thread per million rows, which is its bottleneck).
  const fields: RecordField[] = [];
  for (let at = 0; at < text.length; ) {
    const colon = lengthEnd(text, at);
    const end = colon + 1 + fieldLength(text, at, colon);
    fields.push(typedField(text, colon + 1, end));
    at = end;
  }
  return fields;
}

function typedText(f: RecordField): string {
  switch (typeof f) {
    case 'string':
      return `s${f}`;
    case 'number':
      // String() gives the shortest text that reads back as the same number; -0 it writes as 0.
      return Object.is(f, -0) ? 'n-0' : `n${f}`;
    case 'boolean':
      return f ? 't' : 'f';
    case 'undefined':
      return 'u';
    default:
      if (f === null) return 'z';
      throw new Error(`a record field must be text, a number, a flag, null or undefined, not ${typeof f}`);
  }
}

/** The field typedText() wrote into text[start, end). */
function typedField(text: string, start: number, end: number): RecordField {
  switch (text.charCodeAt(start)) {
    case 115 /* s */:
      return text.slice(start + 1, end);
    case 110 /* n */:
      return numberAt(text, start + 1, end);
    case 116 /* t */:
      return true;
    case 102 /* f */:
      return false;
    case 122 /* z */:
      return null;
    default:
      return undefined;
  }
}

/**
 * Number(text[start, end)) without cutting the text first, for what String() writes of most
 * numbers: an optional minus, at most 15 digits, an optional decimal point. Such a decimal is
 * its digits as an integer (exact below 2^53) divided by a power of ten (exact up to 10^22):
 * one correctly rounded division, which is the number Number() reads (the fast path of
 * decimal-to-binary conversion). Anything else (exponents, NaN, Infinity, longer digit runs)
 * goes to Number(). report decodes ten numbers per customer on its main thread.
 */
function numberAt(text: string, start: number, end: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  if (i === end) return Number(text.slice(start, end));
  let digits = 0;
  let mantissa = 0;
  // decimals after the point; -1 before one is seen
  let decimals = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= ZERO && c <= ZERO + 9) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === POINT && decimals < 0) decimals = 0;
    else return Number(text.slice(start, end));
  }
  if (digits > MAX_EXACT_DIGITS || decimals === 0) return Number(text.slice(start, end));
  const value = decimals > 0 ? mantissa / (POWERS_OF_TEN[decimals] as number) : mantissa;
  return negative ? -value : value;
}

const POINT = 46;
/** Digits whose integer is exact in a double (10^15 < 2^53). */
const MAX_EXACT_DIGITS = 15;
// Written out: each is exact as a double.
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
