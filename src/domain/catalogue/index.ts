/**
 * The message catalogue: every word the user reads, in English and German, one key per text —
 * the commands' texts (messages.ts), the playbook check (playbook.ts), `--help` (help.ts), the
 * reader's texts (read.ts), the report's words (report.ts) and the worksheet's (worksheet.ts).
 * `messages(lang)` looks a text up; `say` words a key handed on with its arguments. Numbers,
 * money and dates in the language's form are in format.ts.
 * test/domain/messages.test.ts fails when a key lacks a language or German holds English words.
 */
import { m, type Entry, type Lang } from './entry.js';
import { HELP } from './help.js';
import { COMMAND_TEXTS } from './messages.js';
import { PLAYBOOK_CHECK } from './playbook.js';
import { READ_DE, READ_EN, type ReadTexts } from './read.js';
import { REPORT_DE, REPORT_EN } from './report.js';
import { WORKSHEET_DE, WORKSHEET_EN } from './worksheet.js';
import type { WinbackError } from '../../errors.js';

export type { Entry, Lang } from './entry.js';
export type { CommandHelp, HelpFrame } from './help.js';
export type { DateForm, ReadTexts, RejectLimitSource } from './read.js';
export type { WorkbookDamage } from './messages.js';
export { blockReasonText, type ReportLabels } from './report.js';
export { channelName, LESSON_QUESTION_IDS, type LessonQuestionId, type WorksheetTexts } from './worksheet.js';
export * from './format.js';

export const CATALOGUE = {
  ...COMMAND_TEXTS,
  /** playbook validate and every command that loads a playbook (playbook.ts) */
  playbookCheck: PLAYBOOK_CHECK,
  /** `--help`: each command's description, arguments, options and examples (help.ts, cli/help.ts). */
  help: HELP,
  /** What the reader says about rows and files: rejects.csv's error column, row warnings, data errors (read.ts). */
  read: { texts: m(READ_EN, READ_DE) },
  /** The words of the terminal and HTML reports and the clv and results pages (report.ts). */
  report: { ...COMMAND_TEXTS.report, words: m(REPORT_EN, REPORT_DE) },
  /** The worksheet's prompts and document (worksheet.ts). */
  worksheet: { ...COMMAND_TEXTS.worksheet, texts: m(WORKSHEET_EN, WORKSHEET_DE) },
};

type Catalogue = typeof CATALOGUE;

/** The catalogue in one language: the same keys, each with its text or text function. */
export type Messages = { [S in keyof Catalogue]: { [K in keyof Catalogue[S]]: Catalogue[S][K] extends Entry<infer T> ? T : never } };

const byLang = new Map<Lang, Messages>();

/** Every text of the catalogue in `lang` (English when not given). */
export function messages(lang: Lang = 'en'): Messages {
  let found = byLang.get(lang);
  if (found === undefined) {
    const pick = (section: Record<string, Entry<unknown>>) => Object.fromEntries(Object.entries(section).map(([k, e]) => [k, e[lang]]));
    found = Object.fromEntries(Object.entries(CATALOGUE).map(([s, section]) => [s, pick(section as Record<string, Entry<unknown>>)])) as Messages;
    byLang.set(lang, found);
  }
  return found;
}

/**
 * A text named by its catalogue key and arguments: what a module that cannot know the reader's
 * language hands on (a fit's warnings, say), worded later by `say` — no English sentence is
 * matched back into German.
 */
export type Said<S extends keyof Messages> = {
  [K in keyof Messages[S]]: Messages[S][K] extends (...args: infer A) => string ? { readonly key: K; readonly args: A } : { readonly key: K; readonly args: readonly [] };
}[keyof Messages[S]];

/** The text of a handed-on key in `lang`. */
export function say<S extends keyof Messages>(lang: Lang, section: S, said: Said<S>): string {
  const text = (messages(lang)[section] as Record<string, unknown>)[said.key as string];
  return typeof text === 'function' ? String((text as (...a: readonly unknown[]) => unknown)(...(said.args as readonly unknown[]))) : String(text);
}

/**
 * A text saved in a run's files (summary.json, model.json) for a later reader: its catalogue key
 * ("campaign.noLedger") and arguments, worded again in the reader's language.
 */
export interface SavedNote {
  readonly key: string;
  readonly args: readonly unknown[];
}

