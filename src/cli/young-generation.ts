/**
 * The main thread's young generation stays at the size it has when this module runs (V8 grows
 * its semi-spaces from 1 to 16 MiB while the modules, the playbook and the models load, and keeps
 * them so for the whole run). With worker threads the main thread only
 * reads and takes results, and those 24 MiB more were a tenth of the peak: `plan` on a million
 * rows 279 → 235 MiB with the setting made before any module loads, 253 MiB in one run with it
 * made only once the CLI's modules were read (docs/performance.md, "Memory at a million rows: what
 * changed on 2026-12-06"). V8 reads the factor whenever it would grow the young
 * generation, so it is set at run time, here, and not as a flag of the process: `bin/winback.js`
 * loads this module before the CLI (the young generation then stays at 2 MB), and
 * `src/cli/main.ts` imports it first, for a caller that loads the CLI itself (8 MB: the modules
 * are read before the first of them runs); the engine sets it back to
 * V8's default when this thread plans rows itself (src/engine/heap-growth.ts). It holds for
 * every thread of the process: the planning workers' young generations have their own limit
 * (WORKER_HEAP) and stay at their first size too. Starting a worker thread puts the factor back
 * to V8's default, so the engine sets it again once its workers are online (holdYoungGeneration).
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
