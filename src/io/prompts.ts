/**
 * Questions to a person. The worksheet flow asks through the `Prompter` interface; this file
 * is the only one that imports @inquirer/prompts, and only when a terminal prompter is
 * created, so `winback --help` never loads it. Every question carries a key (its path in the
 * answers file, e.g. ['decisions', 'C-00002', 'decision']) so scripts can answer it.
 */

/** Where a question's answer lives in an answers file. */
export type PromptKey = readonly string[];

export interface PromptChoice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

export interface SelectQuestion<T extends string> {
  key: PromptKey;
  message: string;
  choices: readonly PromptChoice<T>[];
  default?: T;
}

export interface InputQuestion {
  key: PromptKey;
  message: string;
  default?: string;
  /** true when valid, else the message to show */
  validate?: (value: string) => true | string;
}

export interface ConfirmQuestion {
  key: PromptKey;
  message: string;
  default?: boolean;
  /** the words for yes and no in the session's language */
  yes?: string;
  no?: string;
}

export interface SearchQuestion<T extends string> {
  key: PromptKey;
  message: string;
  /** the choices matching a typed term */
  source: (term: string) => readonly PromptChoice<T>[];
}

/** What the worksheet flow may ask. Implementations: terminal (inquirer), answers file, test script. */
export interface Prompter {
  select<T extends string>(q: SelectQuestion<T>): Promise<T>;
  input(q: InputQuestion): Promise<string>;
  /** a longer free-text answer (one paragraph) */
  text(q: InputQuestion): Promise<string>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
  search<T extends string>(q: SearchQuestion<T>): Promise<T>;
  /** true when a person answers (cards and tables are worth printing) */
  readonly interactive: boolean;
}

/** Thrown by a prompter when the person pressed Esc: the flow goes back one question. */
export class PromptBack extends Error {
  constructor() {
    super('prompt went back');
    this.name = 'PromptBack';
  }
}

/** Words the terminal prompter shows itself, in the session's language. */
export interface PromptWords {
  /** the key help under a list, e.g. "↑↓ choose · ⏎ confirm · Esc back" */
  selectKeys: string;
  /** shown when a search finds nothing */
  noMatch: string;
}

/** Thrown by a prompter when the person pressed Ctrl-C. */
export class PromptInterrupted extends Error {
  constructor() {
    super('prompt interrupted');
    this.name = 'PromptInterrupted';
  }
}

/** A prompter on the terminal; imports @inquirer/prompts on first use. Esc at any question throws PromptBack. */
export async function createTerminalPrompter(io: { input: NodeJS.ReadableStream; output?: unknown; words: PromptWords }): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  const output = io.output as NodeJS.WritableStream | undefined;
  const { words } = io;
  const asked = async <T>(run: (context: { input: NodeJS.ReadableStream; output?: NodeJS.WritableStream; signal: AbortSignal }) => Promise<T>): Promise<T> => {
    // Esc aborts the question; readline reports a lone Esc as the key 'escape' (arrow keys arrive as 'up', 'down').
    const esc = new AbortController();
    const onKey = (_: unknown, key?: { name?: string }) => {
      if (key?.name === 'escape') esc.abort();
    };
    io.input.on('keypress', onKey);
    try {
      return await run({ input: io.input, ...(output && typeof output.on === 'function' ? { output } : {}), signal: esc.signal });
    } catch (err) {
      // inquirer rejects with ExitPromptError on Ctrl-C; the caller turns it into exit 130.
      if (err instanceof Error && err.name === 'ExitPromptError') throw new PromptInterrupted();
      if (err instanceof Error && err.name === 'AbortPromptError') throw new PromptBack();
      throw err;
    } finally {
      io.input.removeListener('keypress', onKey);
    }
  };
  const theme = {
    style: {
      keysHelpTip: () => words.selectKeys,
      // The one message inquirer writes itself; ours come from the validators, already in the language.
      error: (text: string) => `> ${text === 'No results found' ? words.noMatch : text}`,
    },
  };
  // The default (an earlier answer, or what the export suggests) is shown and taken with Enter;
  // what the consultant types replaces it (Tab puts it into the line to edit). Prefilled as
  // editable text, typing was appended to it: "Maria SantosHerr Weber".
  const input = (q: InputQuestion) =>
    asked((context) => inquirer.input({ message: q.message, default: q.default, prefill: 'tab', theme, ...(q.validate ? { validate: q.validate } : {}) }, context));
  return {
    interactive: true,
    select: <T extends string>(q: SelectQuestion<T>) =>
      asked((context) => inquirer.select<T>({ message: q.message, choices: q.choices.map((c) => ({ ...c })), default: q.default, pageSize: 12, loop: false, theme }, context)),
    input,
    text: input,
    // A yes/no question as a list, so it reads in the session's language and takes Enter for the default.
    confirm: async (q) => (await asked((context) => inquirer.select<'yes' | 'no'>({
      message: q.message, choices: [{ value: 'yes', name: q.yes ?? 'yes' }, { value: 'no', name: q.no ?? 'no' }], default: q.default ? 'yes' : 'no', theme,
    }, context))) === 'yes',
    search: <T extends string>(q: SearchQuestion<T>) =>
      asked((context) => inquirer.search<T>({ message: q.message, source: (term) => q.source(term ?? '').map((c) => ({ ...c })), theme }, context)),
  };
}
