/**
 * The day of a win-back declined in a text, when the text gives it at the refusal
 * (src/domain/objections/declined-day.ts): it pauses the win-back as a declined_date column does.
 */
import { describe, expect, it } from 'vitest';
import { formatIsoDay, parseIsoDay } from '../../src/domain/dates.js';
import { declinedDayIn, declinedDayNotTaken, withDeclinedDay } from '../../src/domain/objections/declined-day.js';
import type { CustomerRow, EpochDay } from '../../src/domain/types.js';

const AS_OF = parseIsoDay('2026-11-23') as EpochDay;
const day = (text: string): string | undefined => {
  const d = declinedDayIn(text, AS_OF);
  return d === undefined ? undefined : formatIsoDay(d);
};

describe('declinedDayIn', () => {
  it.each([
    ['Preis zu hoch. WB-Angebot am 3.5.2026 abgelehnt', '2026-05-03'],
    ['Rückholangebot abgelehnt am 03.05.2026', '2026-05-03'],
    ['Rückgewinnungsangebot am 12. 10. 2026 telefonisch abgelehnt', '2026-10-12'],
    ['Declined our win-back offer on 2026-05-03', '2026-05-03'],
    ['Win-back offer: on 2026-09-30 the customer declined', '2026-09-30'],
  ])('reads "%s" as declined on %s', (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  it.each([
    // A date elsewhere may be the cancellation's: counting from it would shorten the pause.
    'Kündigung zum 31.12.2025, Rückholangebot abgelehnt',
    'Churned 2026-03-01. Declined our win-back offer.',
    // Not on or before the as-of date, or no such day.
    'Rückholangebot abgelehnt am 31.12.2027',
    'Rückholangebot abgelehnt am 31.02.2026',
    // A two-digit year or a slashed date could be read two ways.
    'Rückholangebot abgelehnt am 3.5.26',
    'Declined our win-back offer on 05/03/2026',
    // A refusal of something else than a win-back.
    'Am 3.5.2026 Ratenzahlung abgelehnt',
    // The refusal with the date is a payment's or a loan's, not the win-back's.
    'Lastschrift am 3.1.2026 zurückgewiesen, Rückholangebot abgelehnt',
    'Kreditantrag am 03.01.2026 abgelehnt; Rückgewinnungsangebot ebenfalls abgelehnt',
    'Rückholangebot abgelehnt, Lastschrift am 3.1.2026 zurückgewiesen',
    'Preis zu hoch',
  ])('gives no day for "%s"', (text) => {
    expect(day(text)).toBeUndefined();
  });
});

it('gives no day before the churn date: a win-back comes after the departure', () => {
  expect(declinedDayIn('WB-Angebot am 3.5.2020 abgelehnt', AS_OF, parseIsoDay('2026-03-01'))).toBeUndefined();
  expect(formatIsoDay(declinedDayIn('WB-Angebot am 3.5.2026 abgelehnt', AS_OF, parseIsoDay('2026-03-01')) as EpochDay)).toBe('2026-05-03');
});

describe('declinedDayNotTaken', () => {
  const churn = parseIsoDay('2026-03-01') as EpochDay;

  it('names a day at the refusal that is after as-of, or before the churn date, as written', () => {
    expect(declinedDayNotTaken('Rückholangebot abgelehnt am 31.12.2027', AS_OF, churn)).toEqual({ written: '31.12.2027', afterAsOf: true });
    expect(declinedDayNotTaken('Declined our win-back offer on 2025-05-03', AS_OF, churn)).toEqual({ written: '2025-05-03', afterAsOf: false });
  });

  it('names none where a day can be the refusal’s, where no day stands at the refusal, or where the day is no date', () => {
    expect(declinedDayNotTaken('WB-Angebot am 3.5.2026 abgelehnt', AS_OF, churn)).toBeUndefined();
    expect(declinedDayNotTaken('Kündigung zum 31.12.2027, Rückholangebot abgelehnt', AS_OF, churn)).toBeUndefined();
    expect(declinedDayNotTaken('Rückholangebot abgelehnt am 31.02.2026', AS_OF, churn)).toBeUndefined();
    expect(declinedDayNotTaken(undefined, AS_OF, churn)).toBeUndefined();
  });
});

describe('withDeclinedDay', () => {
  const row = { customer_id: 'A', warnings: [], reason: 'Preis zu hoch', notes: 'WB-Angebot am 3.5.2026 abgelehnt' } as unknown as CustomerRow;

  it('sets declined_date from the notes when the reason has none', () => {
    expect(formatIsoDay(withDeclinedDay(row, AS_OF, 12).declined_date as EpochDay)).toBe('2026-05-03');
  });

  it('keeps a declined_date the export gives, and reads nothing without a pause to keep', () => {
    const given = { ...row, declined_date: parseIsoDay('2026-01-02') } as CustomerRow;
    expect(withDeclinedDay(given, AS_OF, 12)).toBe(given);
    expect(withDeclinedDay(row, AS_OF, 0)).toBe(row);
  });
});
