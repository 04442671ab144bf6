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
import { featureTable, featureValue, sharedMemory, type FeatureTable } from './feature-table.js';
import { BOUNDARY } from './normalize.js';

export interface NgramModel {
  codes: readonly ReasonCode[];
  /** row of each feature (by its hash) seen in training; shared memory, as `counts` (a worker reads the main thread's) */
  rows: FeatureTable;
  /** weighted count of each feature per code: row × codes.length + code index */
  counts: Float32Array;
  /** log of each code's smoothed total: log P(feature | code) = log(count + α) − this */
  denominators: Float64Array;
  /** each word's summed evidence, read once: reason texts use the same few thousand words */
  words: Map<string, WordEvidence>;
}

interface WordEvidence {
  sum: Float64Array | undefined;
  known: number;
  /** 1 a word the model knows, 0 one it does not, -1 no word (a number) */
  knownWord: number;
}

/** Words whose evidence is kept; past this the cache starts afresh (memory stays flat). */
const WORD_CACHE_LIMIT = 50_000;

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

/** FNV-1a (32 bit): features are kept as hashes, so reading a text builds no substrings. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Seeds that keep words, word pairs and letter n-grams apart. */
const WORD_SEED = 0x9e3779b9;
const PAIR_SEED = 0x7f4a7c15;

function hashRange(seed: number, text: string, from: number, to: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  // A signed 32-bit value is a small integer to the engine: much faster as a Map key.
  return h | 0;
}

/**
 * The features of each token of a text: letter n-grams of the word (with a space either
 * side) and the word itself (`own`, the same wherever the word stands), and the pair with
 * the word before it (`pair`; 0 at the start of a clause). A 32-bit hash stands for each;
 * with a few ten thousand features, two that share a hash are rare and only blur one count.
 * Tokens the model does not read (clause breaks, and `skip`: by default the words that only
 * say a contract ended) get none.
 */
export function tokenFeatures(
  tokens: readonly string[],
  each: (at: number, word: string, pair: number) => void,
  skip: ReadonlySet<string> = NOT_A_REASON,
): void {
  let previous = '';
  tokens.forEach((raw, at) => {
    if (raw === BOUNDARY || skip.has(raw)) {
      previous = '';
      return;
    }
    // Numbers differ in every ticket; their shape is what is shared.
    const word = HAS_DIGIT.test(raw) ? raw.replace(/\d+/g, '0') : raw;
    const pair = previous === '' ? 0 : hashRange(PAIR_SEED, `${previous} ${word}`, 0, previous.length + 1 + word.length);
    previous = word;
    each(at, word, pair);
  });
}

/** The word's own features: its hash first, then its letter n-grams. */
export function wordFeatures(word: string): number[] {
  const features = [hashRange(WORD_SEED, word, 0, word.length)];
  const padded = ` ${word} `;
  for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
    for (let i = 0; i + n <= padded.length; i++) features.push(hashRange(n, padded, i, i + n));
  }
  return features;
}

/** A word that carries letters and is no number marker: the model tells whether it knows it. */
function isWordLike(word: string): boolean {
  return HAS_LETTER.test(word) && !word.startsWith('num');
}

const HAS_DIGIT = /\d/;
const HAS_LETTER = /[a-z]/;

/** Counts training texts one by one; `finish` turns the counts into the model. */
export interface NgramTrainer {
  add(tokens: readonly string[], code: ReasonCode, weight: number): void;
  finish(): NgramModel;
}

