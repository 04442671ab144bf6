import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { validatePlaybook } from '../../src/domain/playbook.js';
import { REASON_CODES, type Playbook, type ReasonCode } from '../../src/domain/playbook-types.js';
import { classifyReason, compileVocabulary, MIN_CONFIDENCE, type ReasonVocabulary } from '../../src/domain/reasons/reasons.js';
import { loadPlaybook } from '../../src/io/playbook-file.js';
import { HELD_OUT_REASON_TEXTS, type HeldOutText } from './reason-heldout.js';
import { HELD_OUT_REASON_TEXTS_2 } from './reason-heldout-2.js';
import { propertyRuns } from '../support/property.js';

let playbook: Playbook;
let vocab: ReasonVocabulary;

beforeAll(async () => {
  playbook = (await loadPlaybook()).playbook;
  vocab = compileVocabulary(playbook);
});

const FINAL = new Set<ReasonCode>(['deceased', 'business_closed', 'terminated_by_us']);
const isHit = ([code, , text, also]: HeldOutText) => {
  const got = classifyReason({ text }, vocab).code;
  return got === code || got === also;
};

/**
 * Minimum accuracy per set and language: what the classifier reaches on the sets minus a
 * small margin. Set 2 was first measured untouched at 80.9 % (de) and 75.6 % (en); see
 * the sets' headers before raising or lowering these.
 */
const SETS: [string, HeldOutText[], { de: number; en: number }][] = [
  ['set 1', HELD_OUT_REASON_TEXTS, { de: 0.96, en: 0.96 }],
  ['set 2', HELD_OUT_REASON_TEXTS_2, { de: 0.96, en: 0.96 }],
];

describe.each(SETS)('held-out reason texts, %s', (_name, texts, minimum) => {
  it('has at least 25 texts per reason code, about half German and half English', () => {
    for (const code of REASON_CODES) {
      const mine = texts.filter(([c]) => c === code);
      expect(mine.length, code).toBeGreaterThanOrEqual(25);
      for (const lang of ['de', 'en']) expect(mine.filter(([, l]) => l === lang).length, `${code}/${lang}`).toBeGreaterThanOrEqual(12);
    }
  });

  it.each(['de', 'en'] as const)('classifies the %s texts at least as well as recorded', (lang) => {
    const cases = texts.filter(([, l]) => l === lang);
    const misses = cases.filter((t) => !isHit(t)).map(([code, , text]) => `${code}: ${text}`);
    expect(1 - misses.length / cases.length, misses.join('\n')).toBeGreaterThanOrEqual(minimum[lang]);
  });

  it('gets most texts of every single code right', () => {
    for (const code of REASON_CODES) {
      const mine = texts.filter(([c]) => c === code);
      expect(mine.filter(isHit).length / mine.length, code).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('never puts a text about a contactable reason into a final (never-contact) code', () => {
    const wrong = texts.filter(([code, , text]) => !FINAL.has(code) && FINAL.has(classifyReason({ text }, vocab).code));
    expect(wrong).toEqual([]);
  });
});

describe('final codes need a final reason', () => {
  it.each([
    ['customer passed on the renewal offer'],
    ['passed on our quote'],
    ['Haushalt kleiner nach dem Tod der Mutter'],
    ['widowed last year, needs less now'],
    ['5% Nachlass verlangt, nicht bekommen'],
    ['Filiale vor Ort geschlossen'],
    ['your store near me closed for good'],
    ['Firma hat letzte Bestellung im März aufgegeben'],
    ['we cancelled because it was too expensive'],
    ['Wir haben gekündigt, weil der Service schlecht war'],
    ['the late delivery annoyed them'],
    ['Konto geschlossen'],
    ['Fusionsgespräche beim Kunden, Bestellungen pausiert'],
    ['merger talks at the client put the order on hold'],
    ['customer is dead set on a cheaper option'],
  ])('%s', (text) => {
    expect(FINAL.has(classifyReason({ text }, vocab).code)).toBe(false);
  });
});

describe('confidence', () => {
  /** Fragments of held-out texts, so random mixes hit real phrases, negations and clause breaks. */
  const fragments = [...HELD_OUT_REASON_TEXTS, ...HELD_OUT_REASON_TEXTS_2].flatMap(([, , t]) => t.split(/\s+/)).slice(0, 600);

  it('keeps everything below the minimum confidence unknown, and every code above it (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments, 'nicht', 'not', ',', 'but', 'aber'), { maxLength: 12 }), (words) => {
        const c = classifyReason({ text: words.join(' ') }, vocab);
        if (c.confidence < MIN_CONFIDENCE) expect(c.code).toBe('unknown');
        if (c.code !== 'unknown') expect(c.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
        if (c.code !== 'unknown' && c.source === 'text') expect(c.evidence).not.toBe('');
      }),
      propertyRuns(1000),
    );
  });

  it('reads a weak lone hint as unknown with the hint as secondary', () => {
    const c = classifyReason({ text: 'Konto geschlossen' }, vocab);
    expect(c.code).toBe('unknown');
    expect(c.confidence).toBeLessThan(MIN_CONFIDENCE);
    expect(c.secondary).toBe('business_closed');
  });
});

describe('word classes in the playbook', () => {
  it('lets one new class member work in every phrase that uses the class', () => {
    const text = 'Globex war günstiger';
    const before = classifyReason({ text }, vocab);
    const edited = structuredClone(playbook);
    edited.wordClasses?.competitor?.push('globex');
    const userVocab = compileVocabulary(edited);
    const after = classifyReason({ text }, userVocab);
    expect(after.code).toBe('competitor_offer');
    // Before, only the learned reader guessed it from "günstiger"; now a phrase reads it.
    expect(after.confidence).toBeGreaterThan(before.confidence + 0.2);
    expect(after.evidence).toContain('globex');
    expect(classifyReason({ text: 'Globex-Vertreter hat ihn überredet' }, userVocab).code).toBe('poached');
  });

  it('reads a competitor named in the playbook (competitors: names) as a competitor', () => {
    const text = 'ist jetzt bei Globex';
    expect(classifyReason({ text }, vocab).code).toBe('unknown');
    const edited = structuredClone(playbook);
    edited.competitors?.names.push('Globex');
    expect(classifyReason({ text }, compileVocabulary(edited))).toMatchObject({ code: 'competitor_offer', evidence: 'globex' });
  });

  it('reports an undefined class and a bad member with their paths', () => {
    const edited = structuredClone(playbook) as Playbook & { wordClasses: Record<string, string[]> };
    edited.reasons[0]?.phrases.en.push('@nosuchclass & moved');
    edited.wordClasses.competitor?.push('two words');
    const result = validatePlaybook(edited);
    expect(result.playbook).toBeUndefined();
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: expect.stringMatching(/^reasons\[0\]\.phrases\.en\[\d+\]$/), message: expect.stringContaining('@nosuchclass') }),
        expect.objectContaining({ path: expect.stringMatching(/^wordClasses\.competitor\[\d+\]$/) }),
      ]),
    );
  });
});
