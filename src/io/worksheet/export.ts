/**
 * Where a worksheet session's export is. The session stores the path relative to the
 * session file, so the session resumes from any folder, and the export's SHA-256, so an
 * export that moved is recognised by its content (`--export FILE`), whatever path names it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { WorksheetSession } from '../../domain/worksheet/session.js';
import { keyedError, readNote, type WorksheetTexts } from '../../domain/catalogue/index.js';
import { InputMissingError, UsageError } from '../../errors.js';

export interface SessionExport {
  /** absolute path to read, or null for customers entered by hand */
  path: string | null;
  /** the path as the session stores it (relative to the session file, '/' separators) */
  stored: string | null;
  sha256?: string;
}

/** SHA-256 of a file's bytes, read as a stream. */
export async function fingerprintFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The path of `file` relative to the session file's folder, with '/' separators so a session moves between systems. */
export function storedPath(sessionPath: string, file: string): string {
  const rel = relative(dirname(sessionPath), file);
  return (rel === '' ? file : rel).split(sep).join('/');
}

const exists = (p: string) => access(p).then(() => true, () => false);

/**
 * The export of a session: for a new one the file given; for an existing one the stored
 * path (relative to the session file, or to the working folder for sessions written before
 * paths were stored that way), or the file given on the command line when its content is
 * the one the session was started on.
 */
export async function locateExport(
  opts: { cwd: string; sessionPath: string; label: string; given?: string; existing?: WorksheetSession; t: WorksheetTexts },
): Promise<SessionExport> {
  const { cwd, sessionPath, label, given, existing, t } = opts;
  const e = t.errors;
  if (!existing || existing.file === null) {
    if (existing && given !== undefined) throw new UsageError(e.manualSession(label), e.otherExportHint);
    if (given === undefined) return { path: null, stored: null };
    const path = resolve(cwd, given);
    if (!(await exists(path))) return { path, stored: storedPath(sessionPath, path) }; // the reader names the missing file
    return { path, stored: storedPath(sessionPath, path), sha256: await fingerprintFile(path) };
  }
  const candidates = isAbsolute(existing.file) ? [existing.file] : [resolve(dirname(sessionPath), existing.file), resolve(cwd, existing.file)];
  if (given !== undefined) {
    const path = resolve(cwd, given);
    if (!(await exists(path))) {
      const missing = keyedError((m) => new InputMissingError(m), readNote('noSuchFile', given));
      missing.hint = e.exportMissingHint;
      throw missing;
    }
    const sha256 = await fingerprintFile(path);
    const same = existing.file_sha256 !== undefined ? sha256 === existing.file_sha256 : candidates.includes(path);
    if (!same) throw new UsageError(e.otherExport(label, existing.file, given), e.otherExportHint);
    return { path, stored: storedPath(sessionPath, path), sha256 };
  }
  for (const path of candidates) {
    if (!(await exists(path))) continue;
    const sha256 = await fingerprintFile(path);
    // The answers belong to the figures of the file the session was started on.
    if (existing.file_sha256 !== undefined && sha256 !== existing.file_sha256) throw new UsageError(e.otherExport(label, existing.file, path), e.otherExportHint);
    return { path, stored: storedPath(sessionPath, path), sha256 };
  }
  throw new InputMissingError(e.exportMissing(label, existing.file), e.exportMissingHint);
}
