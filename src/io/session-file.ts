/**
 * The worksheet session file: JSON, replaced atomically after every answer, so a crash or
 * Ctrl-C never leaves half a file and never loses an answer already given.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readFile } from 'node:fs/promises';
import { DataError, IoError } from '../errors.js';
import { parseSession, type WorksheetSession } from '../domain/worksheet-session.js';
import { writeFileAtomic } from './atomic-write.js';

/** Loads a session; undefined when the file does not exist yet (a new session). */
export async function loadSession(path: string, label: string): Promise<WorksheetSession | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new IoError(`--session ${label} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new DataError(`--session ${label} is not valid JSON: ${(err as Error).message}`, 'give a new file name with --session to start a fresh session');
  }
  const { session, errors } = parseSession(data);
  if (!session) {
    throw new DataError(`--session ${label} is not a worksheet session:\n${errors.map((e) => `  ${e}`).join('\n')}`, 'give a new file name with --session to start a fresh session');
  }
  return session;
}

/** Saves the session atomically (temporary file, fsync, rename). */
export async function saveSession(path: string, session: WorksheetSession): Promise<void> {
  // A new session may name a folder that does not exist yet, like --out does.
  await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
  await writeFileAtomic(path, `${JSON.stringify(session, null, 2)}\n`);
}
