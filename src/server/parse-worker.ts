// The worker thread that parses an uploaded table (parse-in-worker.ts starts it): parsing a large
// .xlsx takes seconds of CPU, which on the main thread would stall every other request.
// Receives { bytes, options } once, posts back parseTable's Result, and ends.
import { parentPort, workerData } from 'node:worker_threads';
import { parseTable, type ParseOptions } from '../parse/index.js';

interface Job {
  bytes: Uint8Array;
  options: ParseOptions;
}

const job = workerData as Job;
const result = await parseTable(job.bytes, job.options);
parentPort!.postMessage(result);
