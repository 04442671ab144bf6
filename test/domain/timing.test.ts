import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths, isoWeekLabel, parseIsoDay } from '../../src/domain/dates.js';
import { reasonEntry, validatePlaybook } from '../../src/domain/playbook.js';
import type { Playbook, ReasonCode, ReasonEntry, TimingRule } from '../../src/domain/playbook-types.js';
import { DEFAULT_CONTRACT_TIMING, planContactWindow, type ContactWindowInput } from '../../src/domain/timing.js';
import { readPlaybookSource } from '../../src/io/playbook-file.js';
import { propertyRuns } from '../support/property.js';

let playbook: Playbook;
beforeAll(async () => {
  const result = validatePlaybook((await readPlaybookSource()).data);
  if (result.playbook === undefined) throw new Error('default playbook invalid');
  playbook = result.playbook;
});

const d = (iso: string): number => {
  const day = parseIsoDay(iso);
  if (day === undefined) throw new Error(iso);
  return day;
};

/** A plain entry with the given timing, so each rule is tested on its own. */
function entryWith(timing: TimingRule, code: ReasonCode = 'price'): ReasonEntry {
  return { ...reasonEntry(playbook, code), timing, final: timing.kind === 'never' };
}

function plan(over: Partial<ContactWindowInput> & { entry: ReasonEntry }) {
  return planContactWindow({ reason: over.entry.code, asOf: d('2026-01-05'), coolingOffDays: 14, ...over });
}

const soon: TimingRule = { kind: 'soon', afterDays: 14, windowDays: 28 };
const contract: TimingRule = { kind: 'before_contract_end', leadDays: 42, windowDays: 28, assumedTermMonths: 12 };

describe('planContactWindow', () => {
  it('opens a "soon" window right after the cooling-off period', () => {
    const w = plan({ entry: entryWith(soon), churnDate: d('2026-01-01') });
    expect(w).toMatchObject({ contactFrom: d('2026-01-15'), contactUntil: d('2026-02-11'), wave: '2026-W03' });
  });

  it('never contacts inside the cooling-off period, even when the rule says sooner', () => {
    const w = plan({ entry: entryWith({ kind: 'soon', afterDays: 0, windowDays: 10 }), churnDate: d('2026-01-01'), coolingOffDays: 30 });
    expect(w?.contactFrom).toBe(d('2026-01-31'));
  });

  it('waits longer for "after some time" reasons', () => {
    const w = plan({ entry: reasonEntry(playbook, 'variety_seeking'), churnDate: d('2026-01-01') });
    expect(w?.contactFrom).toBe(d('2026-01-01') + 180);
    expect(w?.rule).toMatch(/after some time/);
  });

  it('starts a window already under way at as-of', () => {
    const w = plan({ entry: entryWith(soon), churnDate: d('2025-12-01'), asOf: d('2026-01-05') });
    expect(w).toMatchObject({ contactFrom: d('2026-01-05'), contactUntil: d('2025-12-15') + 27 });
  });

  it('rolls a missed window forward to as-of, never into the past', () => {
    const w = plan({ entry: entryWith(soon), churnDate: d('2025-01-01'), asOf: d('2026-01-05') });
    expect(w).toMatchObject({ contactFrom: d('2026-01-05'), contactUntil: d('2026-01-05') + 27 });
    expect(w?.rule).toMatch(/missed/);
  });

  it('starts at as-of when the churn date is missing', () => {
    const w = plan({ entry: entryWith(soon) });
    expect(w).toMatchObject({ contactFrom: d('2026-01-05'), contactUntil: d('2026-01-05') + 27 });
  });

  it('aligns a poached customer with the end of the competitor contract', () => {
    const w = plan({ entry: entryWith(contract, 'poached'), churnDate: d('2026-01-01'), competitorContractEnd: d('2026-12-31') });
    expect(w).toMatchObject({ contactFrom: d('2026-12-31') - 42 - 27, contactUntil: d('2026-12-31') - 42 });
    expect(w?.rule).toMatch(/2026-12-31/);
  });

  it('assumes a typical term when the competitor contract end is unknown', () => {
    const w = plan({ entry: entryWith(contract, 'poached'), churnDate: d('2026-01-01') });
    const end = addMonths(d('2026-01-01'), 12);
    expect(w).toMatchObject({ contactUntil: end - 42, contactFrom: end - 42 - 27 });
    expect(w?.rule).toMatch(/assumed 12-month/);
  });

  it('moves a missed contract window to the next renewal, one term later', () => {
    const w = plan({ entry: entryWith(contract, 'poached'), churnDate: d('2025-01-01'), competitorContractEnd: d('2026-02-01'), asOf: d('2026-03-01') });
    expect(w).toMatchObject({ contactUntil: d('2027-02-01') - 42, contactFrom: d('2027-02-01') - 42 - 27 });
    expect(w?.rule).toMatch(/renewal 1 term later/);
  });

  it('treats any row with a competitor contract end as contract-bound, whatever the reason', () => {
    const w = plan({ entry: entryWith(soon, 'price'), churnDate: d('2026-01-01'), competitorContractEnd: d('2026-09-30') });
    expect(w?.contactUntil).toBe(d('2026-09-30') - DEFAULT_CONTRACT_TIMING.leadDays);
    const custom = plan({
      entry: entryWith(soon, 'price'),
      churnDate: d('2026-01-01'),
      competitorContractEnd: d('2026-09-30'),
      contractTiming: { leadDays: 30, windowDays: 10, assumedTermMonths: 24 },
    });
    expect(custom).toMatchObject({ contactUntil: d('2026-09-30') - 30, contactFrom: d('2026-09-30') - 39 });
  });

  it('keeps the cooling-off inside a contract window and skips to the next term when it leaves none', () => {
    const cut = plan({ entry: entryWith(contract, 'poached'), churnDate: d('2026-10-20'), competitorContractEnd: d('2026-12-31') });
    expect(cut?.contactFrom).toBe(d('2026-11-03'));
    const none = plan({ entry: entryWith(contract, 'poached'), churnDate: d('2026-11-15'), competitorContractEnd: d('2026-12-31'), asOf: d('2026-11-15') });
    expect(none?.contactUntil).toBe(d('2027-12-31') - 42);
  });

  it('waits for a quality fix, from the run option or from the playbook', () => {
    const quality = reasonEntry(playbook, 'quality');
    const fixed = plan({ entry: quality, churnDate: d('2026-01-01'), qualityFixedFrom: d('2026-04-01') });
    expect(fixed).toMatchObject({ contactFrom: d('2026-04-01'), wave: isoWeekLabel(d('2026-04-01')) });
    const early = plan({ entry: quality, churnDate: d('2026-01-01'), qualityFixedFrom: d('2025-06-01') });
    expect(early?.contactFrom).toBe(d('2026-01-15'));
    const fromFile = plan({ entry: entryWith({ kind: 'after_fix', fixedFrom: '2026-03-01', windowDays: 42 }, 'quality'), churnDate: d('2026-01-01') });
    expect(fromFile?.contactFrom).toBe(d('2026-03-01'));
  });

  it('gives no window while nobody confirmed the fix (DOMAIN.md §3), and one from the fix date once it is known', () => {
    expect(plan({ entry: reasonEntry(playbook, 'quality'), churnDate: d('2026-01-01') })).toBeNull();
    expect(plan({ entry: reasonEntry(playbook, 'availability'), churnDate: d('2026-01-01'), competitorContractEnd: d('2026-06-01') })).toBeNull();
    const fixed = plan({ entry: reasonEntry(playbook, 'quality'), churnDate: d('2026-01-01'), qualityFixedFrom: d('2026-03-01') });
    expect(fixed?.contactFrom).toBe(d('2026-03-01'));
  });

  it('waits fallbackAfterDays after churn where the playbook gives it, the fix unconfirmed', () => {
    const quality = reasonEntry(playbook, 'quality');
    const entry = { ...quality, timing: { kind: 'after_fix' as const, fixedFrom: null, windowDays: 42, fallbackAfterDays: 90 } };
    const w = plan({ entry, churnDate: d('2026-01-01') });
    expect(w?.contactFrom).toBe(d('2026-01-01') + 90);
    expect(w?.rule).toMatch(/fix date unknown/);
  });

  it.each(['deceased', 'business_closed', 'terminated_by_us'] as const)('never plans contact for %s', (code) => {
    expect(plan({ entry: reasonEntry(playbook, code), churnDate: d('2026-01-01'), competitorContractEnd: d('2026-06-01') })).toBeNull();
  });
});

