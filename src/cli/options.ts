import type { Command } from 'commander';
import { Option } from 'commander';
import { parseIsoDay } from '../domain/dates.js';
import { LOST_CUSTOMER_FIELDS } from '../domain/fields.js';
import type { DateOrder } from '../domain/parse/date.js';
import type { EpochDay } from '../domain/types.js';
import { UsageError } from '../errors.js';
import type { ReadOptions } from '../io/csv-read.js';
import { normalizeEncodingName } from '../io/decode.js';
import { messages, type Lang } from '../domain/messages.js';

/** Raw strings commander hands over for the shared reading flags. */
export interface RawReadFlags {
  encoding?: string;
  delimiter?: string;
  decimal?: string;
  dateFormat?: string;
  map?: string[];
  churnDate?: string;
  maxRejectRate?: string;
}

/** Adds the flags every command that reads an export shares. */
export function addReadFlags(cmd: Command): Command {
  return cmd
    .option('--encoding <name>', 'input encoding: utf8, utf16le, utf16be, win1252, latin1 (default: detected)')
    .option('--delimiter <char>', "field separator: ',' ';' tab '|' (default: detected)")
    .addOption(new Option('--decimal <mark>', 'decimal mark of numbers (default: detected)').choices([',', '.']))
    .option('--date-format <order>', 'day/month order of dates: dmy (31.03.2024, 31/03/2024), mdy (3/31/2024), ymd (default: detected)')
    .option('--map <field=header>', 'read a canonical field from this column (repeatable)', collect, [])
    .option('--churn-date <date>', 'churn date (YYYY-MM-DD) for every row of a file without one')
    .option('--max-reject-rate <rate>', 'fail (exit 65, nothing written) when more than this share of rows is rejected, e.g. 0.05 or 5% (plan, campaign, report, worksheet, reasons, calibrate, inspect: default WINBACK_MAX_REJECT_RATE, else input.maxRejectRate, else 20%)');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Turns the shared reading flags into typed read options, or throws a UsageError naming the flag. */
export function parseReadFlags(raw: RawReadFlags, fieldNames = LOST_CUSTOMER_FIELDS.map((f) => f.name), lang: Lang = 'en'): { read: ReadOptions; maxRejectRate?: number } {
  const read: ReadOptions = {};
  const say = messages(lang).flags;
  if (raw.encoding !== undefined) {
    const enc = normalizeEncodingName(raw.encoding);
    if (!enc) throw new UsageError(say.encoding(raw.encoding), say.encodingHint);
    read.encoding = enc;
  }
  if (raw.delimiter !== undefined) read.delimiter = parseDelimiter(raw.delimiter, lang);
  if (raw.decimal === ',' || raw.decimal === '.') read.decimal = raw.decimal;
  if (raw.dateFormat !== undefined) read.dateOrder = parseDateOrder(raw.dateFormat, lang);
  if (raw.map && raw.map.length > 0) read.map = parseMap(raw.map, fieldNames, lang);
  if (raw.churnDate !== undefined) read.fill = { churn_date: parseDateFlag('--churn-date', raw.churnDate, lang) };
  const maxRejectRate = raw.maxRejectRate === undefined ? undefined : parseRate('--max-reject-rate', raw.maxRejectRate, lang);
  return { read, maxRejectRate };
}

function parseDelimiter(text: string, lang: Lang): string {
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', semicolon: ';', comma: ',', pipe: '|' };
  const d = named[text.toLowerCase()] ?? text;
  if (d.length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw new UsageError(messages(lang).flags.delimiter(text), messages(lang).flags.delimiterHint);
  }
  return d;
}

function parseDateOrder(text: string, lang: Lang): DateOrder {
  const t = text.trim().toLowerCase().replace(/[^a-z]/g, '');
  if (t === 'dmy' || t === 'ddmmyyyy' || t === 'ddmmyy' || t === 'de') return 'dmy';
  if (t === 'mdy' || t === 'mmddyyyy' || t === 'mmddyy' || t === 'us') return 'mdy';
  if (t === 'ymd' || t === 'yyyymmdd' || t === 'iso') return 'ymd';
  throw new UsageError(messages(lang).flags.dateFormat(text), messages(lang).flags.dateFormatHint);
}

/** Parses --map field=Header pairs; a field must be one of `fieldNames`. */
export function parseMap(pairs: string[], fieldNames: string[], lang: Lang = 'en'): Record<string, string> {
  const map: Record<string, string> = {};
  const say = messages(lang).flags;
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const field = eq > 0 ? pair.slice(0, eq).trim() : '';
    const header = eq > 0 ? pair.slice(eq + 1).trim() : '';
    if (!field || !header) throw new UsageError(say.mapShape(pair), say.mapShapeHint);
    if (!fieldNames.includes(field)) {
      throw new UsageError(say.mapField(pair, field), say.mapFieldHint(fieldNames.join(', ')));
    }
    map[field] = header;
  }
  return map;
}

/** Parses a YYYY-MM-DD flag value. */
export function parseDateFlag(flag: string, text: string, lang: Lang = 'en'): EpochDay {
  const day = parseIsoDay(text);
  if (day === undefined) throw new UsageError(messages(lang).flags.notDate(flag, text), messages(lang).flags.notDateHint(flag));
  return day;
}

/** Parses a share given as 0.05 or 5%. */
export function parseRate(flag: string, text: string, lang: Lang = 'en'): number {
  const t = text.trim();
  const value = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new UsageError(messages(lang).flags.notShare(flag, text));
  return value;
}

/** The as-of date: the flag, else WINBACK_AS_OF, else today's date from the context clock. */
export function resolveAsOf(flag: string | undefined, env: Record<string, string | undefined>, now: () => Date, lang: Lang = 'en'): EpochDay {
  if (flag !== undefined) return parseDateFlag('--as-of', flag, lang);
  if (env.WINBACK_AS_OF) return parseDateFlag('WINBACK_AS_OF', env.WINBACK_AS_OF, lang);
  const d = now();
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
}
