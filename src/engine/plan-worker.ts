/**
 * Entry of a planning worker thread (src/engine/parallel-plan.ts): plans each piece it is
 * sent, writes its sorted run to the worker's run file (plan.csv rows, or the records a
 * command's spool projection writes; else it makes the command's records in input order) and
 * posts the result back, handing the piece's buffer back instead of copying it.
 */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { holdYoungGeneration, YOUNG_GENERATION_HELD } from './heap-growth.js';
import type { PieceJob, PlanWorkerInit, ProjectionMaker, ProjectionModule } from './plan-pieces.js';

// Starting this thread put V8's young-generation growth back to its default for the whole
// process, the main thread's included (src/cli/young-generation.ts): set again before anything
// else, and said, so that the main thread can wait for it before it sets a run up while workers
// start beside it (standByWorkers). The planner's modules are loaded after that.
holdYoungGeneration();
const port = parentPort;
if (!port) throw new Error('plan-worker.js runs as a worker thread only');
port.postMessage(YOUNG_GENERATION_HELD);
// A worker started on standby is sent its init as its first message, once the main thread has
// set the run up; the others have it from the start. Listened for now: it may come while the
// planner's modules load.
const initMessage = workerData === null ? once(port, 'message') : undefined;
const { compileObjectionRulesCompact } = await import('./regexp-code.js');
const { createPiecePlanner, WORKER_READY } = await import('./plan-pieces.js');
const init = initMessage === undefined ? (workerData as PlanWorkerInit) : ((await initMessage) as [PlanWorkerInit])[0];
const wanted = init.projection;
// The command's projection module, loaded before the worker says it is ready.
const loaded = wanted ? ((await import(wanted.module)) as ProjectionModule) : undefined;
const maker = (m: ProjectionModule, w: NonNullable<PlanWorkerInit['projection']>): ProjectionMaker => {
  const { createSpoolProjection } = m;
  if (!w.spool) return { records: (setup) => m.createProjection(w.options, setup) };
  if (!createSpoolProjection) throw new Error(`${w.module} has no createSpoolProjection`);
  return { spool: (setup) => createSpoolProjection(w.options, setup) };
};
const plan = createPiecePlanner(init, undefined, loaded && wanted ? maker(loaded, wanted) : undefined);
// With the weights handed over (createPiecePlanner), the objection rules compiled small, before any row.
if (init.compiling) compileObjectionRulesCompact(init.compiling);
// The main thread waits for every worker to be set up before it reads pieces.
port.postMessage(WORKER_READY);
port.on('message', (job: PieceJob) => {
  const result = plan(job);
  // The result's arrays are its own: moved, not copied, to the main thread.
  const transfer = [result.ints.buffer, result.nums.buffer, result.ids.buffer] as ArrayBuffer[];
  if (result.records) transfer.push(result.records.buffer as ArrayBuffer);
  if (result.input.byteLength > 0) transfer.push(result.input);
  port.postMessage(result, transfer);
});
