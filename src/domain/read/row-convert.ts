import { epochDayOf } from '../dates.js';
import { headerSaysPercent, type FieldType, type Schema } from './fields.js';
import type { HeaderMapping } from './header-map.js';
import { parseBoolean, parseObjection } from '../parse/boolean.js';
import { parseDate, type DateOrder } from '../parse/date.js';
import { numberExample, parseNumber, type DecimalMark, type NumberParse } from '../parse/number.js';
import { type Lang, type ReadTexts, messages } from '../catalogue/index.js';
import { isMissingIdMarker } from './missing-id.js';
import { objectionInWords } from '../objections/in-words.js';
import { contactRemark, markedNames, REMARK_FIELDS, unreadColumns, unreadFlags, unreadText } from './unread-objections.js';
import { CELL_SEPARATOR, findObjectionInCells } from '../objections/text.js';
import type { EpochDay, Reject, Segment } from '../types.js';

/** Conventions a file's values are written in. */
export interface ValueConventions {
  decimal: DecimalMark;
  dateOrder: DateOrder;
  /** the margin column holds percentages (its sample showed '%'), whatever its header says */
  marginPercent?: boolean;
  /**
   * how many cells the file's rows have, where it is not the header's count (io/csv/read.ts,
   * rowWidthOf): more, their extra cells empty (trailing separators); fewer, the header's blank
   * names left out. A row of any other length is rejected for its field count.
   */
  rowWidth?: number;
}

/** What rows are checked against beyond their own values; plain data (sent to worker threads). */
export interface RowChecks {
  /** the as-of date: a lost customer cannot have joined or left after it */
  asOf?: EpochDay;
  /** ISO code of the currency amounts are in (model.currencySymbol); an amount written in another is rejected */
  currency?: string;
  /** language of the messages */
  lang?: Lang;
  /** the cells are a workbook's: a text "=…" is a formula whose value the file does not hold (io/xlsx/cells.ts) */
  workbook?: boolean;
}

/**
 * A converted row, or its reject. A reject may carry `readings`: what the row's cells can be
 * read to say, its unreadable cells left empty — once as they stand, or, for a record a field
 * or two off the file's row length (a separator in a value, one left out), once per likeliest
 * way its cells line up with the header (likeliest). A row that is not planned may still hold
 * the number or mailbox of a person who objected, by that row or by another of its id
 * (objector-keys.ts).
 */
export type ConvertedRow = { ok: true; values: Record<string, unknown>; warnings: string[] } | { ok: false; reject: Reject; readings?: Record<string, unknown>[] };

interface ColumnReader {
  field: string;
  index: number;
  header: string;
  /** reads a non-blank cell into the converter's one `Parsed` (see below) and returns it */
  parse: (raw: string) => Parsed;
}

/** Before this, a date in an export is a spreadsheet's stand-in for an empty cell, not a date. */
const FIRST_PLAUSIBLE_DAY = epochDayOf(1900, 1, 1) as EpochDay;

