/**
 * A win-back declined in free text (src/domain/objections/declined.ts), on phrasings written
 * independently of the patterns by sessions that had not seen them (docs/objections-accuracy.md,
 * "A win-back declined in the text"). Each set was measured once, on a detector not tuned on it,
 * and then tuned on; here they guard against regressions.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { declinedInText } from '../../src/domain/objections/declined.js';
import { answersOf, keptAnswers } from '../../src/domain/text-answers.js';

interface Labelled {
  text: string;
  declined: 'yes' | 'no';
  lang: string;
}

function load(set: string): Labelled[] {
  return parse(readFileSync(new URL(`./heldout/declined-2026-12-06-${set}.csv`, import.meta.url)), { columns: true }) as Labelled[];
}

describe('declinedInText', () => {
  it('reads a declined win-back in German and English, as staff write it', () => {
    expect(declinedInText('Rückgewinnung abgelehnt')).toBe('rueckgewinnung abgelehnt');
    expect(declinedInText('Kd. lehnt das Rückholangebot ab, bleibt beim neuen Anbieter')).toBeDefined();
    expect(declinedInText('Halteangebot (3 Monate gratis) ausgeschlagen')).toBeDefined();
    expect(declinedInText('Declined our win-back offer, happy with the new provider.')).toBeDefined();
    expect(declinedInText('Save desk offer refused, porting out')).toBeDefined();
  });

  it('finds none in ordinary reasons, other refusals, open answers and negations', () => {
    for (const text of [
      // Departure reasons as the benchmark's generator writes them: what would not work, or a wish to return.
      'Kündigung ohne Angabe, kein Interesse an Rabatt',
      'kein Bedarf mehr möchte ggf. zurückkommen, siehe Ticket #43404',
      'Vertrag ausgelaufen möchte ggf. zurückkommen, kein Interesse an Rabatt',
      'Preis zu hoch',
      'Lieferung verspätet, kein Interesse an Rabatt',
      'Kunde lehnt die Preiserhöhung ab',
      'Card payment declined twice',
      'Rückgewinnungsangebot nicht abgelehnt, überlegt noch',
      'Did not decline the win-back offer, wants time to think',
      'Win-back offer accepted',
      'Rückgewinnung geplant für März',
      '',
      undefined,
    ]) expect(declinedInText(text), text).toBeUndefined();
  });

  it('reads a decomposed umlaut as the composed one', () => {
    expect(declinedInText('Rückgewinnung abgelehnt'.normalize('NFD'))).toBe('rueckgewinnung abgelehnt');
  });

  it('keeps its answer beside the other readers\' answers for a text they keep (text-answers.ts)', () => {
    const text = 'Kundin hat das Comeback-Angebot abgelehnt';
    keptAnswers(text);
    const first = declinedInText(text);
    expect(first).toBeDefined();
    expect(answersOf(text)?.declined).toBe(first);
    const plain = 'Preis zu hoch, Lieferung verspätet';
    keptAnswers(plain);
    expect(declinedInText(plain)).toBeUndefined();
    expect(answersOf(plain)?.declined).toBeNull();
  });
});

// After tuning on A to D, and narrowing so that ordinary departure reasons ("kein Interesse an
// Rabatt", "möchte ggf. zurückkommen") read as none (2026-12-06): A 121 of 124 declines found, 2 of
// 124 other texts read as one; B 121 of 124, 0 of 122; C 107 of 122, 0 of 121; D 98 of 124, 2 of
// 124; E 88 of 122, 3 of 125. Their first measurements, each on a detector not yet tuned on the
// set: A 52 of 124 (42 %), 2 of 124; B 87 of 124 (70 %), 4 of 122; C 60 of 122 (49 %), 4 of 121;
// D 76 of 124 (61 %), 8 of 124; E 88 of 122 (72 %), 3 of 125 (docs/objections-accuracy.md).
describe.each([
  ['A', 3, 2],
  ['B', 3, 0],
  ['C', 15, 0],
  ['D', 26, 2],
  // E: measured once on the detector tuned on A to D, and not tuned on.
  ['E', 34, 3],
  // F: written after the narrowing, measured once on 1d0d58b, not tuned on (95 of 123 found, 2 of 122 misread).
  ['F', 28, 2],
])('set %s', (set, maxMissed, maxWrong) => {
  const rows = load(set);

  it('has both classes in both languages', () => {
    for (const lang of ['de', 'en']) {
      expect(rows.filter((r) => r.lang === lang && r.declined === 'yes').length).toBeGreaterThan(50);
      expect(rows.filter((r) => r.lang === lang && r.declined === 'no').length).toBeGreaterThan(50);
    }
  });

  it(`misses at most ${maxMissed} declines and reads at most ${maxWrong} other texts as one`, () => {
    const missed = rows.filter((r) => r.declined === 'yes' && declinedInText(r.text) === undefined).map((r) => r.text);
    const wrong = rows.filter((r) => r.declined === 'no' && declinedInText(r.text) !== undefined).map((r) => `${r.text} <= ${declinedInText(r.text)}`);
    expect(missed.length, missed.join('\n')).toBeLessThanOrEqual(maxMissed);
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(maxWrong);
  });
});
