/**
 * plan.csv and rejects.csv: the column order (declared once here), the row formatting and
 * the atomic, sorted write. plan.csv is sorted by priority through an external sort so that
 * memory stays flat on large exports.
 */
import { join } from 'node:path';
import { DECISION_RANK, type PlannedCustomer } from '../../domain/plan/plan.js';
import type { Reject } from '../../domain/types.js';
import { createAtomicWriteStream, writeOrWait, type AtomicWriteStream } from '../atomic-write.js';
import { ByteBuffer, createCsvFormatter, formatCell, isVerbatimText, neutralizeFormula, putByte, putBytes, putCell, putString, putText, type ColumnKind, type ColumnSpec, type CsvFormat, type CsvFormatter } from '../csv/write.js';
import type { RunOutputs } from '../run-outputs.js';
import { SortedSpool } from '../sorted-spool.js';

/** Computed columns of plan.csv, after the input columns; `priority` splits head from tail. */
export const PLAN_COLUMNS: readonly ColumnSpec[] = [
  { name: 'customer_id', kind: 'text' },
  { name: 'reason_code', kind: 'text' },
  { name: 'reason_confidence', kind: 'ratio' },
  { name: 'decision', kind: 'text' },
  { name: 'decision_reason', kind: 'text' },
  { name: 'p_winback', kind: 'ratio' },
  { name: 'sltv', kind: 'money' },
  { name: 'expected_value', kind: 'money' },
  { name: 'priority', kind: 'int' },
  { name: 'measure', kind: 'text' },
  { name: 'offer_type', kind: 'text' },
  { name: 'channel', kind: 'text' },
  { name: 'contact_from', kind: 'date' },
  { name: 'contact_until', kind: 'date' },
  { name: 'wave', kind: 'text' },
  { name: 'reason_secondary', kind: 'text' },
  { name: 'reason_evidence', kind: 'text' },
  { name: 'value_at_stake', kind: 'money' },
  { name: 'offer_reason', kind: 'text' },
  { name: 'message_angle', kind: 'text' },
  { name: 'timing_rule', kind: 'text' },
  { name: 'warnings', kind: 'text' },
  // the organic return probability the expected value subtracts (added later: last, so older readers keep their offsets)
  { name: 'p_organic', kind: 'ratio' },
  { name: 'track', kind: 'text' },
];
/** The plan columns of files written before track existed: report still reads them. */
export const PLAN_COLUMNS_WITHOUT_TRACK: readonly ColumnSpec[] = PLAN_COLUMNS.slice(0, PLAN_COLUMNS.findIndex((c) => c.name === 'track'));
/** The plan columns of files written before p_organic existed: report still reads them. */
export const PLAN_COLUMNS_WITHOUT_P_ORGANIC: readonly ColumnSpec[] = PLAN_COLUMNS.slice(0, PLAN_COLUMNS.findIndex((c) => c.name === 'p_organic'));
const PRIORITY_AT = PLAN_COLUMNS.findIndex((c) => c.name === 'priority');
const KINDS = PLAN_COLUMNS.map((c) => c.kind);
/**
 * Text columns whose values come from a small set (the playbook's texts, codes, channels):
 * each distinct value is neutralised and quoted once, not once per row.
 */
const REPEATING = new Set(['reason_code', 'decision', 'measure', 'offer_type', 'channel', 'wave', 'reason_secondary', 'message_angle', 'track']);
const REPEAT_CACHE_LIMIT = 1024;
/** The bytes a row is expected to need beside its input text (the arena spills before it would exceed its budget). */
const ROW_ROOM = 4096;

export const REJECT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'line', kind: 'int' },
  { name: 'customer_id', kind: 'text' },
  { name: 'column', kind: 'text' },
  { name: 'value', kind: 'text' },
  { name: 'error', kind: 'text' },
];

/** A rejected row's values in REJECT_COLUMNS order: rejects.csv of plan, campaign and clv. */
export function rejectValues(r: Reject): unknown[] {
  return [r.line, r.customer_id, r.column, r.value, r.error];
}

