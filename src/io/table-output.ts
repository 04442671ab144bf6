/**
 * Where a command that writes one table writes it: a CSV file (replaced atomically), `-`
 * for stdout, or a name ending in .xlsx for an Excel workbook with that one sheet.
 */
import { unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Context, TextSink } from './context.js';
import { UsageError } from '../errors.js';
import { keyedError, noteOf } from '../domain/catalogue/index.js';
import { createAtomicWriteStream, tempPathFor, writeOrWait, type AtomicWriteStream } from './atomic-write.js';
import { createCsvFormatter, PLAIN_CSV, type ColumnSpec, type CsvFormat } from './csv/write.js';
import { registerTemp } from './temp-cleanup.js';
import { csvRowsOf, writeWorkbookAtomic } from './xlsx/write.js';

export interface TableOutput {
  /** writes one row; a promise when the output's buffer is full (await it before the next) */
  row(values: readonly unknown[]): Promise<void> | undefined;
  commit(): Promise<void>;
  abort(): Promise<void>;
  /** the table goes to stdout, which is then no place for anything else */
  readonly toStdout: boolean;
}

/** True when an output path names a workbook. */
export function isWorkbookPath(path: string): boolean {
  return /\.xlsx$/i.test(path);
}

/** Refuses `--out -` on a command that writes several files (64), instead of a folder named "-". */
export function refuseStdout(flag: string, value: string | undefined, command: 'clv' | 'campaign' | 'worksheet' | 'plan'): void {
  if (value !== '-') return;
  throw keyedError((m, h) => new UsageError(m, h), noteOf('files', { key: 'stdoutRefused', args: [flag, command] }), noteOf('files', { key: 'stdoutRefusedHint', args: [flag] }));
}

/** Opens the output of a one-table command. */
export async function openTableOutput(ctx: Context, target: string, columns: readonly ColumnSpec[], fmt: CsvFormat, sheet: string): Promise<TableOutput> {
  if (target === '-') return stdoutTable(ctx.stdout, columns, fmt);
  const path = resolve(ctx.cwd, target);
  if (!isWorkbookPath(path)) return fileTable(await createAtomicWriteStream(path), columns, fmt);
  // The rows go to a temporary CSV next to the workbook, which is made from it at commit.
  const csvPath = tempPathFor(path);
  const csv = fileTable(await createAtomicWriteStream(csvPath), columns, PLAIN_CSV);
  // Removed by an interruption like any temporary file, and after the workbook is made.
  const forget = registerTemp(csvPath);
  const removeCsv = () => unlink(csvPath).catch(() => undefined).finally(forget);
  return {
    toStdout: false,
    row: (values) => csv.row(values),
    commit: async () => {
      await csv.commit();
      try {
        await writeWorkbookAtomic(path, [{ name: sheet, columns, rows: csvRowsOf(csvPath, columns, PLAIN_CSV) }]);
      } finally {
        await removeCsv();
      }
    },
    abort: async () => {
      await csv.abort();
      await removeCsv();
    },
  };
}

function fileTable(stream: AtomicWriteStream, columns: readonly ColumnSpec[], fmt: CsvFormat): TableOutput {
  const formatter = createCsvFormatter(columns, fmt);
  let failure: unknown;
  stream.on('error', (e: unknown) => (failure ??= e));
  stream.write((fmt.bom ? '\ufeff' : '') + formatter.header());
  return {
    toStdout: false,
    row: (values) => writeOrWait(stream, formatter.row(values)),
    commit: async () => {
      if (failure) throw failure;
      await stream.commit();
    },
    abort: () => stream.abort(),
  };
}

function stdoutTable(out: TextSink, columns: readonly ColumnSpec[], fmt: CsvFormat): TableOutput {
  const formatter = createCsvFormatter(columns, fmt);
  const emitter = out as unknown as Partial<NodeJS.EventEmitter>;
  const events = typeof emitter.once === 'function' && typeof emitter.on === 'function';
  // A reader that stops early (| head) breaks the pipe: the error is thrown at the next
  // row, and main() ends the run quietly.
  let failure: unknown;
  const onError = (e: unknown) => (failure ??= e);
  if (events) emitter.on?.('error', onError);
  let draining: Promise<void> | undefined;
  const write = (text: string): Promise<void> | undefined => {
    if (failure) throw failure;
    // process.stdout says when its buffer is full; an in-memory sink never does. Rows of one
    // chunk of input may still come while it drains: they wait with the first.
    const took = out.write(text) !== false;
    if (draining) return draining;
    if (took || !events) return undefined;
    draining = new Promise<void>((resolve) => {
      const done = () => {
        emitter.off?.('drain', done);
        emitter.off?.('error', done);
        draining = undefined;
        resolve();
      };
      emitter.once?.('drain', done);
      emitter.once?.('error', done);
    });
    return draining;
  };
  const release = () => void (events && emitter.off?.('error', onError));
  write((fmt.bom ? '\ufeff' : '') + formatter.header());
  return {
    toStdout: true,
    row: (values) => write(formatter.row(values)),
    commit: async () => {
      if (draining) await draining;
      release();
      if (failure) throw failure;
    },
    abort: async () => release(),
  };
}
