import { mkdir, rmdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CannotCreateError } from '../errors.js';
import { keyedError, noteOf } from '../domain/catalogue/index.js';
import { registerCreatedDir } from './temp-cleanup.js';

/**
 * Creates an output directory and its missing parents, or throws CannotCreateError (73).
 * Walks up to the nearest existing folder itself instead of `mkdir -p`, which Node runs in an
 * endless loop on some virtual file systems (a path under /proc never finishes).
 */
export async function ensureOutputDir(path: string, label: string): Promise<CreatedDirs> {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    const st = await stat(current).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : fail(label, 'code', e.code)));
    if (st?.isDirectory()) break;
    if (st) fail(label, current === path ? 'file' : 'partFile', current);
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) fail(label, 'noParent');
    current = parent;
  }
  for (const dir of missing) {
    await mkdir(dir).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : fail(label, 'code', e.code)));
    registerCreatedDir(dir);
  }
  return { dirs: missing };
}

/** Folders a run created; a failed run removes them again when they are still empty. */
export interface CreatedDirs {
  dirs: string[];
}

/** Removes the folders a failed run created, deepest first, as long as they are empty. */
export async function removeCreatedDirs(created: CreatedDirs): Promise<void> {
  for (const dir of [...created.dirs].reverse()) {
    if (!(await rmdir(dir).then(() => true, () => false))) return;
  }
}

function fail(label: string, why: 'file' | 'partFile' | 'noParent' | 'code', detail?: string): never {
  throw keyedError((m, h) => new CannotCreateError(m, h), noteOf('files', { key: 'outputDir', args: [label, why, detail ?? ''] }), noteOf('files', { key: 'outputDirHint', args: [] }));
}
