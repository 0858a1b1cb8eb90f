// Heavy exports (PDF: a Chromium tab of a few hundred MB each) wait their turn here instead of all
// running at once: at most `concurrency` run, each caller may have at most `perCaller` running or
// waiting, and at most `maxWaiting` wait in all. Beyond that the answer is 429 at once, in Chinese,
// with Retry-After, rather than a server that runs out of memory. A caller who hangs up while
// waiting leaves the queue. In memory and per process: every server process has its own pool.
import { HttpError } from './errors.js';

export interface ExportQueueOptions {
  /** Exports printed at the same time. */
  concurrency: number;
  /** Exports one caller (user or token) may have running or waiting. */
  perCaller: number;
  /** Exports waiting in all (not counting those running). */
  maxWaiting: number;
  /** Retry-After of the 429, seconds. */
  retryAfterSeconds: number;
}

export const DEFAULT_EXPORT_QUEUE: ExportQueueOptions = {
  concurrency: 1,
  perCaller: 2,
  maxWaiting: 8,
  retryAfterSeconds: 30,
};

export const QUEUE_FULL_MESSAGE = '导出排队已满，请稍后再试';

interface Waiting {
  caller: string;
  start(): void;
  cancel(): void;
}

export class ExportQueue {
  private running = 0;
  private readonly waiting: Waiting[] = [];
  private readonly perCaller = new Map<string, number>();

  constructor(private readonly options: ExportQueueOptions = DEFAULT_EXPORT_QUEUE) {}

  /** Exports running and waiting now (for tests and metrics). */
  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Runs `job` when a slot is free. Throws HttpError('rate_limited') at once when the caller or the
   * queue is at its limit; rejects with `signal`'s reason when the caller hangs up while waiting.
   */
  async run<T>(caller: string, job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const mine = this.perCaller.get(caller) ?? 0;
    const mustWait = this.running >= this.options.concurrency;
    if (mine >= this.options.perCaller || (mustWait && this.waiting.length >= this.options.maxWaiting))
      throw new HttpError('rate_limited', QUEUE_FULL_MESSAGE, {
        'retry-after': String(this.options.retryAfterSeconds),
      });
    this.perCaller.set(caller, mine + 1);
    try {
      if (mustWait) await this.turn(caller, signal);
      else this.running++;
      try {
        return await job();
      } finally {
        this.running--;
        this.next();
      }
    } finally {
      const left = (this.perCaller.get(caller) ?? 1) - 1;
      if (left > 0) this.perCaller.set(caller, left);
      else this.perCaller.delete(caller);
    }
  }

  /** Waits until `next` hands this caller a slot (the slot is counted as running when handed over). */
  private turn(caller: string, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry: Waiting = {
        caller,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        cancel: () => reject(signal?.reason ?? new Error('export cancelled')),
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(entry);
        if (at >= 0) this.waiting.splice(at, 1);
        entry.cancel();
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private next(): void {
    while (this.running < this.options.concurrency && this.waiting.length) {
      this.running++;
      this.waiting.shift()!.start();
    }
  }
}
