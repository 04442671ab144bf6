/**
 * Reading for `winback clv`: a transaction file streamed through the summariser, or an
 * already summarised RFM file, into one CustomerTable. Rows the models cannot use go to
 * `onReject` with line, column and reason; the counts keep read = accepted + rejected.
 */
import type { CustomerTable } from '../../domain/clv/fit-models.js';
import { periodLengthDays, TransactionSummarizer, type PeriodUnit, type SummaryOptions, type SummaryStats } from '../../domain/clv/summary.js';
import { isMissingIdMarker, MISSING_ID_MARKERS, signedAmount, type AmountSpec, type ReturnsMode } from '../../domain/clv/prepare.js';
import { headerKey } from '../../domain/read/fields.js';
import { parseNumber } from '../../domain/parse/number.js';
import type { Reject } from '../../domain/types.js';
import { DataError, UsageError } from '../../errors.js';
import { keyedError, messages, noteOf, type Messages } from '../../domain/catalogue/index.js';
import type { OpenedExport, RowEvent } from '../csv/read.js';

export interface ReadCounts {
  read: number;
  accepted: number;
  rejected: number;
}

export interface ClvInput {
  table: CustomerTable;
  counts: ReadCounts;
  /** Only for transaction input. */
  /** notModelledRows: rows of customers with no purchase day left (each in rejects.csv, so not used) */
  summary?: SummaryStats & { notModelledRows?: number; latestDay: number | undefined; last?: { customerId: string; day: number; line: number; otherLatest: number } };
  /** Only for transaction input. */
  preparation?: PreparationCounts;
}

type OnReject = (r: Reject) => Promise<void> | void;

/** How raw transaction rows become purchases: the amount's source, returns, cancellations. */
export interface TransactionPreparation {
  /** Undefined: the mapped amount column (if any). */
  amount?: AmountSpec;
  returns: ReturnsMode;
  /** Invoices starting with this are cancellations (needs an invoice column). */
  cancelPrefix?: string;
}

/** Counts of the preparation, for model.json. */
export interface PreparationCounts {
  missingIds: number;
  cancellations: number;
  returnsRejected: number;
}

/** A row the models cannot use; `kind` counts the missing ids and the returns refused. */
type RowProblem = { column: string; value: string; error: string; kind?: 'missingId' | 'return' };

