/**
 * calibrate end to end on a history whose channels were drawn at random and whose returners'
 * second lifetimes are known: it learns the channels' response and the second lifetime's length
 * and margin from the history CSV, and a model carrying them changes the plan's values.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedSecondLife } from '../../src/domain/calibrate/lifetime.js';
import { DAYS_PER_MONTH, formatIsoDay, parseIsoDay } from '../../src/domain/dates.js';
import { DEFAULT_MODEL_CONFIG as CONFIG } from '../../src/domain/defaults.js';
import type { Playbook } from '../../src/domain/playbook-types.js';
import { mulberry32 } from '../../src/domain/random.js';
import { firstLifetime, reacquisitionProbability } from '../../src/domain/value/value.js';
import { loadPlaybook } from '../../src/io/playbook-file.js';
import { readCsv, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const TRUE_CHANNEL = { letter: 1, phone: 4, email: 0.2 } as const;
const LENGTH_SCALE = 0.4;
const MARGIN_SCALE = 0.7;
const AS_OF = parseIsoDay('2025-06-30') as number;

/** Price quitters contacted on a channel drawn at random, with the playbook's rate and weights but the truth's channel factors and second lifetime. */
function historyCsv(playbook: Playbook, seed: number, n: number): string {
  const random = mulberry32(seed);
  const entry = playbook.reasons.find((r) => r.code === 'price')!;
  const offer = playbook.offers.find((o) => o.id === 'discount')!;
  const channels = Object.keys(TRUE_CHANNEL) as (keyof typeof TRUE_CHANNEL)[];
  const lines = ['customer_id,customer_since,churn_date,contact_date,orders,complaints,revenue,margin,reason_code,offer_type,channel,channel_randomised,won_back,second_lifetime_months,second_lifetime_margin,cancelled_again'];
  for (let i = 0; i < n; i++) {
    const churn = AS_OF - 500 + Math.floor(random() * 200);
    const since = churn - Math.round((6 + random() * 90) * DAYS_PER_MONTH);
    const contact = churn + 30 + Math.floor(random() * 60);
    const channel = channels[i % channels.length]!;
    const row = { line: i + 2, customer_id: `L${i}`, customer_since: since, churn_date: churn, orders: 5 + (i % 20), complaints: i % 3, revenue: 3000 + 200 * (i % 50), margin: { kind: 'percent' as const, value: 30 }, warnings: [] };
    const life = firstLifetime(row, contact, CONFIG);
    const p = reacquisitionProbability(entry.baseRate, life, CONFIG.coefficients, offer.reacquisitionOddsFactor * TRUE_CHANNEL[channel]);
    const won = random() < p;
    let tail = ',,';
    if (won) {
      const returned = contact + Math.floor(random() * 40);
      const followUp = (AS_OF - returned) / DAYS_PER_MONTH;
      const expected = expectedSecondLife(row, contact, entry, offer, 1, CONFIG)!;
      const length = -Math.log(1 - random()) * LENGTH_SCALE * expected.expectedMonths;
      const months = Math.min(length, followUp);
      const margin = MARGIN_SCALE * expectedSecondLife(row, contact, entry, offer, months, CONFIG)!.expectedMargin;
      tail = `${months.toFixed(4)},${margin.toFixed(2)},${length <= followUp ? formatIsoDay(Math.round(returned + length * DAYS_PER_MONTH)) : ''}`;
    }
    lines.push([row.customer_id, formatIsoDay(since), formatIsoDay(churn), formatIsoDay(contact), row.orders, row.complaints, row.revenue, '30%', 'price', 'discount', channel, 'yes', won ? 'yes' : 'no', tail].join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('calibrate learns the channels and the second lifetime from a history CSV', () => {
  const dir = tempDir();
  const history = join(dir, 'history.csv');
  let report: {
    written: boolean;
    learned: { channelEffects: Record<string, { factor: number; cases: number }>; secondLifetime: { lengthScale: number; marginScale: number; returns: number; events: number } };
    comparison: { lifetime: { length: { accepted: boolean }; margin: { accepted: boolean } } };
  };
  let stdout = '';
  beforeAll(async () => {
    writeFileSync(history, historyCsv((await loadPlaybook()).playbook, 3, 6000));
    const r = await runCli(['calibrate', history, '--model-out', join(dir, 'model.json'), '--as-of', formatIsoDay(AS_OF), '--json']);
    // no control customer and no randomised offer: nothing can be shown to decide better in money
    expect(r.code).toBe(65);
    report = JSON.parse(r.stdout);
    stdout = (await runCli(['calibrate', history, '--model-out', join(dir, 'model.json'), '--as-of', formatIsoDay(AS_OF)])).stdout;
  }, 60_000);

  it('the channel effects, from the channel-randomised rows, towards the truth (phone 4 where the playbook says 1.5, e-mail 0.2 where it says 0.7)', () => {
    const c = report.learned.channelEffects;
    // Relative to the letter: the reason's rate is fitted on the same contacts, so the level is shared between the two.
    const what = JSON.stringify(c);
    expect(c.phone!.factor / c.letter!.factor, what).toBeGreaterThan(3);
    expect(c.email!.factor / c.letter!.factor, what).toBeLessThan(0.35);
    expect(c.letter!.factor, what).toBeGreaterThan(0.6);
    expect(c.letter!.factor, what).toBeLessThan(1.3);
    expect(c.phone!.cases).toBeGreaterThan(1200);
    expect(stdout).toMatch(/channel effects from randomised channels \(odds factor, playbook → learned\): email 0\.70 → 0\.\d\d \(\d[\d,]*\), letter/);
  });

  it('the second lifetime: shorter and leaner, as the returns and second churns show, and kept by its held-out check', () => {
    const s = report.learned.secondLifetime;
    expect(s.returns).toBeGreaterThan(300);
    expect(s.events).toBeGreaterThan(20);
    expect(s.lengthScale).toBeGreaterThan(0.25);
    expect(s.lengthScale).toBeLessThan(0.6);
    expect(s.marginScale).toBeGreaterThan(0.65);
    expect(s.marginScale).toBeLessThan(0.75);
    expect(report.comparison.lifetime.length.accepted).toBe(true);
    expect(report.comparison.lifetime.margin.accepted).toBe(true);
    expect(report.written).toBe(false);
    expect(stdout).toMatch(/second lifetime from [\d,]+ returners \([\d,]+ left again\): length × 0\.\d\d \(kept\), margin × 0\.\d\d \(kept\)/);
  });

  it('a model carrying them values second lifetimes lower in plan.csv and uses the learned channel factors in --explain', async () => {
    const model = join(dir, 'learned.json');
    const learned = JSON.parse(JSON.stringify(report.learned));
    writeFileSync(model, JSON.stringify({ ...learned, baseRates: {}, coefficients: CONFIG.coefficients, organicRates: undefined, offerEffects: undefined }));
    const args = ['fixtures/lost-customers-en.csv', '--as-of', '2026-11-23', '-q'];
    expect((await runCli(['plan', ...args, '--out', join(dir, 'plain')])).code).toBe(0);
    const fitted = await runCli(['plan', ...args, '--out', join(dir, 'fitted'), '--model', model]);
    expect(fitted.code, fitted.stderr).toBe(0);
    const before = new Map(readCsv(join(dir, 'plain', 'plan.csv')).map((r) => [r.customer_id, r]));
    const after = readCsv(join(dir, 'fitted', 'plan.csv')).filter((r) => r.value_at_stake !== '' && r.track !== 'retention' && r.value_basis !== 'purchase_model' && r.decision !== 'never');
    // (A final reason's stake is what was lost, not a second lifetime: the learned one does not apply.)
    expect(after.length).toBeGreaterThan(20);
    for (const r of after.filter((x) => Number(before.get(x.customer_id)!.value_at_stake) > 0)) expect(Number(r.value_at_stake), r.customer_id).toBeLessThan(Number(before.get(r.customer_id)!.value_at_stake));
    const phoneRow = readCsv(join(dir, 'fitted', 'plan.csv')).find((r) => r.channel === 'phone' && r.decision === 'win_back');
    expect(phoneRow).toBeDefined();
    const explain = await runCli(['plan', ...args, '--explain', phoneRow!.customer_id!, '--model', model]);
    expect(explain.stdout).toContain(`× ${Number(report.learned.channelEffects.phone!.factor.toFixed(4))}))`);
    expect(readFileSync(model, 'utf8')).toContain('secondLifetime');
  });
});
