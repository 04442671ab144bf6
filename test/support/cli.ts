import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { main } from '../../src/cli/main.js';
import { memoryContext } from './memory-context.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Runs the CLI in-process from the repository root (or opts.cwd); returns exit code and output. */
export async function runCli(args: string[], opts: { stdin?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}) {
  const { ctx, stdout, stderr } = memoryContext({ cwd: ROOT, ...opts });
  const code = await main(args, ctx);
  return { code, stdout: stdout(), stderr: stderr() };
}

/** Reads a CSV the tool wrote into records keyed by header. */
export function readCsv(path: string, delimiter = ','): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  return parse(text, { columns: true, delimiter }) as Record<string, string>[];
}
export { tempDir } from './temp.js';