describe('planContactWindow invariants (property)', () => {
  const codes = ['relocation', 'financial_hardship', 'variety_seeking', 'life_change', 'price', 'competitor_offer', 'poached', 'quality', 'service', 'image', 'availability', 'contact_change', 'unknown'] as const;
  const day = fc.integer({ min: d('2000-01-01'), max: d('2040-12-31') });

  it('always gives contactFrom >= as-of, contactFrom <= contactUntil, and respects the cooling-off', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.option(day, { nil: undefined }),
        fc.option(day, { nil: undefined }),
        day,
        fc.integer({ min: 0, max: 60 }),
        fc.option(day, { nil: undefined }),
        (code, churnDate, contractEnd, asOf, coolingOffDays, fixedFrom) => {
          const input: ContactWindowInput = { reason: code, asOf, coolingOffDays, entry: reasonEntry(playbook, code) };
          if (churnDate !== undefined) input.churnDate = churnDate;
          if (contractEnd !== undefined) input.competitorContractEnd = contractEnd;
          if (fixedFrom !== undefined) input.qualityFixedFrom = fixedFrom;
          const w = planContactWindow(input);
          // Only a defect or gap nobody confirmed fixed has no window (availability's fix is the playbook's fixedFrom, null here).
          const awaitingFix = code === 'availability' || (code === 'quality' && fixedFrom === undefined);
          expect(w === null).toBe(awaitingFix);
          if (w === null) return;
          expect(w.contactFrom).toBeGreaterThanOrEqual(asOf);
          expect(w.contactFrom).toBeLessThanOrEqual(w.contactUntil);
          if (churnDate !== undefined) expect(w.contactFrom).toBeGreaterThanOrEqual(churnDate + coolingOffDays);
          expect(w.wave).toBe(isoWeekLabel(w.contactFrom));
        },
      ),
      propertyRuns(2000),
    );
  });
});
