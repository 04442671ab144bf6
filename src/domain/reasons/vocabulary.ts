/**
 * Compiles a playbook's phrases once into lookup maps, so that classifying a row costs a
 * few map lookups per token and never builds a regular expression.
 */
import { REASON_CODES, type Playbook } from '../playbook-types.js';
export { knowsWord, resolveToken } from './lookup.js';
import { knownReader, phraseCountOf, readerForWorker, trainReader, type LearnedReader, type ReaderSources } from './learned.js';
import { trainNgramModel } from './ngram.js';
import { foldWord, tokenizeReason } from './normalize.js';
import { COMPARISON_PORTAL, COMPETITOR_NAME, compileGazetteer, prepareTokens } from './prepare.js';
import { FUZZY_MIN_LENGTH, knowsWord } from './lookup.js';
import type { CompiledVocabulary, ReasonVocabulary } from './vocabulary-types.js';
import { deletions, parseClassMember, parsePhrase, type WordPattern } from './phrase.js';

/** A fuzzy hit counts a little less than an exact one. */
export const FUZZY_FACTOR = 0.85;
const ALL_DIGITS = /^\d+$/;

export type { CompiledPhrase, ReasonVocabulary, TokenHit } from './vocabulary-types.js';

/**
 * The learned reader to pass to a worker: the model without the words it has read so far, and
 * the vocabulary compiled with it without its caches. A worker's copy costs a fraction of
 * compiling it again (~0.1 s of CPU, ~18 MB of garbage, at every worker's start).
 */
export function learnedReaderOf(v: ReasonVocabulary): LearnedReader {
  const { tokenCache: _tokens, textCache: _texts, model, taught, ...compiled } = v;
  return { ...readerForWorker({ model, taught }), compiled };
}

/** A vocabulary from its compiled parts (learnedReaderOf) and its reader, with empty caches: what compiling gives. */
function fromCompiled(c: CompiledVocabulary, learned: LearnedReader): ReasonVocabulary {
  return {
    words: c.words,
    phrases: c.phrases,
    phrasesByWord: c.phrasesByWord,
    maps: c.maps,
    classesOf: c.classesOf,
    infixLengths: c.infixLengths,
    fuzzyExact: c.fuzzyExact,
    fuzzyPrefix: c.fuzzyPrefix,
    fuzzySuffix: c.fuzzySuffix,
    negations: c.negations,
    neutralizers: c.neutralizers,
    neutralWords: c.neutralWords,
    exactWords: c.exactWords,
    codeLabels: c.codeLabels,
    tokenCache: new Map(),
    numberWords: c.numberWords,
    textCache: new Map(),
    gazetteer: c.gazetteer,
    model: learned.model,
    taught: learned.taught,
  };
}

/**
 * Builds the matchers for a playbook's vocabulary once. `learned`: the reader another thread
 * trained from this same playbook (skips training it again).
 */
export function compileVocabulary(
  playbook: Pick<Playbook, 'reasons' | 'negations' | 'neutralizers' | 'wordClasses' | 'exactWords' | 'competitors' | 'codes' | 'examples'>,
  learned?: LearnedReader,
): ReasonVocabulary {
  const phraseCount = phraseCountOf(playbook);
  const known = learned ?? knownReader(playbook, playbook.examples, phraseCount);
  // Handed by the thread that compiled it from this same playbook (learnedReaderOf), or compiled at build time (src/io/startup-data.ts).
  if (known?.compiled !== undefined) return fromCompiled(known.compiled, known);
  const v: ReasonVocabulary = {
    words: [],
    phrases: [],
    phrasesByWord: new Map(),
    maps: { exact: new Map(), prefix: new Map(), suffix: new Map(), infix: new Map() },
    classesOf: new Map(),
    infixLengths: [],
    fuzzyExact: new Map(),
    fuzzyPrefix: new Map(),
    fuzzySuffix: new Map(),
    negations: new Set([...playbook.negations.en, ...playbook.negations.de].map(foldWord)),
    neutralizers: [...(playbook.neutralizers?.en ?? []), ...(playbook.neutralizers?.de ?? [])]
      .map((p) => tokenizeReason(p))
      .filter((t) => t.length > 0),
    neutralWords: new Set(),
    exactWords: new Set((playbook.exactWords ?? []).map(foldWord)),
    codeLabels: new Map(),
    tokenCache: new Map(),
    numberWords: undefined,
    textCache: new Map(),
    gazetteer: compileGazetteer(playbook.competitors),
    model: trainNgramModel(REASON_CODES, []),
    taught: new Map(),
  };
  const wordIds = new Map<string, number>();
  const classMembers = withNameMarkers(playbook.wordClasses ?? {});
  const classes = internClasses(v, wordIds, classMembers);
  // The company's picklist codes come first: "17" means what the company says it means.
  for (const [label, code] of Object.entries(playbook.codes ?? {})) {
    const key = codeKey(label);
    if (key !== '' && !v.codeLabels.has(key)) v.codeLabels.set(key, code);
  }
  const phraseTexts: ReaderSources['phrases'] = [];
  for (const entry of playbook.reasons) {
    for (const label of [entry.code, entry.label.en, entry.label.de, ...entry.codeLabels]) {
      const key = codeKey(label);
      if (key !== '' && !v.codeLabels.has(key)) v.codeLabels.set(key, entry.code);
    }
    for (const text of [...entry.phrases.en, ...entry.phrases.de]) {
      const parsed = parsePhrase(text, classes);
      if ('key' in parsed) continue; // validatePlaybook reports it
      if (known === undefined) phraseTexts.push({ tokens: parsed.words.map((w) => (w.kind === 'class' ? classExample(classMembers, w.text) : w.text)), code: entry.code });
      const ids = parsed.words.map((w) => internWord(v, wordIds, w));
      const index = v.phrases.push({ reason: entry.code, words: ids, unordered: parsed.unordered, weight: parsed.weight }) - 1;
      for (const id of parsed.unordered ? new Set(ids) : [ids[0] as number]) addTo(v.phrasesByWord, id, index);
    }
  }
  for (const n of v.neutralizers) if (n.length === 1) v.neutralWords.add(n[0] as string);
  v.infixLengths = [...new Set(v.words.filter((w) => w.kind === 'infix').map((w) => w.text.length))];
  v.numberWords = numberWordsOf(v.words);
  const reader = known ?? trainReader(playbook, phraseCount, { phrases: phraseTexts, examples: playbook.examples ?? [], prepare: (text) => preparedTokens(v, text) });
  v.model = reader.model;
  v.taught = reader.taught;
  return v;
}

