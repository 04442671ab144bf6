/**
 * A one-line progress display on stderr for long runs: rows processed, rows per second and,
 * when the input's size is known, the share read and the time left. Shown only on a terminal
 * and without --quiet, never in pipes, logs or cron mail; at most ten updates a second;
 * cleared when the run ends.
 */
import type { Context } from './context.js';
import { formatWhole, messages, type Lang } from '../domain/catalogue/index.js';

export interface Progress {
  /** Reports rows done and input bytes read so far (cheap to call often). */
  update(rows: number, bytes: number): void;
  /** Clears the line. */
  done(): void;
}

export interface ProgressOptions {
  label: string;
  /** total input bytes, when known */
  totalBytes?: number;
  quiet?: boolean;
  /** milliseconds clock, for tests */
  clock?: () => number;
  /** first display only after this long, so that short runs show nothing */
  delayMs?: number;
  /** the language of the line (default English) */
  lang?: Lang;
}

const MIN_INTERVAL_MS = 100;
const NO_PROGRESS: Progress = { update: () => undefined, done: () => undefined };

/** A progress display for `ctx.stderr`, or one that does nothing when it must stay silent. */
export function createProgress(ctx: Pick<Context, 'stderr' | 'stderrIsTTY'>, opts: ProgressOptions): Progress {
  if (!ctx.stderrIsTTY || opts.quiet) return NO_PROGRESS;
  const clock = opts.clock ?? (() => performance.now());
  const start = clock();
  const delay = opts.delayMs ?? 1000;
  let last = -Infinity;
  let shown = false;
  return {
    update(rows, bytes) {
      const now = clock();
      if (now - start < delay || now - last < MIN_INTERVAL_MS) return;
      last = now;
      shown = true;
      ctx.stderr.write(`\r${progressLine(opts.label, rows, bytes, opts.totalBytes, (now - start) / 1000, opts.lang)}\x1b[K`);
    },
    done() {
      if (shown) ctx.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** The text of one progress line, e.g. "plan: 120,000 rows · 48,000 rows/s · 12 % · 0:18 left". */
export function progressLine(label: string, rows: number, bytes: number, totalBytes: number | undefined, seconds: number, lang: Lang = 'en'): string {
  const say = messages(lang).common;
  const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
  const parts = [`${label}: ${say.progressRows(formatWhole(rows, lang))}`, say.progressRate(formatWhole(rate, lang))];
  if (totalBytes !== undefined && totalBytes > 0 && bytes > 0) {
    const share = Math.min(1, bytes / totalBytes);
    parts.push(`${Math.floor(share * 100)} %`);
    const left = share > 0 ? (seconds * (1 - share)) / share : 0;
    parts.push(say.progressLeft(clockText(left)));
  }
  return parts.join(' · ');
}

function clockText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${String(rest).padStart(2, '0')}` : `${m}:${String(rest).padStart(2, '0')}`;
}
