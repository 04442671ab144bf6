import { setFlagsFromString } from 'node:v8';

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
export function tuneForStreaming(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString('--no-allocation-site-pretenuring');
  setFlagsFromString('--heap-growing-percent=20');
}

let tunedForWorkers = false;

/**
 * With worker threads busy on every core, V8's parallel scavenging only makes its helper
 * threads compete with them for the same cores: scavenge on the collecting thread alone
 * (measured: ~5 % less wall time on 2 cores). The flag is read at each scavenge, so
 * setting it while running is safe (unlike the concurrent-marking flags).
 */
export function tuneForWorkers(): void {
  if (tunedForWorkers) return;
  tunedForWorkers = true;
  setFlagsFromString('--no-parallel-scavenge');
}
