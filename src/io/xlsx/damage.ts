/**
 * Why a workbook cannot be read, as one of the kinds the catalogue words (files.workbookUnreadable):
 * told from where the reading failed (the zip's directory, or a part of it) and from what the zip
 * and XML libraries threw. Their own English text is not shown; `--debug` prints it with the trace.
 */
import { open } from 'node:fs/promises';
import { keyedError, noteOf, type WorkbookDamage } from '../../domain/catalogue/index.js';
import { DataError } from '../../errors.js';

/** The damage an error of the zip or XML library stands for; `part` is '' while the zip's directory is read. */
export function damageOf(err: unknown, part: string): WorkbookDamage {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { message?: unknown; code?: unknown };
  const message = String(e.message ?? err);
  const code = typeof e.code === 'string' ? e.code : '';
  // Node's limits on one string or buffer: a part bigger than memory holds.
  if (code === 'ERR_STRING_TOO_LONG' || code === 'ERR_BUFFER_TOO_LARGE' || (err instanceof RangeError && /allocation|length|too large|too long/i.test(message))) return 'tooLarge';
  if (message === 'MISSING_PASSWORD' || message === 'BAD_PASSWORD') return 'encrypted';
  // The directory at the zip's end cannot be found or read: cut off, or no zip at all.
  if (part === '') return 'notZip';
  // zlib (Z_DATA_ERROR, Z_BUF_ERROR) and unzipper's own checks: the compressed bytes are damaged.
  if (code.startsWith('Z_') || /FILE_ENDED|invalid signature|zip64|unexpected end of file|incorrect header check|invalid (?:stored block|distance|code|block|literal)/i.test(message)) return 'zipDamaged';
  // saxes reports "line:column: what" for text that is not well-formed XML.
  if (/^\d+:\d+: /.test(message) || /xml|tag|entity|attribute|closing|unclosed/i.test(message)) return 'badXml';
  return 'unreadable';
}

/** The error for a workbook that cannot be read, with the hint that fits the damage; the library's error is its cause. */
export function workbookError(label: string, damage: WorkbookDamage, part: string, cause?: unknown): DataError {
  const hint = damage === 'encrypted' ? 'encryptedHint' : damage === 'tooLarge' ? 'tooLargeHint' : 'saveAgainHint';
  const error = keyedError((m, h) => new DataError(m, h), noteOf('files', { key: 'workbookUnreadable', args: [label, damage, part] }), noteOf('files', { key: hint, args: [] }));
  if (cause !== undefined) error.cause = cause;
  return error;
}

// An Office file encrypted with a password is an OLE compound file (like an old .xls) holding the
// zip encrypted as a stream named EncryptedPackage ([MS-OFFCRYPTO] 2.3.4). A directory entry is
// 128 bytes, its name UTF-16LE at its start and the name's length in bytes (with the final 0) at 64.
const ENCRYPTED_NAME = Buffer.from('EncryptedPackage\0', 'utf16le');
const CHUNK = 1 << 20;

/** True when the compound file at `path` holds an EncryptedPackage stream: a workbook with a password. */
export async function isEncryptedPackage(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    // Directory entries sit at multiples of 128 bytes, so chunks of 1 MiB never split one.
    for (let offset = 0; ; offset += CHUNK) {
      const { bytesRead } = await handle.read(buf, 0, CHUNK, offset);
      if (bytesRead === 0) return false;
      for (let at = buf.indexOf(ENCRYPTED_NAME); at >= 0 && at < bytesRead; at = buf.indexOf(ENCRYPTED_NAME, at + 1)) {
        if ((offset + at) % 128 === 0 && buf.readUInt16LE(at + 64) === ENCRYPTED_NAME.length) return true;
      }
      if (bytesRead < CHUNK) return false;
    }
  } finally {
    await handle.close();
  }
}
