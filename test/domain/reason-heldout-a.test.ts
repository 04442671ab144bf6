import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyReason, compileVocabulary, MIN_CONFIDENCE, type ReasonVocabulary } from '../../src/domain/reasons/reasons.js';
import { loadPlaybook } from '../../src/io/playbook-file.js';

/**
 * Reason texts in CSV sets (text, code, lang, industry, style): their accuracy and the confidence rule.
 *
 * Set A (300 texts, written on 2026-12-05 by someone who had not seen the vocabulary) was
 * first measured before any tuning: 75.7 % overall, 75.3 % German, 76.0 % English, and 90.8 %
 * of the texts classified with confidence ≥ 0.8 right (docs/reasons-accuracy.md). Since
 * then it is a tuning set: its figures show progress, not how well the classifier
 * generalises. Its texts are not among the training examples.
 *
 * The dev set (190 texts) was written by the project while tuning, with the vocabulary in
 * view: a check that the kinds of text issue 20 lists keep working, not a measure either.
 *
 * Set B (260 texts) was measured once, untouched, on 2026-12-05 (88.1 %); set C (320 texts,
 * second round) likewise (89.1 %: German 89.4 %, English 88.7 %). Both guided tuning after
 * that first measurement, so they are tuning sets too. Set D (320 texts, written with C) was
 * sealed until it was measured once on 2026-12-05 (84.7 %) and has been tuned on since; set E
 * (320 texts, 89.7 % at its one measurement) too. T2 (500 texts by an outside hand, 87.4 % at
 * its first measurement) is a training set: its texts are among the training examples, so its
 * figure only guards the rules and the model against regressions. Set F (320 texts, 90.6 % at
 * its one measurement) and T3 (360 texts by an outside hand, 91.4 % at its first measurement)
 * are training examples since the next round, like T2. Sets G and H (320 texts each, by outside
 * hands) were each measured once while sealed — G 95.3 % (German 96.3 %, English 94.4 %), H
 * 96.9 % (96.9 %, 96.9 %) — with nothing tuned on either since; their floors sit at those first
 * figures. The
 * floors sit just under what the classifier reaches after that tuning (2026-12-05); they
 * guard against regressions and say nothing about fresh text, which the next sealed set measures.
 */
const SETS = [
  { name: 'set A (2026-12-05, tuned on)', file: './reason-heldout-2026-12-05-A.csv', size: 300, german: 150, floor: { all: 0.98, de: 0.98, en: 0.98 } },
  { name: 'dev set', file: './reason-dev.csv', size: 190, german: 95, floor: { all: 0.97, de: 0.98, en: 0.96 } },
  { name: 'set B (2026-12-05, tuned on after its one measurement)', file: './reason-heldout-2026-12-05-B.csv', size: 260, german: 130, floor: { all: 0.97, de: 0.97, en: 0.97 } },
  { name: 'set C (2026-12-05, tuned on after its one measurement)', file: './reason-heldout-2026-12-05-C.csv', size: 320, german: 161, floor: { all: 0.98, de: 0.98, en: 0.98 } },
  { name: 'set D (2026-12-05, tuned on after its one measurement)', file: './reason-heldout-2026-12-05-D.csv', size: 320, german: 161, floor: { all: 0.97, de: 0.96, en: 0.98 } },
  { name: 'set E (2026-12-05, tuned on after its one measurement)', file: './reason-heldout-2026-12-05-E.csv', size: 320, german: 160, floor: { all: 0.98, de: 0.97, en: 0.98 } },
  { name: 'training set T2 (2026-12-05, an outside hand; trained and tuned on)', file: './reason-train-T2.csv', size: 500, german: 250, floor: { all: 0.98, de: 0.97, en: 0.98 } },
  { name: 'set F (2026-12-05, trained on after its one measurement)', file: './reason-heldout-2026-12-05-F.csv', size: 320, german: 160, floor: { all: 0.98, de: 0.98, en: 0.98 } },
  { name: 'training set T3 (2026-12-05, an outside hand; trained and tuned on)', file: './reason-train-T3.csv', size: 360, german: 180, floor: { all: 0.98, de: 0.98, en: 0.98 } },
  { name: 'set G (2026-12-05, an outside hand; measured once, not tuned on)', file: './reason-heldout-2026-12-05-G.csv', size: 320, german: 160, floor: { all: 0.95, de: 0.96, en: 0.94 } },
  { name: 'set H (2026-12-05, an outside hand; measured once, not tuned on)', file: './reason-heldout-2026-12-05-H.csv', size: 320, german: 160, floor: { all: 0.96, de: 0.96, en: 0.96 } },
  // Written blind while testing the decisions; measured once at 0cd6a64: 90.8 %, German 91.7 %, English 89.9 %.
  { name: 'set I (2026-12-07, an outside hand; measured once, not tuned on)', file: './reason-heldout-2026-12-07-I.csv', size: 163, german: 84, floor: { all: 0.9, de: 0.91, en: 0.89 } },
  // Written blind (DOMAIN.md and the seeds only) after the tuning that followed set I; measured once at 94c2570 (2026-12-07 13:00 UTC): 86.3 %, German 88.8 %, English 83.8 %.
  { name: 'set J (2026-12-07, an outside hand; measured once, not tuned on)', file: './reason-heldout-2026-12-07-J.csv', size: 320, german: 160, floor: { all: 0.86, de: 0.88, en: 0.83 } },
] as const;

/** The confidence rule of issue 20: what the classifier is sure of (≥ 0.8) is right at least this often. */
const SURE = 0.8;
const SURE_PRECISION = 0.97;

interface Row {
  text: string;
  code: string;
  lang: 'de' | 'en';
}

let vocab: ReasonVocabulary;

beforeAll(async () => {
  vocab = compileVocabulary((await loadPlaybook()).playbook);
});

function accuracy(subset: readonly Row[]): { share: number; misses: string } {
  const misses = subset.filter((r) => classifyReason({ text: r.text }, vocab).code !== r.code);
  return { share: 1 - misses.length / subset.length, misses: misses.map((r) => `${r.code}: ${r.text}`).join('\n') };
}

describe.each(SETS)('$name', ({ file, size, german, floor }) => {
  const rows = parse(readFileSync(new URL(file, import.meta.url)), { columns: true }) as Row[];

  it('holds its texts, German and English', () => {
    expect(rows).toHaveLength(size);
    expect(rows.filter((r) => r.lang === 'de')).toHaveLength(german);
    expect(rows.filter((r) => r.lang === 'en')).toHaveLength(size - german);
  });

  it.each([
    ['all', () => rows],
    ['de', () => rows.filter((r) => r.lang === 'de')],
    ['en', () => rows.filter((r) => r.lang === 'en')],
  ] as const)('classifies %s texts at least as well as recorded', (key, subset) => {
    const { share, misses } = accuracy(subset());
    expect(share, misses).toBeGreaterThanOrEqual(floor[key]);
  });

  it(`is right on at least ${SURE_PRECISION * 100} % of the texts it is sure of (confidence ≥ ${SURE})`, () => {
    const sure = rows.filter((r) => classifyReason({ text: r.text }, vocab).confidence >= SURE);
    const { share, misses } = accuracy(sure);
    expect(sure.length).toBeGreaterThan(rows.length / 3);
    expect(share, misses).toBeGreaterThanOrEqual(SURE_PRECISION);
  });

  it('leaves a text unknown only below the minimum confidence, or when it says nothing', () => {
    for (const r of rows) {
      const c = classifyReason({ text: r.text }, vocab);
      if (c.code !== 'unknown') expect(c.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
    }
  });
});
