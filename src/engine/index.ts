/**
 * The row engine: the one way a command gets planned customers from an export. Rows go in,
 * planned customers come out — in input order to the command's own callback, or sorted by
 * priority into plan.csv — with duplicate ids decided, rejects counted, the plan's totals
 * summed and the reject limit checked inside. Nothing outside src/engine/ imports another
 * file of it (test/architecture.test.ts).
 */
import { resolve } from 'node:path';
import type { Context } from '../io/context.js';
import { addToTotals, emptyTotals, type PlanTotals } from '../domain/plan/summary.js';
import type { PlannedCustomer, PlanSetup } from '../domain/plan/plan.js';
import type { RecordField } from '../domain/record-codec.js';
import type { Reject } from '../domain/types.js';
import { changedSince, type FileStamp, type OpenedExport, type RowEvent } from '../io/csv/read.js';
import { keyedError, noteOf } from '../domain/catalogue/index.js';
import { DataError } from '../errors.js';
import { PLAIN_CSV, type CsvFormat } from '../io/csv/write.js';
import { planSortKeys, type PlanFiles } from '../io/plan/output.js';
import type { SortedSpool } from '../io/sorted-spool.js';
import { checkRejectRate, type LoadedPlanSetup } from '../pipeline/plan-setup.js';
import { limitHeapGrowth } from './heap-growth.js';
import { letStandbyGo, piecesPossible, planAllRows, planWithWorkers, RECORD_ROOM, resolveParallelMinBytes, resolveThreads, standByWorkers, useWorkers, type PlannedSink, type RecordWriter } from './parallel-plan.js';
import type { Projection, SpoolProjection } from './plan-pieces.js';
import { planRow, plannedSeen, withDuplicatesResolved } from './row-loop.js';
import type { IdIndex } from '../domain/id-index.js';

export { resolveParallelMinBytes, resolveThreads, type RecordWriter } from './parallel-plan.js';

/**
 * Starts the workers a run of `file` will plan on (standByWorkers), before the command loads
 * its setup: with the flag and environment as given; a bad setting starts none (the command
 * reports it once it knows the user's language).
 */
export async function standByWorkersFor(ctx: Context, file: string, threadsFlag: string | undefined): Promise<void> {
  let threads: number;
  let minBytes: number;
  try {
    threads = resolveThreads(threadsFlag, ctx.env);
    minBytes = resolveParallelMinBytes(ctx.env);
  } catch {
    return;
  }
  if (file !== '-') await standByWorkers(resolve(ctx.cwd, file), threads, minBytes);
}
export type { Projection, SpoolProjection, SpoolWritten } from './plan-pieces.js';

/** What a run of the engine gives back: the export as last read, what the command made of it, the plan's totals. */
export interface EngineResult<S> {
  opened: OpenedExport;
  made: S;
  totals: PlanTotals;
  /**
   * the objectors' contact points the customers were planned with (PlanSetup.objectorKeys), when
   * a customer's channel reached one: a command that plans a customer again (the worksheet) plans with them
   */
  objectorKeys?: IdIndex;
}

interface EngineRunBase<S> {
  /**
   * Starts one reading of the export and returns what the command makes of it (output files,
   * accumulators). When a later row decides a duplicated id the export is read a second
   * time: the first reading's is discarded and `start` is called again.
   */
  start(opened: OpenedExport): S | Promise<S>;
  /** Throws away what a reading made: the first one when the export is read again, the current one when the run fails. */
  discard?(made: S): void | Promise<void>;
  /** After each chunk or piece of input (for a progress display). */
  onChunk?(opened: OpenedExport): void;
  /** Whether more rejected rows than the limit stop the run with a data error (default: they do). */
  checkRejects?: boolean;
  /**
   * Whether the command reads each customer's table of every offer × channel valued
   * (value.offersConsidered: --explain, budgets, test shares); default: it does. Runs that
   * show the chosen action only say false, and their rows are planned without the table
   * (PlanSetup.withoutActions): ~1 KB less garbage a row.
   */
  readsActions?: boolean;
}

