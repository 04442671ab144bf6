/**
 * Retention for the living, on CDNOW through the CLI: clv hands the lost and the core defectors
 * to plan; the core defectors the model finds alive are planned on the retention track with the
 * playbook's retention measures, the lost on the win-back track; campaign lists them apart.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlaybookSource } from '../../src/io/playbook-file.js';
import { validatePlaybook } from '../../src/domain/playbook.js';
import type { Playbook } from '../../src/domain/playbook-types.js';
import { cdnowDir, cdnowPresent } from '../domain/clv/support.js';
import { readCsv, runCli, tempDir } from '../support/cli.js';

const present = cdnowPresent();
const AS_OF = '1997-10-01';

describe.runIf(present)('retention for core defectors on CDNOW (clv → plan → campaign)', () => {
  const dir = tempDir('winback-retention-');
  let handedOver: Record<string, string>[];
  let plan: Record<string, string>[];
  let playbook: Playbook;
  let joined: string;

  beforeAll(async () => {
    playbook = validatePlaybook((await readPlaybookSource()).data).playbook as Playbook;
    const lost = path.join(dir, 'handover.csv');
    const clv = await runCli(['clv', path.join(cdnowDir, 'CDNOW_sample.txt'), '--delimiter', 'whitespace', '--input-columns', 'master_id,customer_id,date,cds,amount',
      '--calibration-end', '1997-09-30', '--out', path.join(dir, 'clv'), '--lost-out', lost, '-q']);
    expect(clv.code, clv.stderr).toBe(0);
    handedOver = readCsv(lost);
    // The CRM's contact data joined on: e-mail consent for all, phone consent for every other customer.
    const [head, ...lines] = readFileSync(lost, 'utf8').trimEnd().split('\n');
    joined = path.join(dir, 'joined.csv');
    writeFileSync(joined, [`${head},street,postal_code,city,country,email,consent_email,phone,consent_phone`,
      ...lines.map((l, i) => `${l},Main Street ${i + 1},10115,Berlin,DE,c${i}@example.com,yes,+4930123${String(i).padStart(4, '0')},${i % 2 ? 'yes' : 'no'}`)].join('\n') + '\n');
    const r = await runCli(['plan', joined, '--out', path.join(dir, 'plan'), '--as-of', AS_OF, '-q']);
    expect(r.code, r.stderr).toBe(0);
    plan = readCsv(path.join(dir, 'plan', 'plan.csv'));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('core defectors go to the retention track, the lost to win-back, each customer once', () => {
    const defectors = handedOver.filter((h) => h.phase === 'core_defector');
    expect(defectors.length).toBeGreaterThan(20);
    expect(plan).toHaveLength(handedOver.length);
    expect(new Set(plan.map((p) => p.customer_id)).size).toBe(plan.length);
    for (const p of plan) expect(p.track).toBe(p.phase === 'core_defector' ? 'retention' : 'win_back');
    const measures = new Map(playbook.retention!.measures.map((m) => [m.id, m]));
    for (const p of plan.filter((x) => x.track === 'retention')) {
      // Alive per the model: at or above the lost threshold clv used.
      expect(Number(p.p_alive)).toBeGreaterThanOrEqual(Number(p.lost_threshold));
      if (p.decision !== 'win_back') continue;
      const m = measures.get(p.offer_type as string)!;
      expect(m, p.offer_type).toBeDefined();
      // The retention measure's own texts and timing, never the win-back interview.
      expect(p).toMatchObject({ measure: m.measure.en, message_angle: m.angle.en, contact_from: AS_OF });
      expect(p.timing_rule).toMatch(/^retention: from the as-of date/);
      expect(p.decision_reason).toMatch(/^retention: expected value €\d+(?:\.\d\d)? > threshold €0(?:\.00)? \(alive but drifting, P\(alive\) 0\.\d\d\)$/);
    }
    for (const p of plan.filter((x) => x.track === 'win_back')) expect(p.measure).toBe(playbook.reasons.find((r) => r.code === 'unknown')!.measure.en);
  });

  it('values each retention contact as what keeping the customer adds over the drift, to the cent, never worth ≤ 0', () => {
    const retained = plan.filter((p) => p.track === 'retention' && p.decision === 'win_back');
    expect(retained.length).toBeGreaterThan(20);
    const measures = new Map(playbook.retention!.measures.map((m) => [m.id, m]));
    for (const p of retained) {
      const m = measures.get(p.offer_type as string)!;
      const channel = p.channel as keyof typeof playbook.channelCosts;
      const pAlive = Number(p.p_alive);
      // V: discounted purchases × spend × default margin 25 %, from clv's own hand-over.
      const V = Number(p.discounted_purchases_horizon) * Number(p.expected_spend) * 0.25;
      const odds = m.keepRate * (playbook.channelResponse?.[channel] ?? 1);
      const q = odds / (1 - m.keepRate + odds);
      const kept = pAlive + (1 - pAlive) * q;
      const ev = kept * (V * (1 - m.marginReduction) - m.incentiveCost) - pAlive * V - playbook.channelCosts[channel];
      expect(Math.abs(Number(p.expected_value) - ev)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(Number(p.value_at_stake) - (1 - pAlive) * V)).toBeLessThanOrEqual(0.01);
      expect(Number(p.expected_value)).toBeGreaterThan(0);
    }
  });

  it('summary.json counts the tracks apart', () => {
    const summary = JSON.parse(readFileSync(path.join(dir, 'plan', 'summary.json'), 'utf8'));
    const count = (track: string, approached = false) => plan.filter((p) => p.track === track && (!approached || p.decision === 'win_back')).length;
    expect(summary.tracks.retention).toMatchObject({ customers: count('retention'), approached: count('retention', true) });
    expect(summary.tracks.win_back).toMatchObject({ customers: count('win_back'), approached: count('win_back', true) });
    expect(summary.reasons.retention.count).toBe(count('retention'));
    expect(summary.reasons.unknown.count).toBe(count('win_back'));
  });

  it('campaign writes retention contacts to their own lists beside the win-back lists, one ledger, never both', async () => {
    const out = path.join(dir, 'campaign');
    const ledger = path.join(dir, 'ledger.csv');
    const r = await runCli(['campaign', joined, '--out', out, '--as-of', AS_OF, '--ledger', ledger]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/; retention: visit 0, phone \d+, letter \d+, email \d+;/);
    const lists = (prefix: string): Record<string, string>[] => ['visit', 'phone', 'letter', 'email'].flatMap((c) => readCsv(path.join(out, `${prefix}-${c}.csv`)).map((row) => ({ ...row, channel: c })));
    const winBack = lists('campaign');
    const retention = lists('retention');
    const ids = (rows: Record<string, string>[]) => rows.map((x) => x.customer_id).sort();
    expect(ids(retention)).toEqual(ids(plan.filter((p) => p.track === 'retention' && p.decision === 'win_back')));
    expect(ids(winBack)).toEqual(ids(plan.filter((p) => p.track === 'win_back' && p.decision === 'win_back')));
    const retainedIds = new Set(ids(retention));
    expect(winBack.some((w) => retainedIds.has(w.customer_id as string))).toBe(false);
    // Permission holds on the retention lists too: the phone list only holds customers with phone consent.
    const consent = new Map(readCsv(joined).map((row) => [row.customer_id, row.consent_phone]));
    for (const p of retention.filter((x) => x.channel === 'phone')) expect(consent.get(p.customer_id)).toBe('yes');
    const entries = readCsv(ledger);
    expect(entries).toHaveLength(winBack.length + retention.length);
    for (const e of entries) expect(e.measure!.startsWith('retention:')).toBe(retainedIds.has(e.customer_id as string));
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.counts.listed).toBe(winBack.length + retention.length);
    expect(Object.values(summary.counts.retention_lists as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(retention.length);
    // The report on the campaign's lists counts the retention contacts apart, as on the plan.
    const fromLists = await runCli(['report', out, '--as-of', AS_OF, '--json']);
    expect(fromLists.code, fromLists.stderr).toBe(0);
    const listed = JSON.parse(fromLists.stdout).reasons as { code: string; count: number }[];
    expect(listed.find((x) => x.code === 'retention')?.count).toBe(retention.length);
    const fromPlan = await runCli(['report', path.join(dir, 'plan'), '--as-of', AS_OF, '--json']);
    expect((JSON.parse(fromPlan.stdout).reasons as { code: string; count: number }[]).find((x) => x.code === 'retention')?.count).toBe(plan.filter((p) => p.track === 'retention').length);
    // A week later: the ledger paces both tracks alike, nobody contacted last week is listed again.
    const next = path.join(dir, 'campaign2');
    const again = await runCli(['campaign', joined, '--out', next, '--as-of', '1997-10-08', '--ledger', ledger, '-q']);
    expect(again.code, again.stderr).toBe(0);
    const second = JSON.parse(readFileSync(path.join(next, 'summary.json'), 'utf8'));
    expect(second.counts.listed).toBe(0);
    const reasons = new Map(readCsv(path.join(next, 'excluded.csv')).map((e) => [e.customer_id, e.reason]));
    for (const id of retainedIds) expect(reasons.get(id)).toBe('too_soon');
  });

  it('speaks German with --lang de: the retention measure and rule in German', async () => {
    const out = path.join(dir, 'plan-de');
    const r = await runCli(['plan', joined, '--out', out, '--as-of', AS_OF, '--lang', 'de', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const rows = readCsv(path.join(out, 'plan.csv'));
    const kept = rows.find((p) => p.track === 'retention' && p.decision === 'win_back')!;
    const m = playbook.retention!.measures.find((x) => x.id === kept.offer_type)!;
    expect(kept.measure).toBe(m.measure.de);
    expect(kept.timing_rule).toMatch(/^Kundenbindung: ab Stichtag/);
    expect(kept.decision_reason).toMatch(/^Kundenbindung: erwarteter Wert/);
  });
});
