/**
 * Output files of `winback clv`: customers.csv, rejects.csv and the optional lost-customer file,
 * each streamed into a temporary file and put in place only by commit(). Column orders are
 * declared here once.
 */
import { join } from 'node:path';
import { discountedPurchases, unitsPerMonth } from '../../domain/clv/clv.js';
import { HANDOVER_COLUMNS, PURCHASE_MODEL_BASIS, purchaseModelHandover, secondLifeRevenue, type PurchaseModelHandover, type ValueHorizon } from '../../domain/clv/handover.js';
import { retentionCase, type RetentionCase } from '../../domain/clv/retention.js';
import { addToTotals, emptyPhaseTotals, valueCustomerAt, type CustomerTable, type FittedModels, type PhaseTotals, type ValuedCustomer } from '../../domain/clv/fit-models.js';
import type { Reject } from '../../domain/types.js';
import { createAtomicWriteStream, writeOrWait, type AtomicWriteStream } from '../atomic-write.js';
import type { ClvRunSettings } from './render.js';
import { createCsvFormatter, PLAIN_CSV, type ColumnSpec, type CsvFormat, type CsvFormatter } from '../csv/write.js';
import { REJECT_COLUMNS, rejectValues } from '../plan/output.js';
import { messages, say, type Lang } from '../../domain/catalogue/index.js';

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

/** Appended to customers.csv with --intervals: the bootstrap interval of the CLV. */
export const INTERVAL_COLUMNS: readonly ColumnSpec[] = [
  { name: 'clv_low', kind: 'money' },
  { name: 'clv_high', kind: 'money' },
];

/**
 * The lost-customer format `winback plan` reads, then the purchase-model hand-over (handover.ts).
 * The first-life spend is `first_life_revenue`, not `revenue`: plan must not spread it into a
 * monthly run rate; a plan that does not know the hand-over finds no revenue and reviews the row.
 */
export const LOST_OUT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'customer_id', kind: 'text' },
  { name: 'customer_since', kind: 'date' },
  { name: 'churn_date', kind: 'date' },
  { name: 'orders', kind: 'int' },
  { name: 'first_life_revenue', kind: 'money' },
  { name: 'reason_code', kind: 'text' },
  { name: 'reason', kind: 'text' },
  { name: 'phase', kind: 'text' },
  ...HANDOVER_COLUMNS.map((name): ColumnSpec => ({ name, kind: name === 'value_basis' || name === 'model' ? 'text' : name === 'horizon_months' ? 'int' : name === 'p_alive' || name === 'annual_discount_rate' || name === 'lost_threshold' || name.includes('purchases') ? 'ratio' : 'money' })),
];

/** `--retention-out`: the core defectors, highest value at risk first. */
export const RETENTION_COLUMNS: readonly ColumnSpec[] = [
  { name: 'customer_id', kind: 'text' },
  { name: 'phase', kind: 'text' },
  { name: 'p_alive', kind: 'ratio' },
  { name: 'purchase_rate_ratio', kind: 'ratio' },
  { name: 'last_purchase', kind: 'date' },
  { name: 'expected_purchases', kind: 'ratio' },
  { name: 'expected_spend', kind: 'money' },
  { name: 'clv', kind: 'money' },
  { name: 'clv_if_alive', kind: 'money' },
  { name: 'value_at_risk', kind: 'money' },
  { name: 'retention_measure', kind: 'text' },
  { name: 'measure_reason', kind: 'text' },
];

/** A CSV file written through the one formatter into a temporary file. */
class CsvSink {
  private failure: unknown;
  private buffer = '';
  private constructor(private readonly stream: AtomicWriteStream, private readonly fmt: CsvFormatter) {
    stream.on('error', (e: unknown) => (this.failure ??= e));
  }

