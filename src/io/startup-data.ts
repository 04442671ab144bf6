/**
 * What every start derived alike from the shipped files, derived once at build time (issue #17):
 * `npm run build` runs dist/io/write-startup-data.js after tsc, which writes it into
 * dist/derived/. Each part names what it was derived from (the playbook's and the examples'
 * checksums, each expression's flags and source), and is used only for that: an edited playbook,
 * a playbook of one's own, the company's own examples, or rules added in the config are derived
 * at run time as before. test/io/startup-data.test.ts checks that each part equals what the
 * run-time derivation gives.
 *
 * The parts are read from dist/derived/ next to the modules that read them: run from src/ (the
 * tests), nothing is there and everything is derived. A part older than the modules (tsc run
 * again without the derive step: the code that derives may have changed) is not used either.
 */
import { readFileSync, statSync } from 'node:fs';
import { endianness } from 'node:os';
import { deserialize } from 'node:v8';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prefilterFactorsFrom, type FactorList } from '../domain/objections/factor-source.js';
import { REASON_CODES, type LabelledExample, type ReasonCode } from '../domain/playbook-types.js';
import type { PlaybookValidation } from '../domain/playbook.js';
import { featureTableOf, sharedMemory } from '../domain/reasons/feature-table.js';
import type { LearnedReader } from '../domain/reasons/learned.js';
import type { CompiledVocabulary } from '../domain/reasons/vocabulary-types.js';
import type { Lang } from '../domain/catalogue/index.js';

/** dist/derived/ when this module runs from dist/io/. */
export const STARTUP_DIR = fileURLToPath(new URL('../derived/', import.meta.url));

/** The files of dist/derived/. */
export const STARTUP_FILES = {
  /** the objection rules' literal sets (PrefilterFactors) */
  factors: 'objection-factors.json',
  /** the shipped playbook validated in each language, by the checksum of its text */
  playbook: 'playbook.json',
  /** the shipped reason examples, by the checksum of examples.csv */
  examples: 'examples.json',
  /** what the learned reader of the shipped playbook and examples was trained from, and its shape */
  reader: 'reason-reader.json',
  /** its features' hashes by row, its counts other than 0 (where, how many) and its denominators */
  readerData: 'reason-reader.bin',
  /** the vocabulary compiled with it (its maps and sets, no caches), as node:v8 serialises them */
  vocabulary: 'reason-vocabulary.bin',
} as const;

export interface ShippedPlaybook {
  /** `yaml:` and the sha256 of the playbook's text (the key io/playbook-file.ts reads it by) */
  key: string;
  validated: Record<Lang, PlaybookValidation>;
}

export interface ShippedExamples {
  sha256: string;
  /** text and code of each example, in the file's order */
  examples: [string, ReasonCode][];
}

export interface ShippedReaderShape {
  playbookKey: string;
  examplesSha256: string;
  /** byte order of the binary part */
  endianness: 'LE' | 'BE';
  codes: ReasonCode[];
  /** rows of counts (features), and how many of the counts are not 0 */
  rows: number;
  nonZero: number;
  taught: [string, ReasonCode][];
  /** the V8 that serialised the vocabulary: another one may not read it alike */
  v8: string;
}

/** The mtime of this module: a part written before it was derived by other code. */
let builtAt: number | undefined;

/**
 * Whether `dir` lies in an installed package (under node_modules/): npm unpacks a package's files
 * in the tarball's order and stamps each with the time it wrote it, so a part may be older than
 * the module there; and no bare tsc rebuilds an installed package, which the check is for.
 */
function installed(dir: string): boolean {
  return dir.split(/[\\/]/).includes('node_modules');
}

