/**
 * The learned reader of a playbook: the n-gram model trained from its phrases and labelled
 * examples, and the company's own examples to read as taught. Trained once per playbook
 * object; a worker thread gets the main thread's instead of training its own.
 */
import { REASON_CODES, type LabelledExample, type Playbook, type ReasonCode } from '../playbook-types.js';
import { createNgramTrainer, type NgramModel } from './ngram.js';
import type { CompiledVocabulary } from './vocabulary-types.js';

/** The company's own examples weigh this many times a shipped example or a phrase (judgement). */
const OWN_EXAMPLE_WEIGHT = 3;

/** The learned reader of a compiled vocabulary, to hand to another thread (structured-clonable). */
export interface LearnedReader {
  model: NgramModel;
  /** the company's own examples by their prepared tokens: a text taught is read as taught */
  taught: Map<string, ReasonCode>;
  /** the vocabulary compiled with this reader, handed to a worker thread (vocabulary.ts, learnedReaderOf) */
  compiled?: CompiledVocabulary;
}

/** What the reader of a playbook is trained from. */
export interface ReaderSources {
  /** the playbook's phrases as words (a word class by its first member), with their reason */
  phrases: { tokens: string[]; code: ReasonCode }[];
  examples: readonly LabelledExample[];
  /** a text's tokens as the classifier reads them */
  prepare: (text: string) => string[];
}

/**
 * The reader already trained for this playbook object, if its examples and phrase count are
 * unchanged: compiling the same playbook again (a test, a second command in one process)
 * does not train again. A playbook is not changed after loading; an edited copy is a new
 * object and trains anew.
 */
const trained = new WeakMap<object, { examples: unknown; phrases: number; reader: LearnedReader | (() => LearnedReader | undefined) }>();

/** The cached reader of a playbook, or undefined when it must be trained. */
export function knownReader(playbook: object, examples: unknown, phraseCount: number): LearnedReader | undefined {
  const cached = trained.get(playbook);
  if (cached === undefined || cached.examples !== examples || cached.phrases !== phraseCount) return undefined;
  if (typeof cached.reader !== 'function') return cached.reader;
  // A reader adopted lazily (adoptReader) is read at its first use; one that cannot be read is trained.
  const reader = cached.reader();
  if (reader === undefined) trained.delete(playbook);
  else cached.reader = reader;
  return reader;
}

/** How many phrases a playbook has: a cached reader is for a playbook with as many. */
export function phraseCountOf(playbook: Pick<Playbook, 'reasons'>): number {
  return playbook.reasons.reduce((n, r) => n + r.phrases.en.length + r.phrases.de.length, 0);
}

/**
 * Takes the reader trained for this playbook elsewhere — at build time, for the shipped playbook
 * and examples (src/io/startup-data.ts) — instead of training it here. `reader` is called at
 * the first compile that needs it; when it gives nothing, the reader is trained as usual.
 */
export function adoptReader(playbook: Pick<Playbook, 'reasons' | 'examples'>, reader: () => LearnedReader | undefined): void {
  if (!trained.has(playbook)) trained.set(playbook, { examples: playbook.examples, phrases: phraseCountOf(playbook), reader });
}

/** Trains the reader of a playbook and remembers it for that playbook object. */
export function trainReader(playbook: object, phraseCount: number, sources: ReaderSources): LearnedReader {
  const trainer = createNgramTrainer(REASON_CODES);
  for (const p of sources.phrases) trainer.add(p.tokens, p.code, 1);
  const taught = new Map<string, ReasonCode>();
  for (const ex of sources.examples) {
    const tokens = sources.prepare(ex.text);
    trainer.add(tokens, ex.code, ex.own ? OWN_EXAMPLE_WEIGHT : 1);
    if (ex.own) taught.set(tokens.join(' '), ex.code);
  }
  const reader = { model: trainer.finish(), taught };
  trained.set(playbook, { examples: sources.examples, phrases: phraseCount, reader });
  return reader;
}

/** The reader to pass to a worker: the model without the words it has read so far. */
export function readerForWorker(reader: LearnedReader): LearnedReader {
  return { model: { ...reader.model, words: new Map() }, taught: reader.taught };
}
