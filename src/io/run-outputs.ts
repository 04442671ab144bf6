/**
 * The output files of a run as its summary.json records them (`outputs`: name → bytes).
 * summary.json is renamed into place last, so a run killed while it replaced its files one
 * after the other leaves files of two runs side by side; comparing the sizes with the
 * summary finds that before a report or the next campaign reads them.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../errors.js';
import { keyedError, noteOf, type SavedNote } from '../domain/catalogue/index.js';

export type RunOutputs = Record<string, { bytes: number }>;

/** Checks that the files summary.json lists are the ones it describes; older summaries without the list pass. */
export async function checkRunOutputs(dir: string, label: string, summary: Record<string, unknown>): Promise<void> {
  const outputs = summary.outputs;
  if (outputs === undefined) return;
  const hint = noteOf('files', { key: 'outputsHint', args: [] });
  const fail = (message: SavedNote) => keyedError((m, h) => new DataError(m, h), message, hint);
  if (typeof outputs !== 'object' || outputs === null) throw fail(noteOf('files', { key: 'outputsNotList', args: [label] }));
  for (const [name, entry] of Object.entries(outputs as Record<string, unknown>)) {
    const expected = (entry as { bytes?: unknown } | null)?.bytes;
    if (typeof expected !== 'number') throw fail(noteOf('files', { key: 'outputsNoSize', args: [label, name] }));
    const size = await stat(join(dir, name)).then((s) => s.size, () => undefined);
    if (size !== expected) throw fail(noteOf('files', { key: 'outputChanged', args: [label, name, expected, size ?? null] }));
  }
}
