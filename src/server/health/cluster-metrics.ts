// /metrics under `duban serve --workers N`: the worker a scrape reaches asks the primary, which asks
// every worker for its metric families and hands them back; the answer holds every worker's series
// (each labelled with its worker), so one scrape sees the whole server. The primary only relays
// messages; a worker that does not answer within a second is left out of that scrape.
import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { mergeFamilies, renderFamilies, type Family, type Registry } from './metrics.js';

type Message =
  | { duban: 'metrics-request'; id: string }
  | { duban: 'metrics-collect'; id: string }
  | { duban: 'metrics-snapshot'; id: string; families: Family[] }
  | { duban: 'metrics-result'; id: string; sets: Family[][] };

const isMessage = (m: unknown): m is Message =>
  typeof m === 'object' && m !== null && typeof (m as { duban?: unknown }).duban === 'string';

const WAIT_MS = 1000;

let local: Registry | null = null;
const waiting = new Map<string, (sets: Family[][]) => void>();

/** In a worker: answers the primary's collection requests from `registry` (one per process). */
export function shareWithPrimary(registry: Registry): void {
  if (!cluster.isWorker || local) {
    local ??= registry;
    return;
  }
  local = registry;
  process.on('message', (message: unknown) => {
    if (!isMessage(message)) return;
    if (message.duban === 'metrics-collect')
      void local!
        .families()
        .then((families) => process.send?.({ duban: 'metrics-snapshot', id: message.id, families }));
    if (message.duban === 'metrics-result') waiting.get(message.id)?.(message.sets);
  });
}

/** The exposition of every worker when in a cluster, else of `registry` alone. */
export async function clusterExposition(registry: Registry): Promise<string> {
  if (!cluster.isWorker || !process.send) return registry.exposition();
  const id = randomUUID();
  const sets = await new Promise<Family[][] | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), WAIT_MS * 2);
    waiting.set(id, (s) => {
      clearTimeout(timer);
      resolve(s);
    });
    process.send!({ duban: 'metrics-request', id });
  }).finally(() => waiting.delete(id));
  return sets ? renderFamilies(mergeFamilies(sets)) : registry.exposition();
}

/** In the primary: relays collection requests between the workers. */
export function relayMetricsRequests(): void {
  cluster.on('message', (from: Worker, message: unknown) => {
    if (!isMessage(message) || message.duban !== 'metrics-request') return;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w != null && !w.isDead());
    const sets: Family[][] = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      cluster.off('message', collect);
      if (!from.isDead()) from.send({ duban: 'metrics-result', id: message.id, sets });
    };
    const collect = (_: Worker, reply: unknown) => {
      if (!isMessage(reply) || reply.duban !== 'metrics-snapshot' || reply.id !== message.id) return;
      sets.push(reply.families);
      if (sets.length === workers.length) finish();
    };
    cluster.on('message', collect);
    setTimeout(finish, WAIT_MS).unref();
    for (const w of workers) w.send({ duban: 'metrics-collect', id: message.id });
  });
}
