import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { validatePlaybook } from '../../src/domain/playbook.js';
import type { Playbook } from '../../src/domain/playbook-types.js';
import { classifyReason, compileVocabulary, type ReasonVocabulary } from '../../src/domain/reasons.js';
import { loadPlaybook } from '../../src/io/playbook-file.js';
import { REALISTIC_REASON_TEXTS } from './reason-texts.js';

let playbook: Playbook;
let shared: ReasonVocabulary;

beforeAll(async () => {
  playbook = (await loadPlaybook()).playbook;
  shared = compileVocabulary(playbook);
});

const PIECES = ['zu teuer', 'Preis', 'nicht wegen dem Preis', 'Wettbewerber günstiger', 'siehe Ticket #', 'Umzug', 'moved', 'price was fine',
  'Service', 'schlecht', 'kein Bedarf', ',', ';', ' - ', 'ca.', 'x', 'Kd.', "d'", 'é', 'Nr.', 'seit', 'Tagen', 'Rechnung', 'fehlerhaft', 'chapter', 'Kapitel', 'zu', 'teuer', 'Lieferung', 'spät'];
const number = fc.oneof(fc.integer({ min: 0, max: 99999 }).map(String), fc.constantFrom('7', '11', '0', '007'));
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), number, number.map((n) => `#${n}`), number.map((n) => `${n}x`)), { minLength: 1, maxLength: 12 })
  .chain((parts) => fc.array(fc.constantFrom(' ', '', '.', '-'), { minLength: parts.length, maxLength: parts.length }).map((gaps) => parts.map((p, i) => p + gaps[i]).join('')));

describe('the classifier cache', () => {
  it('gives every text the result a fresh classifier gives it, whatever was classified before (numbers included)', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 30 }), (texts) => {
        for (const t of texts) {
          const fresh = classifyReason({ text: t }, compileVocabulary(playbook));
          expect(classifyReason({ text: t }, shared)).toEqual(fresh);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('shares the result of texts that differ only in a ticket number', () => {
    const vocab = compileVocabulary(playbook);
    const first = classifyReason({ text: 'zu teuer, siehe Ticket #48213' }, vocab);
    expect(classifyReason({ text: 'zu teuer, siehe Ticket #10007' }, vocab)).toBe(first);
    expect(classifyReason({ text: 'zu teuer, siehe Ticket 10007x' }, vocab)).not.toBe(first);
    // Evidence that spans a number is the text's own.
    expect(classifyReason({ text: 'zu 5 teuer' }, vocab).evidence).toBe('zu 5 teuer');
    expect(classifyReason({ text: 'zu 6 teuer' }, vocab).evidence).toBe('zu 6 teuer');
    // "11" is a vocabulary word (chapter 11): never treated as just a number.
    const bankrupt = classifyReason({ text: 'filed chapter 11' }, vocab);
    expect(classifyReason({ text: 'filed chapter 12' }, vocab)).not.toEqual(bankrupt);
  });

  it('agrees with a fresh classifier on the realistic texts with numbers spliced in', () => {
    const vocab = compileVocabulary(playbook);
    for (const [, , t] of REALISTIC_REASON_TEXTS.slice(0, 200)) {
      for (const n of ['1', '42', '2024']) {
        const withNumber = `${t} ${n}`;
        expect(classifyReason({ text: withNumber }, vocab)).toEqual(classifyReason({ text: withNumber }, compileVocabulary(playbook)));
      }
    }
  });
});
