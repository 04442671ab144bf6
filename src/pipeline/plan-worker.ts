/**
 * Entry of a planning worker thread (src/pipeline/parallel-plan.ts): plans each piece it is
 * sent and posts the result back, handing the buffers over instead of copying them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPiecePlanner, type PieceJob, type PlanWorkerInit } from './plan-pieces.js';
import { tuneForStreaming } from './gc-tuning.js';

const port = parentPort;
if (!port) throw new Error('plan-worker.js runs as a worker thread only');
tuneForStreaming();
const plan = createPiecePlanner(workerData as PlanWorkerInit);
port.on('message', (job: PieceJob) => {
  const result = plan(job);
  const transfer: ArrayBuffer[] = [result.run];
  if (result.input.byteLength > 0) transfer.push(result.input);
  port.postMessage(result, transfer);
});
