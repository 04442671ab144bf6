import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeConflicts, planLearning, type LabelledRow } from '../../src/domain/reasons/learning-plan.js';
import { REASON_CODES, type LabelledExample, type ReasonCode } from '../../src/domain/playbook-types.js';
import { propertyRuns } from '../support/property.js';

const key = (text: string) => text.toLowerCase().replace(/[^a-z ]/g, '').trim();
const row = (line: number, text: string, code: ReasonCode | undefined, label = code ?? '?'): LabelledRow => ({ line, text, label, code });
const own = (text: string, code: ReasonCode): LabelledExample => ({ text, code, own: true });

describe('planLearning', () => {
  it('adds new texts once, counts repeats as known, and keeps file order', () => {
    const plan = planLearning([own('zu teuer', 'price')], [row(2, 'Umzug', 'relocation'), row(3, 'Zu teuer!', 'price'), row(4, 'umzug', 'relocation'), row(5, 'Service mies', 'service')], key);
    expect(plan.added.map((a) => [a.line, a.text, a.code])).toEqual([
      [2, 'Umzug', 'relocation'],
      [5, 'Service mies', 'service'],
    ]);
    expect(plan.known).toBe(2);
    expect(plan.conflicts).toEqual([]);
  });

  it('finds contradictions within the file and against the playbook, naming every line', () => {
    const plan = planLearning([own('zu teuer', 'price')], [row(2, 'zu teuer', 'service'), row(3, 'neuer Job', 'life_change'), row(4, 'Neuer Job.', 'variety_seeking'), row(5, 'ok', 'price')], key);
    expect(plan.conflicts).toHaveLength(2);
    expect(describeConflicts(plan.conflicts)).toEqual(['"zu teuer" (playbook: price, line 2: service)', '"neuer Job" (line 3: life_change, line 4: variety_seeking)']);
    expect(plan.added.map((a) => a.text)).toEqual(['ok']);
  });

  it('sets aside empty texts and unknown codes', () => {
    const plan = planLearning([], [row(2, '', 'price'), row(3, '!!!', 'price'), row(4, 'x y', undefined, 'PX')], key);
    expect(plan.empty).toEqual([2, 3]);
    expect(plan.unknownCodes).toEqual([{ line: 4, label: 'PX' }]);
    expect(plan.added).toEqual([]);
  });

  it('accounts for every usable row exactly once (property)', () => {
    const words = ['zu teuer', 'Umzug', 'Service', 'neuer Job', 'Preis'];
    const rowArb = fc.record({ text: fc.constantFrom(...words), code: fc.constantFrom(...REASON_CODES.slice(0, 4)) });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 12 }), (rows) => {
        const plan = planLearning([], rows.map((r, i) => row(i + 2, r.text, r.code)), key);
        const inConflicts = plan.conflicts.reduce((n, c) => n + c.claims.length, 0);
        expect(plan.added.length + plan.known + inConflicts).toBe(rows.length);
        // A text is added at most once, and never when it is contradicted.
        const added = plan.added.map((a) => key(a.text));
        expect(new Set(added).size).toBe(added.length);
        for (const c of plan.conflicts) expect(added).not.toContain(key(c.text));
      }),
      propertyRuns(100),
    );
  });
});
