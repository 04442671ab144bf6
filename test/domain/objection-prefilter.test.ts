/**
 * The objection rules' prefilter (src/domain/objections/prefilter.ts, issue #17): the literals
 * derived from an expression are ones every match contains, and the detector with the
 * prefilter answers exactly as without it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { necessaryFactors, prefilterSkips, withoutPrefilter } from '../../src/domain/objections/prefilter.js';
import { objectionModelTokens, objectionRuleIn, readObjectionText } from '../../src/domain/objections/text.js';
import { mulberry32 } from '../../src/domain/random.js';
import { propertyRuns } from '../support/property.js';

describe('necessaryFactors', () => {
  it.each([
    // An alternation needs one of its branches.
    [/\b(?:keine|no) werbung\b/, [['keine werb', 'no werbung']]],
    // Literals are cut to ten characters: a literal's beginning is found wherever it is.
    [/unsubscribed/, [['unsubscrib']]],
    [/abc|def/, [['abc', 'def']]],
    // An optional part may be missing: both spellings, or nothing from it.
    [/e ?mail/, [['email', 'e mail']]],
    [/werb(?:ung)?/, [['werb']]],
    [/(?:bitte )?keine/, [['keine']]],
    // {0,n} requires nothing; {1,} requires what its element does.
    [/(?:[a-z]+ ){0,3}anruf/, [['anruf']]],
    [/x{0,3}yz/, [['yz']]],
    [/(?:ab)+c/, [['ab'], ['c']]],
    [/(?:ab){2}/, [['abab']]],
    // Lookarounds and \b consume nothing: the characters on either side are adjacent in the match.
    [/(?<!bekam )\bkeine\b(?! wie)/, [['keine']]],
    [/(?=ab)abc/, [['abc']]],
    [/(?!x)[a-z]*kontakt/, [['kontakt']]],
    // A small class is enumerated, a large one requires nothing.
    [/brief[en]/, [['briefe', 'briefn']]],
    [/[a-z]*sperre/, [['sperre']]],
    // A backreference requires nothing more.
    [/(ab)c\1/, [['abc']]],
    // Nothing to derive: the rule always runs.
    [/keine|[a-z]+/, []],
    [/a?/, []],
    [/keine/i, []],
  ] as const)('%s', (regex, expected) => {
    expect(necessaryFactors(regex).map((set) => [...set].sort())).toEqual(expected.map((set) => [...set].sort()));
  });

  it('keeps several required sets, the most selective first', () => {
    expect(necessaryFactors(/\bwerbung [a-z]+ abgelehnt\b/)).toEqual([[' abgelehnt'], ['werbung ']]);
  });
});

// Random expressions over a small alphabet: every match holds a literal of every derived set.
const ATOMS = ['a', 'b', 'c', ' ', 'ab', 'ba', 'abc', '[ab]', '[a-c]', '[a-z]', '\\b', '(?=a)', '(?!b)', '(?<=a)', '(?<!c)', '.'];
const regexSource: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...ATOMS),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((parts) => `(?:${parts.join('|')})`),
    fc.tuple(tie('node'), fc.constantFrom('?', '*', '+', '{0,2}', '{1,2}', '{2}')).map(([node, q]) => `(?:${node})${q}`),
    tie('node').map((node) => `(${node})\\1`),
  ),
})).node;

function everyMatchHoldsItsFactors(derive: (regex: RegExp) => string[][]): fc.IPropertyWithHooks<[string, string]> {
  return fc.property(regexSource, fc.stringMatching(/^[abc ]{0,12}$/), (source, text) => {
    const sets = derive(new RegExp(source));
    for (const match of text.matchAll(new RegExp(source, 'g'))) {
      for (const set of sets) expect(set.some((literal) => match[0].includes(literal)), `${source} on "${text}": "${match[0]}" lacks ${JSON.stringify(set)}`).toBe(true);
    }
  });
}

describe('necessaryFactors on random expressions', () => {
  it('every match contains a literal of each set', () => {
    fc.assert(everyMatchHoldsItsFactors(necessaryFactors), propertyRuns(300));
  });

  it('finds a wrong derivation (the check can fail)', () => {
    // Wrong on purpose: optional parts taken as required.
    const wrong = (regex: RegExp): string[][] => necessaryFactors(new RegExp(regex.source.replace(/\)(?:\?|\*|\{0,2\})/g, ')')));
    expect(() => fc.assert(everyMatchHoldsItsFactors(wrong), { ...propertyRuns(300), seed: 1 })).toThrow(/Property failed/);
  });
});

/** Every labelled text the detector is measured on. */
function labelledTexts(): string[] {
  const heldout = new URL('./heldout/', import.meta.url);
  const files = [
    ...readdirSync(heldout).filter((f) => f.endsWith('.csv')).map((f) => new URL(f, heldout)),
    new URL('../../dev/objection-phrasings.csv', import.meta.url),
  ];
  const texts = files.flatMap((file) => (parse(readFileSync(file), { columns: true }) as { text: string }[]).map((r) => r.text));
  return [...new Set(texts)];
}

