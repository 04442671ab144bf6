import { Readable } from 'node:stream';
import type { Context } from '../../src/io/context.js';

/** A context whose streams are in memory and whose clock is fixed. */
export function memoryContext(opts: { stdin?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}) {
  let out = '';
  let err = '';
  const ctx: Context = {
    stdout: { write: (s: string) => { out += s; return true; } },
    stderr: { write: (s: string) => { err += s; return true; } },
    stdin: Readable.from(opts.stdin === undefined ? [] : [typeof opts.stdin === 'string' ? Buffer.from(opts.stdin) : opts.stdin]),
    stdinIsTTY: false,
    stderrIsTTY: false,
    color: false,
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    now: () => new Date('2026-11-23T09:00:00Z'),
  };
  return { ctx, stdout: () => out, stderr: () => err };
}