interface InInputOrderBase<S> extends EngineRunBase<S> {
  order: 'input';
  reject?(made: S, r: Reject): void | Promise<void>;
}

/** Planned customers handed to the command one by one, in input order, on this thread. */
export interface EachCustomer<S> extends InInputOrderBase<S> {
  /** each planned customer, with its input cells and (when it has no quotes) its record's text */
  customer(made: S, p: PlannedCustomer, cells: string[], raw: string | undefined): void | Promise<void>;
  /** Plans only the accepted rows whose values pass (on this thread); the others are still read, checked for duplicate ids and counted. */
  only?(values: Record<string, unknown>): boolean;
}

/**
 * What the command reads of each planned customer, as a compact record (the fields its
 * projection makes, src/domain/record-codec.ts), handed to `take` in input order. With
 * `threads` ≥ 2 a large export is planned on `threads` − 1 worker threads: each worker loads
 * `module` and makes the records there; a piece's records come back as bytes, and each is
 * handed on once its duplicate check is passed (the same records in the same order as on one
 * thread).
 */
export interface EachRecord<S, O = unknown> extends InInputOrderBase<S> {
  records: {
    /** URL of the module (import.meta.url) whose `createProjection` is `create`: what workers load */
    module: string;
    /** what createProjection is given besides the setup (structured-clonable: it is sent to workers) */
    options: O;
    create(options: O, setup: PlanSetup): Projection;
    take(made: S, fields: RecordField[]): void | Promise<void>;
  };
  /** threads, this one (which reads and takes the records) included (default 1) */
  threads?: number;
  /** smallest export planned on workers (default PARALLEL_MIN_BYTES; tests give 0) */
  minParallelBytes?: number;
  /** bytes per piece on workers (tests give small ones, for many pieces in a small file) */
  pieceBytes?: number;
}

/** Planned customers in input order: each whole on this thread, or as the command's records. */
export type InInputOrder<S> = EachCustomer<S> | EachRecord<S>;

/**
 * Planned customers sorted by the priority rule into the command's spool, each as the record
 * the command's projection writes where the customer is planned: with `threads` ≥ 2 on a large
 * export the workers write sorted runs that become the spool's (as plan's do), so this thread
 * sees no record. What only this thread can decide (campaign: the contact ledger) it decides
 * on the notes the projection makes for some customers, handed to `take` in input order once
 * their duplicate check is passed: `take` may withdraw the customer's record (and spool
 * another in its place, under the same sort keys).
 */
export interface IntoSpool<S, O = unknown> extends EngineRunBase<S> {
  order: 'spool';
  /** the spool of what a reading made */
  spool(made: S): SortedSpool;
  records: {
    /** URL of the module (import.meta.url) whose `createSpoolProjection` is `create`: what workers load */
    module: string;
    /** what createSpoolProjection is given besides the setup (structured-clonable: it is sent to workers) */
    options: O;
    create(options: O, setup: PlanSetup): SpoolProjection;
    /**
     * `replace`: leaves the customer's record out, and spools the one `write` writes in its
     * place, under its sort keys — called, if at all, before `take` returns (on one thread the
     * customer's record is the spool's last until then).
     */
    take(made: S, note: RecordField[], replace: (write: RecordWriter) => void): void | Promise<void>;
  };
  reject?(made: S, r: Reject): void | Promise<void>;
  /** threads, this one (which reads and takes the notes) included (default 1) */
  threads?: number;
  /** smallest export planned on workers (default PARALLEL_MIN_BYTES; tests give 0) */
  minParallelBytes?: number;
  /** bytes per piece on workers (tests give small ones, for many pieces in a small file) */
  pieceBytes?: number;
}

/**
 * Planned customers written into plan.csv files sorted by the priority rule, with worker
 * threads on large exports (docs/performance.md).
 */
export interface InPriorityOrder extends EngineRunBase<PlanFiles> {
  order: 'priority';
  /** planning threads, the main thread included (resolveThreads) */
  threads: number;
  /** the smallest export planned with workers (resolveParallelMinBytes; default 8 MiB) */
  minParallelBytes?: number;
  fmt: CsvFormat;
}

