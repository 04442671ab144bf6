import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { REASON_CODES, type Playbook, type ReasonCode } from '../../src/domain/playbook-types.js';
import { classifyReason, compileVocabulary, normalizeReasonText, type ReasonVocabulary } from '../../src/domain/reasons/reasons.js';
import { loadPlaybook } from '../../src/io/playbook-file.js';
import { REALISTIC_REASON_TEXTS } from './reason-texts.js';
import { propertyRuns } from '../support/property.js';

let playbook: Playbook;
let vocab: ReasonVocabulary;

beforeAll(async () => {
  playbook = (await loadPlaybook()).playbook;
  vocab = compileVocabulary(playbook);
});

const classifyText = (text: string) => classifyReason({ text }, vocab);

/** At least one German and one English phrasing per code, including the examples. */
const PER_CODE: [ReasonCode, string, string][] = [
  ['relocation', 'umgez. nach HH', 'Moved out of state'],
  ['financial_hardship', 'finanzielle Engpässe', 'cannot afford it right now'],
  ['variety_seeking', 'wollte mal was Neues', 'wanted to try something new'],
  ['life_change', 'neuer Lebensabschnitt, Bedürfnisse haben sich geändert', 'our needs have changed'],
  ['price', 'zu teuer', 'Price too high'],
  ['competitor_offer', 'Konkurrenz war billiger', 'Competitor made better offer'],
  ['poached', 'Wettbewerber hat abgeworben', 'poached by a competitor'],
  ['quality', 'Qualitätsmängel', 'Product dissatisfaction'],
  ['service', 'Beschwerde zu langsam bearbeitet, Service schlecht', 'Attitude of support person'],
  ['image', 'schlechtes Image', 'bad reputation of the company'],
  ['availability', 'Produkt bei uns nicht mehr lieferbar', 'out of stock'],
  ['contact_change', 'neuer Ansprechpartner', 'our account manager left'],
  ['deceased', 'verstorben', 'customer passed away'],
  ['business_closed', 'Firma aufgelöst', 'went out of business'],
  ['terminated_by_us', 'Zahlungsverzug – von uns gekündigt', 'terminated by us for non-payment'],
  ['unknown', 'keine Angabe', 'no reason given'],
];

describe('classifyReason on free text', () => {
  it('covers every reason code of the taxonomy', () => {
    expect(PER_CODE.map(([code]) => code).sort()).toEqual([...REASON_CODES].sort());
  });

  it.each(PER_CODE)('%s: German "%s" and English "%s"', (code, de, en) => {
    expect(classifyText(de).code).toBe(code);
    expect(classifyText(en).code).toBe(code);
    if (code !== 'unknown') {
      expect(classifyText(de).confidence).toBeGreaterThanOrEqual(0.4);
      expect(classifyText(en).evidence).not.toBe('');
    }
  });

  it.each(['de', 'en'] as const)('generalises to realistic %s texts not written into the vocabulary', (lang) => {
    const cases = REALISTIC_REASON_TEXTS.filter(([, l]) => l === lang);
    const misses = cases.filter(([code, , text]) => classifyText(text).code !== code).map(([code, , text]) => `${code}: ${text}`);
    expect(cases.length).toBeGreaterThan(100);
    expect(misses.length / cases.length, misses.join('\n')).toBeLessThanOrEqual(0.05);
  });

  it('has realistic texts for every non-unknown code in both languages', () => {
    for (const code of REASON_CODES.filter((c) => c !== 'unknown')) {
      for (const lang of ['de', 'en']) {
        expect(REALISTIC_REASON_TEXTS.some(([c, l]) => c === code && l === lang), `${code}/${lang}`).toBe(true);
      }
    }
  });

  it('never puts a text about a contactable reason into a final (never-contact) bucket', () => {
    const finals = new Set<ReasonCode>(['deceased', 'business_closed', 'terminated_by_us']);
    const wrong = REALISTIC_REASON_TEXTS.filter(([code, , text]) => !finals.has(code) && finals.has(classifyText(text).code));
    expect(wrong).toEqual([]);
  });

  it.each([
    ['Konkurenz günstiger', 'competitor_offer'],
    ['Qualitat schlecht', 'quality'],
    ['schlechter Servive', 'service'],
    ['Kuendigung wegen Preiserhoehung', 'price'],
    ['KÜNDIGUNG WEGEN PREISERHÖHUNG', 'price'],
    ['realocated to Ohio', 'relocation'],
  ] as const)('tolerates typos and spellings: %s', (text, code) => {
    expect(classifyText(text).code).toBe(code);
  });

  it.each([
    ['nicht wegen dem Preis'],
    ['not because of price'],
    ['kein Preisproblem'],
    ['Preis war nicht das Problem'],
    ['price was fine'],
  ])('drops a negated or denied phrase: %s', (text) => {
    expect(classifyText(text).code).toBe('unknown');
  });

  it.each([
    ['nicht wegen dem Preis, sondern wegen der Qualität', 'quality'],
    ['Not because of price but the support was rude', 'service'],
    ['Preis ok, aber Service schlecht', 'service'],
    ['mit dem Service nicht zufrieden', 'service'],
    ['nicht nur wegen dem Preis', 'price'],
    ['Preis passt nicht mehr', 'price'],
  ] as const)('keeps what the negation does not reach: %s', (text, code) => {
    expect(classifyText(text).code).toBe(code);
  });

  it('reports a second reason when two are named', () => {
    const c = classifyText('zu teuer und außerdem schlechter Service');
    expect(c.code).toBe('price');
    expect(c.secondary).toBe('service');
    expect(c.confidence).toBeLessThan(classifyText('zu teuer').confidence);
  });

  it.each([[''], ['   '], ['asdkjh qwe zxcv'], ['12345'], ['---']])('leaves %j unknown with no evidence', (text) => {
    const c = classifyText(text);
    expect(c).toMatchObject({ code: 'unknown', confidence: 0, evidence: '', source: 'none' });
  });

  it('keeps a weak hint unknown instead of forcing it into a bucket', () => {
    const c = classifyText('Konto geschlossen');
    expect(c.code).toBe('unknown');
    expect(c.secondary).toBe('business_closed');
    expect(c.confidence).toBeLessThan(0.4);
  });
});

