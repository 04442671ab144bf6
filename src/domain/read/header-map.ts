import { headerKey, type Schema } from './fields.js';
import { type ReadTexts, type SavedNote, messages, readNote, sayReadNote } from '../catalogue/index.js';

/** Where each canonical field is found in a file's header row. */
export interface HeaderMapping {
  /** canonical field → column index */
  fields: Map<string, number>;
  /** indexes of columns no field claims; passed through to outputs */
  unmapped: number[];
  /** what the mapping warns about, in the reader's words (`texts`) */
  warnings: string[];
  /** the same warnings as catalogue keys, for the files a run keeps (summary.json) */
  notes: SavedNote[];
}

/** A required field the header does not provide, with the closest header as a suggestion. */
export interface MissingField {
  fields: readonly string[];
  suggestion?: { field: string; header: string; alias: string };
}

/**
 * Columns that share one header (spelling aside) and would all be read as one field: the
 * values of all but one would be lost without a word. `columns` count from 1.
 */
export interface DuplicateHeader {
  field: string;
  header: string;
  columns: number[];
}

/**
 * Maps a header row onto a schema's canonical fields; `overrides` (field → header, or `#N` for
 * the N-th column) win over aliases. Two columns with the same header that a field would be
 * read from are `duplicates` (an override naming such a header is `ambiguous`) — the caller
 * stops on them.
 */
export function mapHeaders(
  headers: readonly string[],
  schema: Schema,
  overrides: Readonly<Record<string, string>> = {},
  texts: ReadTexts = messages('en').read.texts,
): { mapping: HeaderMapping; missing: MissingField[]; badOverrides: string[]; duplicates: DuplicateHeader[]; ambiguous: DuplicateHeader[] } {
  const keys = headers.map(headerKey);
  // "Umsatz in €", "Umsatz (EUR)", "Betrag in EUR": an amount's header with its currency, read as the plain name.
  const moneyKeys = headers.map((h) => (CURRENCY_SUFFIX.test(h) ? headerKey(h.replace(CURRENCY_SUFFIX, '')) : undefined));
  const fields = new Map<string, number>();
  const claimed = new Set<number>();
  const notes: SavedNote[] = [];
  const badOverrides: string[] = [];
  const duplicates: DuplicateHeader[] = [];
  const ambiguous: DuplicateHeader[] = [];
  for (const [field, header] of Object.entries(overrides)) {
    const found = overrideColumns(headers, keys, header);
    if (!schema.fields.some((s) => s.name === field)) badOverrides.push(texts.mapUnknownField(field));
    else if (found.length === 0) badOverrides.push(texts.mapNoColumn(header, field));
    else if (found.length > 1) ambiguous.push({ field, header, columns: found.map((i) => i + 1) });
    else {
      fields.set(field, found[0] as number);
      claimed.add(found[0] as number);
    }
  }
  for (const spec of schema.fields) {
    if (fields.has(spec.name)) continue;
    const aliasKeys = new Set(spec.aliases.map(headerKey));
    const money = spec.type === 'number' || spec.type === 'margin';
    const matched = keys.flatMap((k, i) => ((aliasKeys.has(k) || (money && aliasKeys.has(moneyKeys[i] ?? ''))) && !claimed.has(i) ? [i] : []));
    // A column with a specific name ("Kundennummer", "customer_id") before one called only "ID" (a row number, often).
    const hits = matched.length > 1 ? [...matched.filter((i) => !GENERIC_NAMES.has(keys[i] as string)), ...matched.filter((i) => GENERIC_NAMES.has(keys[i] as string))] : matched;
    const first = hits[0];
    if (first === undefined) continue;
    fields.set(spec.name, first);
    claimed.add(first);
    const twins = hits.filter((i) => keys[i] === keys[first]);
    if (twins.length > 1) duplicates.push({ field: spec.name, header: headers[first] as string, columns: twins.map((i) => i + 1) });
    const others = hits.filter((i) => keys[i] !== keys[first]);
    if (others.length > 0) {
      const names = others.map((i) => `'${headers[i]}'`).join(', ');
      // A second objection column is honoured too (unread-objections.ts): an objector is never listed by the column left over.
      // Twins of an objection or of a channel's consent are read too (domain/read/unread-objections.ts).
      const kind = spec.type === 'objection' ? 'objectionTwins' : /^consent_(email|phone|letter)$/.test(spec.name) ? 'consentTwins' : spec.name === 'declined_date' ? 'declinedTwins' : 'aliasTwins';
      notes.push(readNote(kind, spec.name, headers[first] as string, names));
    }
  }
  reasonByName(schema, headers, keys, fields, claimed, notes);
  warnDuplicateHeaders(headers, notes);
  const unmapped = headers.map((_, i) => i).filter((i) => !claimed.has(i));
  const missing = schema.required
    .filter((group) => !group.some((name) => fields.has(name)))
    .map((group) => ({ fields: group, suggestion: suggestHeader(group, headers, unmapped, schema) }));
  const warnings = notes.map((note) => sayReadNote(texts, note));
  return { mapping: { fields, unmapped, warnings, notes }, missing, badOverrides, duplicates, ambiguous };
}

