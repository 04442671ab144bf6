/**
 * The compiled classifier's data types (built by compileVocabulary in vocabulary.ts), in a
 * file of their own so the lookups can use them without importing the compiler.
 */
import type { ReasonCode } from '../playbook-types.js';
import type { NgramModel } from './ngram.js';
import type { WordKind, WordPattern } from './phrase.js';
import type { Gazetteer } from './prepare.js';

export interface CompiledPhrase {
  reason: ReasonCode;
  words: number[];
  unordered: boolean;
  weight: number;
}

/** One vocabulary word that a token matched; fuzzy when only within one typo. */
export interface TokenHit {
  word: number;
  fuzzy: boolean;
}

/** Precompiled classifier data; build with compileVocabulary, reuse for every row. */
export interface ReasonVocabulary {
  words: WordPattern[];
  phrases: CompiledPhrase[];
  /** phrase indexes by their first word (ordered) or by every word (unordered) */
  phrasesByWord: Map<number, number[]>;
  maps: Record<Exclude<WordKind, 'class'>, Map<string, number[]>>;
  /** word-class ids a member word also stands for ("rival" → @competitor) */
  classesOf: Map<number, number[]>;
  infixLengths: number[];
  fuzzyExact: Map<string, number[]>;
  fuzzyPrefix: Map<string, number[]>;
  fuzzySuffix: Map<string, number[]>;
  negations: Set<string>;
  /** neutralizer phrases as token sequences */
  neutralizers: string[][];
  /** one-word neutralizers, also read before a phrase ("zufrieden mit dem Preis") */
  neutralWords: Set<string>;
  /** tokens never matched by typo tolerance (playbook exactWords, folded) */
  exactWords: Set<string>;
  codeLabels: Map<string, ReasonCode>;
  tokenCache: Map<string, TokenHit[]>;
  /**
   * The words that are numbers ("11" of "chapter 11"), when every word with a digit is such a
   * short exact word: then a token of digits alone (a ticket number) that is not one of them
   * matches nothing. Undefined when some other word holds a digit.
   */
  numberWords: Set<string> | undefined;
  /** recent texts and their results: exports repeat the same few reason texts a lot */
  textCache: Map<string, unknown>;
  /** named competitors and comparison portals (playbook `competitors:`) */
  gazetteer: Gazetteer;
  /** the learned reader, trained from the phrases and the examples (see learned.ts) */
  model: NgramModel;
  /** the company's own examples by their prepared tokens: a text taught is read as taught */
  taught: Map<string, ReasonCode>;
}

/**
 * A compiled vocabulary without its caches and its reader: plain maps, sets and arrays a worker
 * thread is handed with the learned reader (learnedReaderOf), so that it compiles nothing.
 */
export type CompiledVocabulary = Omit<ReasonVocabulary, 'tokenCache' | 'textCache' | 'model' | 'taught'>;
