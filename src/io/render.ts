import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';

/** Text styling that is a no-op without colour (no TTY, NO_COLOR). */
export function styler(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** Renders rows as a compact table; numbers right-aligned where `align` says so. */
export function renderTable(head: string[], rows: (string | number)[][], opts: { color: boolean; align?: ('left' | 'right')[] } = { color: false }): string {
  const c = styler(opts.color);
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    ...(opts.align ? { colAligns: opts.align } : {}),
    chars: opts.color ? {} : asciiChars(),
  });
  for (const row of rows) table.push(row.map((v) => (typeof v === 'number' ? String(v) : v)));
  return table.toString();
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
