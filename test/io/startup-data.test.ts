/**
 * The parts derived at build time (src/io/startup-data.ts, issue #17) are what a start derives
 * without them, and each is used only for what it was derived from. Run after `npm run build`
 * (the suite's pretest), which writes dist/derived/.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { necessaryFactors } from '../../src/domain/objections/prefilter.js';
import { validatePlaybook } from '../../src/domain/playbook.js';
import { compileVocabulary, learnedReaderOf } from '../../src/domain/reasons/vocabulary.js';
import { DEFAULT_PLAYBOOK_PATH, loadPlaybook } from '../../src/io/playbook-file.js';
import { BUILTIN_EXAMPLES_PATH, readExamples } from '../../src/io/reason-examples.js';
import { STARTUP_FILES, shippedExamples, shippedReader, shippedValidation, type ShippedReaderShape } from '../../src/io/startup-data.js';
import { ROOT, tempDir } from '../support/cli.js';

const DERIVED = join(ROOT, 'dist/derived');
const NOT_BUILT = `${DERIVED} is missing or older than src/io/startup-data.ts: run npm run build`;
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const playbookKey = `yaml:${sha256(readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8'))}`;
const examplesSha256 = sha256(readFileSync(BUILTIN_EXAMPLES_PATH));
const part = <T>(name: string) => JSON.parse(readFileSync(join(DERIVED, name), 'utf8')) as T;

describe('dist/derived/ holds what a start derives', () => {
  it('the objection rules’ literal sets: each as derived from its expression, for every rule registered', () => {
    const factors = part<[string, string[][]][]>(STARTUP_FILES.factors);
    expect(factors.length).toBeGreaterThan(200);
    for (const [key, sets] of factors) {
      const at = key.indexOf('/');
      expect(sets, key).toEqual(necessaryFactors(new RegExp(key.slice(at + 1), key.slice(0, at))));
    }
    // A fresh process of the build, without the parts, registers and derives the same expressions.
    const dist = join(ROOT, 'dist/domain/objections');
    const script = `import '${join(dist, 'text.js')}'; const { prefilterFactors } = await import('${join(dist, 'prefilter.js')}'); process.stdout.write(JSON.stringify(prefilterFactors().map(([k]) => k)));`;
    const keys = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as string[];
    expect(factors.map(([k]) => k)).toEqual(keys);
  });

  it('the shipped playbook, validated in each language', () => {
    const data = parseYaml(readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8').replace(/^\uFEFF/, ''));
    for (const lang of ['en', 'de'] as const) {
      expect(shippedValidation(playbookKey, lang, DERIVED), NOT_BUILT).toStrictEqual(validatePlaybook(data, lang));
    }
  });

  it('the shipped examples', async () => {
    expect(shippedExamples(examplesSha256, DERIVED), NOT_BUILT).toStrictEqual(await readExamples(BUILTIN_EXAMPLES_PATH, false));
  });

  it('the learned reader of the shipped playbook and examples, to the bit', async () => {
    const shipped = shippedReader(playbookKey, examplesSha256, DERIVED);
    expect(shipped, NOT_BUILT).toBeDefined();
    // A copy of the loaded playbook is another object: its reader is trained here.
    const vocabulary = compileVocabulary({ ...(await loadPlaybook()).playbook });
    const { model, taught } = vocabulary;
    const bits = (a: ArrayBufferView) => sha256(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    expect(shipped?.model.codes).toEqual(model.codes);
    for (const k of ['counts', 'denominators'] as const) expect(bits(shipped?.model[k] as ArrayBufferView), k).toBe(bits(model[k]));
    for (const k of ['keys', 'values'] as const) expect(bits(shipped?.model.rows[k] as ArrayBufferView), k).toBe(bits(model.rows[k]));
    expect(shipped?.model.counts.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shipped?.model.words.size).toBe(0);
    expect([...(shipped?.taught ?? [])]).toEqual([...taught]);
    // The vocabulary compiled with it, as a worker thread is handed it.
    expect(shipped?.compiled).toStrictEqual(learnedReaderOf(vocabulary).compiled);
  });
});

describe('a part is used only for what it was derived from', () => {
  it('another playbook text or examples file gets nothing', () => {
    expect(shippedValidation(`json:${playbookKey.slice(5)}`, 'en', DERIVED)).toBeUndefined();
    expect(shippedExamples(sha256('text,code\n'), DERIVED)).toBeUndefined();
    expect(shippedReader(`yaml:${sha256('reasons: []')}`, examplesSha256, DERIVED)).toBeUndefined();
    expect(shippedReader(playbookKey, sha256('text,code\n'), DERIVED)).toBeUndefined();
    expect(shippedReader(playbookKey, examplesSha256, DERIVED)).toBeDefined();
  });

  it('a part older than the modules that read it (tsc run again without the derive step) is not used', () => {
    const dir = tempDir();
    cpSync(DERIVED, dir, { recursive: true });
    expect(shippedExamples(examplesSha256, dir)).toBeDefined();
    utimesSync(join(dir, STARTUP_FILES.examples), new Date(0), new Date(0));
    utimesSync(join(dir, STARTUP_FILES.readerData), new Date(0), new Date(0));
    expect(shippedExamples(examplesSha256, dir)).toBeUndefined();
    expect(shippedReader(playbookKey, examplesSha256, dir)).toBeUndefined();
  });

  // npm unpacks a package in the tarball's order, each file stamped when written: the reader's
  // parts came out older than startup-data.js, and were derived again at every start.
  it('in an installed package (under node_modules/) a part is used whatever its time', () => {
    const dir = join(tempDir(), 'node_modules', 'winback', 'dist', 'derived');
    cpSync(DERIVED, dir, { recursive: true });
    utimesSync(join(dir, STARTUP_FILES.examples), new Date(0), new Date(0));
    utimesSync(join(dir, STARTUP_FILES.readerData), new Date(0), new Date(0));
    expect(shippedExamples(examplesSha256, dir)).toBeDefined();
    expect(shippedReader(playbookKey, examplesSha256, dir)).toBeDefined();
  });

  it('a binary part of the wrong size is not read', () => {
    const dir = tempDir();
    cpSync(DERIVED, dir, { recursive: true });
    const shape = JSON.parse(readFileSync(join(dir, STARTUP_FILES.reader), 'utf8')) as ShippedReaderShape;
    const file = join(dir, STARTUP_FILES.reader);
    writeFileSync(file, JSON.stringify({ ...shape, rows: shape.rows + 1 }));
    expect(shippedReader(playbookKey, examplesSha256, dir)).toBeUndefined();
  });
});
