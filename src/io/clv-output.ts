/**
 * Output files of `winback clv`: customers.csv, rejects.csv and the optional lost-customer file,
 * each streamed into a temporary file and put in place only by commit(). Column orders are
 * declared here once.
 */
import { join } from 'node:path';
import { unitsPerMonth, type LifecyclePhase } from '../domain/clv/clv.js';
import { addToTotals, emptyPhaseTotals, valueCustomerAt, type CustomerTable, type FittedModels, type PhaseTotals, type ValuedCustomer } from '../domain/clv/fit-models.js';
import type { Reject } from '../domain/types.js';
import { createAtomicWriteStream, writeOrWait, type AtomicWriteStream } from './atomic-write.js';
import type { ClvRunSettings } from './clv-render.js';
import { createCsvFormatter, PLAIN_CSV, type ColumnSpec, type CsvFormatter } from './csv-write.js';
import { REJECT_COLUMNS, rejectValues } from './plan-output.js';

export const CUSTOMER_COLUMNS: readonly ColumnSpec[] = [
  { name: 'customer_id', kind: 'text' },
  { name: 'frequency', kind: 'int' },
  { name: 'recency', kind: 'ratio' },
  { name: 'T', kind: 'ratio' },
  { name: 'monetary', kind: 'money' },
  { name: 'p_alive', kind: 'ratio' },
  { name: 'expected_purchases', kind: 'ratio' },
  { name: 'expected_spend', kind: 'money' },
  { name: 'clv', kind: 'money' },
  { name: 'phase', kind: 'text' },
];

/** Appended to customers.csv when a holdout period is given. */
export const HOLDOUT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'holdout_purchases', kind: 'int' },
  { name: 'predicted_holdout_purchases', kind: 'ratio' },
];

/** The lost-customer format `winback plan` reads; phase and p_alive pass through as extra columns. */
export const LOST_OUT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'customer_id', kind: 'text' },
  { name: 'customer_since', kind: 'date' },
  { name: 'churn_date', kind: 'date' },
  { name: 'orders', kind: 'int' },
  { name: 'revenue', kind: 'money' },
  { name: 'reason_code', kind: 'text' },
  { name: 'reason', kind: 'text' },
  { name: 'phase', kind: 'text' },
  { name: 'p_alive', kind: 'ratio' },
];

// Same layout as the rejects of every other command.

const LOST_PHASES: ReadonlySet<LifecyclePhase> = new Set(['lost', 'core_defector']);

/** A CSV file written through the one formatter into a temporary file. */
class CsvSink {
  private failure: unknown;
  private buffer = '';
  private constructor(private readonly stream: AtomicWriteStream, private readonly fmt: CsvFormatter) {
    stream.on('error', (e: unknown) => (this.failure ??= e));
  }

  static async open(path: string, columns: readonly ColumnSpec[]): Promise<CsvSink> {
    const fmt = createCsvFormatter(columns, PLAIN_CSV);
    const sink = new CsvSink(await createAtomicWriteStream(path), fmt);
    sink.buffer = fmt.header();
    return sink;
  }

  async row(values: readonly unknown[]): Promise<void> {
    this.buffer += this.fmt.row(values);
    if (this.buffer.length > 1 << 16) await this.flush();
  }

  async commit(): Promise<void> {
    await this.flush();
    if (this.failure) throw this.failure;
    await this.stream.commit();
  }

  abort(): Promise<void> {
    return this.stream.abort();
  }

  private flush(): Promise<void> {
    const text = this.buffer;
    this.buffer = '';
    if (text === '') return Promise.resolve();
    return writeOrWait(this.stream, text) ?? Promise.resolve();
  }
}

/** rejects.csv, open while the input is read. */
export class RejectFile {
  private constructor(private readonly sink: CsvSink) {}

  static async open(dir: string): Promise<RejectFile> {
    return new RejectFile(await CsvSink.open(join(dir, 'rejects.csv'), REJECT_COLUMNS));
  }

  add(r: Reject): Promise<void> {
    return this.sink.row(rejectValues(r));
  }

