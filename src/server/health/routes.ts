// /healthz, /readyz and /metrics, outside /api: what a load balancer, an orchestrator and Prometheus
// ask. /healthz: the process answers (no database: a database outage must not get every server
// restarted). /readyz: the database answers and its schema is the one this version expects; 503
// otherwise, and while the server shuts down, so a load balancer sends traffic elsewhere.
// /metrics: with DUBAN_METRICS_TOKEN set, the scraper sends it as a bearer token; unset, an admin
// (session or API token) may read it.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/db.js';
import type { RouteAccess } from '../access.js';
import { HttpError } from '../errors.js';
import { clusterExposition } from './cluster-metrics.js';
import { dubanMetrics } from './duban-metrics.js';
import { PROMETHEUS_CONTENT_TYPE } from './metrics.js';
import { schemaState } from './schema-state.js';

export interface OperationsOptions {
  /** Bearer token for /metrics; null: admins only. */
  metricsToken?: string | null;
  /** True once the server has begun to shut down. */
  closing?: () => boolean;
  /** Longest wait for the database in /readyz. */
  readyTimeoutMs?: number;
}

const digest = (s: string) => createHash('sha256').update(s).digest();
const sameToken = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export function installProbes(app: FastifyInstance, store: Store, options: OperationsOptions = {}): void {
  const registry = dubanMetrics(app, store);
  const hidden = { hide: true, tags: ['system'] };

  app.get('/healthz', { config: { access: 'public' }, schema: { ...hidden, summary: '进程存活' } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { ...hidden, summary: '可以接收请求' } },
    async (_, reply) => {
      const notReady = (message: string) => reply.code(503).send({ error: { code: 'not_ready', message } });
      if (options.closing?.()) return notReady('服务正在停止');
      try {
        const state = await withTimeout(schemaState(store), options.readyTimeoutMs ?? 3000);
        if (state.unknown.length)
          return notReady(`数据库已由更新版本的 duban 迁移（${state.unknown.join('、')}），请升级本程序`);
        if (state.pending.length)
          return notReady(`数据库结构尚未迁移（待执行 ${state.pending.join('、')}），请运行 duban migrate`);
      } catch {
        return notReady('数据库暂时不可用');
      }
      return { status: 'ready', database: store.dialect.name };
    },
  );

  const token = options.metricsToken ?? null;
  const access: RouteAccess = token ? 'public' : ['admin'];
  app.get(
    '/metrics',
    { config: { access }, schema: { ...hidden, summary: 'Prometheus 指标' } },
    async (request, reply) => {
      if (token) {
        const header = request.headers.authorization ?? '';
        const sent = /^bearer /i.test(header) ? header.slice(7).trim() : '';
        if (!sent || !sameToken(sent, token))
          throw new HttpError('unauthorized', '需要指标令牌（Authorization: Bearer DUBAN_METRICS_TOKEN）');
      }
      return reply.type(PROMETHEUS_CONTENT_TYPE).send(await clusterExposition(registry));
    },
  );
}
