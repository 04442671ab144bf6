import type { Readable } from 'node:stream';

/** A sink for text output; process.stdout or an in-memory stream in tests. */
export interface TextSink {
  write(chunk: string): unknown;
}

/** What a command may touch of the outside world. Production builds it from `process`. */
export interface Context {
  stdout: TextSink;
  stderr: TextSink;
  stdin: Readable;
  /** stdin is a terminal (prompts allowed). */
  stdinIsTTY: boolean;
  /** stderr is a terminal (progress bars allowed). */
  stderrIsTTY: boolean;
  /** colours allowed on stdout. */
  color: boolean;
  /** the terminal's width in columns, when stdout is a terminal (tables are fitted to it) */
  columns?: number;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The wall clock; only used for a default --as-of, never inside the domain. */
  now: () => Date;
}

/** Builds the context of a real process run. */
export function processContext(): Context {
  const env = process.env;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const forceColor = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    color: !noColor && (forceColor || Boolean(process.stdout.isTTY)),
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}
