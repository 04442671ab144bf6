/**
 * A VM setting of the planning workers (docs/performance.md, "Memory at a million rows: the
 * objection rules' machine code"): the objection detector's ~280 regular expressions
 * (src/domain/objections/text.ts) are compiled without V8's regexp optimisations while the
 * workers set up; every other regular expression is compiled as V8 does by default. V8 compiles
 * an expression to machine code at its second run: the rules took 14 MB of code per thread with
 * the optimisations, 4.4 MB without (the 900 distinct reason texts of the benchmark's first
 * 200,000 rows). The matches are the same — the setting changes how the code is generated, not
 * what it matches. Made for the whole run, it cost `plan` 5–16 s of CPU at a million rows
 * (three pairs): the expressions run on every row (phone numbers, dates) need the optimised code.
 *
 * The flag belongs to the process, not to a thread, and the workers set up at the same time: it
 * stays off while any of them compiles the rules (a count in memory they share, under a lock),
 * and is on again when the last one is done. The main thread sends pieces only once every worker
 * is set up, so no row is planned while it is off.
 */
import { setFlagsFromString } from 'node:v8';
import { warmObjectionRules } from '../domain/objections/text.js';

const LOCK = 0;
const COMPILING = 1;

/** Memory the workers of one run share for compileObjectionRulesCompact: a lock and a count. */
export function compilingCount(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}

/**
 * Compiles the objection rules now, without V8's regexp optimisations; V8's default again once
 * no thread sharing `shared` compiles them. Blocks while another holds the lock (a worker only).
 */
export function compileObjectionRulesCompact(shared: SharedArrayBuffer): void {
  const state = new Int32Array(shared);
  counted(state, +1);
  try {
    warmObjectionRules();
  } finally {
    counted(state, -1);
  }
}

/** Changes the count, and the flag when it leaves or reaches 0, under the lock. */
function counted(state: Int32Array, by: 1 | -1): void {
  while (Atomics.compareExchange(state, LOCK, 0, 1) !== 0) Atomics.wait(state, LOCK, 1);
  try {
    const before = Atomics.add(state, COMPILING, by);
    if (by === 1 && before === 0) setFlagsFromString('--no-regexp-optimization');
    if (by === -1 && before === 1) setFlagsFromString('--regexp-optimization');
  } finally {
    Atomics.store(state, LOCK, 0);
    Atomics.notify(state, LOCK, 1);
  }
}
