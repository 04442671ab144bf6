import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { main } from '../../src/cli/main.js';
import { memoryContext } from './memory-context.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Runs the CLI in-process from the repository root; returns exit code and output. */
export async function runCli(args: string[], opts: { stdin?: string | Buffer; env?: Record<string, string> } = {}) {
  const { ctx, stdout, stderr } = memoryContext({ cwd: ROOT, ...opts });
  const code = await main(args, ctx);
  return { code, stdout: stdout(), stderr: stderr() };
}

export function tempDir(prefix = 'winback-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Reads a CSV the tool wrote into records keyed by header. */
export function readCsv(path: string, delimiter = ','): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  return parse(text, { columns: true, delimiter }) as Record<string, string>[];
}
