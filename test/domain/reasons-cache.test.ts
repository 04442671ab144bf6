import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Playbook } from '../../src/domain/playbook-types.js';
import { classifyReason, compileVocabulary, withInertNumbers, type ReasonVocabulary } from '../../src/domain/reasons/reasons.js';
import { learnedReaderOf, resolveToken } from '../../src/domain/reasons/vocabulary.js';
import { loadPlaybook } from '../../src/io/playbook-file.js';
import { REALISTIC_REASON_TEXTS } from './reason-texts.js';
import { propertyRuns } from '../support/property.js';

let playbook: Playbook;
let shared: ReasonVocabulary;

let compiled: ReasonVocabulary;

beforeAll(async () => {
  playbook = (await loadPlaybook()).playbook;
  shared = compileVocabulary(playbook);
  compiled = compileVocabulary(playbook);
});

/**
 * A classifier that has classified nothing yet: the compiled vocabulary with empty caches (all
 * that classifying changes), without compiling the playbook again for every text.
 */
function fresh(): ReasonVocabulary {
  return { ...compiled, tokenCache: new Map(), textCache: new Map() };
}

const PIECES = ['zu teuer', 'Preis', 'nicht wegen dem Preis', 'Wettbewerber günstiger', 'siehe Ticket #', 'Umzug', 'moved', 'price was fine',
  'Service', 'schlecht', 'kein Bedarf', ',', ';', ' - ', 'ca.', 'x', 'Kd.', "d'", 'é', 'Nr.', 'seit', 'Tagen', 'Rechnung', 'fehlerhaft', 'chapter', 'Kapitel', 'zu', 'teuer', 'Lieferung', 'spät'];
const number = fc.oneof(fc.integer({ min: 0, max: 99999 }).map(String), fc.constantFrom('7', '11', '0', '007'));
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), number, number.map((n) => `#${n}`), number.map((n) => `${n}x`)), { minLength: 1, maxLength: 12 })
  .chain((parts) => fc.array(fc.constantFrom(' ', '', '.', '-'), { minLength: parts.length, maxLength: parts.length }).map((gaps) => parts.map((p, i) => p + gaps[i]).join('')));

/**
 * A classifier as freshly compiled: the same compiled playbook with every cache empty (the
 * text, token and word caches), so that nothing read before can show in its results.
 */
function withEmptyCaches(v: ReasonVocabulary): ReasonVocabulary {
  return { ...v, textCache: new Map(), tokenCache: new Map(), model: { ...v.model, words: new Map() } };
}

describe('the classifier cache', () => {
  it('compiles to the same classifier as a fresh compile, for texts read and not read', () => {
    const fresh = compileVocabulary(structuredClone(playbook));
    for (const [, , t] of REALISTIC_REASON_TEXTS.slice(0, 40)) expect(classifyReason({ text: t }, shared)).toEqual(classifyReason({ text: t }, fresh));
  });

  it('gives every text the result a fresh classifier gives it, whatever was classified before (numbers included)', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 30 }), (texts) => {
        for (const t of texts) expect(classifyReason({ text: t }, shared)).toEqual(classifyReason({ text: t }, withEmptyCaches(compiled)));
      }),
      propertyRuns(100),
    );
  });

  it('a fresh classifier is one that has classified nothing: what classifying changes are the caches (texts, tokens, the learned reader’s words)', () => {
    const used = compileVocabulary(playbook);
    const strip = (v: ReasonVocabulary) => ({ ...v, textCache: undefined, tokenCache: undefined, model: { ...v.model, words: undefined } });
    const before = structuredClone(strip(used));
    for (const [, , t] of REALISTIC_REASON_TEXTS.slice(0, 50)) classifyReason({ text: `${t} #4711` }, used);
    expect(used.textCache.size).toBeGreaterThan(0);
    expect(used.tokenCache.size).toBeGreaterThan(0);
    expect(strip(used)).toEqual(before);
    expect(fresh()).toEqual({ ...compileVocabulary(playbook) });
  });

  it('keeps one entry for texts that differ only in a ticket number, not one per text', () => {
    const vocab = compileVocabulary(playbook);
    for (let n = 10000; n < 12000; n++) classifyReason({ text: `zu teuer, siehe Ticket #${n}` }, vocab);
    expect(vocab.textCache.size).toBe(1);
    expect(vocab.tokenCache.has('10007')).toBe(false);
  });

  it('resolves a number that is no word to nothing without looking it up, the same as looking', () => {
    const vocab = compileVocabulary(playbook);
    // The playbook's own numbers ("chapter 11", "chapter 7") are words; others are not.
    expect([...(vocab.numberWords ?? [])].sort()).toEqual(['11', '7']);
    const looked = { ...vocab, numberWords: undefined, tokenCache: new Map() };
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9]{1,9}$/), fc.constantFrom('11', '7', '011', '117')), (token) => {
        expect(resolveToken(vocab, token)).toEqual(resolveToken(looked, token));
      }),
      propertyRuns(300),
    );
    expect(resolveToken(vocab, '11').length).toBeGreaterThan(0);
    // A word with a digit that typo tolerance or a stem could reach: no shortcut.
    const stem = compileVocabulary({ ...playbook, reasons: playbook.reasons.map((r, i) => (i === 0 ? { ...r, phrases: { ...r.phrases, en: [...r.phrases.en, 'plan 2025*'] } } : r)) });
    expect(stem.numberWords).toBeUndefined();
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
        expect(classifyReason({ text: withNumber }, vocab)).toEqual(classifyReason({ text: withNumber }, withEmptyCaches(compiled)));
      }
    }
  });
});