/**
 * The vocabulary compiled for this playbook object, compiled once per process: a loaded
 * playbook is never changed (io/playbook-file.ts freezes it, and loads the same content as the
 * same object), and classifying changes only the vocabulary's caches, which give what a fresh
 * vocabulary gives (test/domain/reasons-cache.test.ts).
 */
export function vocabularyFor(playbook: Playbook): ReasonVocabulary {
  let v = compiled.get(playbook);
  if (v === undefined) {
    v = compileVocabulary(playbook);
    compiled.set(playbook, v);
  }
  return v;
}

const compiled = new WeakMap<Playbook, ReasonVocabulary>();

/** A text's tokens as the classifier reads them: competitor names as markers, glued words split. */
export function preparedTokens(v: ReasonVocabulary, text: string): string[] {
  return prepareTokens(tokenizeReason(text), v.gazetteer, (t) => knowsWord(v, t)).tokens;
}

/** A word standing for a class in a phrase's training text: the class's first member, stars dropped. */
function classExample(classes: Record<string, string[]>, name: string): string {
  const first = parseClassMember(classes[name]?.[0] ?? name);
  return 'key' in first ? name : first.text;
}

/**
 * The words made of digits alone, if every word with a digit is one of them, matched exactly
 * and too short for typo tolerance; else undefined.
 */
function numberWordsOf(words: readonly WordPattern[]): Set<string> | undefined {
  const numbers = new Set<string>();
  for (const w of words) {
    if (!/\d/.test(w.text) || w.kind === 'class') continue;
    if (w.kind !== 'exact' || !ALL_DIGITS.test(w.text) || w.text.length >= FUZZY_MIN_LENGTH - 1) return undefined;
    numbers.add(w.text);
  }
  return numbers;
}

/** The lookup key of a reason_code cell or label: folded, without spaces or punctuation. */
export function codeKey(text: string): string {
  return foldWord(text).replace(/ /g, '');
}

/** A named competitor counts as "@competitor", a named portal as "@portal", in every phrase. */
function withNameMarkers(classes: Record<string, string[]>): Record<string, string[]> {
  return {
    ...classes,
    competitor: [...(classes.competitor ?? []), COMPETITOR_NAME],
    portal: [...(classes.portal ?? []), COMPARISON_PORTAL],
  };
}

/** A word class is one word id that every member word also resolves to. */
function internClasses(v: ReasonVocabulary, ids: Map<string, number>, classes: Record<string, string[]>): Set<string> {
  for (const [name, members] of Object.entries(classes)) {
    const classId = internWord(v, ids, { kind: 'class', text: name });
    for (const raw of members) {
      const member = parseClassMember(raw);
      if ('key' in member) continue; // validatePlaybook reports it
      addTo(v.classesOf, internWord(v, ids, member), classId);
    }
  }
  return new Set(Object.keys(classes));
}

function internWord(v: ReasonVocabulary, ids: Map<string, number>, w: WordPattern): number {
  const key = `${w.kind}:${w.text}`;
  const known = ids.get(key);
  if (known !== undefined) return known;
  const id = v.words.push(w) - 1;
  ids.set(key, id);
  if (w.kind === 'class') return id;
  addTo(v.maps[w.kind], w.text, id);
  if (w.text.length >= FUZZY_MIN_LENGTH) {
    const keys = [w.text, ...deletions(w.text)];
    if (w.kind === 'exact') keys.forEach((k) => addTo(v.fuzzyExact, k, id));
    if (w.kind === 'prefix' || w.kind === 'infix') keys.forEach((k) => addTo(v.fuzzyPrefix, k, id));
    if (w.kind === 'suffix' || w.kind === 'infix') keys.forEach((k) => addTo(v.fuzzySuffix, k, id));
  }
  return id;
}

/**
 * Adds value to key's list. Every caller adds a value to a key in one run of calls (one
 * phrase, one word), so looking at the last entry is enough to keep the list free of repeats.
 */
function addTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}