/** Builds the per-row converter once per file, so no per-row lookups or regex construction. */
export function createRowConverter(
  headers: readonly string[],
  mapping: HeaderMapping,
  schema: Schema,
  conventions: ValueConventions,
  fill: Readonly<Record<string, unknown>> = {},
  checks: RowChecks = {},
): (cells: readonly string[], line: number) => ConvertedRow {
  const t = messages(checks.lang).read.texts;
  // One result for every cell of the file, read right after the cell is parsed: an object per
  // cell was most of what converting a row allocated.
  const cell: Parsed = { ok: true, value: undefined, warning: undefined, message: '' };
  const columns: ColumnReader[] = [];
  for (const spec of schema.fields) {
    const index = mapping.fields.get(spec.name);
    if (index === undefined) continue;
    const header = headers[index] as string;
    const type = spec.name === 'name' && spec.type === 'text' ? 'name' : spec.type;
    columns.push({ field: spec.name, index, header, parse: valueParser(type, conventions, headerSaysPercent(header), checks, t, cell) });
  }
  // An id column of type 'id' must be filled; other schemas (e.g. suppression lists) may leave it blank.
  const idSpec = schema.fields.find((f) => f.type === 'id');
  const idIndex = idSpec ? mapping.fields.get(idSpec.name) : undefined;
  const nameIndex = mapping.fields.get('name');
  const width = headers.length;
  // The file's own row length: trailing separators the header does not have, or the header's blank names left out.
  const rowWidth = conventions.rowWidth ?? width;
  const crossChecks = { asOf: checks.asOf, texts: t };
  const unread = unreadColumns(headers, mapping, schema);
  // Only an export whose words are read for objections (the lost customers') has its names read for one.
  const readsNames = schema.fields.some((f) => f.name === 'notes') && REMARK_FIELDS.some((f) => mapping.fields.has(f));
  const template = rowTemplate(fill, columns, unread.length > 0);
  let lineUps = 0;
  // `linedUp`: a line-up of a record being read for its objection (no further line-ups of it).
  const convert = (cells: readonly string[], line: number, linedUp = false): ConvertedRow => {
    const rawId = idIndex === undefined ? '' : excelText(cells[idIndex] ?? '');
    const id = INVISIBLE.test(rawId) ? withoutInvisible(rawId).text.trim() : rawId.trim();
    const totals = totalsCell(cells, idIndex, id, nameIndex, width);
    if (totals !== undefined) return reject(line, id, headers[totals] as string, (cells[totals] as string).trim(), t.totalsRow((cells[totals] as string).trim()));
    if (cells.length !== rowWidth || !onlyEmptyExtras(cells, width)) {
      // More cells than the file's rows have, the extra ones empty: a separator at the end, or one in a value.
      const emptyEnd = cells.length > rowWidth && onlyEmptyExtras(cells, rowWidth);
      const rejected = reject(line, id, t.fieldCountColumn, String(cells.length), emptyEnd ? t.fieldCountEmptyEnd(cells.length, rowWidth) : t.fieldCount(cells.length, rowWidth));
      if (lineUps >= MAX_LINED_UP) return rejected;
      lineUps++;
      return withReadings(rejected, likeliest(lineUpsOf(cells, rowWidth).map((aligned) => convert(aligned, line, true))));
    }
    // A row without an id is rejected once its cells are read: one that objects is named so (a firm's second contact on a row of its own).
    const noId = idIndex !== undefined && id === '';
    // A missing-value marker ("NA", "#N/A") is no id either, nor a workbook formula whose value the file does not
    // hold (cells.ts: "=VLOOKUP(…)" when the cached result is an error): the row is read on, for an objection and its points.
    const formulaId = idIndex !== undefined && checks.workbook === true && FORMULA_TEXT.test(id);
    // A number a spreadsheet wrote in scientific notation ("1.23457E+11"): its digits are lost, so it is no id either.
    const scientificId = idIndex !== undefined && SCIENTIFIC.test(id);
    const markerId = idIndex !== undefined && !noId && (formulaId || scientificId || isMissingIdMarker(id));
    const values: Record<string, unknown> = { ...template };
    const warnings: string[] = [];
    let problems: { column: string; value: string; message: string }[] | undefined;
    // The first yes/no cell that holds neither (free text): in a file whose rows end in a separator, a sign of a moved row.
    let freeText: { header: string; raw: string } | undefined;
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c] as ColumnReader;
      const raw = excelText(cells[col.index] ?? '');
      if (raw.trim() === '') continue;
      const parsed = col.parse(raw);
      if (parsed.ok) {
        values[col.field] = parsed.value;
        if (parsed.warning) warnings.push(`${col.header} '${raw}': ${parsed.warning}`);
        // Free text in a consent column ("Widerspruch nach Art. 21 DSGVO") is kept for the objection check.
        if (parsed.value === null && PERMISSION_FIELDS.has(col.field)) {
          values.consent_text = values.consent_text === undefined ? raw.trim() : `${values.consent_text as string} | ${raw.trim()}`;
          freeText ??= { header: col.header, raw: raw.trim() };
        }
      } else (problems ??= []).push({ column: col.header, value: raw, message: `${col.header} '${raw}' ${parsed.message}` });
    }
    if (unread.length > 0) {
      values.other_text = unreadText(cells, unread);
      unreadFlags(cells, unread, values);
    }
    // A block written into the name, the contact person or another field's remark ("ACME Corp [DO NOT CONTACT]") is read as the unread columns are.
    if (readsNames) {
      const marked = markedNames(values);
      if (marked !== undefined) values.other_text = values.other_text === undefined ? marked : `${values.other_text as string}${CELL_SEPARATOR}${marked}`;
      const remark = contactRemark(values);
      // Where the rules read the remark already ('(unsubscribed)'), their words are the evidence.
      if (remark !== undefined && values.advertising_objection !== true && findObjectionInCells(marked) === undefined) {
        values.advertising_objection = true;
        const index = mapping.fields.get(remark.field);
        warnings.push(t.contactRemark(index === undefined ? remark.field : (headers[index] as string), remark.remark));
      }
    }
    if (noId) return withReadings(reject(line, '', headers[idIndex as number] as string, '', objects(values) ? t.idEmptyObjection : t.idEmpty), [values]);
    if (markerId) return withReadings(reject(line, id, headers[idIndex as number] as string, id, objects(values) ? t.idMarkerObjection(id) : formulaId ? t.idFormula(id) : scientificId ? t.idScientific(id) : t.idMissingMarker(id)), [values]);
    const first = problems?.[0];
    if (problems !== undefined && first !== undefined) {
      // A row that objects is kept whatever else is wrong in it, its unreadable cells left empty: rejected, its
      // objection would reach neither the other rows of its id nor the plan, and a duplicate row could be listed.
      if (!objects(values)) {
        const more = problems.length > 1 ? t.andMore(problems.slice(1).map((p) => p.message).join('; ')) : '';
        return withReadings(reject(line, id, first.column, first.value, first.message + more), [values]);
      }
      for (const p of problems) warnings.push(`${p.message}: ${t.keptForObjection}`);
    }
    // A row of a file whose rows end in a separator may have the file's length by two faults — a separator inside a
    // value, none at the end — its values a column on; a yes/no cell holding free text shows it. Not read as it stands.
    if (!linedUp && rowWidth > width && freeText !== undefined && !objects(values)) {
      const rejected = reject(line, id, freeText.header, freeText.raw, t.movedRow(freeText.header, freeText.raw));
      const moved = lineUpsOf(cells, width).map((aligned) => convert([...aligned, ...new Array<string>(rowWidth - width).fill('')], line, true));
      return withReadings(rejected, likeliest([{ ok: true, values, warnings }, ...moved]));
    }
    const cross = schema.crossCheck?.(values, crossChecks);
    if (cross) {
      const index = mapping.fields.get(cross.field);
      const header = index === undefined ? cross.field : (headers[index] as string);
      const raw = index === undefined ? '' : (cells[index] ?? '');
      // An implausible row that objects is kept as one with an unreadable cell is: its objection must reach the other rows.
      if (cross.problem && !objects(values)) return withReadings(reject(line, id, header, raw, `${header} '${raw}' ${cross.problem}`), [values]);
      warnings.push(cross.problem ? `${header} '${raw}' ${cross.problem}: ${t.keptForObjectionAsIs}` : `${header} '${raw}': ${cross.warning}`);
    }
    return { ok: true, values, warnings };
  };
  return convert;
}