/** Streams a transaction file into per-customer summaries; memory grows with customers, not rows (order 'per-customer'). */
export async function readTransactionTable(opened: OpenedExport, options: SummaryOptions, onReject: OnReject, prep: TransactionPreparation = { returns: 'reject' }): Promise<ClvInput> {
  const summarizer = new TransactionSummarizer(options);
  const say = messages(opened.lang).clvRows;
  const missingIdError = say.missingId(MISSING_ID_MARKERS.slice(0, 5).join(', '));
  const idEmpty = messages(opened.lang).read.texts.idEmpty;
  const amountOf = amountReader(opened, prep, say);
  const invoiceIndex = opened.mapping.fields.get('invoice');
  if (prep.cancelPrefix !== undefined && invoiceIndex === undefined) {
    throw keyedError((m, h) => new UsageError(m, h), noteOf('clvFlags', { key: 'cancelNeedsInvoice', args: [opened.label] }), noteOf('clvFlags', { key: 'cancelNeedsInvoiceHint', args: [opened.headers.join(', ')] }));
  }
  if (prep.cancelPrefix !== undefined && !amountOf.hasAmount) {
    throw keyedError((m, h) => new UsageError(m, h), noteOf('clvFlags', { key: 'cancelNeedsAmounts', args: [opened.label] }), noteOf('clvFlags', { key: 'cancelNeedsAmountsHint', args: [] }));
  }
  const idHeader = headerOf(opened, 'customer_id');
  const counts: PreparationCounts = { missingIds: 0, cancellations: 0, returnsRejected: 0 };
  let extra = 0;
  let latest = -Infinity;
  // The last transaction, and the latest of every other customer's: a date far beyond all others is likely a typo.
  let last: { customerId: string; day: number; line: number } | undefined;
  let otherLatest = -Infinity;
  // Batches: one chunk of input parsed synchronously, without an await per row.
  for await (const batch of opened.batches()) for (const ev of batch) {
    if (!ev.ok) {
      // An empty id, or a marker the reader already rejected ("NA"): both are rows of no known customer.
      const empty = ev.reject.column === idHeader && ev.reject.error === idEmpty;
      if (empty || (ev.reject.column === idHeader && isMissingIdMarker(ev.reject.value))) counts.missingIds++;
      await onReject(empty ? { ...ev.reject, error: missingIdError } : ev.reject);
      continue;
    }
    const id = ev.values.customer_id as string;
    const day = ev.values.date as number | undefined;
    const read = day === undefined ? undefined : amountOf(ev);
    const invoice = invoiceIndex === undefined ? undefined : ev.cells[invoiceIndex];
    const signed = read !== undefined && 'amount' in read && read.amount !== undefined ? signedAmount(read.amount, invoice, prep.cancelPrefix) : undefined;
    if (signed?.cancellation) counts.cancellations++;
    const problem: RowProblem | undefined = isMissingIdMarker(id) ? { column: idHeader, value: id, error: missingIdError, kind: 'missingId' }
      : day === undefined ? { column: headerOf(opened, 'date'), value: '', error: say.empty(headerOf(opened, 'date')) }
      : read !== undefined && 'problem' in read ? read.problem
      : signed !== undefined && signed.amount < 0 && prep.returns === 'reject' ? { column: amountColumn(opened, prep), value: String(signed.amount), error: say.returnRejected(signed.cancellation, signed.amount), kind: 'return' }
      : undefined;
    if (problem) {
      extra++;
      if (problem.kind === 'missingId') counts.missingIds++;
      else if (problem.kind === 'return') counts.returnsRejected++;
      await onReject({ line: ev.line, customer_id: problem.kind === 'missingId' ? '' : id, column: problem.column, value: problem.value, error: problem.error });
      continue;
    }
    try {
      summarizer.add({ customerId: id, day: day as number, line: ev.line, ...(signed !== undefined ? { amount: signed.amount } : {}) });
    } catch (err) {
      if (!(err instanceof DataError)) throw err;
      // The summariser's own words (a saved note, worded with the line where the error is shown).
      const problem = err.keyed?.message ?? err.message;
      throw keyedError((m, h) => new DataError(m, h), { key: 'clvData.atLine', args: [opened.label, ev.line, problem] }, noteOf('clvData', { key: 'outOfOrderFileHint', args: [] }));
    }
    if (options.calibrationEnd === undefined || (day as number) <= options.calibrationEnd) latest = Math.max(latest, day as number);
    if (last === undefined || (day as number) > last.day) {
      if (last !== undefined && last.customerId !== id) otherLatest = Math.max(otherLatest, last.day);
      last = { customerId: id, day: day as number, line: ev.line };
    } else if (id !== last.customerId) otherLatest = Math.max(otherLatest, day as number);
  }
  const table = collectSummaries(summarizer, amountOf.hasAmount, options.holdoutEnd !== undefined);
  // A customer with no purchase day (only returns, or purchases returned on their day) is not modelled: each of their rows goes to rejects.csv.
  let notModelledRows = 0;
  for (const n of summarizer.notModelled) {
    notModelledRows += n.lines.length;
    const error = n.purchases ? say.returnsCancelPurchases(n.lines.length) : say.onlyReturns(n.lines.length);
    for (const line of n.lines) {
      extra++;
      await onReject({ line, customer_id: n.customerId, column: amountColumn(opened, prep), value: String(Number(n.amount.toFixed(2))), error });
    }
  }
  const lonely = last !== undefined && Number.isFinite(otherLatest) ? { ...last, otherLatest } : undefined;
  return { table, counts: adjustedCounts(opened, extra), summary: { ...summarizer.stats, notModelledRows, latestDay: Number.isFinite(latest) ? latest : undefined, ...(lonely ? { last: lonely } : {}) }, preparation: counts };
}


type AmountRead = { amount: number | undefined } | { problem: RowProblem };

