/**
 * Objections in columns no field claims. Such a column is passed through to the outputs, and
 * every row's text in it is searched for an objection (domain/read/row-convert.ts); this tells
 * the user, once per run, which of them held one in their first rows, so that a column meant
 * as notes can be mapped as such.
 */
import { findObjectionInCells } from '../objections/text.js';
import { parseObjection } from '../parse/boolean.js';
import { readNote, type SavedNote } from '../catalogue/index.js';
import type { HeaderMapping } from './header-map.js';
import type { Schema } from './fields.js';

/** Rows of the sample searched per column (judgement: a run's start stays short; a column used for objections shows one early). */
const SCANNED_ROWS = 200;

/** A warning per unread column whose cells in the first rows of `sample` (header excluded) hold an objection. */
export function unreadObjections(headers: readonly string[], sample: readonly (readonly string[])[], mapping: HeaderMapping, schema: Schema): SavedNote[] {
  // Only exports whose notes are read for objections (the lost customers') can read such a column.
  if (!schema.fields.some((f) => f.name === 'notes')) return [];
  const notesMapped = mapping.fields.has('notes');
  // The first rows only: a run opens with this, and every distinct text costs a reading of the rules (~20 µs).
  const rows = sample.slice(0, SCANNED_ROWS);
  const notes: SavedNote[] = [];
  for (const column of mapping.unmapped) {
    const header = headers[column] ?? '';
    // A header that names an objection ("Werbeverbot") makes a yes under it one, as the rows are read (row-convert.ts).
    const headerPhrase = findObjectionInCells(header.trim());
    for (const row of rows) {
      const cell = row[column]?.trim() ?? '';
      if (cell === '') continue;
      // Numbers, dates and amounts hold no objection (as the rows' reading skips them).
      const phrase = headerPhrase !== undefined ? (parseObjection(cell) !== false ? headerPhrase : undefined) : /\p{L}/u.test(cell) ? findObjectionInCells(cell) : undefined;
      if (phrase === undefined) continue;
      if (headerPhrase !== undefined) notes.push(readNote('objectionUnreadFlag', header, phrase));
      else notes.push(notesMapped ? readNote('objectionUnreadNotesMapped', header, phrase) : readNote('objectionUnread', header, phrase));
      break;
    }
  }
  return notes;
}
