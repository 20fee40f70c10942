/**
 * `veil scan` on every core: files go in small batches to worker threads and to the main
 * thread itself; outcomes come back by file index, so the report is the same as one thread's.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import { setImmediate as yieldToEvents } from "node:timers/promises";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { Scanner } from "../engine";
import { emptyConfig, parseConfig } from "./config";
import { scanOneFile, type FileJob, type FileOutcome, type FileScanContext } from "./scanFile";

const WORKER_TAG = "veil-scan-worker";
/** Below this many files one thread is faster: a worker's start costs more than it scans (docs/speed.md). */
export const PARALLEL_MIN_FILES = 400;
/**
 * Unless the user chose the threads (`--jobs`), the main thread scans alone for this long
 * first, and workers start only if the files left would take it PARALLEL_MIN_REMAINING_MS
 * more at that pace: a cold pace, well above the warm one, and each worker pays its own start
 * and cold JIT on threads that compete for the same cores (figures in docs/speed.md).
 */
export const PARALLEL_PROBE_MS = 200;
export const PARALLEL_MIN_REMAINING_MS = 6000;
const BATCH_FILES = 24;

/** What a worker needs to build the same scanner and config as the main thread. */
export interface ScanWorkerSetup {
  config?: { text: string; path: string };
  maxSize: number;
}

interface WorkerInit extends ScanWorkerSetup {
  tag: typeof WORKER_TAG;
}
type BatchMessage = { id: number; jobs: FileJob[] };
type ResultMessage = { id: number; outcomes: FileOutcome[] };

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Who scanned what in the last parallel run (for tests). */
export const lastRun = { workers: 0, batchesByWorkers: 0, batchesByMain: 0 };

/**
 * The outcome of each job, in the jobs' order. `threads` counts the main thread, which scans
 * batches too (unless `mainThreadScans` is false, for tests) while the workers start. With
 * `probe`, workers start only when the main thread's first batches say they will pay.
 */
export async function scanFiles(
  jobs: readonly FileJob[],
  context: FileScanContext,
  threads: number,
  setup: ScanWorkerSetup,
  options: { minFiles?: number; mainThreadScans?: boolean; probe?: boolean } = {},
): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(jobs.length);
  const workers = threads > 1 && jobs.length >= (options.minFiles ?? PARALLEL_MIN_FILES) ? threads - 1 : 0;
  Object.assign(lastRun, { workers, batchesByWorkers: 0, batchesByMain: 0 });
  if (workers === 0) {
    for (let i = 0; i < jobs.length; i++) outcomes[i] = scanOneFile(jobs[i], context);
    return outcomes;
  }
  const batches: number[] = [];
  for (let start = 0; start < jobs.length; start += BATCH_FILES) batches.push(start);
  let nextBatch = 0;
  const batchJobs = (start: number) => jobs.slice(start, Math.min(start + BATCH_FILES, jobs.length));
  const requeued: number[] = [];
  const take = (): number | undefined => (requeued.length > 0 ? requeued.pop() : nextBatch < batches.length ? batches[nextBatch++] : undefined);
  const scanBatch = (start: number) => {
    lastRun.batchesByMain++;
    const end = Math.min(start + BATCH_FILES, jobs.length);
    for (let i = start; i < end; i++) outcomes[i] = scanOneFile(jobs[i], context);
  };

  let remaining = batches.length;
  if (options.probe) {
    const began = performance.now();
    while (nextBatch < batches.length && performance.now() - began < PARALLEL_PROBE_MS) {
      scanBatch(batches[nextBatch++]);
      remaining--;
    }
    const projected = ((performance.now() - began) / nextBatch) * remaining;
    if (projected < PARALLEL_MIN_REMAINING_MS) {
      while (nextBatch < batches.length) scanBatch(batches[nextBatch++]);
      lastRun.workers = 0;
      return outcomes;
    }
  }
  let alive = workers;
  let wake: (() => void) | undefined;
  const started: Worker[] = [];
  const init: WorkerInit = { tag: WORKER_TAG, ...setup };
  for (let w = 0; w < workers; w++) {
    const worker = new Worker(workerEntry(), { workerData: init, stdout: false, stderr: false });
    started.push(worker);
    // Two batches in flight: the next one is queued while the main thread scans its own.
    const inFlight: number[] = [];
    const sendNext = () => {
      const next = take();
      if (next === undefined) return;
      inFlight.push(next);
      worker.postMessage({ id: next, jobs: batchJobs(next) } satisfies BatchMessage);
    };
    worker.on("message", (message: ResultMessage) => {
      message.outcomes.forEach((outcome, k) => (outcomes[message.id + k] = outcome));
      inFlight.splice(inFlight.indexOf(message.id), 1);
      lastRun.batchesByWorkers++;
      remaining--;
      sendNext();
      wake?.();
    });
    // A worker that fails or stops gives its batches back; the main thread scans whatever is left.
    worker.on("error", () => undefined);
    worker.once("exit", () => {
      requeued.push(...inFlight.splice(0));
      alive--;
      wake?.();
    });
    worker.once("online", () => {
      sendNext();
      sendNext();
    });
  }
  try {
    while (remaining > 0) {
      const start = options.mainThreadScans === false && alive > 0 ? undefined : take();
      if (start !== undefined) {
        scanBatch(start);
        remaining--;
        await yieldToEvents();
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    await Promise.all(started.map((worker) => worker.terminate()));
  }
  return outcomes;
}

/** The script a worker runs: the launcher beside the bundle when there is one (it has the code cache), else this module. */
function workerEntry(): string {
  const launcher = join(dirname(__filename), "..", "bin", "veil.js");
  return basename(__filename) === "cli.js" && existsSync(launcher) ? launcher : __filename;
}

function runWorker(init: WorkerInit): void {
  const config = init.config ? parseConfig(init.config.text, init.config.path) : emptyConfig();
  const context: FileScanContext = { scanner: new Scanner(config.scan), config, maxSize: init.maxSize };
  parentPort?.on("message", (message: BatchMessage) => {
    parentPort?.postMessage({ id: message.id, outcomes: message.jobs.map((job) => scanOneFile(job, context)) } satisfies ResultMessage);
  });
}

if (!isMainThread && (workerData as WorkerInit | undefined)?.tag === WORKER_TAG) runWorker(workerData as WorkerInit);
