// The delivery worker: polls the outbox table, claims due deliveries with a lease (so several
// server processes can all run a worker without sending twice), sends them, and records the
// outcome. Failures are retried with back-off up to `maxAttempts`, then marked failed.
import type { Store } from '../../store/db.js';
import { claimDueDeliveries, recordDeliveryResult } from '../../store/notifications.js';
import { readBoundedText } from './bounded-body.js';
import { formatDelivery, robotAccepted } from './format.js';

export interface WorkerOptions {
  intervalMs?: number;
  maxAttempts?: number;
  /** Delay before retry n (1-based): base × 4^(n-1). */
  retryBaseMs?: number;
  timeoutMs?: number;
  leaseMs?: number;
}

const DEFAULTS: Required<WorkerOptions> = {
  intervalMs: 5000,
  maxAttempts: 5,
  retryBaseMs: 30_000,
  timeoutMs: 10_000,
  leaseMs: 60_000,
};

/** Sends every delivery due now; returns how many were attempted. */
export async function deliverDue(store: Store, options: WorkerOptions = {}): Promise<number> {
  const o = { ...DEFAULTS, ...options };
  const nowMs = Date.now();
  const claimed = await claimDueDeliveries(
    store.db,
    new Date(nowMs).toISOString(),
    new Date(nowMs + o.leaseMs).toISOString(),
  );
  for (const d of claimed) {
    const req = formatDelivery(d.channel, d.payload, Date.now());
    let outcome: { ok: boolean; error?: string };
    try {
      const res = await fetch(req.url, {
        method: 'POST',
        headers: req.headers,
        body: req.body,
        signal: AbortSignal.timeout(o.timeoutMs),
        redirect: 'error',
      });
      outcome = robotAccepted(d.channel.kind, res.status, await readBoundedText(res));
    } catch (err) {
      outcome = { ok: false, error: (err as Error).message };
    }
    const at = new Date().toISOString();
    if (outcome.ok) {
      await recordDeliveryResult(store.db, d.id, { ok: true, at });
    } else {
      const attempt = d.attempts + 1;
      const retryAt =
        attempt < o.maxAttempts ? new Date(Date.now() + o.retryBaseMs * 4 ** (attempt - 1)).toISOString() : null;
      await recordDeliveryResult(store.db, d.id, { ok: false, at, error: outcome.error ?? 'unknown error', retryAt });
    }
  }
  return claimed.length;
}

/** Starts polling; returns a stop function. Errors (database briefly away) are logged and retried. */
export function startDeliveryWorker(
  store: Store,
  options: WorkerOptions & { log?: (msg: string) => void } = {},
): () => Promise<void> {
  const o = { ...DEFAULTS, ...options };
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = deliverDue(store, o)
      .catch((err) => options.log?.(`notification delivery failed: ${(err as Error).message}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, o.intervalMs);
      });
  };
  let timer = setTimeout(tick, o.intervalMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
