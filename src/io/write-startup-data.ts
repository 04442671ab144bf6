/**
 * The build step after tsc (`npm run build`): derives what every start would derive alike from
 * the shipped files and writes it into dist/derived/ (startup-data.ts reads it). Run as
 * `node dist/io/write-startup-data.js`; it derives everything afresh, as a start without the
 * parts does, so the old parts are removed first.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { serialize } from 'node:v8';
import { prefilterFactors } from '../domain/objections/prefilter.js';
// The detector's rules register their prefilters when its module loads.
import '../domain/objections/text.js';
import { validatePlaybook } from '../domain/playbook.js';
import { REASON_CODES } from '../domain/playbook-types.js';
import { compileVocabulary, learnedReaderOf } from '../domain/reasons/vocabulary.js';
import { loadPlaybook, readPlaybookSource } from './playbook-file.js';
import { BUILTIN_EXAMPLES_PATH, readExamples } from './reason-examples.js';
import { STARTUP_DIR, STARTUP_FILES, type ShippedExamples, type ShippedPlaybook, type ShippedReaderShape } from './startup-data.js';

/** Writes every part into `dir` (dist/derived/), emptied first. */
export async function writeStartupData(dir: string = STARTUP_DIR): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const json = (name: string, value: unknown) => {
    // What is read back must be what was derived: JSON loses undefined members, -0, NaN and shared objects' identity.
    const text = JSON.stringify(value);
    if (!isDeepStrictEqual(JSON.parse(text), value)) throw new Error(`${name}: the derived value does not survive JSON`);
    writeFileSync(join(dir, name), text);
  };

  json(STARTUP_FILES.factors, prefilterFactors());

  const source = await readPlaybookSource();
  const validated = { en: validatePlaybook(source.data, 'en'), de: validatePlaybook(source.data, 'de') };
  if (validated.en.playbook === undefined) throw new Error(`the shipped playbook is invalid: ${JSON.stringify(validated.en.errors)}`);
  const playbookKey = `yaml:${source.sha256}`;
  json(STARTUP_FILES.playbook, { key: playbookKey, validated } satisfies ShippedPlaybook);

  const examplesSha256 = createHash('sha256').update(readFileSync(BUILTIN_EXAMPLES_PATH)).digest('hex');
  const examples = await readExamples(BUILTIN_EXAMPLES_PATH, false);
  json(STARTUP_FILES.examples, { sha256: examplesSha256, examples: examples.map((e) => [e.text, e.code]) } satisfies ShippedExamples);

  // The shipped playbook as a command loads it (no own examples), trained as a command without the parts trains it.
  const loaded = await loadPlaybook();
  if (loaded.sha256 !== source.sha256) throw new Error('the shipped playbook changed while it was read');
  const vocabulary = compileVocabulary(loaded.playbook);
  const { model, taught } = vocabulary;
  const n = model.codes.length;
  const rows = model.counts.length / n;
  // Each row's feature hash, from the table (a row is the value its hash is kept with).
  const hashes = new Int32Array(rows);
  model.rows.values.forEach((row, slot) => {
    if (row >= 0 && row < rows) hashes[row] = model.rows.keys[slot] as number;
  });
  const at: number[] = [];
  model.counts.forEach((c, k) => {
    if (c !== 0 || Object.is(c, -0)) at.push(k);
  });
  const shape: ShippedReaderShape = {
    playbookKey,
    examplesSha256,
    endianness: endianness(),
    codes: [...model.codes],
    rows,
    nonZero: at.length,
    taught: [...taught],
    v8: process.versions.v8,
  };
  if (shape.codes.join() !== REASON_CODES.join()) throw new Error('the reason model has other codes than REASON_CODES');
  json(STARTUP_FILES.reader, shape);
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const parts = [hashes, Int32Array.from(at), Float32Array.from(at, (k) => model.counts[k] as number), model.denominators];
  writeFileSync(join(dir, STARTUP_FILES.readerData), Buffer.concat(parts.map(bytes)));
  // The compiled vocabulary as a worker thread is handed it (learnedReaderOf), before any text was classified.
  writeFileSync(join(dir, STARTUP_FILES.vocabulary), serialize(learnedReaderOf(vocabulary).compiled));
}

// Run as a script (the build), not when a test imports it.
if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  // Silent, as tsc is: a failure throws and fails the build.
  await writeStartupData();
}