describe('the numbers of a text written as its shape', () => {
  // The pattern the scan replaces: a run of digits no joining character touches.
  const NUMBER_TOKEN = /(?<![\p{L}\p{N}\p{M}'’`´])\d+(?![\p{L}\p{N}\p{M}'’`´])/gu;
  const byPattern = (t: string, v: ReasonVocabulary) => t.replace(NUMBER_TOKEN, (n) => (resolveToken(v, n).length === 0 && !v.gazetteer.numberTokens.has(n) ? '0' : n));
  const around = fc.constantFrom('', ' ', 'a', 'Ä', 'é', '\u0301', '٣', '²', "'", '’', '`', '´', '#', '-', '.', '😀', '𝐀', '\ud800', '\udc00', '11', 'x');

  it.each(['zu teuer, siehe Ticket #48213', 'chapter 11', '1&1 günstiger', 'Check 24', 'Kd.-Nr. 0815/4711', "d'12", '12é', '٣12', '𝐀12 𝐀', '12\u0301', 'x12 12x 12'])('%j as the pattern reads it', (t) => {
    expect(withInertNumbers(t, shared)).toBe(byPattern(t, shared));
  });

  it('matches the pattern on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(around, number), { maxLength: 12 }), (parts) => {
        const t = parts.join('');
        expect(withInertNumbers(t, shared)).toBe(byPattern(t, shared));
      }),
      propertyRuns(100),
    );
  });
});

describe("a worker thread's vocabulary (learnedReaderOf)", () => {
  it('is, copied as a worker is handed it, what compiling the playbook there gives, after the main thread classified texts', () => {
    const main = compileVocabulary(playbook);
    for (const [, , t] of REALISTIC_REASON_TEXTS.slice(0, 200)) classifyReason({ text: t }, main);
    // structuredClone: what workerData does to it (the model's tables are shared memory, not copied).
    const handed = structuredClone(learnedReaderOf(main));
    const worker = compileVocabulary({ ...playbook }, handed);
    const compiledThere = compileVocabulary({ ...playbook }, { model: handed.model, taught: handed.taught });
    expect(worker).toStrictEqual(compiledThere);
    expect(Object.keys(worker)).toEqual(Object.keys(compiledThere));
    expect(worker.tokenCache.size + worker.textCache.size + worker.model.words.size).toBe(0);
    expect(main.tokenCache.size).toBeGreaterThan(0);
    for (const [, , t] of REALISTIC_REASON_TEXTS) expect(classifyReason({ text: t }, worker)).toEqual(classifyReason({ text: t }, fresh()));
  });
});
