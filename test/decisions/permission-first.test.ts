/**
 * Permission before value (issue 18): over random customers, no planned channel is one the
 * customer may not be contacted on, objectors are never valued, and nobody is let go while a
 * permitted approach is worth more than the threshold.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/domain/playbook-types.js';
import { planCustomer, type PlanSetup } from '../../src/domain/plan/plan.js';
import type { CustomerRow } from '../../src/domain/types.js';
import { loadPlanSetup } from '../../src/pipeline/plan-setup.js';
import { planOptions } from '../../src/cli/plan-options.js';
import { memoryContext } from '../support/memory-context.js';
import { fixtureFlow } from '../support/worksheet-flow.js';
import { propertyRuns } from '../support/property.js';
import { factsOfPlanned, reportItem } from '../../src/domain/report/facts.js';
import { itemContext } from '../../src/pipeline/report-project.js';

// Each property tries 200 cases by default, ten times as many under `npm run test:long` (test/support/property.ts).
const RUNS = propertyRuns(200);
const DAY = 20_000; // an epoch day in 2024

let setup: PlanSetup;
beforeAll(async () => {
  setup = (await loadPlanSetup(memoryContext().ctx, planOptions(memoryContext().ctx, { asOf: '2026-11-23', lang: 'en' }))).setup;
});

const flag = fc.constantFrom<boolean | null | undefined>(true, false, null, undefined);
const text = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: undefined });

const customer: fc.Arbitrary<CustomerRow> = fc.record({
  id: fc.integer({ min: 1, max: 99_999 }),
  email: text(['max@example.com', ' ', 'x@y.de']),
  phone: text(['030 1234567', '+49 171 2345678', '']),
  street: text(['Hauptstr. 1', '']),
  segment: fc.constantFrom<'B2B' | 'B2C' | undefined>('B2B', 'B2C', undefined),
  key_account: flag,
  account_manager: text(['A. Schmidt', '']),
  tenure: fc.integer({ min: 0, max: 3_000 }),
  since: fc.integer({ min: 0, max: 1_500 }),
  revenue: fc.option(fc.double({ min: 0, max: 500_000, noNaN: true }), { nil: undefined }),
  margin: fc.double({ min: -10, max: 80, noNaN: true }),
  complaints: fc.integer({ min: 0, max: 5 }),
  reason: text(['zu teuer', 'Preis zu hoch. DNC', 'Service schlecht, bitte keine Werbung mehr', 'moved to Berlin', 'Competitor made better offer', 'verstorben', 'no contact from support for weeks']),
  notes: text(['Widerruf der Einwilligung', 'called twice', '']),
  consent_email: flag,
  consent_phone: flag,
  consent_letter: flag,
  advertising_objection: flag,
  do_not_contact: flag,
}).map((r) => ({
  line: 2, customer_id: `C-${r.id}`, email: r.email, phone: r.phone, street: r.street, postal_code: r.street ? '10115' : undefined, city: r.street ? 'Berlin' : undefined,
  segment: r.segment, key_account: r.key_account, account_manager: r.account_manager, customer_since: DAY - r.since - r.tenure, churn_date: DAY - r.since,
  orders: 3, revenue: r.revenue, margin: { kind: 'percent' as const, value: r.margin }, complaints: r.complaints, reason: r.reason, notes: r.notes,
  consent_email: r.consent_email, consent_phone: r.consent_phone, consent_letter: r.consent_letter,
  advertising_objection: r.advertising_objection, do_not_contact: r.do_not_contact, warnings: [],
}));

describe('permission before value', () => {
  it('never plans a channel the customer may not be contacted on', () => {
    fc.assert(fc.property(customer, (row) => {
      const p = planCustomer(row, setup);
      if (p.channel !== null) expect(p.permission.allowed[p.channel]).toBe(true);
      if (p.value.decision === 'win_back') expect(p.channel).not.toBeNull();
      for (const o of p.value.offersConsidered) if (p.value.decision !== 'no_channel') expect(p.permission.allowed[o.channel]).toBe(true);
    }), RUNS);
  });

  it('never values or plans anyone who objected or may not be contacted at all', () => {
    fc.assert(fc.property(customer, (row) => {
      const p = planCustomer(row, setup);
      const objected = row.do_not_contact !== false && row.do_not_contact !== undefined
        || row.advertising_objection !== false && row.advertising_objection !== undefined;
      if (objected || p.permission.blockAll !== undefined) {
        expect(p.value.decision).toBe('never');
        expect(p.channel).toBeNull();
        expect([p.value.p_winback, p.value.expected_value, p.value.value_at_stake, p.value.offer_type]).toEqual([null, null, null, null]);
        expect(p.window).toBeNull();
      }
      if (CHANNELS.every((c) => !p.permission.allowed[c])) expect(['never', 'no_channel', 'let_go', 'review']).toContain(p.value.decision);
    }), RUNS);
  });

  it('lets nobody go while a permitted approach is worth more than the threshold', () => {
    const threshold = setup.config.model.decisionThreshold;
    fc.assert(fc.property(customer, (row) => {
      const p = planCustomer(row, setup);
      if (p.value.decision !== 'let_go') return;
      for (const o of p.value.offersConsidered) expect(Number(o.expected_value.toFixed(2))).toBeLessThanOrEqual(threshold);
    }), RUNS);
  });

  it('chooses the permitted offer and channel with the highest expected value', () => {
    fc.assert(fc.property(customer, (row) => {
      const p = planCustomer(row, setup);
      if (p.value.decision !== 'win_back') return;
      const best = Math.max(...p.value.offersConsidered.map((o) => o.expected_value));
      expect(p.value.expected_value).toBe(best);
    }), RUNS);
  });
});

describe('the report of a freshly planned customer', () => {
  it('reads the plan\'s own permission verdict: the same item as a check made anew', () => {
    const ctx = itemContext(setup, setup.asOf);
    fc.assert(fc.property(customer, (row) => {
      const p = planCustomer(row, setup);
      expect(reportItem(p.row, factsOfPlanned(p), ctx, p.permission)).toEqual(reportItem(p.row, factsOfPlanned(p), ctx));
    }), RUNS);
  });

  it('names why a customer worth winning back cannot get a letter, from the plan\'s verdict', () => {
    const row: CustomerRow = {
      line: 2, customer_id: 'C-1', customer_since: DAY - 2_000, churn_date: DAY - 60, orders: 40, revenue: 400_000,
      margin: { kind: 'percent', value: 50 }, complaints: 0, reason: 'zu teuer', consent_email: false, consent_phone: false, warnings: [],
    };
    const p = planCustomer(row, setup);
    expect(p.value.decision).toBe('no_channel');
    expect(reportItem(p.row, factsOfPlanned(p), itemContext(setup, setup.asOf), p.permission).blocked).toBe('no_postal_address');
  });
});

describe('the English fixture', () => {
  it('plans every objector as never, unvalued and without a channel, and every other channel as permitted', async () => {
    const { flow } = await fixtureFlow([]);
    const threshold = setup.config.model.decisionThreshold;
    const byId = new Map(flow.customers.map((c) => [c.base.row.customer_id, c.base]));
    const c36 = byId.get('C-00036')!;
    expect(c36.row.reason).toMatch(/marketing/i);
    expect(c36.value.decision).toBe('never');
    expect(c36.value.decisionReason).toMatch(/objection/);
    expect(c36.channel).toBeNull();
    let objectors = 0;
    for (const p of byId.values()) {
      if (p.permission.blockAll !== undefined) {
        objectors++;
        expect(p.value.decision).toBe('never');
        expect(p.channel).toBeNull();
      }
      if (p.channel !== null) expect(p.permission.allowed[p.channel]).toBe(true);
      // nobody let go while a permitted action is worth more than the threshold (issue 18 found 24 such in this file)
      if (p.value.decision === 'let_go') for (const o of p.value.offersConsidered) expect(Number(o.expected_value.toFixed(2)), p.row.customer_id).toBeLessThanOrEqual(threshold);
    }
    expect(objectors).toBeGreaterThan(5);
  });
});

describe('--explain of an objector', () => {
  it('names no channel and says why the customer is not valued', async () => {
    const { runCli } = await import('../support/cli.js');
    const r = await runCli(['plan', 'fixtures/lost-customers-en.csv', '--as-of', '2026-11-23', '--explain', 'C-00036']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/channel: -; offer: - \(not valued: no contact allowed\)/);
    expect(r.stdout).toMatch(/decision: never \(objection in the text/);
    expect(r.stdout).not.toMatch(/null/);
  });
});
