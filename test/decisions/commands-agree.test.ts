/**
 * Issue 18: plan, campaign, worksheet and report agree customer by customer. The worksheet
 * (test/commands/worksheet.test.ts: the same plan.csv) and the report (test/commands/report.test.ts:
 * summary.json's figures) are checked where they are built; here plan.csv and the campaign lists
 * of the same day, over the shipped fixtures: everyone the lists contact is `win_back` in
 * plan.csv on the same channel with the same offer, and everyone else is excluded with the
 * plan's own decision or a reason of the campaign's (pacing, a shared address, no window).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, runCli, tempDir } from '../support/cli.js';

const AS_OF = ['--as-of', '2026-11-23'];
const CHANNELS = ['visit', 'phone', 'letter', 'email'] as const;
/** Why a campaign leaves out a customer the plan wins back: reasons of the run, not of the decision. */
const CAMPAIGN_REASONS = ['shared_contact', 'too_soon', 'max_attempts', 'over_capacity', 'not_due', 'control', 'serial_defector'];

describe.each([
  ['en', 'fixtures/lost-customers-en.csv', []],
  ['de', 'fixtures/lost-customers-de.csv', ['--lang', 'de']],
])('plan.csv and the campaign lists agree customer by customer (%s)', (_name, fixture, extra) => {
  it('lists only win_back customers, on the plan\'s channel with the plan\'s offer, and excludes everyone else for a stated reason', async () => {
    const planned = tempDir();
    const listed = tempDir();
    expect((await runCli(['plan', fixture, '--out', planned, ...AS_OF, ...extra, '--quiet'])).code).toBe(0);
    const r = await runCli(['campaign', fixture, '--out', listed, ...AS_OF, ...extra, '--period', '366d', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const plan = new Map(readCsv(join(planned, 'plan.csv')).map((row) => [String(row.customer_id), row]));
    const onList = new Map<string, { channel: string; offer: string }>();
    for (const channel of CHANNELS) {
      for (const row of readCsv(join(listed, `campaign-${channel}.csv`))) onList.set(String(row.customer_id), { channel, offer: String(row.offer_type) });
    }
    const excluded = new Map(readCsv(join(listed, 'excluded.csv')).map((row) => [String(row.customer_id), String(row.reason)]));
    expect(onList.size).toBeGreaterThan(10);
    expect(onList.size + excluded.size).toBe(plan.size);
    for (const [id, row] of plan) {
      const list = onList.get(id);
      if (list !== undefined) {
        expect([row.decision, row.channel, row.offer_type], id).toEqual(['win_back', list.channel, list.offer]);
        continue;
      }
      const why = excluded.get(id);
      expect(why, id).toBeDefined();
      // a customer the plan does not win back is excluded with the plan's decision; one it does, for the campaign's reason
      if (row.decision === 'win_back') expect(CAMPAIGN_REASONS, `${id}: ${why}`).toContain(why);
      else expect(why, id).toBe(row.decision);
    }
    // the lists' own count of what the plan decided
    const summary = JSON.parse(readFileSync(join(listed, 'summary.json'), 'utf8'));
    expect(summary.accepted).toBe(plan.size);
  });
});
