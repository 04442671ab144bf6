/**
 * One word for one thing: the decision and lifecycle-phase words of the report, the clv pictures,
 * the worksheet and the plan (the message catalogue) agree in German.
 */
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/domain/catalogue/index.js';
import { DECISIONS } from '../../src/domain/value/types.js';

const de = messages('de');
const L = messages('de').report.words;

describe('German decision and phase words', () => {
  it.each(DECISIONS)('decision %s: the report and the worksheet say what the catalogue says', (d) => {
    const word = de.names.decision(d);
    expect(L.decisions[d]).toBe(word);
    // The worksheet may explain the word after it ("nie (endgültiger Grund …)") or name it in full.
    const sheet = messages('de').worksheet.texts.decisions[d];
    expect(sheet === word || sheet.startsWith(`${word} `)).toBe(true);
  });

  it.each(['first_time_buyer', 'early_repeat', 'core_defector'])('phase %s: the report, the clv page and clv say the same', (phase) => {
    const word = de.clv.phase(phase);
    expect(L.phaseNames[phase]).toBe(word);
    expect(L.clv.phaseNames[phase]).toBe(word);
  });

  it('clv phases on the page are the terminal words', () => {
    for (const phase of ['core', 'lost']) expect(L.clv.phaseNames[phase]).toBe(de.clv.phase(phase));
  });

  it('the terminal results say lift and churn-again as the report and the exclusion list do', () => {
    expect(de.results.rateColumns.at(-1)).toContain(L.lift);
    expect(de.results.segmentColumns).toContainEqual(expect.stringContaining(L.lift));
    expect(de.results.moneyColumns.at(-1)).toBe(de.names.exclusion('serial_defector'));
  });
});
