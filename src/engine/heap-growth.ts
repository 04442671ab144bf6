/**
 * A VM setting winback makes (docs/performance.md, "Memory: the heaps, not the rows"):
 * when rows are planned on the main thread (`--threads 1`, standard input, small exports), its
 * old generation may grow only 20 % past what it held alive after a full collection, before
 * the next one. Node gives the main thread a heap limit from the machine's memory (4 GiB here),
 * and V8 lets an old generation under such a limit grow up to 4× past its live data; planning
 * makes garbage fast, so it did: `report --threads 1` on 200,000 rows peaked at 312 MiB, 185
 * MiB with this setting, at the same CPU time (28.3 s both, measured side by side on
 * 2026-12-05). The workers' heaps have their own limits (WORKER_HEAP) and need none of it.
 */
import { setFlagsFromString } from 'node:v8';

/** How far (percent) the old generation may grow past its live data between full collections when this thread plans. */
export const MAIN_HEAP_GROWING_PERCENT = 20;
/**
 * V8's default factor by which a young generation grows, which the CLI turns off while the main
 * thread only reads (src/cli/young-generation.ts): a thread that plans rows lets its young
 * generation grow again, as before, so that a row's objects die young.
 */
export const YOUNG_GENERATION_GROWTH = 2;

let set = false;

/** What a planning worker posts once it has held the young generation again (holdYoungGeneration), before it loads the planner. */
export const YOUNG_GENERATION_HELD = 'held';

/**
 * The young generation's growth factor while this thread only reads and takes what workers
 * planned: 1, as the CLI sets it before its modules load (src/cli/young-generation.ts).
 */
const READING_YOUNG_GENERATION_GROWTH = 1;

/** Sets V8's heap growing factor for this process, once, and lets the young generation grow as V8 would; V8 reads both at each collection. */
export function limitHeapGrowth(): void {
  if (set) return;
  set = true;
  setFlagsFromString(`--heap-growing-percent=${MAIN_HEAP_GROWING_PERCENT}`);
  setFlagsFromString(`--semi-space-growth-factor=${YOUNG_GENERATION_GROWTH}`);
}

/**
 * Holds the main thread's young generation at its size again once worker threads have started:
 * starting a worker makes V8 take its flags anew, which put the growth factor back to V8's
 * default — a test program's young generation stayed at 2 MB with the factor 1 and grew to 32 MB
 * once a worker had started, and so did `campaign`'s main thread at a million rows, where it
 * takes a piece's records and spools them (2 → 32 MB, docs/performance.md, "Memory at a million
 * rows: 2026-12-06, later"). Not where this thread plans rows itself (limitHeapGrowth).
 */
export function holdYoungGeneration(): void {
  if (!set) setFlagsFromString(`--semi-space-growth-factor=${READING_YOUNG_GENERATION_GROWTH}`);
}
