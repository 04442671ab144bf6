import { Chalk, type ChalkInstance } from 'chalk';
import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';

/**
 * cli-table3 and the six modules it loads, loaded at the first table: a command that prints none
 * (plan --quiet, campaign) does not pay for them at start-up (~0.03 s of CPU). It is CommonJS, so
 * it is required synchronously.
 */
let Table: typeof CliTable | undefined;
const tableClass = (): typeof CliTable => (Table ??= createRequire(import.meta.url)('cli-table3') as typeof CliTable);

/** Text styling that is a no-op without colour (no TTY, NO_COLOR). */
export function styler(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** Columns a table may take when the terminal's width is not known (a pipe, a cron mail). */
export const DEFAULT_TABLE_WIDTH = 80;
const MIN_TABLE_WIDTH = 40;
let tableWidth = DEFAULT_TABLE_WIDTH;

/**
 * Sets the width every table of this run is fitted to: the terminal's (main() calls this
 * once per run from the context), else 80; never less than 40.
 */
export function setTableWidth(columns: number | undefined): void {
  tableWidth = columns !== undefined && Number.isFinite(columns) && columns > 0 ? Math.max(MIN_TABLE_WIDTH, Math.floor(columns)) : DEFAULT_TABLE_WIDTH;
}

/** The width tables are fitted to in this run. */
export function currentTableWidth(): number {
  return tableWidth;
}

/**
 * Renders rows as a compact table; numbers right-aligned where `align` says so. A table
 * wider than `width` (default: the run's table width) has its text columns cut with an
 * ellipsis, widest first, instead of letting the terminal wrap every row.
 */
export function renderTable(head: string[], rows: (string | number)[][], opts: { color: boolean; align?: ('left' | 'right')[]; width?: number } = { color: false }): string {
  const c = styler(opts.color);
  const cells = rows.map((row) => row.map((v) => (typeof v === 'number' ? String(v) : v)));
  const widths = fitColumns(head, cells, opts.align ?? [], opts.width ?? tableWidth);
  const table = new (tableClass())({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    ...(opts.align ? { colAligns: opts.align } : {}),
    ...(widths ? { colWidths: widths.map((w) => w + 2) } : {}),
    chars: opts.color ? {} : asciiChars(),
  });
  for (const row of cells) table.push(row);
  return table.toString();
}

const MIN_TEXT = 4;
const MIN_NUMBER = 3;

/**
 * Content widths that make the table fit `width` columns (borders and padding included), or
 * undefined when it fits as it is. Long headers of numbers give way first, then text columns
 * (the widest each time), then the rest of numbers' headers; numbers are cut only when
 * nothing else is left.
 */
export function fitColumns(head: readonly string[], rows: readonly (readonly string[])[], align: readonly ('left' | 'right')[], width: number): number[] | undefined {
  const n = head.length;
  const natural = head.map((h, i) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[i] ?? ''))));
  const total = (ws: number[]) => ws.reduce((sum, w) => sum + w + 2, 0) + n + 1;
  if (total(natural) <= width) return undefined;
  const ws = [...natural];
  const numeric = (i: number) => align[i] === 'right';
  const cellWidth = head.map((_, i) => Math.max(0, ...rows.map((r) => visibleLength(r[i] ?? ''))));
  const header = (i: number, keep: number) => Math.max(MIN_NUMBER, cellWidth[i] as number, Math.min(visibleLength(head[i] ?? ''), keep));
  const text = (i: number, keep: number) => Math.min(natural[i] as number, keep);
  // Each stage lowers the floors a little: the long headers of numbers and the long texts
  // give way in turns, so that neither is cut to nothing while the other stays whole.
  const stages: [(i: number) => number, (i: number) => number][] = [
    [(i) => header(i, 8), () => Infinity],
    [(i) => header(i, 8), (i) => text(i, 12)],
    [(i) => header(i, 5), (i) => text(i, 12)],
    [(i) => header(i, 5), (i) => text(i, 8)],
    [(i) => header(i, 0), (i) => text(i, 8)],
    [(i) => header(i, 0), () => MIN_TEXT],
    // Numbers are cut only when nothing else is left.
    [() => MIN_NUMBER, () => MIN_TEXT],
  ];
  const floors = stages.map(([num, txt]) => (i: number) => (numeric(i) ? num(i) : txt(i)));
  for (const floor of floors) {
    let excess = total(ws) - width;
    while (excess > 0) {
      let widest = -1;
      for (let i = 0; i < n; i++) if ((ws[i] as number) > floor(i) && (widest < 0 || (ws[i] as number) > (ws[widest] as number))) widest = i;
      if (widest < 0) break;
      ws[widest] = (ws[widest] as number) - 1;
      excess--;
    }
    if (excess <= 0) break;
  }
  return ws;
}