/**
 * Records of a file read each way their cells can line up with the header (lineUpsOf), at
 * most: each costs a conversion per column. Beyond it a record with the wrong number of fields
 * is rejected unread — a file with this many has its separator or header wrong, and fails
 * the reject limit. Judgement.
 */
const MAX_LINED_UP = 10_000;
/** Fields too many or too few a record is lined up for (lineUpsOf); beyond, it is not read. Judgement. */
const MAX_FIELDS_OFF = 3;

/**
 * The ways a record with a few fields too many or too few can line up with the header's
 * `width`: a separator inside one value (an unquoted "Müller, Hans") splits it into several
 * cells, so for each column the cells from it on are joined back into it; a value left out
 * moves the rest one cell left, so for each column empty cells are put in before it.
 */
function lineUpsOf(cells: readonly string[], width: number): string[][] {
  const off = cells.length - width;
  if (off === 0 || Math.abs(off) > MAX_FIELDS_OFF) return [];
  const out: string[][] = [];
  for (let at = 0; at < width; at++) {
    if (off > 0) out.push([...cells.slice(0, at), cells.slice(at, at + off + 1).join(','), ...cells.slice(at + off + 1)]);
    else out.push([...cells.slice(0, at), ...new Array<string>(-off).fill(''), ...cells.slice(at)]);
  }
  return out;
}

