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

/** Thrown by a prompter when the person pressed Ctrl-C. */
export class PromptInterrupted extends Error {
  constructor() {
    super('prompt interrupted');
    this.name = 'PromptInterrupted';
  }
}

/** A prompter on the terminal; imports @inquirer/prompts on first use. */
export async function createTerminalPrompter(io: { input: NodeJS.ReadableStream; output?: unknown }): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  const output = io.output as NodeJS.WritableStream | undefined;
  const context = { input: io.input, ...(output && typeof output.on === 'function' ? { output } : {}) };
  const asked = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      // inquirer rejects with ExitPromptError on Ctrl-C; the caller turns it into exit 130.
      if (err instanceof Error && err.name === 'ExitPromptError') throw new PromptInterrupted();
      throw err;
    }
  };
  const validator = (v?: (s: string) => true | string) => (v ? (s: string) => v(s) : undefined);
  const input = (q: InputQuestion) =>
    asked(() => inquirer.input({ message: q.message, default: q.default, prefill: 'editable', ...(q.validate ? { validate: validator(q.validate) } : {}) }, context));
  return {
    interactive: true,
    select: <T extends string>(q: SelectQuestion<T>) =>
      asked(() => inquirer.select<T>({ message: q.message, choices: q.choices.map((c) => ({ ...c })), default: q.default, pageSize: 12, loop: false }, context)),
    input,
    text: input,
    confirm: (q) => asked(() => inquirer.confirm({ message: q.message, default: q.default }, context)),
    search: <T extends string>(q: SearchQuestion<T>) =>
      asked(() => inquirer.search<T>({ message: q.message, source: (term) => q.source(term ?? '').map((c) => ({ ...c })) }, context)),
  };
}