// Colour codes take no room on the screen.
function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  let longest = 0;
  for (const line of plain.split('\n')) longest = Math.max(longest, [...line].length);
  return longest;
}

// Plain box characters keep output readable in logs, mails from cron and Windows consoles.
function asciiChars() {
  return {
    top: '-', 'top-mid': '+', 'top-left': '+', 'top-right': '+',
    bottom: '-', 'bottom-mid': '+', 'bottom-left': '+', 'bottom-right': '+',
    left: '|', 'left-mid': '|', mid: '-', 'mid-mid': '+',
    right: '|', 'right-mid': '|', middle: '|',
  };
}

/** Cuts text to `width` characters with an ellipsis. */
export function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** A column of a table whose headers must stay whole. */
export interface WholeColumn {
  head: string;
  align: 'left' | 'right';
  /** 0: always shown; higher: dropped earlier when the table is too wide */
  priority: number;
  /** the narrowest a text column is cut to (never below its header) */
  minWidth?: number;
}

/**
 * Renders a table in which every shown header is whole: when it is wider than `width`, the
 * least important columns are left out until the rest fit with text cells cut (never below
 * their header or minWidth), then the text columns are cut, widest first. Returns the table
 * and the headers left out, so the caller can say so.
 */
export function renderWholeHeaders(columns: readonly WholeColumn[], rows: readonly (readonly (string | number)[])[], opts: { color: boolean; width?: number }): { table: string; dropped: string[] } {
  const width = opts.width ?? tableWidth;
  const cells = rows.map((row) => row.map((v) => (typeof v === 'number' ? String(v) : v)));
  const natural = columns.map((col, i) => Math.max(visibleLength(col.head), ...cells.map((r) => visibleLength(r[i] ?? ''))));
  const floor = columns.map((col, i) => (col.align === 'right' ? (natural[i] as number) : Math.min(natural[i] as number, Math.max(visibleLength(col.head), col.minWidth ?? MIN_TEXT))));
  const total = (shown: number[], ws: readonly number[]) => shown.reduce((sum, i) => sum + (ws[i] as number) + 3, 1);
  let shown = columns.map((_, i) => i);
  while (total(shown, floor) > width) {
    const worst = Math.max(...shown.map((i) => (columns[i] as WholeColumn).priority));
    if (worst === 0) break;
    const drop = shown.filter((i) => (columns[i] as WholeColumn).priority === worst).at(-1) as number;
    shown = shown.filter((i) => i !== drop);
  }
  const ws = [...natural];
  for (let excess = total(shown, ws) - width; excess > 0; excess--) {
    let widest = -1;
    for (const i of shown) if ((ws[i] as number) > (floor[i] as number) && (widest < 0 || (ws[i] as number) > (ws[widest] as number))) widest = i;
    if (widest < 0) break;
    ws[widest] = (ws[widest] as number) - 1;
  }
  const cut = (text: string, w: number) => (visibleLength(text) <= w ? text : truncate(stripAnsi(text), w));
  const table = renderTable(shown.map((i) => (columns[i] as WholeColumn).head), cells.map((r) => shown.map((i) => cut(r[i] ?? '', ws[i] as number))), {
    color: opts.color, align: shown.map((i) => (columns[i] as WholeColumn).align), width,
  });
  return { table, dropped: columns.filter((_, i) => !shown.includes(i)).map((col) => col.head) };
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Wraps text at spaces into lines of at most `width` characters, each starting with `indent`; a longer word (a path) is split, not cut. */
export function wrap(text: string, width: number, indent: string): string {
  const room = Math.max(10, width - indent.length - 2);
  const words = text.split(' ').flatMap((word) => {
    const chars = [...word];
    const parts: string[] = [];
    for (let k = 0; k < chars.length; k += room) parts.push(chars.slice(k, k + room).join(''));
    return parts.length > 0 ? parts : [''];
  });
  const out: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && [...line].length + 1 + [...w].length > room) {
      out.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  out.push(line);
  return out.map((l, i) => (i === 0 ? indent : `${indent}  `) + l).join('\n');
}
