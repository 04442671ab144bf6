/**
 * The record parser of the hot loop: RFC 4180 fields (quotes, doubled quotes, delimiters and
 * line breaks inside quotes), CRLF, LF and CR line ends mixed, and the line each record starts
 * on. Without a row width it reads exactly like csv-parse with `relax_quotes` and
 * `relax_column_count` (a quote inside an unquoted field is a character; text after a closing
 * quote is kept with its quotes) — a property test holds it to csv-parse as the oracle — but
 * several times faster, because an ordinary line is not read character by character: a line
 * without quotes is cut at the delimiters indexOf finds, a line whose quoted fields all close
 * on it is cut field by field, and only the rest (a quoted line break, text after a closing
 * quote, a stray CR) goes through the state machine. A second property test holds these two
 * fast paths to the state machine alone.
 *
 * The parser keeps its scan position: a record still open when a chunk ends is carried as
 * state (its cells and the field so far), and the next chunk is read from where the last one
 * stopped, so the work is linear in the input whatever the quoting. The state is plain data
 * (snapshot()), so that a worker thread can go on with a record another thread began.
 *
 * Given the width of a row (the header's field count, at least 2), it also finds record
 * boundaries again after a stray quote. When a quoted field runs past the end of the line
 * its quote opened on, the next LOOKAHEAD_LINES lines are looked at. The record stands as it
 * is if it ends within them with the row's field count, and — when one of the lines reads as
 * a whole row of its own (looksLikeRow) — the field closes well (its quote followed by a
 * delimiter or line end, not where a field starts — right after a delimiter or a line break —
 * and not on a line that reads as a row): free text spanning lines.
 * Otherwise (a wrong field count; after a line that reads as a row, the quote closing in the
 * middle of text or still open after the look-ahead; the quote open at the end of the input)
 * the record is cut after the line the quote opened on, reported as broken, and every line
 * after it is read again as records of their own: no row is swallowed, every physical line
 * ends as a record. A record longer than
 * `maxRecordChars` is reported too, without its text being kept, so memory stays flat.
 */

/** Receives the records of the input, in order. */
export interface RecordSink {
  /**
   * A record: its cells, the line it starts on, its raw text when it had no quotes and no line
   * break inside (the cells joined by the delimiter), and `unterminated` when the input ended
   * inside it, without a line break.
   */
  record(cells: string[], line: number, raw: string | undefined, unterminated: boolean): void;
  /** A record that could not be read as one (only with a row width). */
  broken(b: BrokenRecord): void;
}

/**
 * Why a record is broken: a quoted field still open when a line that reads as a row of its
 * own begins (`stray_quote`), a record longer than the limit (`too_long`), or a quoted field
 * still open at the end of the input (`unclosed`).
 */
export type BrokenKind = 'stray_quote' | 'too_long' | 'unclosed';

export interface BrokenRecord {
  kind: BrokenKind;
  /** the record's first and last line */
  line: number;
  lastLine: number;
  /** the cells read, the last one up to where the record was cut (long cells shortened) */
  cells: string[];
  /** the field whose quote was left open (index), and the line that quote is on; -1 and 0 when none */
  column: number;
  openLine: number;
  /** the input ended with a line break (for `unclosed`) */
  lineEnded: boolean;
  /** (stray_quote) the first line after the quote's that reads as a row of its own; 0: none (the quote is open at the end) */
  rowLine: number;
  /** lines follow the record, read again as records of their own */
  linesAfter: boolean;
  /** the record's length in characters, as far as it was read */
  chars: number;
}

/** A quoted field that is never closed; `line` counts lines the way csv-parse reports them. */
export class UnclosedQuoteError extends Error {
  readonly code = 'CSV_QUOTE_NOT_CLOSED';
  /** `openedAt`: the line where the record with the open quote starts */
  constructor(
    readonly lines: number,
    readonly openedAt: number,
  ) {
    super(`Quote Not Closed: the parsing is finished with an opening quote at line ${lines}`);
  }
}

