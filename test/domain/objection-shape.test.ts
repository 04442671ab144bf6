/**
 * Texts that differ only in their long numbers ("siehe Ticket #48213") share one reading of the
 * objection detector: the shared answer must be the one the text itself gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findObjectionPhrase, joinSpacedLetters, normaliseObjectionText, readObjectionText } from '../../src/domain/objections/text.js';
import { propertyRuns } from '../support/property.js';

const WORDS = [
  'bitte', 'keine', 'Werbung', 'mehr', 'siehe', 'Ticket', '#', 'Art.', 'Art', '21', '17', '7', 'Abs.', '3', 'DSGVO',
  'Widerspruch', 'nicht', 'anrufen', 'no', 'calls', 'please', 'do', 'not', 'contact', 'Kunde', 'zu', 'teuer', 'Preis',
  'Kontakt', 'löschen', 'Daten', 'gem.', 'ref', 'Nr.', 'stop', 'emailing', 'DNC', 'Umzug', ',', '.', ';', '-', '/',
];

/** A text of words and numbers, the numbers given by position so that a second text can vary them. */
const textOf = (parts: readonly (string | number)[], numbers: readonly string[]): string =>
  parts.map((p) => (typeof p === 'number' ? (numbers[p % numbers.length] as string) : p)).join(' ');

const longNumber = fc.stringMatching(/^[0-9]{3,7}$/);
const anyNumber = fc.stringMatching(/^[0-9]{1,2}$/);

describe('objection texts read by shape', () => {
  it('a text whose long numbers differ from one read before gets its own answer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.nat(3), anyNumber), { minLength: 1, maxLength: 12 }),
        fc.array(longNumber, { minLength: 4, maxLength: 4 }),
        fc.array(longNumber, { minLength: 4, maxLength: 4 }),
        (parts, first, second) => {
          findObjectionPhrase(textOf(parts, first));
          const text = textOf(parts, second);
          expect(findObjectionPhrase(text) ?? null).toBe(readObjectionText(text));
        },
      ),
      propertyRuns(100),
    );
  });

  it.each([
    ['bitte keine Werbung mehr, siehe Ticket #48213', 'bitte keine Werbung mehr, siehe Ticket #90017'],
    ['Preis zu hoch, siehe Ticket #11512', 'Preis zu hoch, siehe Ticket #69566'],
    ['Widerspruch nach Art. 21 DSGVO, Ref 123456', 'Widerspruch nach Art. 21 DSGVO, Ref 654321'],
    ['no calls please 5550123', 'no calls please 5559876'],
  ])('%s, then %s', (first, second) => {
    expect(findObjectionPhrase(first) ?? null).toBe(readObjectionText(first));
    expect(findObjectionPhrase(second) ?? null).toBe(readObjectionText(second));
  });

  it('short numbers are read as they are: "Art. 21" is an objection, "Art. 22" is not', () => {
    expect(findObjectionPhrase('Widerspruch gem. Art. 21 DSGVO')).toBeDefined();
    expect(findObjectionPhrase('Umzug gem. Art. 22')).toBeUndefined();
  });
});

// The letter-spacing passes as they ran on every text before the quick check that skips them.
const SPACED = [1, 2, 3, 4].map((n) => new RegExp(`(?<![\\p{L}\\p{N}])(?:\\p{L} {${n}}(?! )){1,}\\p{L}(?![\\p{L}\\p{N}])`, 'gu'));
const joinedAlways = (text: string): string => SPACED.reduce((t, re) => t.replace(re, (run) => run.replace(/ +/g, '')), text);

describe('letter-spaced words', () => {
  it('are joined as by the four passes, whether or not the quick check skips them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('k', 'e', 'ä', '1', ' ', '  ', '   ', ',', 'werbung', 'd n c', 'x'), { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(joinSpacedLetters(text)).toBe(joinedAlways(text));
      }),
      propertyRuns(100),
    );
  });

  it.each([
    ['K E I N E  Werbung', 'keine werbung'],
    ['bitte keine Werbung', 'bitte keine werbung'],
    ['D  N  C', 'dnc'],
    ['a b', 'ab'],
  ])('%s → %s', (text, normalised) => {
    expect(normaliseObjectionText(text)).toBe(normalised);
  });
});
