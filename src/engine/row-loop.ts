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
import type { DuplicateTracker } from '../domain/read/duplicate-ids.js';
import type { IdIndex } from '../domain/id-index.js';
import { plannedContactPrints } from '../domain/permission/objector-keys.js';
import { openLostCustomers, type LoadedPlanSetup } from '../pipeline/plan-setup.js';

/**
 * Runs `attempt` over the opened export; when its duplicate ids turn out to need a later row
 * (a newer one, or the merge of several: DuplicateTracker), or a customer's planned channel
 * reaches another customer's objector point (permission/objector-keys.ts), discards what the
 * attempt made and runs it once more over the export read again with that resolution and the
 * objectors' points. Returns the attempt's result and the export it read.
 *
 * An id that objects by one of its rows makes its other rows' points the objector's too
 * (DuplicateTracker.unnotedObjectorLines); a first reading cannot note them (their own facts do
 * not object, and on workers their values stay there), so the export is read again, noting
 * them; when they reach a customer planned on that reading, once more with them known.
 */
export async function withDuplicatesResolved<T>(
  ctx: Context,
  file: string,
  loaded: LoadedPlanSetup,
  first: OpenedExport,
  attempt: (opened: OpenedExport, objectorKeys?: IdIndex) => Promise<T>,
  discard: (made: T) => Promise<void> | void,
): Promise<{ made: T; opened: OpenedExport }> {
  try {
    const made = await attempt(first);
    const seen = first.duplicates;
    if (!seen || first.rereads !== true) return { made, opened: first };
    const unnoted = seen.unnotedObjectorLines();
    if (!(seen.rerun || seen.reachesObjector() || unnoted.length > 0)) return { made, opened: first };
    await discard(made);
    // stdin is read again from the copy made while it was read.
    const source = first.stdinCopy?.path ?? file;
    const resolution = seen.resolution();
    const reread = async (objectorKeys: IdIndex | undefined, objectorLines?: number[]) => {
      const again = await openLostCustomers(ctx, source, loaded, resolution, first.label, objectorLines);
      if (objectorLines && objectorKeys) again.duplicates?.seedObjectors(objectorKeys);
      const remade = await attempt(again, objectorKeys);
      // The resolution names lines of the first reading: it holds only for the same bytes.
      if (again.stats.sha256 !== first.stats.sha256) {
        await discard(remade);
        const say = messages(loaded.setup.lang).plan;
        throw new DataError(say.changedWhileReread(first.label), say.changedWhileRereadHint);
      }
      return { made: remade, opened: again };
    };
    const second = await reread(seen.objectorPoints(), unnoted.length > 0 ? unnoted : undefined);
    const noted = second.opened.duplicates;
    if (unnoted.length === 0 || !noted?.reachesObjector()) return second;
    await discard(second.made);
    return await reread(noted.objectorPoints());
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
  const seen = plannedSeen(opened);
  await opened.eachRow((ev) => (ev.ok ? onPlanned(planRow(ev, setup, seen), ev.cells, ev.raw) : onReject(ev.reject)), onChunk);
}

/**
 * Plans one accepted row; its converted values become the customer row in place (no copy per
 * row). On a reading that may be repeated, `seen` (the export's duplicate tracker) is told the
 * contact points the customer is planned at, or an objector's (objector-keys.ts).
 */
export function planRow(ev: Extract<RowEvent, { ok: true }>, setup: PlanSetup, seen?: DuplicateTracker): PlannedCustomer {
  const row = ev.values as unknown as CustomerRow & { line: number; warnings: string[] };
  row.line = ev.line;
  row.warnings = ev.warnings;
  const p = planCustomer(row, setup);
  if (seen !== undefined) {
    const prints = plannedContactPrints(p, setup.config.permission.defaultPhoneCountry);
    if (prints !== undefined) seen.seePlanned(ev.line, false, prints);
  }
  return p;
}

/** The tracker a row loop tells what it planned (planRow): the export's, on a reading that may be repeated (OpenedExport.notes). */
export function plannedSeen(opened: OpenedExport): DuplicateTracker | undefined {
  return opened.notes === true ? opened.duplicates : undefined;
}