  commit(): Promise<void> {
    return this.sink.commit();
  }

  abort(): Promise<void> {
    return this.sink.abort();
  }
}

/** customers.csv (and the lost-customer file), written once the models are fitted. */
export class CustomerFiles {
  private constructor(private readonly customers: CsvSink, private readonly lost: CsvSink | undefined, private readonly withHoldout: boolean) {}

  static async open(dir: string, lostPath: string | undefined, withHoldout: boolean): Promise<CustomerFiles> {
    const customers = await CsvSink.open(join(dir, 'customers.csv'), withHoldout ? [...CUSTOMER_COLUMNS, ...HOLDOUT_COLUMNS] : CUSTOMER_COLUMNS);
    const lost = lostPath === undefined ? undefined : await CsvSink.open(lostPath, LOST_OUT_COLUMNS).catch(async (e: unknown) => {
      await customers.abort();
      throw e;
    });
    return new CustomerFiles(customers, lost, withHoldout);
  }

  /** Writes customer i (and, when lost or defecting, its lost-customer row). */
  async add(table: CustomerTable, i: number, v: ValuedCustomer): Promise<void> {
    const m = table.m[i] as number;
    const row: unknown[] = [table.ids[i], table.x[i], table.tX[i], table.T[i], Number.isNaN(m) ? undefined : m, v.pAlive, v.expectedPurchases, v.expectedSpend, v.clv, v.phase];
    if (this.withHoldout) row.push(table.holdout[i], v.predictedHoldout);
    await this.customers.row(row);
    if (this.lost && LOST_PHASES.has(v.phase)) {
      const known = (a: Float64Array) => (Number.isNaN(a[i] as number) ? undefined : a[i]);
      // The reason is not known, but the switching path is: a gradual decline. Coded 'unknown',
      // plan values the customer and proposes the interview that finds the real reason.
      const path = v.phase === 'lost' ? 'stopped buying' : 'buying less and less';
      await this.lost.row([table.ids[i], known(table.firstDay), known(table.lastDay), (table.x[i] as number) + 1, known(table.total), 'unknown', `silent churn: ${path} (no cancellation)`, v.phase, v.pAlive]);
    }
  }

  /** A listed customer without purchases. */
  async addProspect(id: string): Promise<void> {
    const row: unknown[] = [id, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'prospect'];
    if (this.withHoldout) row.push(undefined, undefined);
    await this.customers.row(row);
  }

  async commit(): Promise<void> {
    await this.lost?.commit();
    await this.customers.commit();
  }

  async abort(): Promise<void> {
    await Promise.all([this.customers.abort(), this.lost?.abort()]);
  }
}

export interface CustomerWrite {
  dir: string;
  lostPath: string | undefined;
  settings: ClvRunSettings;
  table: CustomerTable;
  models: FittedModels;
  prospects: readonly string[];
  /** Committed together with the customer files, aborted with them on failure. */
  rejects: RejectFile;
}

/** Values every customer, writes customers.csv (and the lost-customer file), commits all; returns the phase totals. */
export async function writeCustomerFiles(w: CustomerWrite): Promise<PhaseTotals> {
  const { table, models, settings } = w;
  const files = await CustomerFiles.open(w.dir, w.lostPath, settings.holdoutEnd !== undefined).catch(async (e: unknown) => {
    await w.rejects.abort();
    throw e;
  });
  const totals = emptyPhaseTotals();
  const units = unitsPerMonth(settings.period);
  try {
    for (let i = 0; i < table.ids.length; i++) {
      const v = valueCustomerAt(models, table, i, settings.config, units, settings.holdoutPeriods);
      addToTotals(totals, v, table.holdout[i] as number);
      await files.add(table, i, v);
    }
    for (const id of w.prospects) {
      totals.phases.prospect.customers++;
      await files.addProspect(id);
    }
    await w.rejects.commit();
    await files.commit();
  } catch (err) {
    await Promise.all([files.abort(), w.rejects.abort()]);
    throw err;
  }
  return totals;
}
