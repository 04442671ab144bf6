/**
 * A VM setting of the planning workers (docs/performance.md, "Memory at a million rows: the
 * objection rules' machine code"): V8 compiles the regular expressions they run without its
 * regexp optimisations. Each worker runs the objection detector's ~280 regular expressions
 * (src/domain/objections/text.ts) on every text it has not read before, and V8 compiles each to
 * machine code at its second run: 14 MB of code per thread with the optimisations, 4.4 MB
 * without (measured on the 900 distinct reason texts of the benchmark's first 200,000 rows),
 * and far less of the compiler's scratch memory. The matches are the same — the setting changes
 * how the code is generated, not what it matches; the outputs were compared byte for byte.
 *
 * The flag belongs to the process, not to one thread, and starting a worker makes V8 read the
 * process's flags anew, so a worker sets it when its first piece comes: the main thread sends
 * pieces only once every worker is online. The main thread's own expressions were compiled
 * before (reading the header and the first rows) and keep their code.
 */
import { setFlagsFromString } from 'node:v8';

let set = false;

/** Makes V8 compile regular expressions without its regexp optimisations from now on, once per thread. */
export function compactRegexpCode(): void {
  if (set) return;
  set = true;
  setFlagsFromString('--no-regexp-optimization');
}
