import type { Schema } from '../../domain/read/fields.js';
import { type Said, type Lang, type SavedNote, readNote } from '../../domain/catalogue/index.js';
import type { HeaderMapping } from '../../domain/read/header-map.js';
import { dateOrderEvidence, isSlashedDate, type DateOrder } from '../../domain/parse/date.js';
import { decimalEvidence, type DecimalMark } from '../../domain/parse/number.js';

const CANDIDATES = [',', ';', '\t', '|'] as const;

/** Picks the delimiter among , ; tab | that splits the first lines most consistently. */
export function detectDelimiter(text: string): string {
  const lines = firstLines(text, 30);
  let best: string = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const headerCount = counts[0] ?? 0;
    if (headerCount === 0) continue;
    const consistent = counts.filter((c) => c === headerCount).length;
    const score = consistent * 1000 + headerCount;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function firstLines(text: string, n: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < n && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') lines.push(line);
    start = end + 1;
  }
  return lines;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}

/** How a reading setting was decided, as a catalogue key. */
export type Decided = Said<'decided'>;

export interface Conventions {
  decimal: DecimalMark;
  dateOrder: DateOrder;
  marginPercent: boolean;
  /** catalogue keys (messages.ts, decided) */
  decimalSource: Decided;
  dateOrderSource: Decided;
  /** what the data leave unclear (mixed decimal marks or date orders), as catalogue keys of the reader's texts */
  notes: SavedNote[];
}

/** Decides the decimal mark and day/month order from sample rows, unless flags fix them. */
export function detectConventions(
  rows: string[][],
  mapping: HeaderMapping,
  schema: Schema,
  delimiter: string,
  flags: { decimal?: DecimalMark; dateOrder?: DateOrder; lang?: Lang },
): Conventions {
  const numeric: number[] = [];
  const dates: number[] = [];
  for (const spec of schema.fields) {
    const i = mapping.fields.get(spec.name);
    if (i === undefined) continue;
    if (spec.type === 'number' || spec.type === 'integer' || spec.type === 'margin') numeric.push(i);
    if (spec.type === 'date') dates.push(i);
  }
  // Unmapped columns are evidence too: a German export writes all its numbers alike.
  for (const i of mapping.unmapped) numeric.push(i);
  const dec = { ',': 0, '.': 0 };
  const ord = { dmy: 0, mdy: 0 };
  // Slashed dates that read either way ("03/02/2026"): the first, and how many.
  let either: { count: number; example: string } | undefined;
  let dotted = 0;
  for (const row of rows) {
    for (const i of numeric) {
      const e = decimalEvidence(row[i] ?? '');
      if (e) dec[e]++;
    }
    for (const i of dates) {
      const v = row[i] ?? '';
      const e = dateOrderEvidence(v);
      if (e === 'dmy' || e === 'mdy') ord[e]++;
      else if (isSlashedDate(v) && readsBothWays(v)) {
        if (either) either.count++;
        else either = { count: 1, example: v.trim() };
      }
      if (/^\d{1,2}\.\d{1,2}\.\d{2,4}/.test(v.trim())) dotted++;
    }
  }
  const notes: SavedNote[] = [];
  const germanish = delimiter === ';';
  let decimal: DecimalMark;
  let decimalSource: Decided;
  if (flags.decimal) [decimal, decimalSource] = [flags.decimal, { key: 'flag', args: [] }];
  else if (dec[','] !== dec['.']) [decimal, decimalSource] = [dec[','] > dec['.'] ? ',' : '.', { key: 'fromData', args: [] }];
  else [decimal, decimalSource] = [germanish ? ',' : '.', { key: 'defaultForFiles', args: [delimiter] }];
  if (!flags.decimal && dec[','] > 0 && dec['.'] > 0) {
    notes.push(readNote('mixedDecimal', dec[','], dec['.'], decimal));
  }
  let dateOrder: DateOrder;
  let dateOrderSource: Decided;
  if (flags.dateOrder) [dateOrder, dateOrderSource] = [flags.dateOrder, { key: 'flag', args: [] }];
  else if (ord.dmy !== ord.mdy) [dateOrder, dateOrderSource] = [ord.dmy > ord.mdy ? 'dmy' : 'mdy', { key: 'fromData', args: [] }];
  else {
    const why: Decided = ord.dmy > 0 ? { key: 'defaultTie', args: [ord.dmy] } : { key: 'defaultNoDate', args: [] };
    [dateOrder, dateOrderSource] = [germanish || decimal === ',' || dotted > 0 ? 'dmy' : 'mdy', why];
  }
  if (!flags.dateOrder && ord.dmy === 0 && ord.mdy === 0 && either !== undefined) notes.push(readNote('dateOrderGuessed', either.count, either.example, dateOrder));
  if (!flags.dateOrder && ord.dmy > 0 && ord.mdy > 0) {
    notes.push(readNote('mixedDateOrder', ord.dmy, ord.mdy, dateOrder));
  }
  const marginIndex = mapping.fields.get('margin');
  const marginPercent = marginIndex !== undefined && rows.some((row) => (row[marginIndex] ?? '').includes('%'));
  return { decimal, dateOrder, marginPercent, decimalSource, dateOrderSource, notes };
}

/** A slashed date whose day and month differ and both could be a month (03/02/2026; not 03/03/2026). */
function readsBothWays(v: string): boolean {
  const m = /^(\d{1,2})[/-](\d{1,2})[/-]/.exec(v.trim());
  return m !== null && Number(m[1]) !== Number(m[2]) && Number(m[1]) <= 12 && Number(m[2]) <= 12 && Number(m[1]) > 0 && Number(m[2]) > 0;
}
