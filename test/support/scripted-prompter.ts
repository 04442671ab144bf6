import { PromptBack, PromptInterrupted, type Prompter, type PromptKey } from '../../src/io/prompts.js';

/** Presses Ctrl-C at this question. */
export const INTERRUPT = Symbol('interrupt');
/** Presses Esc at this question. */
export const BACK = Symbol('back');
/** Accepts the pre-filled default. */
export const DEFAULT = null;

export type ScriptAnswer = string | boolean | null | typeof INTERRUPT | typeof BACK;
/** One expected question: its key joined with '/', and the answer to give. */
export type ScriptStep = readonly [key: string, answer: ScriptAnswer];

/** A prompter that answers from a script and fails on any question the script does not expect next. */
export function scriptedPrompter(script: readonly ScriptStep[]) {
  const queue = [...script];
  const asked: { key: string; message: string; default?: unknown }[] = [];
  const next = (key: PromptKey, message: string, def?: unknown): ScriptAnswer => {
    const k = key.join('/');
    asked.push({ key: k, message, default: def });
    const step = queue.shift();
    if (!step) throw new Error(`unexpected question ${k} ("${message}"): the script has ended`);
    if (step[0] !== k) throw new Error(`unexpected question ${k} ("${message}"): the script expected ${step[0]}`);
    if (step[1] === INTERRUPT) throw new PromptInterrupted();
    if (step[1] === BACK) throw new PromptBack();
    return step[1];
  };
  const prompter: Prompter = {
    interactive: true,
    async select(q) {
      const a = next(q.key, q.message, q.default);
      const value = a === null ? (q.default ?? q.choices[0]?.value) : a;
      const choice = q.choices.find((c) => c.value === value);
      if (!choice) throw new Error(`${q.key.join('/')}: '${String(value)}' is not a choice (${q.choices.map((c) => c.value).join(', ')})`);
      return choice.value;
    },
    async input(q) {
      const a = next(q.key, q.message, q.default);
      const value = a === null ? (q.default ?? '') : String(a);
      const ok = q.validate ? q.validate(value) : true;
      if (ok !== true) throw new Error(`${q.key.join('/')}: '${value}' rejected: ${ok}`);
      return value;
    },
    async text(q) {
      return prompter.input(q);
    },
    async confirm(q) {
      const a = next(q.key, q.message, q.default);
      return a === null ? (q.default ?? false) : a === true;
    },
    async search(q) {
      const term = next(q.key, q.message);
      const found = q.source(String(term ?? ''))[0];
      if (!found) throw new Error(`${q.key.join('/')}: nothing matches '${String(term)}'`);
      return found.value;
    },
  };
  return { prompter, asked, remaining: () => queue.length };
}