/** A warning as a command collects it: a key to save, or a text that has none (saved as it is). */
export type Noted = string | SavedNote;

/** The saved form of a handed-on key. */
export function noteOf<S extends keyof Messages>(section: S, said: Said<S>): SavedNote {
  return { key: `${section}.${String(said.key)}`, args: said.args as readonly unknown[] };
}

/**
 * A warning in `lang`; undefined for a saved key this catalogue does not know (a file of another
 * version). The key is a path into the catalogue ("campaign.noLedger", "read.texts.mixedDecimal");
 * an argument that is itself a saved note (the warning a model file holds, say) is worded first.
 */
export function sayNoted(lang: Lang, note: Noted): string | undefined {
  if (typeof note === 'string') return note;
  let text: unknown = messages(lang);
  for (const part of note.key.split('.')) {
    text = text !== null && typeof text === 'object' && !Array.isArray(text) && Object.hasOwn(text, part) ? (text as Record<string, unknown>)[part] : undefined;
  }
  if (typeof text === 'string') return text;
  if (typeof text !== 'function' || !Array.isArray(note.args) || note.args.length !== text.length) return undefined;
  const args: unknown[] = [];
  for (const arg of note.args) {
    const worded = isSavedNote(arg) ? sayNoted(lang, arg) : arg;
    if (worded === undefined) return undefined;
    args.push(worded);
  }
  return String((text as (...a: readonly unknown[]) => unknown)(...args));
}

/** True for a value shaped like a saved note ({ key, args }). */
export function isSavedNote(value: unknown): value is SavedNote {
  return value !== null && typeof value === 'object' && typeof (value as SavedNote).key === 'string' && Array.isArray((value as SavedNote).args);
}

/** A reader's note (readNote) in the words of `texts`, the reader's texts of one language. */
export function sayReadNote(texts: ReadTexts, note: SavedNote): string {
  const text = texts[note.key.replace(/^read\.texts\./, '') as keyof ReadTexts];
  return typeof text === 'function' ? String((text as (...a: readonly unknown[]) => unknown)(...note.args)) : String(text);
}

/** The saved form of a reader's text (read.ts), e.g. readNote('mixedDecimal', 3, 5, ','). */
export function readNote<K extends keyof ReadTexts>(key: K, ...args: ReadTexts[K] extends (...a: infer A) => string ? A : []): SavedNote {
  return { key: `read.texts.${key}`, args };
}

/**
 * The warnings of a run as its files keep them: `warnings` the English texts (what older readers
 * show), `warning_keys` beside them the key of each (null for a text without one).
 */
export function savedWarnings(notes: readonly Noted[]): { warnings: string[]; warning_keys: (SavedNote | null)[] } {
  return {
    warnings: notes.map((n) => sayNoted('en', n) ?? ''),
    warning_keys: notes.map((n) => (typeof n === 'string' ? null : { key: n.key, args: [...n.args] })),
  };
}

/** Saved warnings read back in the reader's language; a file without keys (or a key not known) keeps its text. */
export function readSavedWarnings(lang: Lang, warnings: unknown, keys: unknown): string[] {
  return savedNotes(warnings, keys).map((note) => sayNoted(lang, note) ?? '');
}

/** Saved warnings as notes again: each its key where this catalogue knows it, else its saved text. */
export function savedNotes(warnings: unknown, keys: unknown): Noted[] {
  const texts = Array.isArray(warnings) ? warnings.map(String) : [];
  const saved = Array.isArray(keys) && keys.length === texts.length ? (keys as unknown[]) : [];
  return texts.map((text, i) => {
    const key = saved[i];
    return isSavedNote(key) && sayNoted('en', key) !== undefined ? { key: key.key, args: key.args } : text;
  });
}

/**
 * An error raised where the reader's language is not known (a lock, a ledger check, a flag
 * parser): its texts as catalogue keys, English in `message` and `hint`, worded again where the
 * error is shown (cli/main.ts).
 */
export function keyedError<E extends WinbackError>(make: (message: string, hint?: string) => E, message: SavedNote, hint?: SavedNote): E {
  const error = make(sayNoted('en', message) ?? message.key, hint === undefined ? undefined : (sayNoted('en', hint) ?? hint.key));
  error.keyed = { message, ...(hint === undefined ? {} : { hint }) };
  return error;
}