/** The computed values of one planned customer, in PLAN_COLUMNS order (priority left empty). */
export function planValues(p: PlannedCustomer): unknown[] {
  const v = p.value;
  return [
    p.row.customer_id, p.reason.code, p.reason.confidence, v.decision, v.decisionReason,
    v.p_winback, v.sltv, v.expected_value, undefined, p.measure, v.offer_type, p.channel,
    p.window?.contactFrom, p.window?.contactUntil, p.window?.wave, p.reason.secondary, p.reason.evidence,
    v.value_at_stake, v.offerReason, p.angle, p.window?.rule, joinWarnings(p.row.warnings, p.permission.warnings, v.warnings),
    v.p_organic,
    p.track,
  ];
}

/** The warnings of a row, its permission and its value, joined by '; ' (mostly none: no array is made). */
function joinWarnings(a: readonly string[], b: readonly string[], c: readonly string[]): string {
  if (b.length === 0 && c.length === 0) return a.length === 0 ? '' : a.join('; ');
  return [...a, ...b, ...c].join('; ');
}

/** Output header names: input headers first (renamed where they clash with computed ones). */
export function planHeader(inputHeaders: readonly string[]): string[] {
  const computed = new Set(PLAN_COLUMNS.map((c) => c.name));
  return [...inputHeaders.map((h) => (computed.has(h) ? `${h}_input` : h)), ...PLAN_COLUMNS.map((c) => c.name)];
}

/** One plan.csv row in two parts around the priority number, which is known only once sorted. */
export interface PlanRowText {
  head: string;
  tail: string;
}

/**
 * Formats planned customers as plan.csv rows (the input cells, then the computed columns).
 * Pure and synchronous: `winback plan` runs one per worker thread on large exports.
 */
export class PlanRowFormatter {
  /** per repeating column: each distinct value's cell, as UTF-8 bytes */
  private readonly repeatCache = PLAN_COLUMNS.map((c) => (REPEATING.has(c.name) ? new Map<string, Buffer>() : undefined));
  private readonly sameDelimiter: boolean;
  private readonly delimiter: number;
  /** the export's delimiter as a byte, when it is one ASCII character (else -1: no recoding, see putRecoded) */
  private readonly inputDelimiter: number;
  /** where putRecoded puts a record's UTF-8 bytes before copying them */
  private scratch = Buffer.allocUnsafeSlow(1024);
  /** per repeating column: each distinct value's cell, as text (for format()) */
  private readonly textCache = PLAN_COLUMNS.map((c) => (REPEATING.has(c.name) ? new Map<string, string>() : undefined));

  /** `inputDelimiter`: the export's delimiter, when rows may be passed with their raw text */
  constructor(
    private readonly fmt: CsvFormat,
    private readonly inputWidth: number,
    inputDelimiter?: string,
  ) {
    // Raw input text is copied only where no cell could need rewriting (Excel's leading zeros do).
    this.sameDelimiter = inputDelimiter === fmt.delimiter && !fmt.keepLeadingZeros;
    this.delimiter = fmt.delimiter.charCodeAt(0);
    const inCode = inputDelimiter?.length === 1 ? inputDelimiter.charCodeAt(0) : -1;
    this.inputDelimiter = inCode < 128 ? inCode : -1;
  }

  /**
   * Formats one planned customer into `out` as text: the same row as formatInto, for callers
   * that keep rows as strings (worker threads); built as text, since decoding the bytes
   * again would cost more than it saves.
   */
  format(p: PlannedCustomer, cells: readonly string[], raw: string | undefined, out: PlanRowText): void {
    const { fmt } = this;
    const d = fmt.delimiter;
    let head = this.inputText(cells, raw);
    const values = planValues(p);
    let tail = '';
    for (let i = 0; i < PLAN_COLUMNS.length; i++) {
      const value = values[i];
      const cache = this.textCache[i];
      let cell = cache && typeof value === 'string' ? cache.get(value) : undefined;
      if (cell === undefined) {
        cell = formatCell(value, KINDS[i] as ColumnKind, fmt);
        if (cache && typeof value === 'string') {
          if (cache.size >= REPEAT_CACHE_LIMIT) cache.clear();
          cache.set(value, cell);
        }
      }
      if (i < PRIORITY_AT) head += cell + d;
      else if (i > PRIORITY_AT) tail += d + cell;
    }
    out.head = head;
    out.tail = tail + fmt.newline;
  }

