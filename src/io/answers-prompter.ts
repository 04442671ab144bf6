/**
 * A prompter that answers from a JSON answers file (docs/worksheet.md): each question's key
 * is its path in the file; a missing answer takes the question's pre-filled default. Used
 * without a terminal, for repeatable workshops and in tests.
 */
import { jsonErrorAt } from './json-error.js';
import { customerKey } from '../domain/campaign/customer-key.js';
import { readFile } from 'node:fs/promises';
import { DataError, InputMissingError } from '../errors.js';
import { messages, type Lang } from '../domain/catalogue/index.js';
import type { ConfirmQuestion, InputQuestion, Prompter, PromptKey, SearchQuestion, SelectQuestion } from './prompts.js';

/** Reads and parses an answers file; the top level must be a JSON object. */
export async function readAnswersFile(path: string, label: string, lang: Lang = 'en'): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputMissingError(messages(lang).worksheetErrors.answersMissing(label));
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    throw new DataError(messages(lang).worksheetErrors.answersSyntax(label, (err as Error).message, jsonErrorAt(text.replace(/^\ufeff/, ''), err)), messages(lang).worksheetErrors.answersHint);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new DataError(messages(lang).worksheetErrors.answersNotObject(label), messages(lang).worksheetErrors.answersHint);
  }
  return data as Record<string, unknown>;
}

/** Keys of an answers file that are no answer to a question. */
const NOT_ANSWERS = new Set(['lang']);

/**
 * A prompter whose answers come from `doc`; invalid answers fail with the key that holds them,
 * in `lang`. `unusedAnswers` lists the answers no question asked for (a customer the step does
 * not show, such as an objector, or a misspelt key): the run says so instead of dropping them.
 */
export function createAnswersPrompter(doc: Record<string, unknown>, label: string, lang: Lang = 'en'): Prompter & { unusedAnswers(): string[] } {
  const say = messages(lang).worksheetErrors;
  const asked = new Set<string>();
  const lookup = (d: unknown, key: PromptKey): unknown => {
    const path = withCustomerKeyOf(d, key);
    asked.add(path.join('.'));
    return lookupIn(d, path);
  };
  const fail = (key: PromptKey, message: string): never => {
    throw new DataError(say.answerInvalid(label, key.join('.'), message), say.answersHint);
  };
  const asText = (q: InputQuestion): string => {
    const found = lookup(doc, q.key);
    if (found !== undefined && typeof found !== 'string' && typeof found !== 'number') fail(q.key, say.answerNotText);
    const value = found === undefined ? (q.default ?? '') : String(found);
    const ok = q.validate ? q.validate(value) : true;
    if (ok !== true) fail(q.key, say.answerRefused(value, String(ok)));
    return value;
  };
  return {
    interactive: false,
    select: <T extends string>(q: SelectQuestion<T>) => {
      const found = lookup(doc, q.key);
      const value = found === undefined ? (q.default ?? q.choices[0]?.value) : found;
      const choice = q.choices.find((c) => c.value === value);
      if (!choice) fail(q.key, say.answerNotChoice(String(value), q.choices.map((c) => c.value).filter((v) => !v.startsWith('@')).join(', ')));
      return Promise.resolve((choice as { value: T }).value);
    },
    input: (q) => Promise.resolve(asText(q)),
    text: (q) => Promise.resolve(asText(q)),
    confirm: (q: ConfirmQuestion) => {
      const found = lookup(doc, q.key);
      // An object at the key (e.g. customers[0]) means "yes, there is one".
      const value = found === undefined ? (q.default ?? false) : typeof found === 'boolean' ? found : typeof found === 'object' && found !== null;
      return Promise.resolve(value);
    },
    search: <T extends string>(q: SearchQuestion<T>): Promise<T> => fail(q.key, say.answerNoSearch),
    unusedAnswers: () => leafPaths(doc).filter((path) => !NOT_ANSWERS.has(path[0] as string) && !path.some((_, i) => asked.has(path.slice(0, i + 1).join('.')))).map((path) => path.join('.')),
  };
}

/** Every path from the top of `doc` to a value that is no object (arrays by index). */
function leafPaths(doc: unknown, at: string[] = []): string[][] {
  if (typeof doc !== 'object' || doc === null) return [at];
  const entries = Array.isArray(doc) ? doc.map((v, i) => [String(i), v] as const) : Object.entries(doc);
  return entries.length === 0 ? [] : entries.flatMap(([k, v]) => leafPaths(v, [...at, k]));
}

/** The sections of an answers file keyed by customer id. */
const BY_CUSTOMER = new Set(['decisions', 'relationships', 'measures']);

/**
 * The key with the customer id as the file writes it: ids match in any case and with any dash,
 * as everywhere else ("c‐00002" answers for C-00002); the key itself when the file has no such id.
 */
function withCustomerKeyOf(doc: unknown, key: PromptKey): PromptKey {
  const [section, id, ...rest] = key;
  if (id === undefined || !BY_CUSTOMER.has(section as string) || typeof doc !== 'object' || doc === null) return key;
  const answers = (doc as Record<string, unknown>)[section as string];
  if (typeof answers !== 'object' || answers === null || Object.hasOwn(answers, id)) return key;
  const wanted = customerKey(id);
  const written = Object.keys(answers).find((k) => customerKey(k) === wanted);
  return written === undefined ? key : [section as string, written, ...rest];
}

function lookupIn(doc: unknown, key: PromptKey): unknown {
  let at: unknown = doc;
  for (const part of key) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = Array.isArray(at) ? at[Number(part)] : (at as Record<string, unknown>)[part];
  }
  return at === null ? undefined : at;
}
