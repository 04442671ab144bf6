import { describe, expect, it } from 'vitest';
import { parseDateFlag, resolveAsOf } from '../../src/cli/options.js';
import { formatIsoDay } from '../../src/domain/dates.js';
import { UsageError } from '../../src/errors.js';
import { runCli, tempDir } from '../support/cli.js';

describe('date flags take the forms exports use', () => {
  it.each([
    ['2026-11-23', '2026-11-23'],
    ['23.11.2026', '2026-11-23'],
    ['23.11.26', '2026-11-23'],
    ['20261123', '2026-11-23'],
    ['11/23/2026', '2026-11-23'],
    ['23/11/2026', '2026-11-23'],
    ['4/4/2026', '2026-04-04'],
  ])('%s is %s', (text, iso) => {
    expect(formatIsoDay(parseDateFlag('--as-of', text))).toBe(iso);
  });

  it.each([
    ['3/4/2026', /can be read day first or month first/],
    ['31.02.2026', /is not a valid calendar date/],
    ['next monday', /is not a date/],
    ['', /is empty/],
  ])('refuses %j with a usage error', (text, message) => {
    expect(() => parseDateFlag('--as-of', text)).toThrow(UsageError);
    expect(() => parseDateFlag('--as-of', text)).toThrow(message);
  });

  it('reads WINBACK_AS_OF the same way', () => {
    expect(formatIsoDay(resolveAsOf(undefined, { WINBACK_AS_OF: '01.12.2026' }, () => new Date()))).toBe('2026-12-01');
  });

  it('plans with --as-of 23.11.2026 exactly as with 2026-11-23', async () => {
    const a = await runCli(['plan', 'fixtures/lost-customers-en.csv', '--explain', 'C-00128', '--as-of', '23.11.2026']);
    const b = await runCli(['plan', 'fixtures/lost-customers-en.csv', '--explain', 'C-00128', '--as-of', '2026-11-23']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const churn = await runCli(['reasons', 'fixtures/lost-customers-en.csv', '--churn-date', '31.03.2026', '--reasons-out', `${tempDir()}/r.csv`]);
    expect(churn.code).toBe(0);
  });
});

describe('a share flag (--holdout, --max-reject-rate)', () => {
  it('takes either decimal mark, with or without %, and refuses the rest', async () => {
    const { parseRate } = await import('../../src/cli/options.js');
    expect(['0.05', '0,05', '5%', '10,5%', '10.5 %', '1', '0', '.5', '100%'].map((t) => parseRate('--holdout', t))).toEqual([0.05, 0.05, 0.05, 0.105, 0.105, 1, 0, 0.5, 1]);
    for (const bad of ['', '%', 'abc', '1,2,3', '150%', '-5%', '1.000,5']) expect(() => parseRate('--holdout', bad), bad).toThrow(/must be a share between 0 and 1/);
    expect(() => parseRate('--holdout', '150%', 'de')).toThrow(/muss ein Anteil zwischen 0 und 1 sein/);
  });
});
