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
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prefilterFactorsFrom, type PrefilterFactors } from '../domain/objections/prefilter.js';
import { REASON_CODES, type LabelledExample, type ReasonCode } from '../domain/playbook-types.js';
import type { PlaybookValidation } from '../domain/playbook.js';
import { sharedMemory } from '../domain/reasons/feature-table.js';
import type { LearnedReader } from '../domain/reasons/learned.js';
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
  /** its feature table, counts and denominators, as the typed arrays hold them */
  readerData: 'reason-reader.bin',
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
  /** slots of the feature table, rows of counts */
  slots: number;
  rows: number;
  taught: [string, ReasonCode][];
}

/** The mtime of this module: a part written before it was derived by other code. */
let builtAt: number | undefined;

/** A part's bytes, or undefined when it is missing or older than the modules. */
function readPart(name: string, dir: string): Buffer | undefined {
  try {
    const file = join(dir, name);
    builtAt ??= statSync(fileURLToPath(import.meta.url)).mtimeMs;
    if (statSync(file).mtimeMs < builtAt) return undefined;
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
  prefilterFactorsFrom(() => readJson<PrefilterFactors>(STARTUP_FILES.factors, dir));
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
  const data = readPart(STARTUP_FILES.readerData, dir);
  const n = shape.codes.length;
  const bytes = [4 * shape.slots, 4 * shape.slots, 4 * shape.rows * n, 8 * n];
  if (data === undefined || data.length !== bytes.reduce((a, b) => a + b, 0)) return undefined;
  // Shared memory, as training makes it: a worker thread is handed the same memory.
  const [keys, values, counts] = bytes.slice(0, 3).map((size, k) => {
    const at = bytes.slice(0, k).reduce((a, b) => a + b, 0);
    const shared = new Uint8Array(sharedMemory(size));
    shared.set(data.subarray(at, at + size));
    return shared.buffer;
  }) as [ArrayBufferLike, ArrayBufferLike, ArrayBufferLike];
  const denominators = new Float64Array(n);
  new Uint8Array(denominators.buffer).set(data.subarray(data.length - 8 * n));
  return {
    model: { codes: REASON_CODES, rows: { keys: new Int32Array(keys), values: new Int32Array(values) }, counts: new Float32Array(counts), denominators, words: new Map() },
    taught: new Map(shape.taught),
  };
}
