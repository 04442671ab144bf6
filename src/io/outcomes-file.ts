/**
 * The outcomes file (customers who came back, from the CRM), read with the one export reader
 * and gathered per customer for attribution.
 */
import { OUTCOMES_SCHEMA } from '../domain/read/fields.js';
import type { OutcomeRecord } from '../domain/results/results.js';
import type { Reject } from '../domain/types.js';
import type { OpenedExport, ReadOptions } from './csv/read.js';
import { openExport } from './open-export.js';
import { formatDay, messages } from '../domain/catalogue/index.js';

export interface OutcomesRead {
  opened: OpenedExport;
  outcomes: Map<string, OutcomeRecord[]>;
  rejects: Reject[];
}

/** Reads every return; a customer may appear more than once (returned, left, returned again). */
export async function readOutcomes(source: string, read: ReadOptions, io: Parameters<typeof openExport>[3]): Promise<OutcomesRead> {
  const opened = await openExport(source, OUTCOMES_SCHEMA, read, io);
  const outcomes = new Map<string, OutcomeRecord[]>();
  const rejects: Reject[] = [];
  const say = messages(opened.lang).results;
  const header = (field: string) => opened.headers[opened.mapping.fields.get(field) as number] ?? field;
  // A customer's return on one day, by the line that gave it first: the same return twice would count twice.
  const seen = new Map<string, number>();
  for await (const ev of opened.rows()) {
    if (!ev.ok) {
      rejects.push(ev.reject);
      continue;
    }
    const v = ev.values as { customer_id: string; return_date?: number; revenue?: number; margin?: number; cancelled_again?: number };
    if (v.return_date === undefined) {
      // The column as the file names it ("Rückkehrdatum"), not the field's name.
      const column = opened.headers[opened.mapping.fields.get('return_date') as number] ?? 'return_date';
      rejects.push({ line: ev.line, customer_id: v.customer_id, column, value: '', error: `${column} ${messages(opened.lang).read.texts.empty}` });
      continue;
    }
    if (v.cancelled_again !== undefined && v.cancelled_again < v.return_date) {
      const cancelled = formatDay(v.cancelled_again, opened.lang);
      rejects.push({ line: ev.line, customer_id: v.customer_id, column: header('cancelled_again'), value: cancelled, error: say.cancelledBeforeReturn(cancelled, formatDay(v.return_date, opened.lang)) });
      continue;
    }
    const key = `${v.customer_id}\u0000${v.return_date}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      rejects.push({ line: ev.line, customer_id: v.customer_id, column: header('return_date'), value: formatDay(v.return_date, opened.lang), error: say.duplicateOutcome(earlier) });
      continue;
    }
    seen.set(key, ev.line);
    const record: OutcomeRecord = { customer_id: v.customer_id, returnDate: v.return_date };
    if (v.revenue !== undefined) record.revenue = v.revenue;
    if (v.margin !== undefined) record.margin = v.margin;
    if (v.cancelled_again !== undefined) record.cancelledAgain = v.cancelled_again;
    const list = outcomes.get(v.customer_id);
    if (list) list.push(record);
    else outcomes.set(v.customer_id, [record]);
  }
  return { opened, outcomes, rejects };
}
