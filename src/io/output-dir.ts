import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CannotCreateError } from '../errors.js';

/**
 * Creates an output directory and its missing parents, or throws CannotCreateError (73).
 * Walks up to the nearest existing folder itself instead of `mkdir -p`, which Node runs in an
 * endless loop on some virtual file systems (a path under /proc never finishes).
 */
export async function ensureOutputDir(path: string, label: string): Promise<void> {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    const st = await stat(current).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : fail(label, e.code)));
    if (st?.isDirectory()) break;
    if (st) fail(label, current === path ? 'it is a file' : `${current} is a file`);
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) fail(label, 'no existing parent folder');
    current = parent;
  }
  for (const dir of missing) {
    await mkdir(dir).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : fail(label, e.code)));
  }
}

function fail(label: string, why: string | undefined): never {
  throw new CannotCreateError(`cannot create the output directory ${label} (${why ?? 'error'})`, 'choose a folder you can write to');
}
