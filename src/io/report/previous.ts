/**
 * Reading an earlier run for `report --previous`: which run a path describes (as-of date, input
 * file and fingerprint from summary.json, or the file's own SHA-256), and a report saved with
 * `report --json`.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { ComparableReport, RunIdentity } from '../../domain/report/changes.js';
import { messages, type Lang } from '../../domain/catalogue/index.js';
import { DECISIONS } from '../../domain/value/types.js';
import { DataError, InputMissingError } from '../../errors.js';

export type PreviousKind = { kind: 'json'; file: string } | { kind: 'dir' };

/** A report JSON file (the path itself, or report.json in it), or an output directory to report on again. */
export async function previousKind(path: string, label: string, lang: Lang): Promise<PreviousKind> {
  const say = messages(lang).report;
  const st = await fsp.stat(path).catch(() => undefined);
  if (!st) throw new InputMissingError(say.previousMissing(label), say.previousHint);
  if (st.isFile()) return { kind: 'json', file: path };
  const inside = join(path, 'report.json');
  if ((await fsp.stat(inside).catch(() => undefined))?.isFile()) return { kind: 'json', file: inside };
  return { kind: 'dir' };
}

/** A report written by `report --json`: only the figures a later report compares with are checked. */
export async function readReportJson(file: string, label: string, lang: Lang): Promise<ComparableReport & { source?: { label?: string } }> {
  const say = messages(lang).report;
  let doc: unknown;
  try {
    doc = JSON.parse(await fsp.readFile(file, 'utf8'));
  } catch {
    throw new DataError(say.previousNotReport(label), say.previousHint);
  }
  const r = doc as Partial<ComparableReport>;
  const ok = typeof r.as_of === 'string' && typeof r.rows?.accepted === 'number' && typeof r.money?.expected_profit === 'number'
    && Array.isArray(r.reasons) && r.decisions !== undefined && DECISIONS.every((d) => typeof r.decisions?.[d] === 'number');
  if (!ok) throw new DataError(say.previousNotReport(label), say.previousHint);
  return doc as ComparableReport;
}

/** The input a run read: from an output directory's summary.json, or an export's own fingerprint; null where unknown. */
export async function inputIdentity(path: string, isDir: boolean): Promise<Pick<RunIdentity, 'input_file' | 'input_sha256'>> {
  if (path === '-') return { input_file: null, input_sha256: null };
  if (isDir) {
    const summary = await fsp.readFile(join(path, 'summary.json'), 'utf8').then((t) => JSON.parse(t) as { input?: { file?: unknown; sha256?: unknown } }).catch(() => undefined);
    const input = summary?.input;
    return { input_file: typeof input?.file === 'string' ? input.file : null, input_sha256: typeof input?.sha256 === 'string' ? input.sha256 : null };
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { input_file: path, input_sha256: hash.digest('hex') };
}