/**
 * The readings of a record a few fields off (one per way its cells line up): those whose every
 * cell reads as its column's and that leave the fewest values unclear — where the separator in a
 * value really was (an unquoted "Müller, Hans": dates stay dates, numbers numbers, yes and no
 * where they belong). A "Ja" of the consent beside the objection column, moved into it by a
 * line-up that also leaves a date where a number belongs or an unclear value, does not make an
 * objector. When no line-up reads cleanly, every one counts (the cautious reading).
 */
function likeliest(rows: readonly ConvertedRow[]): Record<string, unknown>[] {
  const clean = rows.filter((r): r is Extract<ConvertedRow, { ok: true }> => r.ok);
  if (clean.length === 0) return rows.flatMap((r) => (r.ok ? [r.values] : (r.readings ?? [])));
  const fewest = Math.min(...clean.map((r) => r.warnings.length));
  return clean.filter((r) => r.warnings.length === fewest).map((r) => r.values);
}

function withReadings(row: ConvertedRow, readings: Record<string, unknown>[]): ConvertedRow {
  return row.ok || readings.length === 0 ? row : { ...row, readings };
}

/** A formula as a workbook cell's text when the file holds no value for it (io/xlsx/cells.ts): "=VLOOKUP(…)", "=?". */
const FORMULA_TEXT = /^=\S/;
/** A number in scientific notation as a spreadsheet writes a long one ("1.23457E+11", "1,2345E+04"): with a sign ("3E8" is a code). */
const SCIENTIFIC = /^\d(?:[.,]\d+)?e[+-]\d{1,3}$/i;

// Excel's way to keep a value as text in a CSV: ="00123" (a postal code, an id with leading zeros).
const EXCEL_TEXT = /^\s*="(.*)"\s*$/s;

/** A cell without Excel's text wrapping (="00123"), as the spreadsheet shows it; any other cell as it is. */
function excelText(cell: string): string {
  const c = cell.charCodeAt(0);
  if (c !== 61 && c !== 32) return cell;
  const m = EXCEL_TEXT.exec(cell);
  return m ? (m[1] as string).replace(/""/g, '"') : cell;
}

/** Whether a row's values say the customer objected: a yes in an objection column, or an objection in its words. */
function objects(values: Readonly<Record<string, unknown>>): boolean {
  if (values.advertising_objection === true || values.do_not_contact === true) return true;
  return objectionInWords(values) !== undefined;
}

/** Yes/no columns of contact permission, whose unclear cells may hold an objection in words. */
const PERMISSION_FIELDS = new Set(['consent_email', 'consent_phone', 'consent_letter', 'consent_visit', 'advertising_objection', 'do_not_contact']);

/** Keys the planner sets on every row it plans. */
const ROW_KEYS = ['line', 'warnings'] as const;

/**
 * Every key a row of this file can get, in the order it gets them, each undefined until a cell
 * fills it: the fill values, the mapped columns' fields, the consent text when a permission
 * column is mapped, the unread columns' text when there are any, and the line and warnings the planner adds. A row copied from it keeps V8's
 * fast properties; a row that gained its twenty-odd keys one computed store at a time fell into
 * dictionary mode, and every read of it downstream (planning, permission, value, output) was a
 * hash lookup: a fifth of `plan`'s CPU time on an export of 25 columns. An absent cell reads as
 * undefined either way.
 */