  static async open(path: string, columns: readonly ColumnSpec[], csv: CsvFormat = PLAIN_CSV): Promise<CsvSink> {
    const fmt = createCsvFormatter(columns, csv);
    const sink = new CsvSink(await createAtomicWriteStream(path), fmt);
    sink.buffer = (csv.bom ? '\ufeff' : '') + fmt.header();
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

  static async open(dir: string, csv: CsvFormat = PLAIN_CSV): Promise<RejectFile> {
    return new RejectFile(await CsvSink.open(join(dir, 'rejects.csv'), REJECT_COLUMNS, csv));
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

/** customers.csv, the lost-customer file and the retention list, written once the models are fitted. */
export class CustomerFiles {
  private readonly retentionRows: { risk: number; row: unknown[] }[] = [];
  private constructor(private readonly customers: CsvSink, private readonly lost: CsvSink | undefined, private readonly retention: CsvSink | undefined, private readonly withHoldout: boolean, private readonly intervals: ClvIntervals | undefined, private readonly lang: Lang) {}

  static async open(dir: string, lostPath: string | undefined, retentionPath: string | undefined, withHoldout: boolean, intervals?: ClvIntervals, csv: CsvFormat = PLAIN_CSV, lang: Lang = 'en'): Promise<CustomerFiles> {
    const opened: CsvSink[] = [];
    const open = async (path: string, columns: readonly ColumnSpec[]) => {
      const sink = await CsvSink.open(path, columns, csv).catch(async (e: unknown) => {
        await Promise.all(opened.map((o) => o.abort()));
        throw e;
      });
      opened.push(sink);
      return sink;
    };
    const customers = await open(join(dir, 'customers.csv'), [...CUSTOMER_COLUMNS, ...(withHoldout ? HOLDOUT_COLUMNS : []), ...(intervals ? INTERVAL_COLUMNS : [])]);
    const lost = lostPath === undefined ? undefined : await open(lostPath, LOST_OUT_COLUMNS);
    const retention = retentionPath === undefined ? undefined : await open(retentionPath, RETENTION_COLUMNS);
    return new CustomerFiles(customers, lost, retention, withHoldout, intervals, lang);
  }

  /** Writes customer i; a lost one and a core defector also to the hand-over file for plan, a core defector to the retention list. */
  async add(table: CustomerTable, i: number, v: ValuedCustomer, models: FittedModels, extra: { handover?: PurchaseModelHandover; retention?: RetentionCase }): Promise<void> {
    const m = table.m[i] as number;
    const row: unknown[] = [table.ids[i], table.x[i], table.tX[i], table.T[i], Number.isNaN(m) ? undefined : m, v.pAlive, v.expectedPurchases, v.expectedSpend, v.clv, v.phase];
    if (this.withHoldout) row.push(table.holdout[i], v.predictedHoldout);
    if (this.intervals) row.push(finite(this.intervals.low[i] as number), finite(this.intervals.high[i] as number));
    await this.customers.row(row);
    const known = (a: Float64Array) => (Number.isNaN(a[i] as number) ? undefined : a[i]);
    if (this.lost && (v.phase === 'lost' || v.phase === 'core_defector')) {
      // The reason is not known, but the switching path is: a gradual decline. Coded 'unknown',
      // plan values the customer and proposes the interview that finds the real reason; a core
      // defector, still alive, goes to plan's retention track instead.
      const h = extra.handover;
      const t = messages(this.lang).clv;
      const why = v.phase === 'lost' ? t.silentChurn : t.drifting;
      const values = h ? [PURCHASE_MODEL_BASIS, h.model, h.pAlive, h.expectedPurchasesHorizon, h.discountedPurchasesHorizon, h.discountedPurchasesYear, h.expectedSpend, secondLifeRevenue(h), v.clv, h.horizonMonths, h.annualDiscountRate, h.lostThreshold] : [PURCHASE_MODEL_BASIS, models.purchases.name, v.pAlive, ...HANDOVER_COLUMNS.slice(3).map(() => undefined)];
      await this.lost.row([table.ids[i], known(table.firstDay), known(table.lastDay), (table.x[i] as number) + 1, known(table.total), 'unknown', why, v.phase, ...values]);
    }
    const r = extra.retention;
    if (this.retention && r) {
      this.retentionRows.push({ risk: Number.isFinite(r.valueAtRisk) ? r.valueAtRisk : -Infinity, row: [table.ids[i], v.phase, v.pAlive, r.rateRatio, known(table.lastDay), v.expectedPurchases, v.expectedSpend, v.clv, Number.isFinite(r.clvIfAlive) ? r.clvIfAlive : undefined, Number.isFinite(r.valueAtRisk) ? r.valueAtRisk : undefined, r.measure, say(this.lang, 'clv', r.reason)] });
    }
  }

  /** A listed customer without purchases. */
  async addProspect(id: string): Promise<void> {
    const row: unknown[] = [id, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'prospect'];
    if (this.withHoldout) row.push(undefined, undefined);
    if (this.intervals) row.push(undefined, undefined);
    await this.customers.row(row);
  }

  async commit(): Promise<void> {
    if (this.retention) {
      this.retentionRows.sort((p, q) => q.risk - p.risk);
      for (const r of this.retentionRows) await this.retention.row(r.row);
      await this.retention.commit();
    }
    await this.lost?.commit();
    await this.customers.commit();
  }

  async abort(): Promise<void> {
    await Promise.all([this.customers.abort(), this.lost?.abort(), this.retention?.abort()]);
  }
}

export interface CustomerWrite {
  dir: string;
  lostPath: string | undefined;
  retentionPath: string | undefined;
  /** The value model's horizon and discount, for the hand-over to plan. */
  valueHorizon: ValueHorizon;
  /** Bootstrap CLV intervals per customer (--intervals). */
  intervals?: ClvIntervals;
  settings: ClvRunSettings;
  table: CustomerTable;
  models: FittedModels;
  prospects: readonly string[];
  /** Committed together with the customer files, aborted with them on failure. */
  rejects: RejectFile;
  /** CSV layout (--excel); default plain */
  csv?: CsvFormat;
  /** the language of the reason column of the hand-over and retention files; default English */
  lang?: Lang;
  /** called with every valued customer, in customers.csv order (clv --html gathers its figures here) */
  onValued?: (i: number, v: ValuedCustomer) => void;
}

/** Values every customer, writes customers.csv (and the lost-customer file), commits all; returns the phase totals. */
export async function writeCustomerFiles(w: CustomerWrite): Promise<PhaseTotals> {
  const { table, models, settings } = w;
  const files = await CustomerFiles.open(w.dir, w.lostPath, w.retentionPath, settings.holdoutEnd !== undefined, w.intervals, w.csv, w.lang).catch(async (e: unknown) => {
    await w.rejects.abort();
    throw e;
  });
  const totals = emptyPhaseTotals();
  const units = unitsPerMonth(settings.period);
  try {
    for (let i = 0; i < table.ids.length; i++) {
      const v = valueCustomerAt(models, table, i, settings.config, units, settings.holdoutPeriods);
      addToTotals(totals, v, table.holdout[i] as number);
      w.onValued?.(i, v);
      await files.add(table, i, v, models, extrasOf(w, i, v, units));
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

type ClvIntervals = { low: Float64Array; high: Float64Array };

const finite = (v: number) => (Number.isFinite(v) ? v : undefined);

// The hand-over of a lost customer and the retention case of a core defector; needs spend.
function extrasOf(w: CustomerWrite, i: number, v: ValuedCustomer, units: number): { handover?: PurchaseModelHandover; retention?: RetentionCase } {
  const spend = v.expectedSpend;
  if (spend === undefined || !Number.isFinite(spend)) return {};
  const { table, models, settings } = w;
  const history = { x: table.x[i] as number, tX: table.tX[i] as number, T: table.T[i] as number };
  const handedOver = (v.phase === 'lost' || v.phase === 'core_defector') && w.lostPath !== undefined;
  const handover = handedOver ? { handover: { ...purchaseModelHandover(models.purchases, 'gamma-gamma', history, spend, w.valueHorizon, units), lostThreshold: settings.config.lostThreshold } } : {};
  if (v.phase !== 'core_defector' || w.retentionPath === undefined) return handover;
  const ifAlive = (t: number) => models.purchases.expectedIfAlive(t, history.x, history.tX, history.T);
  const clvIfAlive = spend * discountedPurchases(ifAlive, settings.config.horizonMonths, settings.config.monthlyDiscountRate, units);
  return { ...handover, retention: retentionCase({ ...history, pAlive: v.pAlive }, clvIfAlive, settings.config) };
}