/**
 * Without a column under a known name of the departure reason, one whose name says reason
 * ("Grund der Kündigung", "Reason given by customer") is read as it, with a note: left unread,
 * a death or an insolvency written there went unseen and the customer was called. A code
 * column ("Grund-Code", "reason_kz") is no text to read.
 */
function reasonByName(schema: Schema, headers: readonly string[], keys: readonly string[], fields: Map<string, number>, claimed: Set<number>, notes: SavedNote[]): void {
  if (fields.has('reason') || !schema.fields.some((f) => f.name === 'reason')) return;
  const i = keys.findIndex((k, at) => !claimed.has(at) && /grund|reason/.test(k) && !/code|kz$|schlussel|nr$|id$|nummer|datum|date/.test(k));
  if (i < 0) return;
  fields.set('reason', i);
  claimed.add(i);
  notes.push(readNote('reasonByName', 'reason', headers[i] as string));
}

/** Names that say only "a number": the last choice among columns that fit a field. */
const GENERIC_NAMES = new Set(['id', 'nr', 'no', 'number', 'nummer', 'key']);

/** A currency after an amount's name: "in €", "(EUR)", "EUR", "in USD", "[CHF]". */
const CURRENCY_SUFFIX = /\s*[([]?\s*(?:in\s+)?(?:€|eur|euro|usd|chf|gbp|\$|£)\s*[)\]]?\s*$/i;

/** The columns an override names: those with exactly that header, else with its spelling, else `#N` (the N-th). */
function overrideColumns(headers: readonly string[], keys: readonly string[], header: string): number[] {
  const exact = headers.flatMap((h, i) => (h === header ? [i] : []));
  if (exact.length > 0) return exact;
  const key = headerKey(header);
  const spelled = key === '' ? [] : keys.flatMap((k, i) => (k === key ? [i] : []));
  if (spelled.length > 0) return spelled;
  const numbered = /^#(\d+)$/.exec(header.trim());
  const n = numbered ? Number(numbered[1]) : 0;
  return n >= 1 && n <= headers.length ? [n - 1] : [];
}

function warnDuplicateHeaders(headers: readonly string[], notes: SavedNote[]): void {
  const seen = new Set<string>();
  for (const h of headers) {
    // Blank headers are Excel's trailing separators, not a name given twice.
    if (h.trim() === '') continue;
    if (seen.has(h)) notes.push(readNote('repeatedHeader', h));
    seen.add(h);
  }
}

/** The unmapped header closest to any alias of the missing fields, if it is close enough. */
function suggestHeader(group: readonly string[], headers: readonly string[], unmapped: number[], schema: Schema) {
  let best: { field: string; header: string; alias: string; distance: number } | undefined;
  for (const name of group) {
    const spec = schema.fields.find((s) => s.name === name);
    if (!spec) continue;
    for (const i of unmapped) {
      const header = headers[i] as string;
      const key = headerKey(header);
      for (const alias of spec.aliases) {
        const aliasKey = headerKey(alias);
        const distance = editDistance(key, aliasKey);
        const limit = Math.max(1, Math.floor(aliasKey.length / 4));
        if (distance <= limit && (!best || distance < best.distance)) best = { field: name, header, alias, distance };
      }
    }
  }
  return best ? { field: best.field, header: best.header, alias: best.alias } : undefined;
}

/** Levenshtein distance between two short strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = row;
  }
  return prev[b.length] as number;
}
