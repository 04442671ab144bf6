import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let tuned = false;

/**
 * Tunes V8's collector for a long stream of short-lived rows, for the rest of the process
 * (docs/performance.md). Both flags are read at each collection, so setting them late is safe.
 * - No allocation-site pretenuring: when a collection happens to find many objects of one
 *   kind alive, V8 starts allocating that kind straight into the old generation, which then
 *   fills with garbage in bursts (measured on a million rows: 18 instead of 3 full
 *   collections and ~40 MB more peak memory).
 * - Old generation grown by 20 % past the live data instead of up to 4×: the live data is
 *   small (~20 MB: setup, caches), so the default lets garbage pile up to ~80 MB first.
 */
export function tuneForStreaming(opts: { again?: boolean } = {}): void {
  if (tuned && !opts.again) return;
  tuned = true;
  setFlagsFromString('--no-allocation-site-pretenuring');
  setFlagsFromString('--heap-growing-percent=20');
}

/**
 * With worker threads busy on every core, V8's parallel scavenging only makes its helper
 * threads compete with them for the same cores: scavenge on the collecting thread alone
 * (measured: ~5 % less wall time on 2 cores). The flag is read at each scavenge, so
 * setting it while running is safe (unlike the concurrent-marking flags).
 */
export function tuneForWorkers(): void {
  setFlagsFromString('--no-parallel-scavenge');
}

/**
 * Keeps this thread's young generation at the size V8 starts it with (1 MB semi-spaces)
 * instead of letting it double up to 16 MB: V8 reads the growth factor at each growth. `plan`
 * holds it before loading its setup: when worker threads do the row work, the main thread
 * allocates little, yet loading the setup alone grew its young generation to 32 MB of
 * resident memory for the whole run (measured: the main heap 52 → 26 MB). Starting a worker
 * thread resets V8's flags to the process's own, so the hold is set again once the workers
 * run; the workers' young generations are bounded by their resource limits instead. Never
 * set the factor to 0: V8 crashes.
 */
export function holdYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * Called by bin/winback.js before the CLI's modules are loaded — which alone grows the young
 * generation to 8 MB (16 MB of resident memory for the whole run): holds it for `plan`. The
 * command is found as src/cli/main.ts finds it (the first argument that is not an option).
 */
export function tuneForCommand(argv: readonly string[]): void {
  if (argv.find((a) => !a.startsWith('-')) === 'plan') holdYoungGeneration();
}

/**
 * Lets this thread's young generation grow (V8 doubles it when many objects survive) as long
 * as the next doubling stays within `maxMb`, then holds it: call it often (`plan` does every
 * 256 rows the main thread plans) — V8 may double it at any scavenge, and checked once a
 * piece it went from 2 to 8 MB when 4 were meant. V8 offers no such limit for the main
 * thread at run time — the semi-space flags are read once, at start — but it reads the
 * growth factor at each growth.
 */
export function capYoungGeneration(maxMb: number): void {
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  const full = young === undefined || 2 * young.space_size > maxMb * 1024 * 1024;
  if (full) holdYoungGeneration();
  else releaseYoungGeneration();
}

/** Lets the young generation grow again (V8's default factor) — for planning rows on this thread. */
export function releaseYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=2');
}

/**
 * A full garbage collection of this thread's heap now, so that V8 sets its next
 * old-generation limit under the flags in effect (V8 exposes `gc` to a new context once
 * the flag is set; ~10 ms on `plan`'s main thread).
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
