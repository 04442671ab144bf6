/**
 * The README's small fixtures support no model: calibrate without --allow-defaults writes none
 * and exits 65 (a second lifetime learned from about twenty returners used to pass its own check
 * and cut every customer's second-lifetime value by two thirds).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

describe('calibrate on the README fixtures', () => {
  it('writes no model without --allow-defaults, and the defaults with it', async () => {
    const dir = tempDir('winback-calibrate-small-');
    const ledger = join(dir, 'ledger.csv');
    const history = join(dir, 'history.csv');
    const model = join(dir, 'model.json');
    const campaign = await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', join(dir, 'week-48'), '--as-of', '2026-11-23', '--ledger', ledger, '--capacity', 'phone=20,visit=5', '--holdout', '10%', '-q']);
    expect(campaign.code, campaign.stderr).toBe(0);
    const results = await runCli(['results', '--ledger', ledger, '--outcomes', 'fixtures/outcomes-en.csv', '--as-of', '2027-03-01', '--history-out', history, '--export', 'fixtures/lost-customers-en.csv']);
    expect(results.code, results.stderr).toBe(0);
    const refused = await runCli(['calibrate', history, '--model-out', model, '--as-of', '2027-03-01']);
    expect(refused.code, refused.stdout + refused.stderr).toBe(65);
    expect(existsSync(model)).toBe(false);
    expect(refused.stdout).toMatch(/margin × [\d.]+ \(refused/);
    const defaults = await runCli(['calibrate', history, '--model-out', model, '--as-of', '2027-03-01', '--allow-defaults']);
    expect(defaults.code, defaults.stderr).toBe(0);
    expect(existsSync(model)).toBe(true);
  });
});
