/**
 * Reading playbook files (YAML or JSON) and writing an editable copy of the default.
 */
import { createHash } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatePlaybook, type PlaybookValidation } from '../domain/playbook.js';
import type { LabelledExample, Playbook, ReasonCode } from '../domain/playbook-types.js';
import { DataError, InputMissingError, UsageError } from '../errors.js';
import { tempPathFor, toWriteError, writeFileAtomic } from './atomic-write.js';
import { BUILTIN_EXAMPLES_PATH, readExamples } from './reason-examples.js';
import { codeKey } from '../domain/reasons/vocabulary.js';
import { adoptReader } from '../domain/reasons/learned.js';
import { shippedExamples, shippedReader, shippedValidation } from './startup-data.js';
import { messages, type Lang } from '../domain/catalogue/index.js';

/** The shipped default; from src/io (vitest) and dist/io (built) alike this is <root>/src/playbook. */
export const DEFAULT_PLAYBOOK_PATH = fileURLToPath(new URL('../../src/playbook/default.yaml', import.meta.url));

export interface PlaybookSource {
  /** parsed YAML/JSON, not yet validated */
  data: unknown;
  text: string;
  sha256: string;
  /** the path read, or "default" for the shipped playbook */
  source: string;
  path: string;
}

export interface LoadedPlaybook {
  playbook: Playbook;
  /** of the playbook file, and of its own examples when it names an examples file */
  sha256: string;
  source: string;
  warnings: string[];
}

/** Reads and parses a playbook file without validating it; the default when no path is given. Errors in `lang`. */
export async function readPlaybookSource(path?: string, lang: Lang = 'en'): Promise<PlaybookSource> {
  const read = await readPlaybookText(path, lang);
  return { ...read, data: await parseText(read.text, read.path, lang) };
}

/** Reads a playbook file's text and its checksum; the default when no path is given. Errors in `lang`. */
async function readPlaybookText(path: string | undefined, lang: Lang): Promise<Omit<PlaybookSource, 'data'>> {
  const file = path ?? DEFAULT_PLAYBOOK_PATH;
  const t = messages(lang).playbookCheck;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputMissingError(code === 'ENOENT' ? t.notFound(file) : t.unreadable(file, (err as Error).message), path === undefined ? t.defaultMissingHint : t.pathHint);
  }
  const sha256 = createHash('sha256').update(text).digest('hex');
  return { text, sha256, source: path ?? 'default', path: file };
}

/**
 * Loads and validates a playbook; an invalid one is a DataError listing each problem with its
 * path, in `lang`. Its examples are the shipped ones, then its own from the examples file it names.
 */
export async function loadPlaybook(path?: string, lang: Lang = 'en'): Promise<LoadedPlaybook> {
  const src = await readPlaybookText(path, lang);
  // JSON is parsed apart from YAML (parseText): the same bytes under either name are two keys.
  const textKey = `${isJson(src.path) ? 'json' : 'yaml'}:${src.sha256}`;
  // Its warnings are worded in the run's language.
  let result = validated.get(`${lang}:${textKey}`);
  if (result === undefined) {
    // The shipped playbook was validated at build time (startup-data.ts): the same text, the same result.
    result = shippedValidation(textKey, lang) ?? validatePlaybook(await parseText(src.text, src.path, lang), lang);
    // Only a valid playbook is kept: the message of an invalid one names the file it was read from.
    if (result.playbook !== undefined) remember(validated, `${lang}:${textKey}`, result);
  }
  if (result.playbook === undefined) throw new DataError(describeInvalid(src.path, result, lang), messages(lang).playbookCheck.validateHint(src.path));
  // Its own examples file lives next to it: read on every load, as the playbook file is.
  const own = await ownExamples(result.playbook, src.path);
  const ownText = own.length === 0 ? '' : JSON.stringify(own.map((e) => [e.text, e.code]));
  // The examples change how reasons are read: a run's manifest names them with the playbook.
  const sha256 = own.length === 0 ? src.sha256 : createHash('sha256').update(src.sha256).update(ownText).digest('hex');
  const key = `${textKey}:${sha256}`;
  let playbook = playbooks.get(key);
  if (playbook === undefined) {
    const shipped = await builtinExamples();
    playbook = deepFreeze({ ...result.playbook, examples: [...shipped.examples, ...own] });
    // Trained at build time from this playbook text and these examples, and read only when a command compiles its vocabulary.
    if (own.length === 0) adoptReader(playbook, () => shippedReader(textKey, shipped.sha256));
    remember(playbooks, key, playbook);
  }
  return { playbook, sha256, source: src.source, warnings: [...result.warnings] };
}

