import type { Command } from 'commander';
import { Option } from 'commander';
import { LOST_CUSTOMER_FIELDS } from '../domain/read/fields.js';
import { dateOrderEvidence, isSlashedDate, parseDate, type DateOrder, type DateParse } from '../domain/parse/date.js';
import { messages, type Lang } from '../domain/catalogue/index.js';
import type { EpochDay } from '../domain/types.js';
import { CHANNELS, type Channel } from '../domain/playbook-types.js';
import { UsageError } from '../errors.js';
import type { ReadOptions } from '../io/csv/read.js';
import { normalizeEncodingName } from '../io/csv/decode.js';

/** Raw strings commander hands over for the shared reading flags. */
export interface RawReadFlags {
  encoding?: string;
  delimiter?: string;
  decimal?: string;
  dateFormat?: string;
  map?: string[];
  churnDate?: string;
  maxRejectRate?: string;
  sheet?: string;
}

/** Adds the flags every command that reads an export shares (their texts: the catalogue's help.shared). */
export function addReadFlags(cmd: Command): Command {
  return cmd
    .option('--encoding <name>')
    .option('--delimiter <char>')
    .addOption(new Option('--decimal <mark>').choices([',', '.']))
    .option('--date-format <order>')
    .option('--map <field=header>', '', collect, [])
    .option('--churn-date <date>')
    .option('--max-reject-rate <rate>')
    .option('--sheet <name>');
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
  if (raw.sheet !== undefined) read.sheet = raw.sheet;
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

/**
 * Parses a date flag in the forms exports use: 2026-11-23, 23.11.2026, 20261123, 11/23/2026
 * or 23/11/2026. A slashed date that reads both ways (3/4/2026) is refused rather than guessed.
 */
export function parseDateFlag(flag: string, text: string, lang: Lang = 'en'): EpochDay {
  const say = messages(lang).flags;
  const hint = say.notDateHint(flag);
  // The reader's words for a value that is not a date, in the run's language.
  const why = (p: Exclude<DateParse, { ok: true }>) => {
    if (lang === 'en') return p.message;
    if (p.code === 'bad_calendar') return messages(lang).read.texts.badCalendarDate(p.form);
    return p.code === 'empty' ? messages(lang).read.texts.empty : messages(lang).read.texts.notDate;
  };
  if (isSlashedDate(text)) {
    const order = dateOrderEvidence(text);
    const dmy = parseDate(text, 'dmy');
    const mdy = parseDate(text, 'mdy');
    if (order === undefined && dmy.ok && mdy.ok && dmy.value !== mdy.value) {
      throw new UsageError(say.ambiguousDate(flag, text), hint);
    }
    const parsed = order === 'mdy' ? mdy : dmy;
    if (parsed.ok) return parsed.value;
    throw new UsageError(`${flag} '${text}' ${why(parsed)}`, hint);
  }
  const parsed = parseDate(text, 'dmy');
  if (!parsed.ok) throw new UsageError(`${flag} '${text}' ${why(parsed)}`, hint);
  return parsed.value;
}

/** Parses a share given as 0.05 or 5%, with either decimal mark (0,05, 10,5%). */
export function parseRate(flag: string, text: string, lang: Lang = 'en'): number {
  const t = text.trim();
  const percent = t.endsWith('%');
  const body = (percent ? t.slice(0, -1) : t).trim();
  // Digits with at most one decimal mark; an empty text is no share (Number('') would be 0).
  const value = /^(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(body) ? Number(body.replace(',', '.')) / (percent ? 100 : 1) : NaN;
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new UsageError(messages(lang).flags.notShare(flag, text));
  return value;
}

/** Parses --capacity of plan and campaign: places per channel, e.g. "phone=200,visit=20"; a channel not named is unlimited. */
export function parseCapacity(text: string | undefined, lang: Lang = 'en'): Partial<Record<Channel, number>> {
  if (text === undefined) return {};
  const caps: Partial<Record<Channel, number>> = {};
  for (const part of text.split(',')) {
    const [ch, n] = part.split('=').map((s) => s.trim());
    if (!CHANNELS.includes(ch as Channel) || !/^\d+$/.test(n ?? '')) {
      throw new UsageError(messages(lang).flags.capacity(part), messages(lang).flags.capacityHint(CHANNELS.join(', ')));
    }
    caps[ch as Channel] = Number(n);
  }
  return caps;
}

/** The as-of date: the flag, else WINBACK_AS_OF, else today's date from the context clock. */
export function resolveAsOf(flag: string | undefined, env: Record<string, string | undefined>, now: () => Date, lang: Lang = 'en'): EpochDay {
  if (flag !== undefined) return parseDateFlag('--as-of', flag, lang);
  if (env.WINBACK_AS_OF) return parseDateFlag('WINBACK_AS_OF', env.WINBACK_AS_OF, lang);
  const d = now();
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
}

/** A flag that got a new name: `from` is the old spelling's key in the raw flags, `to` the new one's. */
export interface RenamedFlag<T> {
  from: keyof T & string;
  to: keyof T & string;
  /** the spellings on the command line, e.g. --period and --time-unit */
  old: string;
  now: string;
}

/**
 * Moves the value of a renamed flag's old spelling to the new one, with a notice on stderr:
 * old command lines keep working. Both spellings at once is a usage error.
 */
export function takeRenamedFlags<T extends object>(flags: T, renames: readonly RenamedFlag<T>[], stderr: { write(s: string): unknown }, lang: Lang = 'en'): T {
  const out = { ...flags } as Record<string, unknown>;
  for (const r of renames) {
    if (out[r.from] === undefined) continue;
    if (out[r.to] !== undefined) throw new UsageError(messages(lang).flags.renamedTwice(r.old, r.now), messages(lang).flags.renamedTwiceHint(r.old, r.now));
    stderr.write(`${messages(lang).flags.deprecatedFlag(r.old, r.now)}\n`);
    out[r.to] = out[r.from];
    delete out[r.from];
  }
  return out as T;
}
