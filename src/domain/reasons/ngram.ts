/**
 * The learned reading of a reason text: a multinomial naive Bayes model over character
 * n-grams (3 to 5 letters of each word), whole words and word pairs, trained from the
 * playbook's phrases and labelled examples. Character n-grams carry what a phrase list
 * cannot: stems of unseen compounds ("Funkloch", "Ölverlust"), inflections and typos.
 * Training is counting, so it is deterministic and takes milliseconds; nothing is
 * downloaded. Naive Bayes: McCallum & Nigam (1998), "A comparison of event models for
 * naive Bayes text classification", multinomial model with additive smoothing.
 */
import type { ReasonCode } from '../playbook-types.js';
import { BOUNDARY } from './normalize.js';

export interface NgramModel {
  codes: readonly ReasonCode[];
  /** row of each feature seen in training */
  rows: Map<string, number>;
  /** log P(feature | code): row × codes.length + code index */
  logLikelihood: Float32Array;
}

export interface NgramReading {
  /** posterior per code (same order as model.codes), tempered; uniform when nothing is known */
  posterior: Float64Array;
  /** features of the text the model has seen in training */
  known: number;
  /** words of the text (not counting markers of numbers) with a whole-word feature the model knows */
  knownWords: number;
  words: number;
}

/** Additive smoothing; small, because most features are seen for one or two codes only. */
const ALPHA = 0.3;
const MIN_GRAM = 3;
const MAX_GRAM = 5;
/**
 * Naive Bayes adds up overlapping n-gram evidence as if independent, so its posteriors are
 * far too sure, and the more so the longer the text. The log-odds are divided by this
 * factor times the square root of the number of known features (judgement, checked on the
 * tuning sets: see docs/reasons-accuracy.md).
 */
export const TEMPERATURE_PER_ROOT = 2;

/**
 * Words that say a contract ended, not why: every reason text may hold them, so the model
 * would read "Kd. hat gekündigt" as whichever reason used them most in training.
 */
const NOT_A_REASON = new Set([
  'kuendigung', 'kuendigen', 'kuendige', 'kuendigt', 'gekuendigt', 'kuendigte', 'hiermit', 'bitte', 'vertrag', 'vertrages',
  'kunde', 'kundin', 'kunden', 'cancel', 'cancels', 'cancelled', 'canceled', 'cancelling', 'canceling', 'cancellation',
  'contract', 'customer', 'client', 'account', 'please', 'hereby', 'left', 'ended', 'beendet', 'beenden', 'terminate',
]);

/** The features of a tokenised text: n-grams of each word, the words, neighbouring word pairs. */
export function featuresOf(tokens: readonly string[]): string[] {
  const out = new Set<string>();
  let previous = '';
  for (const raw of tokens) {
    if (raw === BOUNDARY || NOT_A_REASON.has(raw)) {
      previous = '';
      continue;
    }
    // Numbers differ in every ticket; their shape is what is shared.
    const word = raw.replace(/\d/g, '0');
    out.add(`w:${word}`);
    if (previous !== '') out.add(`b:${previous} ${word}`);
    previous = word;
    const padded = ` ${word} `;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (let i = 0; i + n <= padded.length; i++) out.add(padded.slice(i, i + n));
    }
  }
  return [...out];
}

/** Trains the model from tokenised examples; each example counts `weight` times. */
export function trainNgramModel(codes: readonly ReasonCode[], examples: readonly { tokens: readonly string[]; code: ReasonCode; weight: number }[]): NgramModel {
  const index = new Map(codes.map((c, i) => [c, i]));
  const n = codes.length;
  const rows = new Map<string, number>();
  const seen: { features: number[]; k: number; weight: number }[] = [];
  for (const ex of examples) {
    const k = index.get(ex.code);
    if (k === undefined) continue;
    const features = featuresOf(ex.tokens).map((f) => {
      let row = rows.get(f);
      if (row === undefined) rows.set(f, (row = rows.size));
      return row;
    });
    seen.push({ features, k, weight: ex.weight });
  }
  const counts = new Float64Array(rows.size * n);
  const totals = new Float64Array(n);
  for (const { features, k, weight } of seen) {
    for (const row of features) counts[row * n + k] = (counts[row * n + k] as number) + weight;
    totals[k] = (totals[k] as number) + weight * features.length;
  }
  const denominators = Array.from(totals, (t) => Math.log(t + ALPHA * rows.size));
  const logLikelihood = new Float32Array(counts.length);
  for (let i = 0; i < counts.length; i++) logLikelihood[i] = Math.log((counts[i] as number) + ALPHA) - (denominators[i % n] as number);
  return { codes, rows, logLikelihood };
}

/**
 * The model's reading of a tokenised text. Features never seen in training are left out
 * (they would only favour codes with little training text). Priors are uniform: how often
 * a code occurs differs between companies, and a text should be read for what it says.
 */
export function readNgram(model: NgramModel, tokens: readonly string[]): NgramReading {
  const n = model.codes.length;
  const logits = new Float64Array(n);
  let known = 0;
  let knownWords = 0;
  let words = 0;
  const table = model.logLikelihood;
  for (const f of featuresOf(tokens)) {
    const row = model.rows.get(f);
    if (f.startsWith('w:') && !f.startsWith('w:num') && /[a-z]/.test(f.slice(2))) {
      words++;
      if (row !== undefined) knownWords++;
    }
    if (row === undefined) continue;
    known++;
    for (let k = 0, at = row * n; k < n; k++, at++) logits[k] = (logits[k] as number) + (table[at] as number);
  }
  return { posterior: softmax(logits, TEMPERATURE_PER_ROOT * Math.sqrt(Math.max(1, known))), known, knownWords, words };
}

function softmax(logits: Float64Array, temperature: number): Float64Array {
  const top = Math.max(...logits);
  const out = logits.map((x) => Math.exp((x - top) / temperature));
  const sum = out.reduce((a, b) => a + b, 0);
  return out.map((x) => x / sum);
}
