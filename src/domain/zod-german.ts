/**
 * zod's checks worded in German for --lang de: its own German locale, except for ranges, where
 * it names the value's type in English ("Zu groß: erwartet, dass number <=1 ist"). Pure.
 */
import { z } from 'zod';
import { messages } from './catalogue/index.js';

const LOCALE = z.locales.de().localeError;

/** A number of a range as the German reader writes it: 0,5. */
function german(n: unknown): string {
  return typeof n === 'number' || typeof n === 'bigint' ? String(n).replace('.', ',') : String(n);
}

/** The error map zod is given under --lang de. */
export const GERMAN_ISSUES: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'too_big' && (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')) {
    return messages('de').config.rangeTooBig(issue.inclusive === true, german(issue.maximum));
  }
  if (issue.code === 'too_small' && (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')) {
    return messages('de').config.rangeTooSmall(issue.inclusive === true, german(issue.minimum));
  }
  return LOCALE(issue);
};
