/**
 * campaign --test-offers: a stable share of the listed customers gets an offer drawn at random
 * among their measure's offers, marked in the lists (offer_randomised) and the ledger measure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, runCli, tempDir } from '../support/cli.js';

const FIXTURE = 'fixtures/lost-customers-en.csv';
const AS_OF = ['--as-of', '2026-11-23'];

async function campaign(extra: string[]) {
  const dir = tempDir();
  const out = join(dir, 'week');
  const ledger = join(dir, 'ledger.csv');
  const r = await runCli(['campaign', FIXTURE, '--out', out, ...AS_OF, '--ledger', ledger, '--holdout', '10%', '--quiet', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  const lists = ['visit', 'phone', 'letter', 'email'].flatMap((c) => readCsv(join(out, `campaign-${c}.csv`)));
  return { out, lists, ledger: readCsv(ledger), summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) };
}

describe('winback campaign --test-offers', () => {
  it('draws a stable share of listed customers an offer among their reason’s offers, and marks it in the lists and the ledger', async () => {
    const { playbook } = JSON.parse((await runCli(['playbook', 'show', '--json'])).stdout) as { playbook: { reasons: { code: string; offers: string[] }[] } };
    const offersOf = new Map(playbook.reasons.map((r) => [r.code, r.offers]));
    const plain = await campaign([]);
    const tested = await campaign(['--test-offers', '50%']);
    // the same customers are listed on the same channels: only offers change
    expect(tested.lists.map((r) => r.customer_id).sort()).toEqual(plain.lists.map((r) => r.customer_id).sort());
    expect(plain.lists.every((r) => r.offer_randomised === '')).toBe(true);
    const randomised = tested.lists.filter((r) => r.offer_randomised === 'yes');
    expect(randomised.length / tested.lists.length).toBeGreaterThan(0.3);
    expect(randomised.length / tested.lists.length).toBeLessThan(0.7);
    expect(tested.summary.counts.randomised_offers).toBe(randomised.length);
    expect(tested.summary.test_offers_share).toBe(0.5);
    for (const r of randomised) expect(offersOf.get(r.reason_code as string), r.customer_id).toContain(r.offer_type);
    // some draws differ from the plan's choice, or nothing would be learned
    const planned = new Map(plain.lists.map((r) => [r.customer_id, r.offer_type]));
    expect(randomised.some((r) => planned.get(r.customer_id) !== r.offer_type)).toBe(true);
    // customers not drawn keep the plan's offer
    for (const r of tested.lists.filter((x) => x.offer_randomised !== 'yes')) expect(r.offer_type).toBe(planned.get(r.customer_id));
    // the ledger says which offer was drawn; control customers are never randomised
    const byId = new Map(tested.ledger.map((e) => [e.customer_id, e]));
    for (const r of tested.lists) {
      const measure = byId.get(r.customer_id)?.measure;
      expect(measure, r.customer_id).toBe(`${r.reason_code}:${r.offer_type}${r.offer_randomised === 'yes' ? ':randomised' : ''}`);
    }
    expect(tested.ledger.filter((e) => e.outcome === 'control').length).toBeGreaterThan(0);
    expect(tested.ledger.filter((e) => e.outcome === 'control').every((e) => !(e.measure as string).endsWith(':randomised'))).toBe(true);
    // stable: a second run draws the same
    const again = await campaign(['--test-offers', '50%']);
    expect(again.lists).toEqual(tested.lists);
  });

  it('takes the share from campaign.testOffers in the config, and 20 % for a bare flag', async () => {
    const dir = tempDir();
    const config = join(dir, 'config.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(config, 'campaign:\n  testOffers: 0.3\n');
    const fromConfig = await campaign(['--config', config]);
    expect(fromConfig.summary.test_offers_share).toBe(0.3);
    expect(fromConfig.summary.counts.randomised_offers).toBeGreaterThan(0);
    const bare = await campaign(['--test-offers']);
    expect(bare.summary.test_offers_share).toBe(0.2);
  });

  it('refuses a share outside 0–100 % as a usage error', async () => {
    const dir = tempDir();
    const r = await runCli(['campaign', FIXTURE, '--out', join(dir, 'w'), ...AS_OF, '--test-offers', '150%']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--test-offers');
  });
});
