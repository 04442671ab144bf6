import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currencySymbolOf, validateConfig } from '../../src/domain/config.js';
import { runCli, tempDir } from '../support/cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('currency from the config', () => {
  it.each([
    ['EUR', '€'],
    ['USD', '$'],
    ['GBP', '£'],
    ['CHF', 'CHF\u00a0'],
  ])('%s money texts carry %j', (code, symbol) => {
    expect(currencySymbolOf(code)).toBe(symbol);
    expect(validateConfig({ currency: code }).config?.model.currencySymbol).toBe(symbol);
  });

  it('refuses a code that names no currency, and lets model.currencySymbol win', () => {
    expect(validateConfig({ currency: 'XYZ' }).errors).toEqual([{ path: 'currency', message: expect.stringContaining("'XYZ' is not an ISO 4217 currency code") }]);
    expect(validateConfig({ currency: 'EURO' }).errors[0]?.path).toBe('currency');
    expect(validateConfig({ currency: 'usd', model: { currencySymbol: 'US$' } }).config).toMatchObject({ currency: 'USD', model: { currencySymbol: 'US$' } });
    expect(validateConfig({}).config).toMatchObject({ currency: 'EUR', model: { currencySymbol: '€' } });
  });

  it('plans the US export in dollars with currency: USD', async () => {
    const dir = tempDir();
    dirs.push(dir);
    writeFileSync(join(dir, 'us.yaml'), 'currency: USD\n');
    const r = await runCli(['plan', 'fixtures/lost-customers-en.csv', '--out', join(dir, 'plan'), '--as-of', '2026-11-23', '--config', join(dir, 'us.yaml'), '--quiet']);
    expect(r.code).toBe(0);
    const plan = readFileSync(join(dir, 'plan', 'plan.csv'), 'utf8');
    expect(plan).toMatch(/expected value \$\d+/);
    expect(plan).not.toContain('€');
  });
});
