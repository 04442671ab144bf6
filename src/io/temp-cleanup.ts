/**
 * Temporary files and directories of the running process, removed when it is interrupted
 * (SIGINT, SIGTERM) before it could clean up itself: a cron job killed mid-run leaves no sort
 * runs in the temp directory and no half-written outputs beside the real ones.
 */
import { rmdirSync, rmSync } from 'node:fs';
import { messages, type Lang } from '../domain/catalogue/index.js';

const temps = new Set<string>();
/** Folders a run created (an --out): removed on interruption too, but only while empty. */
const createdDirs: string[] = [];
let installed = false;
let stopLang: Lang = 'en';

/** The language of the line written when a signal stops the run (cli/main.ts sets the run's). */
export function setStopLanguage(lang: Lang): void {
  stopLang = lang;
}

/** Notes a temporary path to remove on interruption; the returned function forgets it again. */
export function registerTemp(path: string): () => void {
  temps.add(path);
  return () => void temps.delete(path);
}

/**
 * Notes a folder the run created, to remove on interruption when it holds nothing (no output of
 * this run was committed into it): a cron job killed on its first run leaves no empty --out.
 */
export function registerCreatedDir(path: string): void {
  createdDirs.push(path);
}

/** The registered paths (for tests). */
export function registeredTemps(): string[] {
  return [...temps];
}

/** Removes every registered path now (synchronously: a signal handler cannot wait). */
export function removeRegisteredTemps(): void {
  for (const path of temps) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Best effort: the next run removes stale temporary outputs anyway.
    }
  }
  temps.clear();
  // Deepest first; a folder that holds anything (a committed output) stays, and so do its parents.
  for (const dir of createdDirs.splice(0).reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      break;
    }
  }
}

/** On SIGINT or SIGTERM: remove the registered temporary paths, say so on stderr, then exit with 128 + signal. */
export function removeTempsOnSignal(): void {
  if (installed) return;
  installed = true;
  const exitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      removeRegisteredTemps();
      // One line, so that a cron mail or a log says why the run ended without a summary.
      process.stderr.write(`winback: ${messages(stopLang).common.stopped(signal, exitCodes[signal])}\n`);
      process.exit(exitCodes[signal]);
    });
  }
}
