/**
 * plan --model with what calibrate learned from control groups and randomised offers: the
 * model's organic rate and offer factors replace the playbook's, in plan.csv and --explain alike.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateModel, type HistoryRow } from '../../src/domain/calibrate/calibrate.js';
import { DEFAULT_MODEL_CONFIG } from '../../src/domain/defaults.js';
import { loadPlaybook } from '../../src/io/playbook-file.js';
import { readCsv, runCli, tempDir } from '../support/cli.js';

const FIXTURE = 'fixtures/lost-customers-en.csv';
const AS_OF = ['--as-of', '2026-11-23'];

describe('plan --model with learned organic rates and offer effects', () => {
  it('uses the control group’s organic rate and the randomised offers’ factors, and --explain shows the same figures', async () => {
    const { playbook } = await loadPlaybook();
    // price quitters: more come back unasked than the playbook says (control group), and the renewal works far better than the playbook says
    const rows: HistoryRow[] = Array.from({ length: 1200 }, (_, i) => {
      const control = i % 4 === 0;
      const offerId = ['discount', 'bundle', 'upgrade', 'renewal'][i % 3 === 0 ? 3 : i % 3] as string;
      const won = control ? i % 40 === 0 : offerId === 'renewal' ? i % 2 === 0 : i % 10 === 0;
      const offer = playbook.offers.find((o) => o.id === offerId)!;
      return { customer_id: `H${i}`, reasonCode: 'price', behaviour: {}, wonBack: won, ...(control ? { control: true } : { offerId, offerOddsFactor: offer.reacquisitionOddsFactor, randomised: true }) };
    });
    const model = calibrateModel(rows, playbook, DEFAULT_MODEL_CONFIG);
    expect(model.organicRates?.price?.rate).toBeGreaterThan(0.05);
    expect(model.offerEffects?.price?.renewal?.factor).toBeGreaterThan(3);
    const dir = tempDir();
    const modelPath = join(dir, 'model.json');
    writeFileSync(modelPath, JSON.stringify(model));
    const plain = await runCli(['plan', FIXTURE, '--out', join(dir, 'plain'), ...AS_OF, '--quiet']);
    const learned = await runCli(['plan', FIXTURE, '--out', join(dir, 'learned'), ...AS_OF, '--model', modelPath, '--quiet']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(learned.code, learned.stderr).toBe(0);
    const price = (name: string) => readCsv(join(dir, name, 'plan.csv')).filter((r) => r.reason_code === 'price' && r.p_organic !== '');
    const before = new Map(price('plain').map((r) => [r.customer_id, r]));
    const after = price('learned');
    expect(after.length).toBeGreaterThan(3);
    for (const r of after) expect(Number(r.p_organic), r.customer_id).toBeGreaterThan(Number(before.get(r.customer_id)!.p_organic));
    // the renewal, learned to win back far more, is the price quitters' offer wherever they are contacted
    const contacted = after.filter((r) => r.decision === 'win_back');
    expect(contacted.length).toBeGreaterThan(0);
    expect(contacted.map((r) => r.offer_type)).toEqual(contacted.map(() => 'renewal'));
    const row = contacted[0]!;
    const explained = await runCli(['plan', FIXTURE, ...AS_OF, '--model', modelPath, '--explain', row.customer_id as string, '--json']);
    const doc = JSON.parse(explained.stdout);
    expect(doc.p_organic.toFixed(4)).toBe(row.p_organic);
    expect(doc.p_winback.toFixed(4)).toBe(row.p_winback);
    expect(doc.expected_value.toFixed(2)).toBe(row.expected_value);
    const text = await runCli(['plan', FIXTURE, ...AS_OF, '--model', modelPath, '--explain', row.customer_id as string]);
    expect(text.stdout).toContain('organic rate: model price (control group)');
    expect(text.stdout).toContain(`ln(${model.offerEffects!.price!.renewal!.factor.toFixed(4)}`);
  });
});
