import { describe, expect, it } from 'vitest';
import type { HoldoutComparison } from '../../src/domain/calibrate/check.js';
import { messages } from '../../src/domain/catalogue/index.js';
import { keptLine } from '../../src/io/calibrate-render.js';

const candidate = (parts: HoldoutComparison['accepted'], lowerBound: number) => ({ parts, lowerBound }) as unknown as HoldoutComparison['candidates'][number];
const comparison = (accepted: HoldoutComparison['accepted'], lowerBound: number) => ({ accepted, candidates: [candidate(accepted, lowerBound)] }) as unknown as HoldoutComparison;

describe('why calibrate wrote its learned parts', () => {
  it('says "better by more than z standard errors" only where the bound cleared 0', () => {
    const t = messages('en').calibrate;
    expect(keptLine(comparison(['response'], 12.5), t, 'response', '1.00')).toContain('by more than 1.00 × its standard error');
    // The second lifetime admitted by its own check, the money bound below 0 (a review found the old sentence claimed the bound).
    const own = keptLine(comparison(['lifetime'], -0.15), t, 'second lifetime', '1.00');
    expect(own).toContain('passed its own check on held-out returners');
    expect(own).not.toContain('by more than');
    expect(keptLine(comparison(['lifetime'], -0.15), messages('de').calibrate, 'zweites Kundenleben', '1,00')).toContain('eigene Prüfung an zurückgehaltenen Rückkehrern bestanden');
  });
});