  /**
   * The input cells as text, each followed by the delimiter; `cells` are the raw input cells
   * and `raw` the record's text when it had no quotes. Such a record, read with the output's
   * delimiter and with no cell to neutralise or quote, is copied as it is instead of cell by cell.
   */
  private inputText(cells: readonly string[], raw: string | undefined): string {
    const { fmt } = this;
    const d = fmt.delimiter;
    let head = '';
    if (raw !== undefined && this.sameDelimiter && cells.length === this.inputWidth) {
      // The record's own text, with only the cells rewritten that need it (a formula start,
      // edge spaces); its cells cannot hold the delimiter, since they were split at it.
      let copied = 0;
      let at = 0;
      let changed = false;
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i] as string;
        if (!isVerbatimText(c)) {
          head += raw.slice(copied, at) + formatCell(c, 'text', fmt);
          copied = at + c.length;
          changed = true;
        }
        at += c.length + 1;
      }
      return changed ? head + raw.slice(copied) + d : raw + d;
    }
    if (raw !== undefined) {
      // A quote-free record: no cell holds a quote or line break, only the delimiter may need quoting.
      for (let i = 0; i < this.inputWidth; i++) {
        const c = cells[i] ?? '';
        const zeroLed = fmt.keepLeadingZeros === true && c.charCodeAt(0) === 48;
        head += (isVerbatimText(c) && !c.includes(d) && !zeroLed ? c : formatCell(c, 'text', fmt)) + d;
      }
      return head;
    }
    for (let i = 0; i < this.inputWidth; i++) head += formatCell(cells[i] ?? '', 'text', fmt) + d;
    return head;
  }

  /**
   * Writes what inputText returns, piece by piece: the record's text and each cell go into
   * `out` as they are, without being joined into a row string first (which the write would
   * have to flatten, a copy per row).
   */
  private putInput(out: ByteBuffer, cells: readonly string[], raw: string | undefined): void {
    const { fmt } = this;
    const d = this.delimiter;
    if (raw !== undefined && this.sameDelimiter && cells.length === this.inputWidth) {
      let copied = 0;
      let at = 0;
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i] as string;
        if (!isVerbatimText(c)) {
          putString(out, raw.slice(copied, at));
          putText(out, c, fmt);
          copied = at + c.length;
        }
        at += c.length + 1;
      }
      putString(out, copied === 0 ? raw : raw.slice(copied));
      putByte(out, d);
      return;
    }
    if (raw !== undefined && this.inputDelimiter >= 0 && cells.length === this.inputWidth) {
      this.putRecoded(out, cells, raw);
      return;
    }
    const sep = fmt.delimiter;
    for (let i = 0; i < this.inputWidth; i++) {
      const c = cells[i] ?? '';
      const zeroLed = fmt.keepLeadingZeros === true && c.charCodeAt(0) === 48;
      // putText writes what formatCell(c, 'text') returns, without making that string (a quoted copy, for many).
      if (raw !== undefined && isVerbatimText(c) && !c.includes(sep) && !zeroLed) putString(out, c);
      else putText(out, c, fmt);
      putByte(out, d);
    }
  }

  /**
   * putInput for a quote-free record whose delimiter is not the output's (a German export
   * written as plain CSV): the record is encoded once, by one Buffer.write, and its bytes are
   * copied cell by cell with the input's delimiter byte replaced by the output's, which a
   * cell's UTF-8 cannot hold inside a longer character. Cell by cell, the Buffer.write and
   * quoting test per short cell cost three times as much. A copied cell that holds the output's
   * delimiter is quoted (it holds no quote, CR or LF: the record has none); a cell to neutralise
   * is copied after the apostrophe neutralizeFormula puts first; a cell with edge spaces or, for
   * Excel, a leading zero is written by putText from its text.
   */
  private putRecoded(out: ByteBuffer, cells: readonly string[], raw: string): void {
    const { fmt } = this;
    const inDelim = this.inputDelimiter;
    const outDelim = this.delimiter;
    if (this.scratch.length < 3 * raw.length) this.scratch = Buffer.allocUnsafeSlow(3 * raw.length);
    const src = this.scratch;
    const n = src.write(raw, 0, 'utf8');
    // Every cell may gain two quotes and an apostrophe; each ends with a delimiter byte.
    const room = n + 4 * cells.length + 1;
    out.room(room);
    let dst = out.buf;
    let at = out.at;
    let j = 0;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i] as string;
      const last = c.length - 1;
      const c0 = c.charCodeAt(0);
      // A cell neutralizeFormula prefixes (a phone number "+49 …" in most rows) is copied after
      // its apostrophe, which quoteField then sees first: no edge space to check but the last.
      let formula = false;
      if (last >= 0 && !((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || (c0 >= 48 && c0 <= 57)) && c0 !== 32) formula = neutralizeFormula(c) !== c;
      if (last >= 0 && (c0 === 32 || c.charCodeAt(last) === 32 || (c0 === 48 && fmt.keepLeadingZeros === true))) {
        while (j < n && src[j] !== inDelim) j++;
        out.at = at;
        putText(out, c, fmt);
        out.room(room);
        dst = out.buf;
        at = out.at;
      } else {
        const start = at;
        if (formula) dst[at++] = 39;
        let quoted = false;
        for (; j < n; j++) {
          const b = src[j] as number;
          if (b === inDelim) break;
          if (b === outDelim && !quoted) {
            // Quoted from here on: the bytes copied so far move one up behind the opening quote.
            dst.copyWithin(start + 1, start, at);
            dst[start] = 34;
            at++;
            quoted = true;
          }
          dst[at++] = b;
        }
        if (quoted) dst[at++] = 34;
      }
      dst[at++] = outDelim;
      j++;
    }
    out.at = at;
  }

  /**
   * Writes one planned customer's row (see format) as UTF-8 into `out` from its `at` on, and
   * returns where its head ends: the priority number goes there once sorted.
   */
  formatInto(p: PlannedCustomer, cells: readonly string[], raw: string | undefined, out: ByteBuffer): number {
    const { fmt } = this;
    this.putInput(out, cells, raw);
    // The computed columns in PLAN_COLUMNS order, each followed (before the priority) or preceded (after it) by the delimiter.
    const v = p.value;
    const w = p.window;
    this.cell(out, 0, p.row.customer_id, true);
    this.cell(out, 1, p.reason.code, true);
    this.cell(out, 2, p.reason.confidence, true);
    this.cell(out, 3, v.decision, true);
    this.cell(out, 4, v.decisionReason, true);
    this.cell(out, 5, v.p_winback, true);
    this.cell(out, 6, v.sltv, true);
    this.cell(out, 7, v.expected_value, true);
    const headEnd = out.at;
    this.cell(out, 9, p.measure, false);
    this.cell(out, 10, v.offer_type, false);
    this.cell(out, 11, p.channel, false);
    this.cell(out, 12, w?.contactFrom, false);
    this.cell(out, 13, w?.contactUntil, false);
    this.cell(out, 14, w?.wave, false);
    this.cell(out, 15, p.reason.secondary, false);
    this.cell(out, 16, p.reason.evidence, false);
    this.cell(out, 17, v.value_at_stake, false);
    this.cell(out, 18, v.offerReason, false);
    this.cell(out, 19, p.angle, false);
    this.cell(out, 20, w?.rule, false);
    this.cell(out, 21, joinWarnings(p.row.warnings, p.permission.warnings, v.warnings), false);
    this.cell(out, 22, v.p_organic, false);
    this.cell(out, 23, p.track, false);
    if (fmt.newline === '\r\n') putByte(out, 13);
    putByte(out, 10);
    return headEnd;
  }

  /** Writes the cell of computed column `i`, with the delimiter after it (`before`: the priority's side) or before it. */
  private cell(out: ByteBuffer, i: number, value: unknown, before: boolean): void {
    if (!before) putByte(out, this.delimiter);
    const cache = this.repeatCache[i];
    if (cache !== undefined && typeof value === 'string') {
      let bytes = cache.get(value);
      if (bytes === undefined) {
        bytes = Buffer.from(formatCell(value, 'text', this.fmt), 'utf8');
        if (cache.size >= REPEAT_CACHE_LIMIT) cache.clear();
        cache.set(value, bytes);
      }
      putBytes(out, bytes);
    } else putCell(out, value, KINDS[i] as ColumnKind, this.fmt);
    if (before) putByte(out, this.delimiter);
  }
}

