/**
 * plan --capacity: places per channel, alone or with --budget. A customer whose best channel is
 * full takes their next-best permitted action on a channel with room, else is let go, over
 * capacity; plan.csv, summary.json, the run's line and --explain say so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const AS_OF = ['--as-of', '2026-11-23'];
const FILE = 'fixtures/lost-customers-en.csv';
type Row = Record<string, string> & { customer_id: string; decision: string; decision_reason: string; offer_reason: string; channel: string; expected_value: string; contact_from: string };

async function plan(extra: string[] = []) {
  const out = tempDir();
  const r = await runCli(['plan', FILE, '--out', out, ...AS_OF, ...extra]);
  const summary = r.code === 0 ? JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) : undefined;
  return { ...r, out, summary, rows: (r.code === 0 ? readCsv(join(out, 'plan.csv')) : []) as unknown as Row[] };
}

// The contacts a channel's places are for: a customer waiting for a fix (no window) is no contact yet.
const onChannel = (rows: Row[], channel: string) => rows.filter((r) => r.decision === 'win_back' && r.channel === channel && r.contact_from !== '').length;

let full: Awaited<ReturnType<typeof plan>>;
let caps: { phone: number; visit: number };
let capped: Awaited<ReturnType<typeof plan>>;
beforeAll(async () => {
  full = await plan();
  // half the places the unlimited plan would fill on phone and visit
  caps = { phone: Math.floor(onChannel(full.rows, 'phone') / 2), visit: Math.floor(onChannel(full.rows, 'visit') / 2) };
  capped = await plan(['--capacity', `phone=${caps.phone},visit=${caps.visit}`]);
});

describe('winback plan --capacity', () => {
  it('fills no channel over its places; the rest take a lesser action on a channel with room or are let go, over capacity', () => {
    expect(caps.phone).toBeGreaterThan(0);
    expect(capped.code, capped.stderr).toBe(0);
    expect(onChannel(capped.rows, 'phone')).toBeLessThanOrEqual(caps.phone);
    expect(onChannel(capped.rows, 'visit')).toBeLessThanOrEqual(caps.visit);
    const s = capped.summary.capacity;
    expect(s.caps).toEqual(caps);
    for (const c of ['visit', 'phone', 'letter', 'email']) expect(s.contacts[c], c).toBe(onChannel(capped.rows, c));
    const before = new Map(full.rows.map((r) => [r.customer_id, r]));
    const lesser = capped.rows.filter((r) => r.offer_reason.startsWith('within capacity: '));
    const over = capped.rows.filter((r) => r.decision_reason.startsWith('over capacity: '));
    expect(lesser.length).toBe(s.lesser_action);
    expect(over.length).toBe(s.over_capacity);
    expect(lesser.length + over.length).toBeGreaterThan(0);
    for (const r of lesser) {
      const b = before.get(r.customer_id)!;
      expect(r.decision).toBe('win_back');
      expect(['phone', 'visit']).toContain(b.channel);
      expect(Number(r.expected_value)).toBeLessThanOrEqual(Number(b.expected_value));
    }
    for (const r of over) expect([r.decision, r.channel, r.contact_from]).toEqual(['let_go', '', '']);
    // everyone else keeps the unlimited plan's row (its priority moves with the others)
    const withoutPriority = ({ priority: _p, ...rest }: Row) => rest;
    for (const r of capped.rows.filter((x) => !lesser.includes(x) && !over.includes(x))) expect(withoutPriority(r)).toEqual(withoutPriority(before.get(r.customer_id)!));
    expect(capped.stdout).toMatch(new RegExp(`capacity visit=${caps.visit}, phone=${caps.phone}: contacts visit \\d+, phone \\d+, letter \\d+, email \\d+; ${lesser.length} given a lesser action on a channel with room, ${over.length} over capacity \\(let go\\)`));
  });

  it('--explain says so, and agrees with plan.csv to the cent', async () => {
    const lesser = capped.rows.find((r) => r.offer_reason.startsWith('within capacity: '));
    const over = capped.rows.find((r) => r.decision_reason.startsWith('over capacity: '));
    const flag = ['--capacity', `phone=${caps.phone},visit=${caps.visit}`];
    for (const row of [lesser, over].filter((x): x is Row => x !== undefined)) {
      const r = await runCli(['plan', FILE, ...AS_OF, ...flag, '--explain', row.customer_id, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect([doc.decision, doc.decision_reason, doc.offer_reason, doc.channel ?? '']).toEqual([row.decision, row.decision_reason, row.offer_reason, row.channel]);
      if (row === lesser) {
        expect(doc.expected_value.toFixed(2)).toBe(row.expected_value);
        expect(doc.why).toMatch(/chosen within capacity over .*: the \d+ places on (phone|visit) went to contacts worth more there/);
      }
      const text = await runCli(['plan', FILE, ...AS_OF, ...flag, '--explain', row.customer_id]);
      expect(text.stdout).toContain(row === lesser ? 'within capacity' : 'over capacity');
    }
    expect(lesser ?? over).toBeDefined();
  });

  it('works with --budget: both the money and the places hold, and the next euro is still named', async () => {
    const both = await plan(['--capacity', `phone=${caps.phone},visit=${caps.visit}`, '--budget', '300']);
    expect(both.code, both.stderr).toBe(0);
    expect(both.summary.budget.spent).toBeLessThanOrEqual(300);
    expect(onChannel(both.rows, 'phone')).toBeLessThanOrEqual(caps.phone);
    expect(onChannel(both.rows, 'visit')).toBeLessThanOrEqual(caps.visit);
    expect(both.rows.filter((r) => r.decision === 'win_back' && r.contact_from !== '').length).toBe(both.summary.budget.contacts);
    expect(both.stdout).toMatch(/budget €300: .*the next €1 would buy/);
    expect(both.stdout).toMatch(/capacity visit=\d+, phone=\d+: /);
  });

  it('places for everyone change nothing; a closed channel is never planned', async () => {
    const roomy = await plan(['--capacity', 'phone=100000,visit=100000,letter=100000,email=100000']);
    expect(roomy.rows).toEqual(full.rows);
    const closed = await plan(['--capacity', 'visit=0']);
    expect(onChannel(closed.rows, 'visit')).toBe(0);
  });

  it('speaks German with --lang de', async () => {
    const out = tempDir();
    const r = await runCli(['plan', 'fixtures/lost-customers-de.csv', '--out', out, '--as-of', '23.11.2026', '--lang', 'de', '--capacity', 'phone=1,visit=0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Kapazität Besuch=0, Telefon=1: Kontakte Besuch 0, Telefon [01], Brief \d+, E-Mail \d+; \d+ mit einer geringeren Aktion auf einem Kanal mit Platz, \d+ über der Kapazität \(ziehen gelassen\)/);
  });

  it.each([['phone=x'], ['fax=3'], ['phone']])('refuses --capacity %s as a usage error', async (caps) => {
    const r = await plan(['--capacity', caps]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(`winback plan: --capacity '${caps}' must look like channel=number`);
  });
});
