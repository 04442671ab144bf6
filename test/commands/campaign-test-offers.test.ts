/**
 * campaign --test-offers: a stable share of the listed customers gets an offer drawn at random
 * among their measure's offers, marked in the lists (offer_randomised) and the ledger measure.
 */
import { readFileSync, writeFileSync } from 'node:fs';
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

describe('winback campaign --test-channels', () => {
  it('lists a stable share on a channel drawn among their permitted ones, within --capacity, marked in the ledger; results compares the drawn channels', async () => {
    const plain = await campaign([]);
    const tested = await campaign(['--test-channels', '100%', '--capacity', 'phone=1']);
    const planned = new Map(plain.lists.map((r) => [r.customer_id, r]));
    const ledger = new Map(tested.ledger.map((e) => [e.customer_id, e]));
    expect(tested.summary.test_channels_share).toBe(1);
    expect(plain.summary.test_channels_share).toBeUndefined();
    // every listed customer's channel was drawn; some differ from the plan's, the capacity holds for drawn channels too
    for (const list of ['visit', 'phone', 'letter', 'email']) {
      for (const r of readCsv(join(tested.out, `campaign-${list}.csv`))) {
        const e = ledger.get(r.customer_id)!;
        expect(e.channel, r.customer_id).toBe(list);
        expect(e.measure, r.customer_id).toMatch(/:random-channel$/);
      }
    }
    expect(readCsv(join(tested.out, 'campaign-phone.csv')).length).toBeLessThanOrEqual(1);
    expect(tested.summary.counts.randomised_channels).toBe(tested.lists.length);
    expect(tested.lists.some((r) => planned.get(r.customer_id) !== undefined && planned.get(r.customer_id)!.channel !== ledger.get(r.customer_id)!.channel)).toBe(true);
    // no list shows a contact point the customer did not permit: an e-mail list row always has an address, a phone row a number
    for (const r of readCsv(join(tested.out, 'campaign-email.csv'))) expect(r.email, r.customer_id).not.toBe('');
    // control customers are never drawn
    expect(tested.ledger.filter((e) => e.outcome === 'control').every((e) => !(e.measure as string).includes('random-channel'))).toBe(true);
    // stable: a second run draws the same
    expect((await campaign(['--test-channels', '100%', '--capacity', 'phone=1'])).lists).toEqual(tested.lists);

    // results: the drawn channels against the whole control group, and the mark in the history for calibrate
    const dir = join(tested.out, '..');
    const contacted = tested.ledger.filter((e) => e.outcome === 'contacted');
    const returns = contacted.slice(0, 6).map((e, i) => `${e.customer_id},2026-12-${String(1 + i).padStart(2, '0')},1000,300,`);
    writeFileSync(join(dir, 'returns.csv'), `Customer ID,Return Date,Revenue since return,Margin since return,Cancelled again\n${returns.join('\n')}\n`);
    const r = await runCli(['results', '--ledger', join(dir, 'ledger.csv'), '--outcomes', join(dir, 'returns.csv'), '--as-of', '2027-06-01', '--json',
      '--history-out', join(dir, 'history.csv'), '--export', FIXTURE]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const drawnChannels = [...new Set(contacted.map((e) => e.channel))].sort();
    expect(doc.channel_test.map((k: { channel: string }) => k.channel)).toEqual(drawnChannels);
    expect(doc.channel_test.reduce((n: number, k: { contacted: { customers: number } }) => n + k.contacted.customers, 0)).toBe(contacted.length);
    const history = readCsv(join(dir, 'history.csv'));
    expect(history.filter((h) => h.attempt_group === 'contacted').every((h) => h.channel_randomised === 'yes')).toBe(true);
    expect(history.filter((h) => h.attempt_group === 'control').every((h) => h.channel_randomised === 'no')).toBe(true);
  });
});
