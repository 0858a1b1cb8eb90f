// `duban serve --workers N`: N server processes sharing one port through node:cluster, so one
// machine's cores all answer requests. This works because the server keeps nothing in memory that
// matters (sessions, back-off counters, deliveries live in the database; the read cache checks the
// database's version on every request). The primary process only forks, restarts workers that die,
// and passes SIGINT/SIGTERM on; it opens no database itself.
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

/** `--workers` value: a count, or `auto` for one per core. */
export function parseWorkers(value: string | undefined): number | null {
  if (value === undefined || value === '') return 1;
  if (value === 'auto') return availableParallelism();
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : null;
}

export interface PrimaryOptions {
  workers: number;
  log: (line: string) => void;
}

/**
 * Runs in the primary: forks the workers (each re-runs the same command line and serves) and
 * resolves when every one listens; rejects, stopping the rest, when one exits before that (its own
 * error, such as a port in use, is on stderr). Resolves with the port they share. Later, a worker that exits unexpectedly is restarted
 * (at most once a second, so one that cannot start does not spin), and a signal stops them all.
 */
export function runPrimary(options: PrimaryOptions): Promise<number> {
  let stopping = false;
  let started = false;
  const lastStart = new Map<number, number>();
  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w != null && !w.isDead());

  const stopAll = (signal: NodeJS.Signals, then: () => void) => {
    stopping = true;
    const workers = alive();
    if (workers.length === 0) return then();
    let left = workers.length;
    for (const w of workers) {
      w.once('exit', () => {
        if (--left === 0) then();
      });
      w.process.kill(signal);
    }
  };

  return new Promise((resolve, reject) => {
    let listening = 0;
    const fork = (slot: number): void => {
      lastStart.set(slot, Date.now());
      // Only the first worker sends notifications: deliveries are claimed with leases, so more would
      // be safe, but they would only poll the outbox more often.
      const worker = cluster.fork({ DUBAN_WORKER_SLOT: String(slot) });
      worker.once('listening', (address) => {
        if (!started && ++listening === options.workers) {
          started = true;
          resolve(address.port);
        }
      });
      worker.once('exit', (code, signal) => {
        if (stopping) return;
        if (!started) {
          stopAll('SIGTERM', () => reject(new Error(`worker ${slot} exited before it listened (code ${code})`)));
          return;
        }
        options.log(`worker ${slot} exited (${signal ?? `code ${code}`}); restarting`);
        const wait = Math.max(0, 1000 - (Date.now() - (lastStart.get(slot) ?? 0)));
        setTimeout(() => {
          if (!stopping) fork(slot);
        }, wait);
      });
    };
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => stopAll(signal, () => process.exit(0)));
    for (let slot = 0; slot < options.workers; slot++) fork(slot);
  });
}

export const isClusterWorker = (): boolean => cluster.isWorker;

/** The worker's slot (0…N-1), or 0 outside a cluster. */
export const workerSlot = (): number => Number(process.env.DUBAN_WORKER_SLOT ?? 0);
