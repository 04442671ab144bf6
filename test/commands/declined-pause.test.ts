/**
 * A customer who declined a win-back offer is left alone for campaign.declinedPauseMonths
 * (DOMAIN.md §6), through the CLI: the export's "Offer Declined On" column moves the contact
 * window of plan.csv past the pause, and campaign lists nobody still inside it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths, formatIsoDay, parseIsoDay } from '../../src/domain/dates.js';
import type { EpochDay } from '../../src/domain/types.js';
import { afterDeclinedPause } from '../../src/domain/timing.js';
import { readCsv, ROOT, runCli, tempDir } from '../support/cli.js';

const AS_OF = '2026-11-23';
const RECENT = '2026-08-23'; // three months before the as-of date: still inside the 12-month pause
const OLD = '2025-09-01'; // fifteen months before: the pause is over
const day = (iso: string): EpochDay => parseIsoDay(iso) as EpochDay;

describe('afterDeclinedPause', () => {
  const window = { contactFrom: day('2026-12-01'), contactUntil: day('2026-12-28'), wave: '2026-W49', rule: 'soon after churn' };

  it('opens the window when the pause ends, keeping its length and naming the decline', () => {
    const moved = afterDeclinedPause(window, day(RECENT), 12, 'en');
    expect(formatIsoDay(moved.contactFrom)).toBe('2027-08-23');
    expect(moved.contactUntil - moved.contactFrom).toBe(window.contactUntil - window.contactFrom);
    expect(moved.wave).toBe('2027-W34');
    expect(moved.rule).toBe('soon after churn; declined an offer on 2026-08-23: left alone for 12 months');
    expect(afterDeclinedPause(window, day(RECENT), 12, 'de').rule).toBe('soon after churn; hat am 23.08.2026 ein Angebot abgelehnt: 12 Monate in Ruhe gelassen');
  });

  it('leaves the window as it is without a decline, after the pause, or with a pause of 0', () => {
    expect(afterDeclinedPause(window, undefined, 12)).toBe(window);
    expect(afterDeclinedPause(window, day(OLD), 12)).toBe(window);
    expect(afterDeclinedPause(window, day(RECENT), 0)).toBe(window);
    // The pause ends on the day the window opens: nothing to move.
    expect(afterDeclinedPause(window, addMonths(window.contactFrom, -12), 12)).toBe(window);
  });
});

describe('a declined offer through plan and campaign', () => {
  const dir = tempDir('winback-declined-');
  let base: Map<string, Record<string, string>>;
  let paused: Map<string, Record<string, string>>;
  let declined: Map<string, string>;

  beforeAll(async () => {
    // The fixture's short records (a broken row or two) stay short, so they are rejected in both runs alike.
    const rows = parse(readFileSync(join(ROOT, 'fixtures/lost-customers-en.csv')), { columns: true, relax_column_count: true }) as Record<string, string>[];
    // Every other customer declined an offer three months ago, the rest fifteen months ago.
    declined = new Map(rows.map((r, i) => [r['Customer ID'] as string, i % 2 === 0 ? RECENT : OLD]));
    const withDecline = join(dir, 'declined.csv');
    const header = Object.keys(rows[0] as Record<string, string>);
    const cells = (r: Record<string, string>) => header.filter((h) => h in r).map((h) => r[h] as string);
    writeFileSync(withDecline, stringify([[...header, 'Offer Declined On'], ...rows.map((r) => [...cells(r), declined.get(r['Customer ID'] as string) as string])]));
    const a = await runCli(['plan', join(ROOT, 'fixtures/lost-customers-en.csv'), '--out', join(dir, 'base'), '--as-of', AS_OF, '-q']);
    const b = await runCli(['plan', withDecline, '--out', join(dir, 'paused'), '--as-of', AS_OF, '-q']);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const byId = (file: string) => new Map(readCsv(file).map((p) => [p.customer_id as string, p]));
    base = byId(join(dir, 'base', 'plan.csv'));
    paused = byId(join(dir, 'paused', 'plan.csv'));
  }, 120_000);

  it('moves the window of a recent decline past the pause, and leaves an old one alone', () => {
    const recent = [...paused.values()].filter((p) => declined.get(p.customer_id as string) === RECENT && p.contact_from);
    const old = [...paused.values()].filter((p) => declined.get(p.customer_id as string) === OLD);
    expect(recent.length).toBeGreaterThan(5);
    let moved = 0;
    for (const p of recent) {
      expect(p.contact_from! >= '2027-08-23', p.customer_id).toBe(true);
      const b = base.get(p.customer_id as string);
      // A window that opens after the pause anyway (a competitor's contract ending later) stays as it was.
      if (b?.contact_from && b.contact_from >= '2027-08-23') expect(p.contact_from).toBe(b.contact_from);
      else {
        expect(p.timing_rule, p.customer_id).toMatch(/; declined an offer on 2026-08-23: left alone for 12 months$/);
        moved++;
      }
    }
    expect(moved).toBeGreaterThan(5);
    expect(old.length).toBeGreaterThan(5);
    for (const p of old) {
      const b = base.get(p.customer_id as string);
      if (b === undefined) continue;
      expect([p.contact_from, p.timing_rule, p.decision], p.customer_id).toEqual([b.contact_from, b.timing_rule, b.decision]);
    }
  });

  it('lists nobody inside the pause: they wait as not due', async () => {
    const withDecline = join(dir, 'declined.csv');
    const out = join(dir, 'campaign');
    const r = await runCli(['campaign', withDecline, '--out', out, '--as-of', AS_OF, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const listed = ['visit', 'phone', 'letter', 'email'].flatMap((c) => readCsv(join(out, `campaign-${c}.csv`)).map((x) => x.customer_id as string));
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) expect(declined.get(id), id).toBe(OLD);
    const excluded = readCsv(join(out, 'excluded.csv'));
    const waiting = excluded.filter((e) => declined.get(e.customer_id as string) === RECENT && paused.get(e.customer_id as string)?.decision === 'win_back');
    expect(waiting.length).toBeGreaterThan(0);
    for (const e of waiting) expect(e.reason, e.customer_id).toBe('not_due');
  }, 120_000);

  it('lists nobody in the week the pause ends before its last day; the next run lists them', async () => {
    const file = join(dir, 'pause-ends.csv');
    writeFileSync(
      file,
      [
        'Customer ID,Name,Email,Phone,Country,Customer Since,Churn Date,Orders,Revenue,Margin %,Reason,Email Opt-In,Phone Opt-In,Offer Declined On',
        'D1,Dee 1,d1@example.com,+49 30 5550001,DE,2018-01-01,2025-09-01,50,20000,30,too expensive,yes,yes,2025-11-25',
        'D2,Dee 2,d2@example.com,+49 30 5550002,DE,2018-01-01,2025-09-01,50,20000,30,too expensive,yes,yes,',
      ].join('\n') + '\n',
    );
    const listed = async (asOf: string, lang = 'en') => {
      const out = join(dir, `ends-${asOf}-${lang}`);
      const r = await runCli(['campaign', file, '--out', out, '--as-of', asOf, '--period', '7d', '-q', '--lang', lang]);
      expect(r.code, r.stderr).toBe(0);
      return { ids: ['visit', 'phone', 'letter', 'email'].flatMap((c) => readCsv(join(out, `campaign-${c}.csv`)).map((x) => x.customer_id as string)).sort(), excluded: readCsv(join(out, 'excluded.csv')) };
    };
    // The pause ends on 2026-11-25, inside the week from 2026-11-23: the list is worked from its first day.
    const early = await listed('2026-11-23');
    expect(early.ids).toEqual(['D2']);
    expect(early.excluded.find((e) => e.customer_id === 'D1')).toMatchObject({ reason: 'not_due', detail: "the pause after a declined offer ends on 2026-11-25, after this run's day" });
    expect((await listed('2026-11-23', 'de')).excluded.find((e) => e.customer_id === 'D1')?.detail).toBe('die Pause nach einem abgelehnten Angebot endet am 25.11.2026, nach dem Tag dieses Laufs');
    expect((await listed('2026-11-25')).ids).toEqual(['D1', 'D2']);
  }, 60_000);

  it('keeps a decline dated after the as-of date with a warning naming the column, paused from that date', async () => {
    const rows = (parse(readFileSync(join(dir, 'declined.csv')), { columns: true, relax_column_count: true }) as Record<string, string>[]).slice(0, 40);
    const future = join(dir, 'future.csv');
    writeFileSync(future, stringify([Object.keys(rows[0] as Record<string, string>), ...rows.map((r) => Object.values({ ...r, 'Offer Declined On': '2027-01-15' }))]));
    const r = await runCli(['plan', future, '--out', join(dir, 'future'), '--as-of', AS_OF, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const planned = readCsv(join(dir, 'future', 'plan.csv'));
    const rejected = readCsv(join(dir, 'future', 'rejects.csv'));
    expect(planned.length + rejected.length).toBe(rows.length);
    expect(planned.length).toBeGreaterThan(30);
    for (const p of planned) {
      expect(p.warnings, p.customer_id).toContain("Offer Declined On '2027-01-15': is after the as-of date 2026-11-23");
      if (p.contact_from) expect(p.contact_from >= '2028-01-15', p.customer_id).toBe(true);
    }
  }, 120_000);
});

// A decline the export says only in words (src/domain/objections/declined.ts): a win-back is offered
// after the departure, so the text gives no day to pause from, not even the churn date; a person
// decides when to ask again (decision review, contacted by no list). A declined_date wins.
describe('a win-back declined in the text', () => {
  const dir = tempDir('winback-declined-text-');
  const HEADER = 'customer_id,name,email,consent_email,first_purchase_date,churn_date,revenue_total,reason,notes,declined_date\n';
  const ROWS = [
    `R1,Anna Berg,anna@example.de,true,2020-01-01,${RECENT},12000,"Preis zu hoch, Rückgewinnung abgelehnt",,`,
    // Churned fifteen months ago: a pause counted from the churn date would be over, the decline may be last week's.
    `R2,Ben Carl,ben@example.de,true,2020-01-01,${OLD},12000,"Preis zu hoch, Rückgewinnung abgelehnt",,`,
    `R3,Cem Dorn,cem@example.de,true,2020-01-01,${RECENT},12000,Preis zu hoch,Kd. lehnt das Rückholangebot ab,`,
    `R4,Dana Eck,dana@example.de,true,2020-01-01,${RECENT},12000,Preis zu hoch,Kd. lehnt das Rückholangebot ab,${RECENT}`,
    `R5,Eva Falk,eva@example.de,true,2020-01-01,${RECENT},12000,Preis zu hoch,,`,
    // Decomposed umlaut (pasted from a Mac): the same text.
    `R6,Finn Gahl,finn@example.de,true,2020-01-01,${OLD},12000,Preis zu hoch,${'Rückgewinnung abgelehnt'.normalize('NFD')},`,
  ];
  const DECLINED = ['R1', 'R2', 'R3', 'R6'];
  const file = join(dir, 'declined-text.csv');
  let plan: Map<string, Record<string, string>>;

  const planned = async (name: string, extra: string[] = []) => {
    const r = await runCli(['plan', file, '--out', join(dir, name), '--as-of', AS_OF, '-q', ...extra]);
    expect(r.code, r.stderr).toBe(0);
    return new Map(readCsv(join(dir, name, 'plan.csv')).map((p) => [p.customer_id as string, p]));
  };

  beforeAll(async () => {
    writeFileSync(file, HEADER + ROWS.join('\n') + '\n');
    plan = await planned('plan');
  }, 60_000);

  it('leaves every undated decline, in the reason or the notes, to a person and says how to date it', () => {
    for (const id of DECLINED) {
      const p = plan.get(id) as Record<string, string>;
      expect([p.decision, p.channel, p.contact_from, p.expected_value], id).toEqual(['review', '', '', '']);
    }
    expect(plan.get('R1')?.decision_reason).toBe('win-back declined in the text ("rueckgewinnung abgelehnt") without a date: not contacted; give the day in a declined_date column (e.g. "Offer Declined On") to pause 12 months from it');
    expect(plan.get('R3')?.decision_reason).toMatch(/^win-back declined in the text \("lehnt das rueckholangebot"\) without a date/);
  });

  it('pauses from a declined_date where there is one, and plans who declined nothing as before', () => {
    const r4 = plan.get('R4') as Record<string, string>;
    expect([r4.decision, r4.contact_from]).toEqual(['win_back', '2027-08-23']);
    expect(r4.timing_rule).toMatch(/; declined an offer on 2026-08-23: left alone for 12 months$/);
    const r5 = plan.get('R5') as Record<string, string>;
    expect(r5.decision).toBe('win_back');
    expect(r5.contact_from).toMatch(/^2026-1[12]-\d\d$/);
  });

  it('keeps the decline under a budget or channel capacity, worded as a decline', async () => {
    for (const extra of [['--budget', '1000000'], ['--capacity', 'email=10']]) {
      const p = await planned(`plan-${extra[0]?.slice(2)}`, extra);
      for (const id of DECLINED) expect([p.get(id)?.decision, (p.get(id)?.decision_reason ?? '').startsWith('win-back declined in the text')], `${extra.join(' ')} ${id}`).toEqual(['review', true]);
    }
  }, 60_000);

  it('lists none of them in a campaign but the one who declined nothing', async () => {
    const out = join(dir, 'campaign');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', AS_OF, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const listed = ['visit', 'phone', 'letter', 'email'].flatMap((c) => readCsv(join(out, `campaign-${c}.csv`)).map((x) => x.customer_id as string));
    expect(listed).toEqual(['R5']);
    const reasons = new Map(readCsv(join(out, 'excluded.csv')).map((e) => [e.customer_id as string, e.reason as string]));
    expect(['R1', 'R2', 'R3', 'R4', 'R6'].map((id) => reasons.get(id))).toEqual(['review', 'review', 'review', 'not_due', 'review']);
  }, 60_000);

  it('pauses nobody and asks about nobody with a pause of 0 months', async () => {
    const config = join(dir, 'no-pause.yaml');
    writeFileSync(config, 'campaign:\n  declinedPauseMonths: 0\n');
    const p = await planned('plan-0', ['--config', config]);
    expect(p.size).toBe(ROWS.length);
    for (const [id, row] of p) {
      expect(row.decision, id).toBe('win_back');
      expect(row.timing_rule, id).not.toMatch(/declined|abgelehnt/);
    }
  }, 60_000);

  it('words it in German', async () => {
    const de = await planned('plan-de', ['--lang', 'de']);
    expect(de.get('R3')?.decision_reason).toBe('Rückgewinnung laut Text abgelehnt („lehnt das rueckholangebot“), ohne Datum: nicht kontaktieren; den Tag in einer Spalte „Angebot abgelehnt am“ angeben, dann 12 Monate Pause ab diesem Tag');
  }, 60_000);
});

describe('a decline dated in the text', () => {
  it('pauses from the day the text gives at the refusal; a date elsewhere still asks a person', async () => {
    const dir = tempDir('winback-declined-text-');
    const file = join(dir, 'export.csv');
    const row = (id: string, reason: string) => `${id},Ann Lee,${id.toLowerCase()}@example.com,yes,2018-01-10,2026-03-01,40,12000,35,"${reason}"`;
    writeFileSync(
      file,
      [
        'customer_id,name,email,consent_email,first_purchase_date,churn_date,orders,revenue_total,margin_pct,reason',
        row('D1', 'Preis zu hoch. WB-Angebot am 23.08.2026 abgelehnt'),
        row('D2', 'Kündigung zum 31.12.2025, Rückholangebot abgelehnt'),
      ].join('\n') + '\n',
    );
    const run = await runCli(['plan', file, '--out', join(dir, 'out'), '--as-of', AS_OF, '-q']);
    expect(run.code, run.stderr).toBe(0);
    const plan = new Map(readCsv(join(dir, 'out', 'plan.csv')).map((r) => [r.customer_id as string, r]));
    const d1 = plan.get('D1') as Record<string, string>;
    expect(d1.decision).toBe('win_back');
    expect(d1.contact_from).toBe('2027-08-23');
    expect(d1.timing_rule).toContain('declined an offer on 2026-08-23: left alone for 12 months');
    const d2 = plan.get('D2') as Record<string, string>;
    expect(d2.decision).toBe('review');
    expect(d2.decision_reason).toMatch(/without a date/);
  });

  it('says why a day at the refusal was not taken: after as-of, or before the churn date (en and de)', async () => {
    const dir = tempDir('winback-declined-day-');
    const file = join(dir, 'export.csv');
    const row = (id: string, reason: string) => `${id},Ann Lee,${id.toLowerCase()}@example.com,yes,2018-01-10,2026-03-01,40,12000,35,"${reason}"`;
    writeFileSync(
      file,
      [
        'customer_id,name,email,consent_email,first_purchase_date,churn_date,orders,revenue_total,margin_pct,reason',
        row('F1', 'Preis zu hoch. WB-Angebot am 23.08.2027 abgelehnt'),
        row('F2', 'Declined our win-back offer on 2025-05-03'),
      ].join('\n') + '\n',
    );
    const planOf = async (lang: string) => {
      const out = join(dir, lang);
      const run = await runCli(['plan', file, '--out', out, '--as-of', AS_OF, '-q', '--lang', lang]);
      expect(run.code, run.stderr).toBe(0);
      return new Map(readCsv(join(out, 'plan.csv')).map((r) => [r.customer_id as string, r]));
    };
    const en = await planOf('en');
    expect([en.get('F1')?.decision, en.get('F2')?.decision]).toEqual(['review', 'review']);
    expect(en.get('F1')?.decision_reason).toMatch(/^win-back declined in the text \(".*"\) on 23\.08\.2027, a day after --as-of: that cannot be the day of the refusal, so not contacted/);
    expect(en.get('F2')?.decision_reason).toMatch(/on 2025-05-03, a day before the churn date: that cannot be the day of the refusal/);
    const de = await planOf('de');
    expect(de.get('F1')?.decision_reason).toMatch(/^Rückgewinnung laut Text am 23\.08\.2027 abgelehnt \(„.*“\), einem Tag nach dem Stichtag: Das kann nicht der Tag der Ablehnung sein, daher nicht kontaktieren/);
    expect(de.get('F2')?.decision_reason).toMatch(/einem Tag vor dem Kündigungsdatum/);
  });
});
