/**
 * The worksheet session file: JSON, replaced atomically after every answer, so a crash or
 * Ctrl-C never leaves half a file and never loses an answer already given.
 */
import { jsonErrorAt } from '../json-error.js';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readFile } from 'node:fs/promises';
import { DataError, IoError } from '../../errors.js';
import { messages, type Lang } from '../../domain/catalogue/index.js';
import { parseSession, type WorksheetSession } from '../../domain/worksheet/session.js';
import { writeFileAtomic } from '../atomic-write.js';

/** Loads a session; undefined when the file does not exist yet (a new session). */
export async function loadSession(path: string, label: string, lang: Lang = 'en'): Promise<WorksheetSession | undefined> {
  const t = messages(lang).worksheetErrors;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    // No session there yet; a folder on the path that is a file fails where the session is written (73).
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw new IoError(t.sessionUnreadable(label, (err as NodeJS.ErrnoException).code ?? (err as Error).message));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new DataError(t.sessionSyntax(label, (err as Error).message, jsonErrorAt(text, err)), t.sessionFreshHint);
  }
  const { session, errors } = parseSession(data);
  if (!session) {
    throw new DataError(t.sessionInvalid(label, errors.map((e) => `  ${e}`).join('\n')), t.sessionFreshHint);
  }
  return session;
}

/** Saves the session atomically (temporary file, fsync, rename). */
export async function saveSession(path: string, session: WorksheetSession): Promise<void> {
  // A new session may name a folder that does not exist yet, like --out does.
  await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
  await writeFileAtomic(path, `${JSON.stringify(session, null, 2)}\n`);
}