/** A trainer for the given codes. Counting as texts come keeps no list of them in memory. */
export function createNgramTrainer(codes: readonly ReasonCode[]): NgramTrainer {
  const index = new Map(codes.map((c, i) => [c, i]));
  const n = codes.length;
  const rows = new Map<number, number>();
  let counts = new Float32Array(4096 * n);
  const totals = new Float64Array(n);
  // Training texts share most of their words: each word's rows are looked up once.
  const wordRows = new Map<string, number[]>();
  const rowOf = (f: number): number => {
    let row = rows.get(f);
    if (row === undefined) {
      rows.set(f, (row = rows.size));
      if (rows.size * n > counts.length) {
        const grown = new Float32Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
    }
    return row;
  };
  const count = (row: number, k: number, weight: number) => {
    counts[row * n + k] = (counts[row * n + k] as number) + weight;
    totals[k] = (totals[k] as number) + weight;
  };
  return {
    add(tokens, code, weight) {
      const k = index.get(code);
      if (k === undefined) return;
      tokenFeatures(tokens, (_at, word, pair) => {
        let own = wordRows.get(word);
        if (own === undefined) wordRows.set(word, (own = wordFeatures(word).map(rowOf)));
        for (const row of own) count(row, k, weight);
        if (pair !== 0) count(rowOf(pair), k, weight);
      });
    },
    finish() {
      const denominators = Float64Array.from(totals, (t) => Math.log(t + ALPHA * rows.size));
      const shared = new Float32Array(sharedMemory(4 * rows.size * n));
      shared.set(counts.subarray(0, rows.size * n));
      return { codes, rows: featureTable(rows, rows.size), counts: shared, denominators, words: new Map() };
    },
  };
}

/** Trains the model from tokenised examples; each example counts `weight` times. */
export function trainNgramModel(codes: readonly ReasonCode[], examples: readonly { tokens: readonly string[]; code: ReasonCode; weight: number }[]): NgramModel {
  const trainer = createNgramTrainer(codes);
  for (const ex of examples) trainer.add(ex.tokens, ex.code, ex.weight);
  return trainer.finish();
}

/** The model's evidence per token of a text, read once; readings of any stretch add it up. */
export interface TokenEvidence {
  model: NgramModel;
  /** per token: summed log-likelihoods per code, or undefined when it holds nothing known */
  logits: (Float64Array | undefined)[];
  known: number[];
  /** per token: 1 when it is a word (with letters) the model knows, 0 otherwise; -1 when no word */
  knownWord: number[];
}

/**
 * Looks up every token's features once. Features never seen in training are left out (they
 * would only favour codes with little training text).
 */
export function readTokens(model: NgramModel, tokens: readonly string[]): TokenEvidence {
  const n = model.codes.length;
  const ev: TokenEvidence = { model, logits: tokens.map(() => undefined), known: tokens.map(() => 0), knownWord: tokens.map(() => -1) };
  tokenFeatures(tokens, (at, word, pair) => {
    const own = wordEvidence(model, word);
    let sum = own.sum;
    let known = own.known;
    const row = pair === 0 ? undefined : featureValue(model.rows, pair);
    if (row !== undefined) {
      sum = sum === undefined ? new Float64Array(n) : Float64Array.from(sum);
      addRow(model, sum, row);
      known++;
    }
    ev.logits[at] = sum;
    ev.known[at] = known;
    ev.knownWord[at] = own.knownWord;
  });
  return ev;
}

function wordEvidence(model: NgramModel, word: string): WordEvidence {
  const cached = model.words.get(word);
  if (cached !== undefined) return cached;
  const features = wordFeatures(word);
  let sum: Float64Array | undefined;
  let known = 0;
  for (const f of features) {
    const row = featureValue(model.rows, f);
    if (row === undefined) continue;
    sum ??= new Float64Array(model.codes.length);
    addRow(model, sum, row);
    known++;
  }
  const knownWord = !isWordLike(word) ? -1 : featureValue(model.rows, features[0] as number) !== undefined ? 1 : 0;
  const evidence = { sum, known, knownWord };
  if (model.words.size >= WORD_CACHE_LIMIT) model.words.clear();
  model.words.set(word, evidence);
  return evidence;
}

function addRow(model: NgramModel, sum: Float64Array, row: number): void {
  const n = model.codes.length;
  const { counts, denominators } = model;
  for (let k = 0, i = row * n; k < n; k++, i++) sum[k] = (sum[k] as number) + Math.log((counts[i] as number) + ALPHA) - (denominators[k] as number);
}

/**
 * The model's reading of the tokens `include` selects (all when left out). Priors are
 * uniform: how often a code occurs differs between companies, and a text should be read
 * for what it says.
 */
export function readNgram(ev: TokenEvidence, include: (at: number) => boolean = () => true): NgramReading {
  const n = ev.model.codes.length;
  const logits = new Float64Array(n);
  let known = 0;
  let knownWords = 0;
  let words = 0;
  ev.logits.forEach((sum, at) => {
    if (!include(at)) return;
    const w = ev.knownWord[at] as number;
    if (w >= 0) words++;
    if (w === 1) knownWords++;
    if (sum === undefined) return;
    known += ev.known[at] as number;
    for (let k = 0; k < n; k++) logits[k] = (logits[k] as number) + (sum[k] as number);
  });
  return { posterior: softmax(logits, TEMPERATURE_PER_ROOT * Math.sqrt(Math.max(1, known))), known, knownWords, words };
}

function softmax(logits: Float64Array, temperature: number): Float64Array {
  let top = -Infinity;
  for (const x of logits) if (x > top) top = x;
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let k = 0; k < logits.length; k++) sum += out[k] = Math.exp(((logits[k] as number) - top) / temperature);
  for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) / sum;
  return out;
}