function rowTemplate(fill: Readonly<Record<string, unknown>>, columns: readonly ColumnReader[], otherText: boolean): Record<string, unknown> {
  const keys: [string, unknown][] = Object.entries(fill);
  for (const col of columns) if (!Object.hasOwn(fill, col.field)) keys.push([col.field, undefined]);
  if (!Object.hasOwn(fill, 'consent_text') && columns.some((col) => PERMISSION_FIELDS.has(col.field))) keys.push(['consent_text', undefined]);
  if (otherText && !Object.hasOwn(fill, 'other_text')) keys.push(['other_text', undefined]);
  // The planner sets a row's line and warnings on it (engine/row-loop.ts, plan-pieces.ts): a key
  // added to a copy would cost a new property store per row, and more time than the copy saved.
  for (const key of ROW_KEYS) if (!Object.hasOwn(fill, key) && !columns.some((col) => col.field === key)) keys.push([key, undefined]);
  // Built in one step: an object filled key by key would itself be a dictionary.
  return Object.fromEntries(keys);
}

/**
 * Whether a row's cells beyond the header are empty: the file's trailing separators
 * (ValueConventions.rowWidth). A row with one field too many from a separator in a value
 * whose last cell is empty looks the same, but has a length the file's rows do not have.
 */
function onlyEmptyExtras(cells: readonly string[], width: number): boolean {
  for (let i = width; i < cells.length; i++) if ((cells[i] as string).trim() !== '') return false;
  return true;
}

function reject(line: number, customerId: string, column: string, value: string, error: string): ConvertedRow {
  return { ok: false, reject: { line, customer_id: customerId, column, value, error } };
}

/** Words a spreadsheet's totals row is labelled with (Excel's pivot tables: "Gesamtergebnis", "Grand Total"). */
const TOTALS = /^(summe|gesamt|gesamtsumme|gesamtergebnis|zwischensumme|total|totals|grand total|subtotal|sum)\s*:?$/i;

/**
 * The column of a totals label ('Summe', 'Total', …) when the row is a spreadsheet's totals
 * row: the label in the id column, or in the name column with the id empty, and at most half
 * of the other cells filled.
 */
function totalsCell(cells: readonly string[], idIndex: number | undefined, id: string, nameIndex: number | undefined, width: number): number | undefined {
  let at: number | undefined;
  if (idIndex !== undefined && id !== '' && TOTALS.test(id)) at = idIndex;
  else if (nameIndex !== undefined && (idIndex === undefined || id === '') && TOTALS.test((cells[nameIndex] ?? '').trim())) at = nameIndex;
  if (at === undefined) return undefined;
  let filled = 0;
  for (let i = 0; i < cells.length; i++) if (i !== at && i !== idIndex && (cells[i] as string).trim() !== '') filled++;
  return filled <= Math.max(1, Math.floor((width - 1) / 2)) ? at : undefined;
}

// Characters a spreadsheet shows as nothing — Unicode's default-ignorable code points: zero-width
// space and joiners, direction marks, the word joiner, the byte-order mark, the soft hyphen,
// variation selectors — and control characters: invisible, but they make 'K-1' and 'K\u00ad-1'
// two customers (the soft hyphen got around pacing, a suppression list and an objection, 2026-12-08).
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\p{Default_Ignorable_Code_Point}]/u;
const ZERO_WIDTH = /\p{Default_Ignorable_Code_Point}/gu;
const LINE_BREAKS = /[\t\r\n]+/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** The text without invisible characters (line breaks and tabs become a space), and what was removed. */
function withoutInvisible(raw: string): { text: string; zeroWidth: boolean; control: boolean } {
  const zeroWidth = ZERO_WIDTH.test(raw);
  ZERO_WIDTH.lastIndex = 0;
  const noZero = zeroWidth ? raw.replace(ZERO_WIDTH, '') : raw;
  const spaced = noZero.replace(LINE_BREAKS, ' ');
  const text = spaced.replace(CONTROL, '');
  return { text, zeroWidth, control: text !== noZero };
}

/** A cell's reading: its value (and a warning), or why it cannot be read (`ok` false: `message`). */
interface Parsed {
  ok: boolean;
  value: unknown;
  warning: string | undefined;
  message: string;
}

