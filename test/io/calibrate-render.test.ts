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

describe('the offer effects calibrate writes', () => {
  it('are shown per reason, playbook → learned, in the run\'s language', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderCalibration } = await import('../../src/io/calibrate-render.js');
    const model = JSON.parse(readFileSync(new URL('../golden/cases/calibrate/en/expected-files/model.json', import.meta.url), 'utf8'));
    const written = { ...model, offerEffects: { price: { discount: { factor: 1.4872, prior: 1.6, cases: 1598, wins: 824 }, renewal: { factor: 0.1851, prior: 1.5, cases: 1561, wins: 170 } } } };
    const report = { input: { file: 'h.csv', rows: 10 }, accepted: 10, rejected: 0, out: 'm.json', model: written, default_coefficients: model.coefficients, playbook_base_rates: {}, second_lifetime: {} };
    const en = renderCalibration(report, false, 'en', new Map([['price', 'Price']]));
    expect(en).toContain('offer effects for Price (odds factor, playbook → learned, cases): discount 1.60 → 1.49 (1,598), renewal 1.50 → 0.19 (1,561)');
    const de = renderCalibration(report, false, 'de', new Map([['price', 'Preis']]), '€', new Map([['discount', 'Rabatt'], ['renewal', 'Verlängerung']]));
    expect(de).toContain('Angebotswirkung bei Preis (Odds-Faktor, Playbook → gelernt, Fälle): Rabatt 1,60 → 1,49 (1.598), Verlängerung 1,50 → 0,19 (1.561)');
  });
});
