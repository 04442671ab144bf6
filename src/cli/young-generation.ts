/**
 * The main thread's young generation stays at the size it has when the CLI's modules start to
 * load (semi-spaces of 4 MiB; V8 grows them to 16 MiB while the modules, the playbook and the
 * models load, and keeps them so for the whole run). With worker threads the main thread only
 * reads and takes results, and those 24 MiB more were a tenth of the peak: `plan` on a million
 * rows 279 → 235 MiB with the setting made before any module loads (docs/performance.md,
 * "Memory at a million rows"). V8 reads the factor whenever it would grow the young
 * generation, so it is set at run time, here — the first module `src/cli/main.ts` imports,
 * evaluated before every other — and not as a flag of the process; the engine sets it back to
 * V8's default when this thread plans rows itself (src/engine/heap-growth.ts). It holds for
 * every thread of the process: the planning workers' young generations have their own limit
 * (WORKER_HEAP) and stay at their first size too.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