describe('classifyReason with a reason_code column', () => {
  it.each([
    ['price', 'price'],
    ['Preis', 'price'],
    ['QUALITÄT', 'quality'],
    ['qualitaet', 'quality'],
    ['Business-Closed', 'business_closed'],
    ['Umzug', 'relocation'],
    ['Wettbewerb', 'competitor_offer'],
    ['Abwerbung', 'poached'],
    ['Tod', 'deceased'],
    ['Insolvenz', 'business_closed'],
    ['Ansprechpartnerwechsel', 'contact_change'],
  ] as const)('reads the code label %s', (label, code) => {
    expect(classifyReason({ code: label }, vocab)).toEqual({ code, confidence: 1, evidence: label, source: 'code' });
  });

  it('lets a known code beat the text', () => {
    const c = classifyReason({ code: 'service', text: 'zu teuer' }, vocab);
    expect(c).toMatchObject({ code: 'service', confidence: 1, source: 'code' });
  });

  it('falls back to the text when the code is not known', () => {
    const c = classifyReason({ code: 'P99', text: 'zu teuer' }, vocab);
    expect(c).toMatchObject({ code: 'price', source: 'text' });
  });

  it('reads an unknown code cell as text when there is no other text', () => {
    expect(classifyReason({ code: 'Preis zu hoch' }, vocab)).toMatchObject({ code: 'price', source: 'text' });
  });
});

describe('a user playbook', () => {
  it('changes the classification with a new phrase and a new code label, without code changes', () => {
    const text = 'Kunde hat jetzt einen Dackelclub';
    expect(classifyText(text).code).toBe('unknown');
    const edited = structuredClone(playbook);
    const entry = edited.reasons.find((r) => r.code === 'variety_seeking');
    entry?.phrases.de.push('*dackel*');
    entry?.codeLabels.push('17');
    const userVocab = compileVocabulary(edited);
    expect(classifyReason({ text }, userVocab).code).toBe('variety_seeking');
    expect(classifyReason({ code: '17' }, userVocab)).toMatchObject({ code: 'variety_seeking', source: 'code' });
  });
});

describe('normalizeReasonText', () => {
  it.each([
    ['Kündigung wg. Preiserhöhung!!', 'kuendigung wegen preiserhoehung'],
    ['KUENDIGUNG', 'kuendigung'],
    ['umgez. nach HH', 'umgezogen nach hh'],
    ['Straße,  Größe; Übel', 'strasse groesse uebel'],
    ["Customer's rep didn't call", 'customers rep didnt call'],
    ['Kd. hat k.A. gemacht', 'kunde hat keine angabe gemacht'],
  ])('%s → %s', (text, expected) => {
    expect(normalizeReasonText(text)).toBe(expected);
  });
});

describe('robustness and speed', () => {
  it('returns a valid classification for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), (text, code) => {
        const c = classifyReason({ text, code }, vocab);
        expect(REASON_CODES).toContain(c.code);
        expect(c.confidence).toBeGreaterThanOrEqual(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
        if (c.secondary !== undefined) expect(c.secondary).not.toBe(c.code === 'unknown' ? 'unknown' : c.code);
      }),
      propertyRuns(500),
    );
  });

  // Speed itself is measured by `npm run bench`, not asserted by a timer: here, what makes it fast.
  it('reads a repeated text once (later rows get the cached reading) and keeps the cache bounded over many distinct texts', () => {
    const texts = REALISTIC_REASON_TEXTS.map(([, , t]) => t);
    const fresh = compileVocabulary(playbook);
    const first = texts.map((text) => classifyReason({ text }, fresh));
    for (let round = 0; round < 3; round++) {
      texts.forEach((text, i) => expect(classifyReason({ text }, fresh)).toBe(first[i]));
    }
    for (let i = 0; i < 50_000; i++) classifyReason({ text: `${texts[i % texts.length]} ${i}` }, fresh);
    expect(fresh.textCache.size).toBeGreaterThan(0);
    expect(fresh.textCache.size).toBeLessThanOrEqual(20_000);
  });
});

describe('exact words', () => {
  it('a place name one letter from a vocabulary word is not read as a typo of it', () => {
    expect(classifyReason({ text: 'Umzug nach Hannover' }, vocab).code).toBe('relocation');
    expect(classifyReason({ text: 'Umzug nach Hannover' }, vocab).secondary).toBeUndefined();
    expect(classifyReason({ text: 'handover to the new rep went badly' }, vocab).code).toBe('contact_change');
  });

  it('a user playbook can add its own exact words', () => {
    const own = compileVocabulary({ ...playbook, exactWords: [...(playbook.exactWords ?? []), 'cheeper'] });
    expect(classifyReason({ text: 'cheeper' }, vocab).code).toBe('price');
    expect(classifyReason({ text: 'cheeper' }, own).code).toBe('unknown');
  });
});