/** Reads a row's amount from the mapped column, or as the product of two named columns. */
function amountReader(opened: OpenedExport, prep: TransactionPreparation, say: Messages['clvRows']): ((ev: Extract<RowEvent, { ok: true }>) => AmountRead) & { hasAmount: boolean } {
  const spec = prep.amount;
  if (spec?.kind === 'product') {
    const left = columnIndex(opened, spec.left);
    const right = columnIndex(opened, spec.right);
    const decimal = opened.dialect.decimal;
    const factor = (ev: Extract<RowEvent, { ok: true }>, index: number): number | RowProblem => {
      const raw = ev.cells[index] ?? '';
      const header = opened.headers[index] as string;
      if (raw.trim() === '') return { column: header, value: '', error: say.factorEmpty(header, spec.left, spec.right) };
      const n = parseNumber(raw, decimal);
      return n.ok ? n.value : { column: header, value: raw, error: say.factorNotNumber(header, raw) };
    };
    return Object.assign((ev: Extract<RowEvent, { ok: true }>): AmountRead => {
      const a = factor(ev, left);
      if (typeof a !== 'number') return { problem: a };
      const b = factor(ev, right);
      if (typeof b !== 'number') return { problem: b };
      return { amount: a * b };
    }, { hasAmount: true });
  }
  const hasAmount = opened.mapping.fields.has('amount');
  const header = hasAmount ? headerOf(opened, 'amount') : '';
  return Object.assign((ev: Extract<RowEvent, { ok: true }>): AmountRead => {
    const amount = ev.values.amount as number | undefined;
    if (hasAmount && amount === undefined) return { problem: { column: header, value: '', error: say.empty(header) } };
    return { amount };
  }, { hasAmount });
}

function amountColumn(opened: OpenedExport, prep: TransactionPreparation): string {
  return prep.amount?.kind === 'product' ? `${prep.amount.left}*${prep.amount.right}` : headerOf(opened, 'amount');
}

/** The index of a header named on the command line: exact, else by the usual header key. */
function columnIndex(opened: OpenedExport, name: string): number {
  const exact = opened.headers.indexOf(name);
  const index = exact >= 0 ? exact : opened.headers.map(headerKey).indexOf(headerKey(name));
  if (index < 0) throw keyedError((m, h) => new UsageError(m, h), noteOf('clvFlags', { key: 'amountNoColumn', args: [opened.label, name] }), noteOf('clvFlags', { key: 'headersFound', args: [opened.headers.join(', ')] }));
  return index;
}

function collectSummaries(summarizer: TransactionSummarizer, hasSpend: boolean, withHoldout: boolean): CustomerTable {
  const ids: string[] = [];
  const cols = { x: [] as number[], tX: [] as number[], T: [] as number[], m: [] as number[], first: [] as number[], last: [] as number[], total: [] as number[], holdout: [] as number[] };
  for (const s of summarizer.summaries()) {
    ids.push(s.customerId);
    cols.x.push(s.frequency);
    cols.tX.push(s.recency);
    cols.T.push(s.T);
    cols.m.push(s.monetary ?? NaN);
    cols.first.push(s.firstDay);
    cols.last.push(s.lastDay);
    cols.total.push(s.totalAmount ?? NaN);
    cols.holdout.push(withHoldout ? (s.holdoutFrequency ?? 0) : NaN);
  }
  return {
    ids, hasSpend,
    x: Float64Array.from(cols.x), tX: Float64Array.from(cols.tX), T: Float64Array.from(cols.T), m: Float64Array.from(cols.m),
    firstDay: Float64Array.from(cols.first), lastDay: Float64Array.from(cols.last), total: Float64Array.from(cols.total), holdout: Float64Array.from(cols.holdout),
  };
}

/**
 * Reads an RFM summary (frequency, recency, T in `period` units, optional monetary). With a known
 * calibration end the first and last purchase days are reconstructed (rounded to days) for --lost-out.
 */