function valueParser(type: FieldType | 'name', conv: ValueConventions, percentHeader: boolean, checks: RowChecks, t: ReadTexts, out: Parsed): (raw: string) => Parsed {
  const numberMessage = (code: 'empty' | 'not_number') => (code === 'empty' ? t.empty : t.notNumber(numberExample(conv.decimal)));
  const read = (value: unknown, warning?: string): Parsed => {
    out.ok = true;
    out.value = value;
    out.warning = warning;
    return out;
  };
  const fail = (message: string): Parsed => {
    out.ok = false;
    out.value = undefined;
    out.warning = undefined;
    out.message = message;
    return out;
  };
  // A number's parse, or undefined after `fail` said why not.
  const number = (raw: string): NumberParse & { ok: true } | undefined => {
    const n = parseNumber(raw, conv.decimal);
    if (!n.ok) return void fail(numberMessage(n.code));
    if (n.currency !== undefined && checks.currency !== undefined && n.currency !== checks.currency) return void fail(t.otherCurrency(n.currency, checks.currency));
    return n;
  };
  switch (type) {
    case 'id':
    case 'name':
      return (raw) => {
        if (!INVISIBLE.test(raw)) return read(raw.trim());
        const clean = withoutInvisible(raw);
        const what = [clean.zeroWidth ? t.invisibleNames.zeroWidth : '', clean.control ? t.invisibleNames.control : ''].filter(Boolean).join(', ');
        return read(clean.text.trim(), t.invisibleRemoved(what));
      };
    case 'text':
      return (raw) => read(raw.trim());
    case 'number':
      return (raw) => {
        const n = number(raw);
        return n === undefined ? out : read(n.value);
      };
    case 'integer':
      return (raw) => {
        const n = number(raw);
        if (n === undefined) return out;
        return Number.isInteger(n.value) && n.value >= 0 ? read(n.value) : fail(t.notWhole);
      };
    case 'date':
      return (raw) => {
        const d = parseDate(raw, conv.dateOrder);
        if (!d.ok) return fail(d.code === 'bad_calendar' ? t.badCalendarDate(d.form) : d.code === 'empty' ? t.empty : t.notDate);
        return d.value < FIRST_PLAUSIBLE_DAY ? fail(t.before1900) : read(d.value as EpochDay);
      };
    case 'bool':
    case 'objection':
      return (raw) => {
        const b = type === 'objection' ? parseObjection(raw) : parseBoolean(raw);
        return b === null ? read(null, t.unclearBoolean) : read(b);
      };
    case 'margin': {
      // One unit per column: a percent header or '%' in the sample makes every value a percentage.
      const percentColumn = percentHeader || conv.marginPercent === true;
      return (raw) => {
        const n = number(raw);
        if (n === undefined) return out;
        if (n.percent && !percentColumn) return read({ kind: 'percent', value: n.value }, t.percentInAmounts);
        return read({ kind: percentColumn ? 'percent' : 'amount', value: n.value });
      };
    }
    case 'segment': {
      // A file spells its segments a handful of ways: each spelling is read once (bounded).
      const known = new Map<string, Segment | undefined>();
      return (raw) => {
        let s = known.get(raw);
        if (s === undefined && !known.has(raw)) {
          s = parseSegment(raw);
          if (known.size >= SEGMENT_SPELLINGS) known.clear();
          // A copy, not the cell: a cell is a slice of a whole chunk of input and would keep it alive.
          known.set(`${raw} `.slice(0, -1), s);
        }
        return s ? read(s) : read(undefined, t.unknownSegment);
      };
    }
  }
}

/** Distinct segment spellings remembered per file before the memory starts over. */
const SEGMENT_SPELLINGS = 256;

const B2B = /^(b2b|business|geschaft|geschaeft|firma|firmenkunde|gewerb|unternehmen|company|corporate|commercial|enterprise|sme|kmu)/;
const B2C = /^(b2c|private|privat|consumer|endkunde|verbraucher|residential|retail|individual|person)/;

/** B2B/B2C from the spellings exports use ("Geschäftskunde", "Privatkunde", "business", …). */
export function parseSegment(raw: string): Segment | undefined {
  const text = raw.trim().toLowerCase().replace(/ä/g, 'a');
  if (B2B.test(text)) return 'B2B';
  if (B2C.test(text)) return 'B2C';
  return undefined;
}