/**
 * Plans every row of the export `first` was opened on (openLostCustomers), as `run` asks.
 * Returns the export as read last (a second reading when a later row of a duplicated id
 * won), what `run.start` made for it, and the plan's totals over the customers planned.
 */
export function planExport<S>(ctx: Context, file: string, loaded: LoadedPlanSetup, first: OpenedExport, run: InInputOrder<S>): Promise<EngineResult<S>>;
export function planExport<S>(ctx: Context, file: string, loaded: LoadedPlanSetup, first: OpenedExport, run: IntoSpool<S>): Promise<EngineResult<S>>;
export function planExport(ctx: Context, file: string, loaded: LoadedPlanSetup, first: OpenedExport, run: InPriorityOrder): Promise<EngineResult<PlanFiles>>;
export async function planExport<S>(ctx: Context, file: string, loaded: LoadedPlanSetup, first: OpenedExport, run: InInputOrder<S> | IntoSpool<S> | InPriorityOrder): Promise<EngineResult<S | PlanFiles>> {
  type Made = S | PlanFiles;
  const discard = run.discard as ((made: Made) => void | Promise<void>) | undefined;
  // What the reading in progress made, to be discarded when the run fails.
  let current: { made: Made; totals: PlanTotals; objectorKeys?: IdIndex } | undefined;
  // Sent to the workers as it is: they plan with the same setting.
  const planning = run.readsActions === false ? { ...loaded.setup, withoutActions: true } : loaded.setup;
  try {
    const { opened, made } = await withDuplicatesResolved(ctx, file, loaded, first, async (o, objectorKeys) => {
      // An export no worker can read (UTF-16) is planned here: workers on standby go now, not after the run.
      if (!piecesPossible(o)) letStandbyGo();
      current = { made: await run.start(o), totals: emptyTotals(), ...(objectorKeys ? { objectorKeys } : {}) };
      // A second reading knows the objectors' contact points from the start (permission/objector-keys.ts).
      const setup = objectorKeys === undefined ? planning : { ...planning, objectorKeys };
      const onChunk = run.onChunk ? () => run.onChunk?.(o) : undefined;
      if (run.order === 'priority') {
        await planAllRows(o, setup, current.made as PlanFiles, current.totals, { threads: run.threads, fmt: run.fmt, ...(run.minParallelBytes === undefined ? {} : { minParallelBytes: run.minParallelBytes }), ...(onChunk ? { onProgress: onChunk } : {}) });
      } else if (run.order === 'spool') {
        await planIntoSpool(o, setup, current.made as S, current.totals, run, onChunk);
      } else {
        await planInInputOrder(o, setup, current.made as S, current.totals, run, onChunk);
      }
      return current;
    }, async (reading) => {
      current = undefined;
      await discard?.(reading.made);
    });
    // An export written while it was read gives rows of two versions: refused before anything is written.
    const changed = first.stamp === undefined ? undefined : await changedSince(first.stamp);
    if (changed !== undefined) {
      throw keyedError((m, h) => new DataError(m, h), noteOf('files', { key: 'changedWhileRead', args: [first.label, (first.stamp as FileStamp).size, changed.size] }), noteOf('files', { key: 'changedWhileReadHint', args: [] }));
    }
    if (run.checkRejects !== false) checkRejectRate(opened, loaded.rejectLimit, opened.stats.firstReject, true);
    return { opened, made: made.made, totals: made.totals, ...(made.objectorKeys ? { objectorKeys: made.objectorKeys } : {}) };
  } catch (err) {
    const left = current;
    current = undefined;
    if (left) await discard?.(left.made);
    throw err;
  } finally {
    // Workers on standby that this run did not take.
    letStandbyGo();
  }
}

/**
 * The row loop of a spool: each row read, planned, summed, its record written into the spool
 * under the priority rule's keys and its note (if any) handed on; on workers, their sorted runs.
 */
