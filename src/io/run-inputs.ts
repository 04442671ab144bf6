/**
 * The files a run reads, so that none of them is written over by the same run: `plan
 * plan.csv --out .`, or `clv tx.csv --lost-out tx.csv`, replaced the user's export with the
 * output and exited 0. The reader notes each file it opens (by device and inode, so another
 * spelling of the path or a link is the same file); every atomic write asks before it starts.
 * A run is one call of the CLI (main); outside it (a test calling a command itself) nothing is
 * noted and nothing refused.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { messages, type Lang } from '../domain/catalogue/index.js';

interface RunInputs {
  /** "dev:ino" → the name the user gave the input */
  files: Map<string, string>;
  lang: Lang;
}

const store = new AsyncLocalStorage<RunInputs>();

/** Runs one command with its own list of inputs. */
export function withRunInputs<T>(run: () => Promise<T>): Promise<T> {
  return store.run({ files: new Map(), lang: 'en' }, run);
}

function identity(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** Notes a file the run reads (a path that is no file is ignored). */
export function noteInput(path: string, label: string, lang: Lang = 'en'): void {
  const inputs = store.getStore();
  if (inputs === undefined) return;
  const id = identity(path);
  if (id === undefined) return;
  inputs.files.set(id, label);
  inputs.lang = lang;
}

/** Throws a usage error (64) when `target` is a file this run reads: nothing is written. */
export function refuseInputAsOutput(target: string): void {
  const inputs = store.getStore();
  if (inputs === undefined || inputs.files.size === 0) return;
  const id = identity(target);
  const input = id === undefined ? undefined : inputs.files.get(id);
  if (input === undefined) return;
  const say = messages(inputs.lang).files;
  throw new UsageError(say.outputIsInput(target, input), say.outputIsInputHint);
}

/**
 * Throws a usage error (64) when two outputs of one command are the same path (`--lost-out X
 * --retention-out X`, or `--lost-out OUT/customers.csv`): the second would replace the first.
 */
export function refuseSameOutputs(targets: readonly string[], lang: Lang = 'en'): void {
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target)) {
      const say = messages(lang).files;
      throw new UsageError(say.outputTwice(target), say.outputIsInputHint);
    }
    seen.add(target);
  }
}