/** Variants no rule was written for: pieces of the texts cut at random and put together. */
function variants(texts: readonly string[], count: number, seed: number): string[] {
  const next = mulberry32(seed);
  const pick = (): string => texts[Math.floor(next() * texts.length)] as string;
  const piece = (text: string): string => {
    const from = Math.floor(next() * text.length);
    return text.slice(from, from + 1 + Math.floor(next() * (text.length - from)));
  };
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const kind = next();
    if (kind < 0.35) out.push(piece(pick()));
    else if (kind < 0.7) out.push(`${piece(pick())} ${piece(pick())}`);
    else if (kind < 0.85) out.push(`${pick()}. ${pick()}`);
    else out.push(`${piece(pick())}, ${pick()} – ${piece(pick())}`);
  }
  return out;
}

/** What the detector answers for a text: the reading, the rules' phrase and the model's tokens (which run the guards sentence by sentence). */
function answers(texts: readonly string[]): string[] {
  return texts.map((text) => JSON.stringify([readObjectionText(text), objectionRuleIn(text) ?? null, objectionModelTokens(text)]));
}

/** The seed of the share below: WINBACK_PROPERTY_SEED, else a new one each run (a failure names it). */
const SAMPLE_SEED = process.env.WINBACK_PROPERTY_SEED ? Number(process.env.WINBACK_PROPERTY_SEED) : Math.floor(Math.random() * 2 ** 31);

/**
 * A share of the labelled texts, drawn anew in each run: about 17,000 texts read twice take half
 * a minute alone, so a run reads `propertyRuns(2500)` of them — every one with
 * WINBACK_PROPERTY_RUNS from 700 (npm run test:long).
 */
function labelledSample(texts: readonly string[], seed: number): string[] {
  const size = Math.min(texts.length, propertyRuns(2500).numRuns);
  const next = mulberry32(seed);
  const order = texts.map((_text, k) => k);
  for (let k = 0; k < size; k++) {
    const j = k + Math.floor(next() * (order.length - k));
    [order[k], order[j]] = [order[j] as number, order[k] as number];
  }
  return order.slice(0, size).sort((a, b) => a - b).map((k) => texts[k] as string);
}

describe('the detector with the prefilter', () => {
  const texts = labelledTexts();
  const generated = variants(texts, Math.round(propertyRuns(3000).numRuns), 20261206);

  it('draws its share of the labelled texts from all of them', () => {
    expect(texts.length).toBeGreaterThan(10_000);
    const sample = labelledSample(texts, SAMPLE_SEED);
    expect(labelledSample(texts, SAMPLE_SEED)).toEqual(sample);
    expect(sample.length).toBe(Math.min(texts.length, propertyRuns(2500).numRuns));
    expect(new Set(sample).size).toBe(sample.length);
  });

  it.each([
    ['a share of the labelled texts', labelledSample(texts, SAMPLE_SEED)],
    ['random pieces and recombinations of them', generated],
  ])('answers as without it on %s', (_name, set) => {
    const before = prefilterSkips();
    const filtered = answers(set);
    const skipped = prefilterSkips() - before;
    // A text between the passes: the guards' one-text cache holds nothing the other pass wrote.
    readObjectionText('x');
    const unfiltered = withoutPrefilter(() => answers(set));
    const differing = set.filter((_text, k) => filtered[k] !== unfiltered[k]);
    expect(differing, `WINBACK_PROPERTY_SEED=${SAMPLE_SEED} draws the same share of the labelled texts`).toEqual([]);
    // The comparison means something: rules were left out, and objections were found.
    expect(skipped).toBeGreaterThan(set.length * 100);
    expect(unfiltered.filter((a) => !a.startsWith('[null,null')).length).toBeGreaterThan(set.length / 10);
  });
});