async function planIntoSpool<S>(opened: OpenedExport, setup: PlanSetup, made: S, totals: PlanTotals, run: IntoSpool<S>, onChunk: (() => void) | undefined): Promise<void> {
  const { records } = run;
  const spool = run.spool(made);
  if (useWorkers(opened, run.threads ?? 1, run.minParallelBytes)) {
    const sink = { runs: spool, note: (fields: RecordField[], replace: (write: RecordWriter) => void) => records.take(made, fields, replace), reject: (r: Reject) => run.reject?.(made, r) };
    return onWorkers(opened, setup, sink, totals, run, records, onChunk);
  }
  const project = records.create(records.options, setup);
  await eachPlanned(opened, setup, totals, (r) => run.reject?.(made, r), onChunk, (p) => {
    const { headEnd, note } = project(p, spool.begin(RECORD_ROOM));
    const { rank, key } = planSortKeys(p);
    // Ties broken by line, as the workers' runs break them.
    spool.end(rank, key, p.row.line, headEnd);
    if (!note) return undefined;
    return records.take(made, note, (write) => {
      spool.withdrawLast();
      spool.end(rank, key, p.row.line, write(spool.begin(RECORD_ROOM)));
    });
  });
}

/** The row loop: each row read, planned, summed and handed on in input order (as a whole, or as the command's record). */
async function planInInputOrder<S>(opened: OpenedExport, setup: PlanSetup, made: S, totals: PlanTotals, run: InInputOrder<S>, onChunk: (() => void) | undefined): Promise<void> {
  const reject = (r: Reject) => run.reject?.(made, r);
  if ('records' in run) {
    const { records } = run;
    if (useWorkers(opened, run.threads ?? 1, run.minParallelBytes)) {
      return onWorkers(opened, setup, { record: (fields: RecordField[]) => records.take(made, fields), reject }, totals, run, records, onChunk);
    }
    const project = records.create(records.options, setup);
    return eachPlanned(opened, setup, totals, reject, onChunk, (p) => records.take(made, project(p)));
  }
  const { only } = run;
  return eachPlanned(opened, setup, totals, reject, onChunk, (p, ev) => run.customer(made, p, ev.cells, ev.raw), only);
}

/**
 * Plans on worker threads for a command, which each load its projection module; no plan.csv
 * rows are formatted, so the format is not used.
 */
function onWorkers(opened: OpenedExport, setup: PlanSetup, sink: PlannedSink, totals: PlanTotals, run: { threads?: number; pieceBytes?: number }, records: { module: string; options: unknown }, onChunk: (() => void) | undefined): Promise<void> {
  return planWithWorkers(opened, setup, sink, totals, {
    threads: run.threads ?? 1, fmt: PLAIN_CSV, projection: { module: records.module, options: records.options },
    ...(run.pieceBytes ? { pieceBytes: run.pieceBytes, partBytes: Math.max(1, run.pieceBytes >> 2) } : {}), ...(onChunk ? { onProgress: onChunk } : {}),
  });
}

/**
 * Every row on this thread: a rejected one to `reject`, an accepted one (that passes `only`)
 * planned, summed into `totals` and handed to `visit`.
 */
async function eachPlanned(
  opened: OpenedExport, setup: PlanSetup, totals: PlanTotals, reject: (r: Reject) => void | Promise<void>, onChunk: (() => void) | undefined,
  visit: (p: PlannedCustomer, ev: Extract<RowEvent, { ok: true }>) => void | Promise<void>, only?: (values: Record<string, unknown>) => boolean,
): Promise<void> {
  // Planned on this thread, whose heap has no limit of its own.
  limitHeapGrowth();
  const seen = plannedSeen(opened);
  await opened.eachRow((ev) => {
    if (!ev.ok) return reject(ev.reject);
    if (only && !only(ev.values)) return undefined;
    const p = planRow(ev, setup, seen);
    addToTotals(totals, p, setup.playbook);
    return visit(p, ev);
  }, onChunk);
}