/** The sort keys of plan.csv: decision rank, then expected value (descending), then input line. */
export function planSortKeys(p: PlannedCustomer): { rank: number; key: number } {
  return { rank: DECISION_RANK[p.value.decision], key: sortKeyOf(p.value.expected_value) };
}

/** The expected value as the sort key: a customer without one sorts last within its rank. */
export function sortKeyOf(expectedValue: number | null | undefined): number {
  return expectedValue ?? -Number.MAX_VALUE;
}

/** Writes plan.csv and rejects.csv into temporary files; commit() puts both in place. */
export class PlanFiles {
  private spool = new SortedSpool();
  private failure: unknown;
  private readonly rejectFormatter: CsvFormatter;
  private constructor(
    private readonly plan: AtomicWriteStream,
    private readonly rejects: AtomicWriteStream,
    private readonly formatter: PlanRowFormatter,
    fmt: CsvFormat,
  ) {
    this.rejectFormatter = createCsvFormatter(REJECT_COLUMNS, fmt);
  }

  /** `inputDelimiter`: the export's delimiter, when rows may be passed with their raw text */
  static async open(dir: string, inputHeaders: readonly string[], fmt: CsvFormat, inputDelimiter?: string): Promise<PlanFiles> {
    const plan = await createAtomicWriteStream(join(dir, 'plan.csv'));
    const rejects = await createAtomicWriteStream(join(dir, 'rejects.csv')).catch(async (e: unknown) => {
      await plan.abort();
      throw e;
    });
    const files = new PlanFiles(plan, rejects, new PlanRowFormatter(fmt, inputHeaders.length, inputDelimiter), fmt);
    // A failed write surfaces at commit(), as the I/O error it is, instead of crashing the process.
    for (const s of [plan, rejects]) s.on('error', (e: unknown) => (files.failure ??= e));
    const header = planHeader(inputHeaders).map((name) => formatCell(name, 'text', fmt)).join(fmt.delimiter) + fmt.newline;
    await write(plan, (fmt.bom ? '\ufeff' : '') + header);
    await write(rejects, (fmt.bom ? '\ufeff' : '') + createCsvFormatter(REJECT_COLUMNS, fmt).header());
    return files;
  }

