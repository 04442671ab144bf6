/**
 * The row loop on one thread: every row of an opened export planned in input order, and the
 * second reading when a later row decides a duplicated id.
 */
import type { Context } from '../io/context.js';
import { planCustomer, type PlannedCustomer, type PlanSetup } from '../domain/plan/plan.js';
import type { CustomerRow, Reject } from '../domain/types.js';
import { DataError } from '../errors.js';
import { messages } from '../domain/catalogue/index.js';
import type { OpenedExport, RowEvent } from '../io/csv/read.js';
import { openLostCustomers, type LoadedPlanSetup } from '../pipeline/plan-setup.js';

/**
 * Runs `attempt` over the opened export; when its duplicate ids turn out to need a later row
 * (a newer one, or the merge of several: DuplicateTracker), discards what the attempt made
 * and runs it once more over the export read again with that resolution. Returns the
 * attempt's result and the export it read.
 */
export async function withDuplicatesResolved<T>(
  ctx: Context,
  file: string,
  loaded: LoadedPlanSetup,
  first: OpenedExport,
  attempt: (opened: OpenedExport) => Promise<T>,
  discard: (made: T) => Promise<void> | void,
): Promise<{ made: T; opened: OpenedExport }> {
  try {
    const made = await attempt(first);
    if (!first.duplicates?.rerun) return { made, opened: first };
    await discard(made);
    // stdin is read again from the copy made while it was read.
    const source = first.stdinCopy?.path ?? file;
    const again = await openLostCustomers(ctx, source, loaded, first.duplicates.resolution(), first.label);
    const remade = await attempt(again);
    // The resolution names lines of the first reading: it holds only for the same bytes.
    if (again.stats.sha256 !== first.stats.sha256) {
      await discard(remade);
      const say = messages(loaded.setup.lang).plan;
      throw new DataError(say.changedWhileReread(first.label), say.changedWhileRereadHint);
    }
    return { made: remade, opened: again };
  } finally {
    await first.stdinCopy?.remove();
  }
}

/**
 * Streams every row: planned customers to `onPlanned`, rejects to `onReject`, each right as
 * its row is read (no await per row; a returned promise is awaited after the chunk).
 * `onChunk` runs after each chunk of input, e.g. for a progress display.
 */
export async function streamPlan(
  opened: OpenedExport,
  setup: PlanSetup,
  /** `raw` is the input record's text when it has no quotes (see RowEvent) */
  onPlanned: (p: PlannedCustomer, cells: string[], raw?: string) => Promise<void> | void,
  onReject: (r: Reject) => Promise<void> | void,
  onChunk?: () => void,
): Promise<void> {
  await opened.eachRow((ev) => (ev.ok ? onPlanned(planRow(ev, setup), ev.cells, ev.raw) : onReject(ev.reject)), onChunk);
}

/** Plans one accepted row; its converted values become the customer row in place (no copy per row). */
export function planRow(ev: Extract<RowEvent, { ok: true }>, setup: PlanSetup): PlannedCustomer {
  const row = ev.values as unknown as CustomerRow & { line: number; warnings: string[] };
  row.line = ev.line;
  row.warnings = ev.warnings;
  return planCustomer(row, setup);
}
