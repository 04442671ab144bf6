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
    const colon = text.indexOf(':', at);
    const start = colon + 1;
    const end = start + Number(text.slice(at, colon));
    fields.push(text.slice(start, end));
    at = end;
  }
  return fields;
}

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
  return unpack(text).map(typedField);
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

function typedField(text: string): RecordField {
  switch (text.charCodeAt(0)) {
    case 115 /* s */:
      return text.slice(1);
    case 110 /* n */:
      return Number(text.slice(1));
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