/** A part's bytes, or undefined when it is missing or older than the modules (outside an installed package). */
function readPart(name: string, dir: string): Buffer | undefined {
  try {
    const file = join(dir, name);
    builtAt ??= statSync(fileURLToPath(import.meta.url)).mtimeMs;
    if (!installed(dir) && statSync(file).mtimeMs < builtAt) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function readJson<T>(name: string, dir: string): T | undefined {
  const bytes = readPart(name, dir);
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * From now on the objection prefilter takes the rules' literal sets derived at build time,
 * read at its first derivation (a command that reads no objection reads nothing).
 */
export function useShippedFactors(dir: string = STARTUP_DIR): void {
  prefilterFactorsFrom(() => readJson<FactorList>(STARTUP_FILES.factors, dir));
}

let playbookPart: ShippedPlaybook | null | undefined;

/** The shipped playbook's validation in `lang` when `key` is the key of the shipped playbook's text, else undefined. */
export function shippedValidation(key: string, lang: Lang, dir: string = STARTUP_DIR): PlaybookValidation | undefined {
  playbookPart ??= readJson<ShippedPlaybook>(STARTUP_FILES.playbook, dir) ?? null;
  return playbookPart !== null && playbookPart.key === key ? playbookPart.validated[lang] : undefined;
}

/** The shipped examples when `sha256` is the checksum of the shipped examples.csv, else undefined. */
export function shippedExamples(sha256: string, dir: string = STARTUP_DIR): LabelledExample[] | undefined {
  const part = readJson<ShippedExamples>(STARTUP_FILES.examples, dir);
  if (part === undefined || part.sha256 !== sha256) return undefined;
  return part.examples.map(([text, code]) => ({ text, code, own: false }));
}

/**
 * The learned reader trained at build time, when it was trained from the playbook text of
 * `playbookKey` and the examples of `examplesSha256` alone (no own examples), else undefined.
 */
export function shippedReader(playbookKey: string, examplesSha256: string, dir: string = STARTUP_DIR): LearnedReader | undefined {
  const shape = readJson<ShippedReaderShape>(STARTUP_FILES.reader, dir);
  if (shape === undefined || shape.playbookKey !== playbookKey || shape.examplesSha256 !== examplesSha256) return undefined;
  // The codes are the model's columns: another list (another build) reads other columns.
  if (shape.endianness !== endianness() || shape.codes.join() !== REASON_CODES.join()) return undefined;
  const read = readPart(STARTUP_FILES.readerData, dir);
  const n = shape.codes.length;
  if (read === undefined || read.length !== 4 * shape.rows + 8 * shape.nonZero + 8 * n) return undefined;
  // The typed arrays below read it in place: they need its start aligned (a file this size has its own memory; else a copy).
  const data = read.byteOffset % 8 === 0 ? read : new Uint8Array(read);
  // Most features are seen for one or two reasons: the counts are kept sparse on disk (a quarter
  // of the bytes) and spread here into shared memory, as training makes them (a worker thread is
  // handed the same memory).
  const hashes = new Int32Array(data.buffer, data.byteOffset, shape.rows);
  const at = new Int32Array(data.buffer, data.byteOffset + 4 * shape.rows, shape.nonZero);
  const count = new Float32Array(data.buffer, data.byteOffset + 4 * shape.rows + 4 * shape.nonZero, shape.nonZero);
  const counts = new Float32Array(sharedMemory(4 * shape.rows * n));
  for (let k = 0; k < shape.nonZero; k++) counts[at[k] as number] = count[k] as number;
  // The table of feature rows, filled in the order training filled it: the same slots.
  const rows = featureTableOf(shape.rows, (put) => {
    for (let row = 0; row < shape.rows; row++) put(hashes[row] as number, row);
  });
  const denominators = new Float64Array(data.buffer.slice(data.byteOffset + data.length - 8 * n, data.byteOffset + data.length));
  // The vocabulary compiled with the reader: ~0.1 s of CPU and ~18 MB of garbage to compile, a fifth to read.
  const vocabulary = shape.v8 === process.versions.v8 ? readPart(STARTUP_FILES.vocabulary, dir) : undefined;
  let compiled: CompiledVocabulary | undefined;
  try {
    compiled = vocabulary === undefined ? undefined : (deserialize(vocabulary) as CompiledVocabulary);
  } catch {
    compiled = undefined;
  }
  return {
    model: { codes: REASON_CODES, rows, counts, denominators, words: new Map() },
    taught: new Map(shape.taught),
    ...(compiled !== undefined ? { compiled } : {}),
  };
}
