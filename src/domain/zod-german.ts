/**
 * zod's checks worded in German for --lang de: its own German locale, except for ranges, where
 * it names the value's type in English ("Zu groß: erwartet, dass number <=1 ist"), and types, where
 * it names the value's in English ("erwartet Zahl, erhalten string"). Pure.
 */
import { z } from 'zod';
import { messages } from './catalogue/index.js';

const LOCALE = z.locales.de().localeError;

/** A number of a range as the German reader writes it: 0,5. */
function german(n: unknown): string {
  return typeof n === 'number' || typeof n === 'bigint' ? String(n).replace('.', ',') : String(n);
}

/** The types zod names, in German. */
const TYPE_DE: Readonly<Record<string, string>> = {
  string: 'Text', number: 'Zahl', int: 'ganze Zahl', bigint: 'Zahl', boolean: 'Wahrheitswert (true oder false)', object: 'Objekt',
  array: 'Liste', date: 'Datum', null: 'null', undefined: 'kein Wert',
};

/** The type of a value as zod names it: arrays and null apart from objects. */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

/** The error map zod is given under --lang de. */
export const GERMAN_ISSUES: z.core.$ZodErrorMap = (issue) => {
  // A discriminator no option has: zod's German says only "Ungültige Eingabe", its English names the values.
  if (issue.code === 'invalid_union' && Array.isArray((issue as { options?: unknown }).options)) {
    return messages('de').config.invalidOption((issue as { options: unknown[] }).options.map((o) => `'${String(o)}'`).join(' | '));
  }
  if (issue.code === 'invalid_type') {
    const got = typeOf(issue.input);
    return messages('de').config.invalidType(TYPE_DE[issue.expected] ?? issue.expected, TYPE_DE[got] ?? got);
  }
  if (issue.code === 'too_big' && (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')) {
    return messages('de').config.rangeTooBig(issue.inclusive === true, german(issue.maximum));
  }
  if (issue.code === 'too_small' && (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')) {
    return messages('de').config.rangeTooSmall(issue.inclusive === true, german(issue.minimum));
  }
  return LOCALE(issue);
};
