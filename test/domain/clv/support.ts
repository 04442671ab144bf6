/** Shared helpers of the CLV tests: where the CDNOW data lives and how to read its simple files. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The CDNOW folder, read in place from the shared data next to the repository. */
export const cdnowDir = path.resolve(repoRoot, '../shared/data/cdnow');

/** Whether the CDNOW data is present; in CI its absence is an error, elsewhere a skip with a message. */
export function cdnowPresent(): boolean {
  const present = existsSync(path.join(cdnowDir, 'cdnow_customers_summary.csv'));
  if (!present && process.env.CI === 'true') throw new Error(`CDNOW data missing in CI: expected it in ${cdnowDir}`);
  if (!present) console.warn(`CDNOW data absent (${cdnowDir}): skipping the CDNOW checks`);
  return present;
}

/** Rows of a small comma-separated file with a header, as records of numbers. */
export function readNumericCsv(file: string): Record<string, number>[] {
  const lines = readFileSync(path.join(cdnowDir, file), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] as string).split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, Number(cells[i])]));
  });
}

/** Columns of a summary file as typed arrays. */
export function column(rows: Record<string, number>[], name: string): Float64Array {
  return Float64Array.from(rows, (row) => row[name] as number);
}
