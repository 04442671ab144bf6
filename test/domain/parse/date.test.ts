import { describe, expect, it } from 'vitest';
import { formatIsoDay } from '../../../src/domain/dates.js';
import { dateOrderEvidence, parseDate } from '../../../src/domain/parse/date.js';

const iso = (raw: string, order: 'dmy' | 'mdy' | 'ymd' = 'dmy') => {
  const r = parseDate(raw, order);
  return r.ok ? formatIsoDay(r.value) : `error: ${r.message}`;
};

describe('parseDate', () => {
  it.each([
    ['2024-03-31', 'dmy', '2024-03-31'],
    ['2024-03-31T10:15:00', 'dmy', '2024-03-31'],
    ['2024-03-31 10:15:00', 'mdy', '2024-03-31'],
    ['2024-03-31T23:59:59.123Z', 'dmy', '2024-03-31'],
    ['20240331', 'dmy', '2024-03-31'],
    ['31.03.2024', 'mdy', '2024-03-31'],
    ['31.03.24', 'dmy', '2024-03-31'],
    ['1.3.2024', 'dmy', '2024-03-01'],
    ['3/31/2024', 'mdy', '2024-03-31'],
    ['31/03/2024', 'dmy', '2024-03-31'],
    ['03/04/2024', 'mdy', '2024-03-04'],
    ['03/04/2024', 'dmy', '2024-04-03'],
    ['29.02.2024', 'dmy', '2024-02-29'],
    ['01.01.99', 'dmy', '1999-01-01'],
  ] as const)('%s (%s) → %s', (raw, order, expected) => {
    expect(iso(raw, order)).toBe(expected);
  });

  it.each(['31.02.2024', '29.02.2023', '2024-13-01', '32.01.2024', '3/31/2024 as dmy'])('rejects the impossible date %s', (raw) => {
    const text = raw.replace(' as dmy', '');
    expect(parseDate(text, 'dmy').ok).toBe(false);
  });

  it('names the expected form in the message', () => {
    const r = parseDate('31.02.2024', 'dmy');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/not a valid calendar date.*DD\.MM\.YYYY/);
    const s = parseDate('gestern', 'dmy');
    if (!s.ok) expect(s.message).toMatch(/2024-03-31/);
  });

  it('decides day/month order only from unambiguous values', () => {
    expect(dateOrderEvidence('31/03/2024')).toBe('dmy');
    expect(dateOrderEvidence('3/31/2024')).toBe('mdy');
    expect(dateOrderEvidence('03/04/2024')).toBeUndefined();
    expect(dateOrderEvidence('2024-03-31')).toBeUndefined();
  });
});