/** An unfinished record and where it is; plain data (structured-clonable). */
export interface ParserState {
  /** the line of the first character of `tail` (of the open record, when there is one) */
  line: number;
  quotedCrlf: number;
  /** text pushed but not read yet */
  tail: string;
  rec: OpenRecord | undefined;
  lastChar: number;
}

interface OpenRecord {
  line: number;
  cells: string[];
  /** the current field's text so far */
  field: string;
  quoting: boolean;
  /** line breaks inside the record (quoted), CRLF counted once */
  breaks: number;
  crlfInQuotes: number;
  /** characters of the record read so far (up to the last pause) */
  chars: number;
  /** longer than the limit: its text is no longer kept */
  dropped: boolean;
  /** fields seen, kept or not */
  fields: number;
  openLine: number;
  openColumn: number;
  /** at the start of a line inside a quoted field that has not been looked at as a row yet */
  probeDue: boolean;
  /** the look-ahead after the line a quote opened on (see the file comment) */
  win: Window | undefined;
  /** a look-ahead was made and found nothing: the record is read as it is */
  spent: boolean;
  /** where reading goes on in the text kept (during a look-ahead, the text is kept from its start) */
  resume: number;
}

/** The record as it was at the end of the line its open quote is on, to be reported if it is cut there. */
interface Window {
  /** where the next line starts in the text being read */
  at: number;
  line: number;
  cells: string[];
  /** the open field's text up to the end of that line */
  value: string;
  chars: number;
  crlfInQuotes: number;
  openLine: number;
  openColumn: number;
  /** line breaks read since */
  lines: number;
  /** the first line since that reads as a row of its own (0: none yet) */
  row: number;
  /** the line being read reads as a row of its own */
  rowNow: boolean;
}

export interface ParserOptions {
  /** the line of the first character pushed (default 1) */
  firstLine?: number;
  /** the text is the start of the input, where a byte-order mark is dropped (default true) */
  atStart?: boolean;
  /** fields of a whole row; from 2 on, stray quotes are recovered from (see the file comment) */
  width?: number;
  /** longest record whose text is kept (default MAX_RECORD_CHARS) */
  maxRecordChars?: number;
  /**
   * Cut ordinary lines (no line break inside a quoted field) without the state machine
   * (default true). The results are the same either way; false is for tests that hold the
   * fast paths to the state machine.
   */
  fastLines?: boolean;
  /** go on with the unfinished record of another parser (snapshot()) */
  resume?: ParserState;
}

/**
 * Longest record read, in characters: 1 Mi. Judgement: 32 times what an Excel cell holds
 * (32,767 characters, Microsoft's "Excel specifications and limits") and 8 times Python csv's
 * default field_size_limit (131,072); a longer record is a broken file, not a customer.
 */
export const MAX_RECORD_CHARS = 1 << 20;
/** A line inside a quoted field longer than this is not taken for a row of its own. */
const PROBE_MAX = 1 << 16;
/**
 * How far the look-ahead after a quote left open at the end of its line goes: line breaks and
 * characters. Judgement: a quoted field of free text that looks like rows this far on is
 * rare; a stray quote costs at most this much reading twice.
 */
const LOOKAHEAD_LINES = 32;
const LOOKAHEAD_CHARS = 1 << 16;
/** An unquoted line not finished by the end of a chunk is waited for whole up to this length. */
const LONG_PARTIAL = 1 << 16;
/** Characters of a cell kept for the report of a record too long to read. */
const KEPT_CHARS = 200;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const MORE = 0;
const NO = 1;
const ROW = 2;

/** Streaming parser: push() decoded text as it arrives, end() once at the end. */
export class CsvRecordParser {
  private tail = '';
  private line: number;
  private atStart: boolean;
  /** quoted CRLFs so far, for error lines counted like csv-parse */
  private quotedCrlf = 0;
  private lastChar = -1;
  private rec: OpenRecord | undefined;
  private readonly delim: string;
  private readonly delimCode: number;
  private readonly width: number;
  private readonly maxChars: number;
  private readonly nonBlank: RegExp;
  private readonly fastLines: boolean;
  // Next delimiter, quote, LF and CR at or after the scan position in the text being read
  // (valid while ≥ the position; each is searched again only once passed).
  private nd = -1;
  private nq = -1;
  private nl = -1;
  private nc = -1;
  /** characters looked at, counting text looked at again after a pause (the work done; tests check it is linear) */
  examined = 0;

