import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../src/domain/clv/bgnbd.js';
import { invertPositiveDefinite, type FitDiagnostics } from '../../../src/domain/clv/diagnostics.js';
import { fitNotes as fitNoteKeys } from '../../../src/domain/clv/fit-notes.js';
import { say } from '../../../src/domain/catalogue/index.js';
import { fitGammaGamma } from '../../../src/domain/clv/gamma-gamma.js';
import { cdnowPresent, column, readNumericCsv } from './support.js';

const present = cdnowPresent();
// The notes in English words, as model.json's fit_notes carries them.
const fitNotes = (...args: Parameters<typeof fitNoteKeys>) => fitNoteKeys(...args).map((note) => say('en', 'clvFit', note));

describe.runIf(present)('standard errors on CDNOW (REFERENCE.md, numeric Hessian)', () => {
  const rows = present ? readNumericCsv('cdnow_customers_summary_with_transactions.csv') : [];
  const x = column(rows, 'x');

  it('BG/NBD: r 0.012557, alpha 0.378221, a 0.185718, b 0.705341; nothing on a boundary', () => {
    const fit = fitBgNbd({ x, tX: column(rows, 't_x'), T: column(rows, 'T') });
    const se = (k: 'r' | 'alpha' | 'a' | 'b') => fit[k] * (fit.diagnostics.logStandardErrors[k] as number);
    expect(se('r')).toBeCloseTo(0.012557, 5);
    expect(se('alpha')).toBeCloseTo(0.378221, 4);
    expect(se('a')).toBeCloseTo(0.185718, 4);
    expect(se('b')).toBeCloseTo(0.705341, 3);
    expect(fit.diagnostics.onBoundary).toEqual([]);
    expect(fit.diagnostics.notEstimable).toEqual([]);
    expect(fitNotes('BG/NBD', { r: fit.r, alpha: fit.alpha, a: fit.a, b: fit.b }, fit.diagnostics)).toEqual([]);
  });

  it('Gamma-Gamma: p 1.1897, q 0.2902, v 4.1599', () => {
    const fit = fitGammaGamma({ x, m: column(rows, 'zbar') });
    const se = (k: 'p' | 'q' | 'v') => fit[k] * (fit.diagnostics.logStandardErrors[k] as number);
    expect(se('p')).toBeCloseTo(1.1897, 3);
    expect(se('q')).toBeCloseTo(0.2902, 3);
    expect(se('v')).toBeCloseTo(4.1599, 2);
    expect(fit.diagnostics.notEstimable).toEqual([]);
  });
});

describe('fit notes', () => {
  const diagnostics = (over: Partial<FitDiagnostics>): FitDiagnostics => ({ logValues: {}, logStandardErrors: {}, onBoundary: [], notEstimable: [], correlation: [], covariance: [], ...over });

  it('names a → 0 as "no drop-out: nobody can be found lost", and covers b with it', () => {
    const notes = fitNotes('BG/NBD', { r: 0.5, alpha: 7, a: 5e-4, b: 460 }, diagnostics({ logValues: { r: 0, alpha: 0, a: -7.6, b: 6 }, onBoundary: ['a'], notEstimable: ['a', 'b'] }));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^BG\/NBD: a → 0 \(a = 5\.00e-4\): the data show no drop-out.*nobody can be found lost/);
  });

  it('names a and b running off together, q and v likewise, and any other flat parameter', () => {
    expect(fitNotes('BG/NBD', { r: 1, alpha: 8, a: 2.7e6, b: 1.1e7 }, diagnostics({ logValues: { a: 15, b: 16 }, onBoundary: ['a', 'b'], notEstimable: ['a', 'b'] }))[0]).toMatch(/a and b run off together.*a\/\(a\+b\) = 0\.197/);
    expect(fitNotes('Gamma-Gamma', { p: 2, q: 8e7, v: 9e8 }, diagnostics({ logValues: { q: 18, v: 20 }, onBoundary: ['q', 'v'], notEstimable: ['q', 'v'] }))[0]).toMatch(/q and v run off together/);
    expect(fitNotes('Gamma-Gamma', { p: 94, q: 2.4, v: 0.5 }, diagnostics({ logValues: { p: 4.5 }, logStandardErrors: { p: 6.3 }, notEstimable: ['p'] }))).toEqual([
      'Gamma-Gamma: p is hardly constrained (the likelihood is flat: standard error of ln p = 6.30); it cannot be estimated from this data, and results that depend on it are not supported by the data',
    ]);
  });

  it('words the same notes in German, with decimal commas', () => {
    const notes = fitNoteKeys('BG/NBD', { r: 1, alpha: 8, a: 2.7e6, b: 1.1e7 }, diagnostics({ logValues: { a: 15, b: 16 }, onBoundary: ['a', 'b'], notEstimable: ['a', 'b'] }));
    expect(say('de', 'clvFit', notes[0]!)).toBe(
      'BG/NBD: a und b laufen gemeinsam davon (a = 2,70e+6, b = 1,10e+7): jeder Kunde hat nach einem Kauf dieselbe Abwanderungswahrscheinlichkeit (a/(a+b) = 0,197), a und b lassen sich also nicht getrennt schätzen',
    );
  });
});

describe('invertPositiveDefinite', () => {
  it('inverts a positive definite matrix and refuses a singular one', () => {
    const inv = invertPositiveDefinite([[4, 2], [2, 3]]) as number[][];
    expect(inv[0]![0]).toBeCloseTo(3 / 8, 12);
    expect(inv[0]![1]).toBeCloseTo(-2 / 8, 12);
    expect(inv[1]![1]).toBeCloseTo(4 / 8, 12);
    expect(invertPositiveDefinite([[1, 1], [1, 1]])).toBeUndefined();
    expect(invertPositiveDefinite([[1, 0], [0, -1]])).toBeUndefined();
  });
});