  /** Queues one planned customer for sorting (see PlanRowFormatter.format). */
  add(p: PlannedCustomer, cells: readonly string[], raw?: string): void {
    // The row is written once, as bytes, straight into the sort's arena.
    const out = this.spool.begin(ROW_ROOM + 3 * (raw?.length ?? 0));
    const headEnd = this.formatter.formatInto(p, cells, raw, out);
    const { rank, key } = planSortKeys(p);
    this.spool.end(rank, key, p.row.line, headEnd);
  }

  /**
   * Where rows formatted and sorted elsewhere go (worker threads): run files in the sort's
   * temporary directory, added to and passed over in the merge as SortedSpool describes.
   */
  get sortedRuns(): Pick<SortedSpool, 'runFilePath' | 'addRunExtent' | 'skip'> {
    return this.spool;
  }

  async reject(r: Reject): Promise<void> {
    await write(this.rejects, this.rejectFormatter.row(rejectValues(r)));
  }

  /** Writes the sorted plan and renames both files into place; returns their sizes (for summary.json). */
  async commit(): Promise<RunOutputs> {
    // Resolves once the stream has written the bytes: the spool reuses the buffer.
    await this.spool.writeNumbered((bytes) => new Promise<void>((resolve) => this.plan.write(bytes, () => resolve())));
    if (this.failure) throw this.failure;
    await this.rejects.commit();
    await this.plan.commit();
    return { 'plan.csv': { bytes: this.plan.bytesWritten }, 'rejects.csv': { bytes: this.rejects.bytesWritten } };
  }

  async abort(): Promise<void> {
    await this.spool.dispose();
    await Promise.all([this.plan.abort(), this.rejects.abort()]);
  }
}

function write(stream: AtomicWriteStream, text: string | Buffer): Promise<void> {
  return writeOrWait(stream, text) ?? Promise.resolve();
}
