/**
 * Departure-reason classification: a reason_code cell, or free text in German or English,
 * becomes one of the stable reason codes with a confidence and the evidence behind it.
 * Texts without a confident match stay `unknown` for review rather than being forced.
 */
import type { ReasonCode } from '../playbook-types.js';
import type { PhraseMatch } from './match.js';
import { BOUNDARY, tokenizeReason } from './normalize.js';
import { calibrated, combineReadings, strengthOf } from './combine.js';
import { readNgram, readTokens } from './ngram.js';
import { FINAL_CODES, ruledOut, withoutReasons } from './ruled-out.js';
import { prepareTokens } from './prepare.js';
import { statedFinal } from './stated-final.js';
import { rankReasons, ruleMatches } from './rules.js';
import { codeKey, knowsWord, resolveToken, type ReasonVocabulary } from './vocabulary.js';
import { lastAnswersOf, ownCopy } from '../text-answers.js';

export { normalizeReasonText, tokenizeReason } from './normalize.js';
export { compileVocabulary, type ReasonVocabulary } from './vocabulary.js';
export { parsePhrase } from './phrase.js';

export interface ReasonClassification {
  code: ReasonCode;
  secondary?: ReasonCode;
  /** 0..1; 1 for a recognised reason_code cell */
  confidence: number;
  /** the phrase that matched, or the code cell as given */
  evidence: string;
  source: 'code' | 'text' | 'none';
}

export interface ReasonInput {
  text?: string;
  code?: string;
}

/** Below this confidence a text is `unknown` (its best guess is kept as `secondary`). */
export const MIN_CONFIDENCE = 0.4;
/** A runner-up reason needs at least this score to be reported as secondary. */
const MIN_SECONDARY_SCORE = 0.5;
/**
 * A rule score this high comes from a strong phrase (the playbook weighs its plain final
 * phrases ^2 to ^3.6: "verstorben ^3", "terminated for ^2.2"); judgement. A ruled-out final
 * reason found so stays the runner-up even where another reason ranks above it.
 */
const STRONG_RULE_SCORE = 2;
const MAX_TOKENS = 200;
/** Words either side of a phrase that the model reads to back the phrase's reading. */
const NEAR = 2;
const TEXT_CACHE_LIMIT = 20_000;

const NOTHING: ReasonClassification = { code: 'unknown', confidence: 0, evidence: '', source: 'none' };

/** Classifies one row's reason: a known code cell wins; otherwise the text (and an unknown code cell) is read. */
export function classifyReason(input: ReasonInput, vocab: ReasonVocabulary): ReasonClassification {
  const code = input.code?.trim() ?? '';
  if (code !== '') {
    const known = vocab.codeLabels.get(codeKey(code));
    if (known !== undefined) return { code: known, confidence: 1, evidence: code, source: 'code' };
  }
  const said = input.text?.trim() ?? '';
  const codeText = code !== '' && codeKey(code) !== '' ? code : '';
  const text = codeText === '' ? said : said === '' ? codeText : `${said} ; ${codeText}`;
  if (text === '') return NOTHING;
  // The objection reader has just looked this cell up (a plan reads a row's objections first):
  // its entry in text-answers.ts holds this reading too, after the first time.
  const answers = lastAnswersOf(text);
  if (answers !== undefined && answers.vocabulary === vocab) return answers.reason as ReasonClassification;
  const result = classifyCached(text, vocab);
  if (answers !== undefined) {
    answers.reason = result;
    answers.vocabulary = vocab;
  }
  return result;
}

/** classifyReason of a text, through the vocabulary's own cache. */
function classifyCached(text: string, vocab: ReasonVocabulary): ReasonClassification {
  const cache = vocab.textCache as Map<string, ReasonClassification>;
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  // "siehe Ticket #48213": texts that differ only in their numbers classify alike.
  const shape = HAS_DIGIT.test(text) && numbersCanBeInert(vocab) ? `\u0000${withInertNumbers(text, vocab)}` : undefined;
  const alike = shape === undefined ? undefined : cache.get(shape);
  const result = alike ?? classifyText(text, vocab);
  if (cache.size >= TEXT_CACHE_LIMIT) cache.clear();
  // A text with a number in it seldom comes again as it is: where its shape stands for it,
  // only the shape is kept (the texts themselves filled half the cache).
  if (shape === undefined || (alike === undefined && HAS_DIGIT.test(result.evidence))) cache.set(ownCopy(text), result);
  else if (alike === undefined) cache.set(shape, result);
  return result;
}

const HAS_DIGIT = /\d/;

/** A number that is no vocabulary word and no part of a competitor's name ("1&1", "Check 24"). */
function isInertNumber(vocab: ReasonVocabulary, n: string): boolean {
  return resolveToken(vocab, n).length === 0 && !vocab.gazetteer.numberTokens.has(n);
}
/** A character tokenising joins to its neighbour (letters, numbers, marks, apostrophes are dropped without a space). */
const JOINS = /^[\p{L}\p{N}\p{M}'’`´]$/u;

/**
 * The text with every inert number token written 0. A number token is a maximal run of 0–9
 * with no joining character either side: it becomes a token of its own. One scan, the same
 * matches as /(?<![\p{L}\p{N}\p{M}'’`´])\d+(?![\p{L}\p{N}\p{M}'’`´])/gu, whose look-behind,
 * run on every row whose reason holds a digit, was a third of classifying a text seen before.
 */
export function withInertNumbers(text: string, vocab: ReasonVocabulary): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; ) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    if (!joinsBefore(text, i) && !joinsAt(text, end)) {
      const n = text.slice(i, end);
      if (isInertNumber(vocab, n)) {
        out += `${text.slice(from, i)}0`;
        from = end;
      }
    }
    i = end;
  }
  return from === 0 ? text : out + text.slice(from);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether the character (code point) at `at` is one tokenising joins to a neighbour. */
function joinsAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 96;
  return JOINS.test(String.fromCodePoint(text.codePointAt(at) as number));
}

/** Whether the code point that ends just before `at` joins. */
function joinsBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const low = text.charCodeAt(at - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && at >= 2 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  return joinsAt(text, pair ? at - 2 : at - 1);
}
const inert = new WeakMap<ReasonVocabulary, boolean>();

/**
 * True when negations and neutralizers hold no digits, and "0" matches no vocabulary word.
 * Then a number token that matches no vocabulary word ("48213", unlike "11" of "chapter 11")
 * matches nothing, negates nothing and only fills a gap: replacing it by "0" changes no match,
 * only evidence that spans it — which is why such results are not shared.
 */
function numbersCanBeInert(v: ReasonVocabulary): boolean {
  let known = inert.get(v);
  if (known === undefined) {
    const words = [...v.negations, ...v.neutralWords, ...v.neutralizers.flat()];
    known = !words.some((w) => HAS_DIGIT.test(w)) && resolveToken(v, '0').length === 0;
    inert.set(v, known);
  }
  return known;
}

function classifyText(text: string, vocab: ReasonVocabulary): ReasonClassification {
  const { tokens, shown } = prepareTokens(tokenizeReason(text).slice(0, MAX_TOKENS), vocab.gazetteer, (t) => knowsWord(vocab, t));
  const taught = vocab.taught.get(tokens.join(' '));
  if (taught !== undefined) return { code: taught, confidence: 1, evidence: shown.filter((t) => t !== BOUNDARY).join(' '), source: 'text' };
  const { matches, asserted, parts } = ruleMatches(tokens, vocab);
  const rankedAll = rankReasons(matches.filter((m) => m.reason !== 'unknown'));
  const asked = rankedAll.length === 0 ? rankReasons(matches)[0] : undefined;
  // An explicit "keine Angabe" / "no reason given".
  if (asked !== undefined) {
    const stated = runnerUp('unknown', undefined, tokens, ruledOut(tokens));
    return { code: 'unknown', ...(stated !== undefined && { secondary: stated }), confidence: round3(calibrated(strengthOf(asked.score))), evidence: evidenceOf(shown, asked.best), source: 'text' };
  }
  const modelEvidenceOf = readTokens(vocab.model, asserted);
  const readAll = (only?: ReadonlySet<number>, near?: { start: number; end: number }) => {
    if (near !== undefined) return readNgram(modelEvidenceOf, (at) => at >= near.start - NEAR && at <= near.end + NEAR);
    return readNgram(modelEvidenceOf, only === undefined ? undefined : (at) => only.has(parts[at] as number));
  };
  // Final reasons the text itself rules out ("Kd. hat selbst gekündigt", "Line went dead"), whatever else it says.
  const out = ruledOut(tokens);
  const { ranked, read } = out.length > 0 ? withoutReasons(rankedAll, readAll, vocab.model.codes, out) : { ranked: rankedAll, read: readAll };
  const combined = combineReadings(ranked, read, vocab.model.codes);
  if (combined === undefined) return NOTHING;
  const confidence = round3(calibrated(combined.confidence));
  const evidence = combined.rule !== undefined ? evidenceOf(shown, combined.rule.best) : modelEvidence(shown);
  // A final reason the text seems to rule out but the rules ranked first, or found in a strong phrase, stays the
  // runner-up: a person decides (plan/person-decides.ts). A weak one ranked lower ("terminated" beside a move) gave way
  // to another reading anyway.
  const top = rankedAll[0];
  const overruled = out.length > 0 ? rankedAll.find((r) => out.includes(r.reason) && FINAL_CODES.has(r.reason) && (r === top || r.score >= STRONG_RULE_SCORE))?.reason : undefined;
  const secondary = overruled ?? ranked.find((r) => r.reason !== combined.code && r.score >= MIN_SECONDARY_SCORE)?.reason;
  if (confidence < MIN_CONFIDENCE || combined.code === 'unknown') {
    const guess = combined.code === 'unknown' ? runnerUp('unknown', secondary, tokens, out) : combined.code;
    return { code: 'unknown', ...(guess !== undefined && { secondary: guess }), confidence, evidence, source: 'text' };
  }
  const result: ReasonClassification = { code: combined.code, confidence, evidence, source: 'text' };
  const second = runnerUp(combined.code, secondary, tokens, out);
  if (second !== undefined) result.secondary = second;
  return result;
}

/**
 * The runner-up of a reading: a final reason stated outright that neither reading took
 * ("cancelled by our ops manager", stated-final.ts) and the text does not rule out, else the
 * next reason found. With a final runner-up a person decides (plan/person-decides.ts).
 */
function runnerUp(code: ReasonCode, secondary: ReasonCode | undefined, tokens: readonly string[], out: readonly ReasonCode[]): ReasonCode | undefined {
  if (FINAL_CODES.has(code) || (secondary !== undefined && FINAL_CODES.has(secondary))) return secondary;
  const stated = statedFinal(tokens.join(' '));
  return stated !== undefined && !out.includes(stated) ? stated : secondary;
}

/** Evidence of a reading by the model alone: the text's words (without numbers), shortened. */
function modelEvidence(shown: string[]): string {
  return shown
    .filter((t) => t !== BOUNDARY && !HAS_DIGIT.test(t))
    .slice(0, 8)
    .join(' ');
}

function evidenceOf(tokens: string[], m: PhraseMatch): string {
  return tokens
    .slice(m.start, m.end + 1)
    .filter((t) => t !== BOUNDARY)
    .join(' ');
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