export async function readSummaryTable(opened: OpenedExport, period: PeriodUnit, calibrationEnd: number | undefined, onReject: OnReject): Promise<ClvInput> {
  const say = messages(opened.lang).clvRows;
  const hasSpend = opened.mapping.fields.has('monetary');
  const hasId = opened.mapping.fields.has('customer_id');
  const unit = periodLengthDays(period);
  const ids: string[] = [];
  const cols = { x: [] as number[], tX: [] as number[], T: [] as number[], m: [] as number[], first: [] as number[], last: [] as number[] };
  let extra = 0;
  for await (const ev of opened.rows()) {
    if (!ev.ok) {
      await onReject(ev.reject);
      continue;
    }
    const v = ev.values as { customer_id?: string; frequency?: number; recency?: number; T?: number; monetary?: number };
    const id = hasId ? (v.customer_id as string) : String(ids.length + extra + 1);
    const problem = summaryProblem(v, hasSpend, say);
    if (problem) {
      extra++;
      await onReject({ line: ev.line, customer_id: hasId ? id : '', column: headerOf(opened, problem.field), value: problem.value, error: problem.error });
      continue;
    }
    const { frequency: x, recency: tX, T } = v as Required<typeof v>;
    ids.push(id);
    cols.x.push(x);
    cols.tX.push(tX);
    cols.T.push(T);
    cols.m.push(hasSpend ? (v.monetary ?? 0) : NaN);
    const first = calibrationEnd === undefined ? NaN : calibrationEnd - Math.round(T * unit);
    cols.first.push(first);
    cols.last.push(first + Math.round(tX * unit));
  }
  const n = ids.length;
  const table: CustomerTable = {
    ids, hasSpend,
    x: Float64Array.from(cols.x), tX: Float64Array.from(cols.tX), T: Float64Array.from(cols.T), m: Float64Array.from(cols.m),
    firstDay: Float64Array.from(cols.first), lastDay: Float64Array.from(cols.last), total: new Float64Array(n).fill(NaN), holdout: new Float64Array(n).fill(NaN),
  };
  return { table, counts: adjustedCounts(opened, extra) };
}

function summaryProblem(v: { frequency?: number; recency?: number; T?: number; monetary?: number }, hasSpend: boolean, say: Messages['clvRows']): { field: string; value: string; error: string } | undefined {
  for (const field of ['frequency', 'recency', 'T'] as const) if (v[field] === undefined) return { field, value: '', error: say.empty(field) };
  const { frequency: x, recency: tX, T } = v as { frequency: number; recency: number; T: number };
  if (T < 0) return { field: 'T', value: String(T), error: say.ageNegative };
  if (tX < 0 || tX > T) return { field: 'recency', value: String(tX), error: say.recencyRange(T) };
  if (x === 0 && tX !== 0) return { field: 'recency', value: String(tX), error: say.recencyZero };
  if (!hasSpend) return undefined;
  const m = v.monetary;
  if (m === undefined && x > 0) return { field: 'monetary', value: '', error: say.monetaryEmpty };
  if (m !== undefined && m < 0) return { field: 'monetary', value: String(m), error: say.monetaryNegative };
  return undefined;
}

function headerOf(opened: OpenedExport, field: string): string {
  const index = opened.mapping.fields.get(field);
  return index === undefined ? field : (opened.headers[index] as string);
}

// The reader counted rows the models then refused as accepted: move them to rejected.
function adjustedCounts(opened: OpenedExport, extra: number): ReadCounts {
  const { read, accepted, rejected } = opened.stats;
  return { read, accepted: accepted - extra, rejected: rejected + extra };
}

/** Listed customers without any summarised purchase (prospects), and what the list held. */
export interface ProspectList {
  ids: string[];
  file: string;
  read: number;
  rejected: number;
  buyers: number;
}

/** Reads a customer list and keeps the ids that have no purchase in the calibration period. */
export async function readProspects(opening: Promise<OpenedExport>, buyerIds: readonly string[]): Promise<ProspectList> {
  const opened = await opening;
  const buyers = new Set(buyerIds);
  const ids: string[] = [];
  for await (const ev of opened.rows()) {
    if (ev.ok && !buyers.has(ev.values.customer_id as string)) ids.push(ev.values.customer_id as string);
  }
  const { read, rejected } = opened.stats;
  return { ids, file: opened.label, read, rejected, buyers: read - rejected - ids.length };
}