  constructor(delimiter: string, opts: ParserOptions = {}) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new Error(`unsupported delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delim = delimiter;
    this.delimCode = delimiter.charCodeAt(0);
    this.width = opts.width !== undefined && opts.width >= 2 ? opts.width : 0;
    this.maxChars = opts.maxRecordChars ?? MAX_RECORD_CHARS;
    this.fastLines = opts.fastLines ?? true;
    this.nonBlank = new RegExp(`[^\\s${delimiter === '\\' || delimiter === ']' || delimiter === '^' || delimiter === '-' ? `\\${delimiter}` : delimiter}]`, 'g');
    this.line = opts.firstLine ?? 1;
    this.atStart = opts.atStart ?? true;
    const s = opts.resume;
    if (s) {
      this.atStart = false;
      this.line = s.line;
      this.quotedCrlf = s.quotedCrlf;
      this.tail = s.tail;
      this.rec = s.rec && { ...s.rec, cells: [...s.rec.cells] };
      this.lastChar = s.lastChar;
    }
  }

  /** The unfinished record and unread text, as plain data; undefined at a record boundary. */
  snapshot(): ParserState | undefined {
    if (this.tail === '' && this.rec === undefined) return undefined;
    return { line: this.line, quotedCrlf: this.quotedCrlf, tail: this.tail, rec: this.rec && { ...this.rec, cells: [...this.rec.cells] }, lastChar: this.lastChar };
  }

  /** Reads every record that is complete in what was pushed so far. */
  push(chunk: string, sink: RecordSink): void {
    if (this.atStart && chunk !== '') {
      this.atStart = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (chunk === '') return;
    this.lastChar = chunk.charCodeAt(chunk.length - 1);
    this.tail = this.tail === '' ? chunk : this.tail + chunk;
    this.run(false, sink);
  }

  /** Reads the last record; without a row width, throws UnclosedQuoteError when a quote is left open. */
  end(sink: RecordSink): void {
    this.run(true, sink);
  }

  /** Reads records from the start of `tail`; keeps what is left unread. */
  private run(final: boolean, sink: RecordSink): void {
    const text = this.tail;
    const n = text.length;
    this.nd = this.nq = this.nl = this.nc = -1;
    let pos = 0;
    let resume = this.rec?.resume ?? 0;
    this.examined += n - resume;
    for (;;) {
      if (this.rec !== undefined) {
        pos = this.readOpen(text, resume, final, sink);
        if (this.rec !== undefined) break;
        continue;
      }
      if (pos >= n) break;
      if (this.nq < pos) this.nq = indexOrEnd(text, '"', pos);
      if (this.nc < pos) this.nc = indexOrEnd(text, '\r', pos);
      const nl = text.indexOf('\n', pos);
      if (nl < 0 && !final && n - pos <= LONG_PARTIAL) break;
      // The common case: a line whose only CR, if any, ends it — without quotes (cut at its
      // delimiters), or with quoted fields that close on it (cut field by field).
      if (nl >= 0 && (this.nc > nl || this.nc === nl - 1) && this.fastLines) {
        const end = this.nc === nl - 1 ? nl - 1 : nl;
        if (end - pos <= this.maxChars) {
          if (this.nq > nl) {
            const raw = text.slice(pos, end);
            sink.record(splitPlain(raw, this.delim), this.line++, raw, false);
            pos = nl + 1;
            continue;
          }
          const cells = this.quotedLine(text, pos, end);
          if (cells !== undefined) {
            sink.record(cells, this.line++, undefined, false);
            pos = nl + 1;
            continue;
          }
          // The state machine reads the line from its start: what was found past it is searched for again.
          this.nd = this.nq = -1;
        }
      }
      this.rec = {
        line: this.line, cells: [], field: '', quoting: false, breaks: 0, crlfInQuotes: 0, chars: 0,
        dropped: false, fields: 0, openLine: 0, openColumn: -1, probeDue: false, win: undefined, spent: false, resume: pos,
      };
      resume = pos;
    }
    this.tail = pos >= n ? '' : text.slice(pos);
  }

  /**
   * The cells of the line text[from, end), which has a quote but no line break, when every
   * quoted field on it closes on it right before a delimiter or the line's end; undefined
   * otherwise (the state machine reads the line then). Gives what the state machine gives.
   */
  private quotedLine(text: string, from: number, end: number): string[] | undefined {
    const cells: string[] = [];
    let j = from;
    for (;;) {
      if (j < end && text.charCodeAt(j) === QUOTE) {
        let value = '';
        let k = j + 1;
        for (;;) {
          // The next quote is searched for once: a search that ends past this line serves the lines after it.
          if (this.nq < k) this.nq = indexOrEnd(text, '"', k);
          const q = this.nq;
          if (q >= end) return undefined;
          if (q + 1 < end && text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(k, q + 1);
            k = q + 2;
            continue;
          }
          value += text.slice(k, q);
          j = q + 1;
          break;
        }
        cells.push(value);
        if (j === end) return cells;
        if (text.charCodeAt(j) !== this.delimCode) return undefined;
        j++;
        continue;
      }
      if (this.nd < j) this.nd = indexOrEnd(text, this.delim, j);
      const d = this.nd;
      if (d >= end) {
        cells.push(text.slice(j, end));
        return cells;
      }
      cells.push(text.slice(j, d));
      j = d + 1;
    }
  }

  /**
   * Reads on in the open record from `start`, character class by character class; returns
   * where the next record starts, or (the record still open) where reading stopped.
   */
  private readOpen(text: string, start: number, final: boolean, sink: RecordSink): number {
    const r = this.rec as OpenRecord;
    const n = text.length;
    const dc = this.delimCode;
    let field = r.field;
    let quoting = r.quoting;
    let i = start;
    let seg = start;
    for (;;) {
      if (i >= n) {
        if (!final) return this.pause(r, text, start, seg, i, field, quoting);
        // Still open at the end of a file that ends with a line break: the lines after the
        // quote's are read again on their own. Without that line break the file is cut off.
        if (quoting) return r.win && (this.lastChar === LF || this.lastChar === CR) ? this.cutAfterOpenLine(r, i, sink) : this.endInQuotes(r, text, start, seg, field, sink);
        this.addCell(r, field + text.slice(seg, i));
        if (r.win && !this.wellFormed(r)) return this.cutAfterOpenLine(r, i, sink);
        r.chars += i - start;
        this.finish(r, sink, true);
        this.line = r.line + r.breaks + 1;
        return n;
      }
      const c = text.charCodeAt(i);
      if (quoting) {
        if (r.probeDue) {
          const verdict = this.probe(text, i, final);
          if (verdict === MORE) return this.pause(r, text, start, seg, i, field, quoting);
          r.probeDue = false;
          if (r.win) {
            r.win.rowNow = verdict === ROW;
            if (verdict === ROW && r.win.row === 0) r.win.row = r.line + r.breaks;
          }
        }
        if (c === QUOTE) {
          if (i + 1 >= n && !final) return this.pause(r, text, start, seg, i, field, quoting);
          const nc = i + 1 < n ? text.charCodeAt(i + 1) : -1;
          field = this.grow(r, field, text, seg, i);
          if (nc === QUOTE) {
            if (!r.dropped) field += '"';
            i += 2;
          } else {
            quoting = false;
            // Text after a closing quote keeps the quotes (csv-parse's relax_quotes).
            if (nc !== -1 && nc !== dc && nc !== LF && nc !== CR) {
              // A quote closed in the middle of text after a line that reads as a row: the quote before it was a stray one.
              if (r.win?.row) return this.cutAfterOpenLine(r, i, sink);
              if (!r.dropped) field = `"${field}"`;
            } else if (r.win?.rowNow) {
              // Closed on a line that reads as a row of its own: the quote belongs to a field of that row, the one before it was a stray one.
              return this.cutAfterOpenLine(r, i, sink);
            } else if (r.win?.row && this.atFieldStart(text, i, field, dc)) {
              // Closed where a field starts (after a delimiter or a line break) after a line that reads
              // as a row: a quote there opens a field — two stray quotes that pair up around a row.
              return this.cutAfterOpenLine(r, i, sink);
            }
            i += 1;
          }
          seg = i;
          continue;
        }
        if (c === CR || c === LF) {
          if (c === CR && i + 1 >= n && !final) return this.pause(r, text, start, seg, i, field, quoting);
          const crlfBefore = r.crlfInQuotes;
          r.breaks++;
          if (c === CR && text.charCodeAt(i + 1) === LF) {
            r.crlfInQuotes++;
            i++;
          }
          i++;
          const w = r.win;
          if (w === undefined) {
            // The quote runs past the end of its line: look ahead (once per record).
            if (this.width > 0 && !r.spent) {
              const value = withoutFinalBreak(field + text.slice(seg, i));
              r.win = {
                at: i, line: r.line + r.breaks, cells: [...r.cells], value: value.slice(0, r.dropped ? KEPT_CHARS : value.length),
                chars: r.chars + i - start, crlfInQuotes: crlfBefore, openLine: r.openLine, openColumn: r.openColumn, lines: 0, row: 0, rowNow: false,
              };
              r.probeDue = true;
            }
          } else if (++w.lines > LOOKAHEAD_LINES || i - w.at > LOOKAHEAD_CHARS) {
            if (w.row) return this.cutAfterOpenLine(r, i, sink);
            r.win = undefined;
            r.spent = true;
          } else r.probeDue = true;
          continue;
        }
        // Straight to the next quote or line break.
        if (this.nq < i) this.nq = indexOrEnd(text, '"', i);
        if (this.nl < i) this.nl = indexOrEnd(text, '\n', i);
        if (this.nc < i) this.nc = indexOrEnd(text, '\r', i);
        i = Math.min(this.nq, this.nl, this.nc);
        continue;
      }
      if (c === QUOTE && field === '' && seg === i) {
        quoting = true;
        r.openLine = r.line + r.breaks;
        r.openColumn = r.fields;
        seg = ++i;
        continue;
      }
      if (c === dc) {
        this.addCell(r, field + text.slice(seg, i));
        field = '';
        seg = ++i;
        continue;
      }
      if (c === LF || c === CR) {
        if (c === CR && i + 1 >= n && !final) return this.pause(r, text, start, seg, i, field, quoting);
        this.addCell(r, field + text.slice(seg, i));
        // A record spanning lines stands as it is only with the row's field count; otherwise its
        // quote was a stray one, and the lines after the quote's are read on their own.
        if (r.win && !this.wellFormed(r)) return this.cutAfterOpenLine(r, i, sink);
        r.chars += i - start;
        const next = c === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        this.finish(r, sink, false);
        this.line = r.line + r.breaks + 1;
        return next;
      }
      // Straight to the next delimiter or line break: a quote inside an unquoted field is a character.
      if (this.nd < i) this.nd = indexOrEnd(text, this.delim, i);
      if (this.nl < i) this.nl = indexOrEnd(text, '\n', i);
      if (this.nc < i) this.nc = indexOrEnd(text, '\r', i);
      i = Math.min(this.nd, this.nl, this.nc);
    }
  }

  /**
   * Stops reading the open record at `at` (more input is needed); keeps the state. Returns
   * where the text to keep starts: `at`, or the start of the look-ahead (reading may go back to it).
   */
  private pause(r: OpenRecord, text: string, start: number, seg: number, at: number, field: string, quoting: boolean): number {
    r.field = this.grow(r, field, text, seg, at);
    r.quoting = quoting;
    r.chars += at - start;
    if (!r.dropped && r.chars > this.maxChars) {
      r.dropped = true;
      r.field = r.field.slice(0, KEPT_CHARS);
      r.cells = r.cells.map((c) => c.slice(0, KEPT_CHARS));
    }
    const keep = r.win ? r.win.at : at;
    r.resume = at - keep;
    if (r.win) r.win.at = 0;
    return keep;
  }

  /** Whether the quote at `i` stands where a field starts: right after a delimiter or a line break. */
  private atFieldStart(text: string, i: number, field: string, dc: number): boolean {
    // After doubled quotes (`;"""`), the first of them stands where a field starts: read on its own
    // line, a quote there opens a field, so the quotes pair up around a row all the same.
    let j = i;
    while (j >= 2 && text.charCodeAt(j - 1) === QUOTE && text.charCodeAt(j - 2) === QUOTE) j -= 2;
    const before = j > 0 ? text.charCodeAt(j - 1) : field.charCodeAt(field.length - 1 - (i - j) / 2);
    return before === dc || before === LF || before === CR;
  }

  /** The record has the row's field count (or more, the extra fields empty). */
  private wellFormed(r: OpenRecord): boolean {
    if (r.fields === this.width) return true;
    if (r.fields < this.width || r.dropped) return false;
    for (let k = this.width; k < r.cells.length; k++) if ((r.cells[k] as string).trim() !== '') return false;
    return true;
  }

  /** Cuts the record after the line its open quote is on (reported as broken); reading starts again on the next line. */
  private cutAfterOpenLine(r: OpenRecord, at: number, sink: RecordSink): number {
    const w = r.win as Window;
    this.examined += at - w.at;
    this.quotedCrlf += w.crlfInQuotes;
    this.rec = undefined;
    this.line = w.line;
    // Reading goes back: the next delimiter, quote and line break are searched for again.
    this.nd = this.nq = this.nl = this.nc = -1;
    const cells = [...w.cells, w.value];
    const kind = w.chars > this.maxChars ? 'too_long' : 'stray_quote';
    sink.broken({ kind, line: r.line, lastLine: w.line - 1, cells, column: w.openColumn, openLine: w.openLine, lineEnded: true, chars: w.chars, rowLine: w.row, linesAfter: at > w.at });
    return w.at;
  }

  /** `field` with text[seg, i) added, unless the record is too long to keep. */
  private grow(r: OpenRecord, field: string, text: string, seg: number, i: number): string {
    if (!r.dropped) return field + text.slice(seg, i);
    return field.length < KEPT_CHARS ? (field + text.slice(seg, Math.min(i, seg + KEPT_CHARS))).slice(0, KEPT_CHARS) : field;
  }

  private addCell(r: OpenRecord, cell: string): void {
    r.fields++;
    if (!r.dropped) r.cells.push(cell);
    else if (r.cells.length <= this.width) r.cells.push(cell.slice(0, KEPT_CHARS));
  }

  /** The record is complete: emitted, or reported when too long. */
  private finish(r: OpenRecord, sink: RecordSink, unterminated: boolean): void {
    this.quotedCrlf += r.crlfInQuotes;
    this.rec = undefined;
    if (r.chars > this.maxChars) {
      sink.broken({ kind: 'too_long', line: r.line, lastLine: r.line + r.breaks, cells: r.cells.map((c) => c.slice(0, KEPT_CHARS)), column: -1, openLine: 0, lineEnded: !unterminated, chars: r.chars, rowLine: 0, linesAfter: false });
    } else sink.record(r.cells, r.line, undefined, unterminated);
  }

  /** The input ends inside a quoted field. */
  private endInQuotes(r: OpenRecord, text: string, start: number, seg: number, field: string, sink: RecordSink): number {
    const n = text.length;
    const lineEnded = this.lastChar === LF || this.lastChar === CR;
    if (this.width === 0) {
      // csv-parse counts a quoted CRLF as two lines and a final line break as none.
      throw new UnclosedQuoteError(r.line + r.breaks + this.quotedCrlf + r.crlfInQuotes - (lineEnded ? 1 : 0), r.line);
    }
    r.chars += n - start;
    const cells = [...r.cells, withoutFinalBreak(this.grow(r, field, text, seg, n))].map((c) => c.slice(0, KEPT_CHARS));
    this.quotedCrlf += r.crlfInQuotes;
    this.rec = undefined;
    this.line = r.line + r.breaks + 1;
    sink.broken({ kind: 'unclosed', line: r.line, lastLine: r.line + r.breaks - (lineEnded ? 1 : 0), cells, column: r.openColumn, openLine: r.openLine, lineEnded, chars: r.chars, rowLine: 0, linesAfter: false });
    return n;
  }

  /** Whether the line starting at `from` reads as a row of its own: ROW, NO, or MORE (not all of it is here yet). */
  private probe(text: string, from: number, final: boolean): number {
    const n = text.length;
    if (this.nl < from) this.nl = indexOrEnd(text, '\n', from);
    if (this.nc < from) this.nc = indexOrEnd(text, '\r', from);
    const end = Math.min(this.nl, this.nc);
    if (end - from > PROBE_MAX) return NO;
    if (end === n && !final) return MORE;
    return looksLikeRow(text, from, end, this.delim, this.width, this.nonBlank) ? ROW : NO;
  }
}

/**
 * Whether text[from, end) — one line — reads as a row of `width` fields on its own: not blank,
 * exactly `width` fields (or more, the extra ones empty), every quote at the start of a field
 * and closed right before a delimiter or the line end — or left open in the last field, as a
 * stray quote would be (the rest of the line then counts as plain text). A quote inside an
 * unquoted field looks like the end of a quoted field spanning lines: not a row.
 */
export function looksLikeRow(text: string, from: number, end: number, delim: string, width: number, nonBlank: RegExp): boolean {
  nonBlank.lastIndex = from;
  const visible = nonBlank.exec(text);
  if (visible === null || visible.index >= end) return false;
  const dc = delim.charCodeAt(0);
  let fields = 0;
  let lastFilled = -1;
  let j = from;
  const firstQuote = text.indexOf('"', from);
  const quoted = firstQuote >= 0 && firstQuote < end;
  for (;;) {
    if (quoted && j < end && text.charCodeAt(j) === QUOTE) {
      let k = j + 1;
      let closedAt = -1;
      for (;;) {
        const q = text.indexOf('"', k);
        if (q < 0 || q >= end) break;
        if (q + 1 < end && text.charCodeAt(q + 1) === QUOTE) {
          k = q + 2;
          continue;
        }
        closedAt = q;
        break;
      }
      if (closedAt < 0) {
        // Left open: the rest of the line is plain text, as a stray quote leaves it.
        fields += 1 + countOf(text, delim, j + 1, end);
        lastFilled = fields - 1;
        break;
      }
      if (closedAt + 1 < end && text.charCodeAt(closedAt + 1) !== dc) return false;
      lastFilled = fields;
      fields++;
      if (closedAt + 1 >= end) break;
      j = closedAt + 2;
      if (j >= end) {
        fields++;
        break;
      }
      continue;
    }
    let d = text.indexOf(delim, j);
    if (d < 0 || d > end) d = end;
    if (quoted) {
      const q = text.indexOf('"', j);
      if (q >= 0 && q < d) return false;
    }
    if (hasVisible(text, j, d, nonBlank)) lastFilled = fields;
    fields++;
    if (fields > width && lastFilled >= width) return false;
    if (d >= end) break;
    j = d + 1;
    if (j >= end) {
      fields++;
      break;
    }
  }
  return fields === width || (fields > width && lastFilled < width);
}

function hasVisible(text: string, from: number, to: number, nonBlank: RegExp): boolean {
  if (to <= from) return false;
  nonBlank.lastIndex = from;
  const m = nonBlank.exec(text);
  return m !== null && m.index < to;
}

function countOf(text: string, ch: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf(ch, from); i >= 0 && i < to; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** The cells of a line without quotes: its text cut at each delimiter (as String.split, but cheaper). */
function splitPlain(raw: string, delim: string): string[] {
  const cells: string[] = [];
  let j = 0;
  for (let d = raw.indexOf(delim); d >= 0; d = raw.indexOf(delim, j)) {
    cells.push(raw.slice(j, d));
    j = d + 1;
  }
  cells.push(j === 0 ? raw : raw.slice(j));
  return cells;
}

function indexOrEnd(text: string, ch: string, from: number): number {
  const i = text.indexOf(ch, from);
  return i < 0 ? text.length : i;
}

function withoutFinalBreak(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  const c = text.charCodeAt(text.length - 1);
  return c === LF || c === CR ? text.slice(0, -1) : text;
}