/**
 * Playbooks loaded in this process, by the bytes they were read from (playbook file, and own
 * examples file): loading the same content again — a second command in one process, every
 * in-process test — gives the same playbook object without parsing and validating it again,
 * and with it the reason vocabulary compiled for it (vocabularyFor). An edited file has other
 * bytes and is read anew. The objects are frozen: every load of that content shares them.
 */
const validated = new Map<string, PlaybookValidation>();
const playbooks = new Map<string, Playbook>();
/** Playbooks kept per process (judgement: a few edits of one playbook in a long session). */
const KEPT_PLAYBOOKS = 8;

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= KEPT_PLAYBOOKS) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function isJson(file: string): boolean {
  return file.toLowerCase().endsWith('.json');
}

/** Where the examples file a playbook names lives: next to the playbook. */
export function examplesPathOf(playbook: Playbook, playbookPath: string): string | undefined {
  return playbook.examplesFile === undefined ? undefined : resolve(dirname(playbookPath), playbook.examplesFile);
}

let builtin: Promise<{ examples: LabelledExample[]; sha256: string }> | undefined;

/** The shipped examples and the checksum of their file, read once per process. */
function builtinExamples(): Promise<{ examples: LabelledExample[]; sha256: string }> {
  builtin ??= (async () => {
    // Unreadable, the file is read again below and reported as before.
    const sha256 = await readFile(BUILTIN_EXAMPLES_PATH).then((bytes) => createHash('sha256').update(bytes).digest('hex'), () => '');
    // Read at build time from the same bytes (startup-data.ts): no CSV to parse.
    const examples = (sha256 === '' ? undefined : shippedExamples(sha256)) ?? (await readExamples(BUILTIN_EXAMPLES_PATH, false));
    return { examples, sha256 };
  })();
  return builtin;
}

async function ownExamples(playbook: Playbook, playbookPath: string): Promise<LabelledExample[]> {
  const file = examplesPathOf(playbook, playbookPath);
  if (file === undefined) return [];
  return readExamples(file, true, (label) => codeOfLabel(playbook, label));
}

/** The reason a code cell stands for in this playbook: a stable code, a label, a codeLabel or a picklist code. */
export function codeOfLabel(playbook: Playbook, label: string): ReasonCode | undefined {
  const key = codeKey(label);
  if (key === '') return undefined;
  for (const [own, code] of Object.entries(playbook.codes ?? {})) if (codeKey(own) === key) return code;
  const entry = playbook.reasons.find((r) => [r.code, r.label.en, r.label.de, ...r.codeLabels].some((l) => codeKey(l) === key));
  return entry?.code;
}

/** One message naming the file and each error with the path to the bad entry. */
export function describeInvalid(file: string, result: PlaybookValidation, lang: Lang = 'en'): string {
  const lines = result.errors.map((e) => `  ${e.path}: ${e.message}`);
  return `${messages(lang).playbook.invalid(file, result.errors.length)}\n${lines.join('\n')}`;
}

async function parseText(text: string, file: string, lang: Lang): Promise<unknown> {
  const trimmed = text.replace(/^\uFEFF/, '');
  // The YAML parser is loaded only to read a YAML file: the shipped playbook comes parsed (startup-data.ts).
  const yaml = isJson(file) ? undefined : await import('yaml');
  try {
    // JSON is valid YAML, but JSON.parse gives better messages for .json files.
    if (yaml === undefined) return JSON.parse(trimmed) as unknown;
    return yaml.parse(trimmed, { prettyErrors: true }) as unknown;
  } catch (err) {
    const at = yaml !== undefined && err instanceof yaml.YAMLParseError && err.linePos ? err.linePos[0] : undefined;
    throw new DataError(messages(lang).playbookCheck.syntax(file, file.endsWith('.json') ? 'JSON' : 'YAML', at?.line, at?.col, firstLine(err)));
  }
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

/**
 * Writes text to `file` atomically. With `overwrite` the shared atomic writer replaces the
 * file; without it the finished temp file is hard-linked into place, which fails when the
 * name is taken, so an existing file is never replaced even when two runs race.
 */
export async function writePlaybookFile(file: string, text: string, overwrite: boolean, lang: Lang = 'en'): Promise<void> {
  const say = messages(lang).playbook;
  if (overwrite) return writeFileAtomic(file, text);
  const temp = tempPathFor(file);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await link(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(say.initExists(file), say.initExistsHint);
    throw toWriteError(err, file);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
