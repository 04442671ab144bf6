import { headerSaysPercent, type FieldType, type Schema } from './fields.js';
import type { HeaderMapping } from './header-map.js';
import { parseBoolean } from './parse/boolean.js';
import { parseDate, type DateOrder } from './parse/date.js';
import { parseNumber, type DecimalMark } from './parse/number.js';
import type { EpochDay, Reject, Segment } from './types.js';

/** Conventions a file's values are written in. */
export interface ValueConventions {
  decimal: DecimalMark;
  dateOrder: DateOrder;
  /** the margin column holds percentages (its sample showed '%'), whatever its header says */
  marginPercent?: boolean;
}

export type ConvertedRow = { ok: true; values: Record<string, unknown>; warnings: string[] } | { ok: false; reject: Reject };

interface ColumnReader {
  field: string;
  index: number;
  header: string;
  parse: (raw: string) => { ok: true; value: unknown; warning?: string } | { ok: false; message: string };
}

/** Builds the per-row converter once per file, so no per-row lookups or regex construction. */
export function createRowConverter(
  headers: readonly string[],
  mapping: HeaderMapping,
  schema: Schema,
  conventions: ValueConventions,
  fill: Readonly<Record<string, unknown>> = {},
): (cells: readonly string[], line: number) => ConvertedRow {
  const columns: ColumnReader[] = [];
  for (const spec of schema.fields) {
    const index = mapping.fields.get(spec.name);
    if (index === undefined) continue;
    const header = headers[index] as string;
    columns.push({ field: spec.name, index, header, parse: valueParser(spec.type, conventions, headerSaysPercent(header)) });
  }
  // An id column of type 'id' must be filled; other schemas (e.g. suppression lists) may leave it blank.
  const idSpec = schema.fields.find((f) => f.type === 'id');
  const idIndex = idSpec ? mapping.fields.get(idSpec.name) : undefined;
  const width = headers.length;
  return (cells, line) => {
    const id = idIndex === undefined ? '' : (cells[idIndex] ?? '').trim();
    if (cells.length !== width && !onlyEmptyExtras(cells, width)) {
      return reject(line, id, '(field count)', String(cells.length), `has ${cells.length} fields, expected ${width} (an unquoted delimiter or a missing quote?)`);
    }
    if (idIndex !== undefined && id === '') return reject(line, '', headers[idIndex] as string, '', 'customer_id is empty');
    const values: Record<string, unknown> = { ...fill };
    const warnings: string[] = [];
    const problems: { column: string; value: string; message: string }[] = [];
    for (const col of columns) {
      const raw = cells[col.index] ?? '';
      if (raw.trim() === '') continue;
      const parsed = col.parse(raw);
      if (parsed.ok) {
        values[col.field] = parsed.value;
        if (parsed.warning) warnings.push(`${col.header} '${raw}': ${parsed.warning}`);
      } else problems.push({ column: col.header, value: raw, message: `${col.header} '${raw}' ${parsed.message}` });
    }
    const first = problems[0];
    if (first) {
      const more = problems.length > 1 ? ` (and ${problems.slice(1).map((p) => p.message).join('; ')})` : '';
      return reject(line, id, first.column, first.value, first.message + more);
    }
    const cross = schema.crossCheck?.(values);
    if (cross) {
      const index = mapping.fields.get(cross.field);
      const header = index === undefined ? cross.field : (headers[index] as string);
      const raw = index === undefined ? '' : (cells[index] ?? '');
      if (cross.problem) return reject(line, id, header, raw, `${header} '${raw}' ${cross.problem}`);
      warnings.push(`${header} '${raw}': ${cross.warning}`);
    }
    return { ok: true, values, warnings };
  };
}

function onlyEmptyExtras(cells: readonly string[], width: number): boolean {
  if (cells.length < width) return false;
  for (let i = width; i < cells.length; i++) if ((cells[i] as string).trim() !== '') return false;
  return true;
}

function reject(line: number, customerId: string, column: string, value: string, error: string): ConvertedRow {
  return { ok: false, reject: { line, customer_id: customerId, column, value, error } };
}

type Parsed = { ok: true; value: unknown; warning?: string } | { ok: false; message: string };

function valueParser(type: FieldType, conv: ValueConventions, percentHeader: boolean): (raw: string) => Parsed {
  switch (type) {
    case 'id':
    case 'text':
      return (raw) => ({ ok: true, value: raw.trim() });
    case 'number':
      return (raw) => {
        const n = parseNumber(raw, conv.decimal);
        return n.ok ? { ok: true, value: n.value } : n;
      };
    case 'integer':
      return (raw) => {
        const n = parseNumber(raw, conv.decimal);
        if (!n.ok) return n;
        return Number.isInteger(n.value) && n.value >= 0 ? { ok: true, value: n.value } : { ok: false, message: 'is not a whole number ≥ 0' };
      };
    case 'date':
      return (raw) => {
        const d = parseDate(raw, conv.dateOrder);
        return d.ok ? { ok: true, value: d.value as EpochDay } : d;
      };
    case 'bool':
      return (raw) => {
        const b = parseBoolean(raw);
        return b === null ? { ok: true, value: null, warning: 'is neither yes nor no; read as unclear' } : { ok: true, value: b };
      };
    case 'margin': {
      // One unit per column: a percent header or '%' in the sample makes every value a percentage.
      const percentColumn = percentHeader || conv.marginPercent === true;
      return (raw) => {
        const n = parseNumber(raw, conv.decimal);
        if (!n.ok) return n;
        if (n.percent && !percentColumn) return { ok: true, value: { kind: 'percent', value: n.value }, warning: 'is a percentage in a column of amounts; read as percent' };
        return { ok: true, value: { kind: percentColumn ? 'percent' : 'amount', value: n.value } };
      };
    }
    case 'segment':
      return (raw) => {
        const s = parseSegment(raw);
        return s ? { ok: true, value: s } : { ok: true, value: undefined, warning: 'is not a known segment (B2B/B2C); left open' };
      };
  }
}

const B2B = /^(b2b|business|geschaft|geschaeft|firma|firmenkunde|gewerb|unternehmen|company|corporate|commercial|enterprise|sme|kmu)/;
const B2C = /^(b2c|private|privat|consumer|endkunde|verbraucher|residential|retail|individual|person)/;

/** B2B/B2C from the spellings exports use ("Geschäftskunde", "Privatkunde", "business", …). */
export function parseSegment(raw: string): Segment | undefined {
  const text = raw.trim().toLowerCase().replace(/ä/g, 'a');
  if (B2B.test(text)) return 'B2B';
  if (B2C.test(text)) return 'B2C';
  return undefined;
}
