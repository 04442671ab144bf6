/**
 * Objections in columns no field claims. Such a column is passed through to the outputs, and
 * every row's text in it is searched for an objection (domain/read/row-convert.ts); this tells
 * the user, once per run, which of them held one in their first rows, so that a column meant
 * as notes can be mapped as such.
 */
import { CELL_SEPARATOR, findObjectionInCells } from '../objections/text.js';
import { parseObjection } from '../parse/boolean.js';
import { readNote, type SavedNote } from '../catalogue/index.js';
import type { HeaderMapping } from './header-map.js';
import { headerKey, type Schema } from './fields.js';

/** Rows of the sample searched per column (judgement: a run's start stays short; a column used for objections shows one early). */
const SCANNED_ROWS = 200;

/** A warning per unread column whose cells in the first rows of `sample` (header excluded) hold an objection. */
export function unreadObjections(headers: readonly string[], sample: readonly (readonly string[])[], mapping: HeaderMapping, schema: Schema): SavedNote[] {
  const notesMapped = mapping.fields.has('notes');
  // The first rows only: a run opens with this, and every distinct text costs a reading of the rules (~12 µs).
  const rows = sample.slice(0, SCANNED_ROWS);
  const notes: SavedNote[] = [];
  // Each cell read as every row's is (unreadText): a yes under a header that names an objection, or an objection in words.
  for (const col of unreadColumns(headers, mapping, schema)) {
    const header = headers[col.index] ?? '';
    for (const row of rows) {
      const phrase = findObjectionInCells(unreadText(row, [col]));
      if (phrase === undefined) continue;
      if (col.objectionHeader !== undefined) notes.push(readNote('objectionUnreadFlag', header, phrase));
      else notes.push(notesMapped ? readNote('objectionUnreadNotesMapped', header, phrase) : readNote('objectionUnread', header, phrase));
      break;
    }
  }
  return notes;
}

/**
 * The columns no field claims, in an export whose notes are read for objections (the lost
 * customers'): they are passed through unread, but an objection written there ("Kampagnenhinweis:
 * keine Werbung mehr") is an objection all the same, so their cells are searched for one too,
 * by the rules alone (findObjectionInCells).
 */
export function unreadColumns(headers: readonly string[], mapping: HeaderMapping, schema: Schema): UnreadColumn[] {
  if (!schema.fields.some((f) => f.name === 'notes')) return [];
  // A second block column ("Kontaktsperre" beside "Sperrvermerk") is left unmapped by the first: its name is the field's all the same.
  const objectionFields = new Map<string, string>();
  for (const f of schema.fields) if (f.type === 'objection') for (const alias of f.aliases) if (!objectionFields.has(headerKey(alias))) objectionFields.set(headerKey(alias), f.name);
  return mapping.unmapped
    .filter((i) => i < headers.length)
    .map((index) => {
      const header = (headers[index] as string).trim();
      const field = objectionFields.get(headerKey(header));
      if (field !== undefined) return { index, objectionHeader: header, field };
      // A header that itself names an objection ("Werbeverbot", "Robinsonliste", "DSGVO-Widerspruch") makes a yes there one.
      return { index, objectionHeader: findObjectionInCells(header) !== undefined ? header : undefined };
    });
}

export interface UnreadColumn {
  index: number;
  /** the header, when the objection rules read it as an objection: a yes (or an unclear cell) under it is one */
  objectionHeader: string | undefined;
  /**
   * the objection field the header names, when another column holds that field: its cells are
   * read as the field's (unreadFlags), not as words
   */
  field?: string;
}

/**
 * Sets a row's objection fields from the unread columns that name one ("Sperrvermerk" beside a
 * mapped "Kontaktsperre"): a yes in either column is an objection, an unclear value in either
 * blocks as an unclear one does; the unclear text is kept for the objection check in words.
 */
export function unreadFlags(cells: readonly string[], unread: readonly UnreadColumn[], values: Record<string, unknown>): void {
  for (const col of unread) {
    if (col.field === undefined) continue;
    const cell = cells[col.index];
    if (cell === undefined || cell.trim() === '') continue;
    const said = parseObjection(cell);
    if (said === true) values[col.field] = true;
    else if (said === null) {
      if (values[col.field] !== true) values[col.field] = null;
      values.consent_text = values.consent_text === undefined ? cell.trim() : `${values.consent_text as string} | ${cell.trim()}`;
    }
  }
}

/**
 * The unread columns' text, joined: cells that hold a letter (numbers, dates and amounts hold no
 * objection), and the header of an objection-named column whose cell says yes or is unclear
 * (a "nein" or a blank there says nothing). Undefined for none.
 */
export function unreadText(cells: readonly string[], unread: readonly UnreadColumn[]): string | undefined {
  let text: string | undefined;
  const add = (part: string) => {
    text = text === undefined ? part : `${text}${CELL_SEPARATOR}${part}`;
  };
  for (const col of unread) {
    const cell = cells[col.index];
    if (col.field !== undefined || cell === undefined || cell.trim() === '') continue;
    if (col.objectionHeader !== undefined) {
      if (parseObjection(cell) !== false) add(col.objectionHeader);
      continue;
    }
    if (HAS_LETTER.test(cell)) add(cell.trim());
  }
  return text;
}

const HAS_LETTER = /\p{L}/u;
