// The exposition format written by duban's own registry, and the joining of several workers' families.
import { describe, expect, it } from 'vitest';
import { Counter, Histogram, Registry, mergeFamilies, renderFamilies } from '../../src/server/health/metrics.js';

describe('metrics registry', () => {
  it('writes counters and histograms in the Prometheus text format, label values escaped', async () => {
    const registry = new Registry();
    const c = registry.add(new Counter('t_requests_total', 'Requests'));
    const h = registry.add(new Histogram('t_seconds', 'Latency', [0.1, 1]));
    c.inc({ route: '/api/tasks/:id', note: 'say "hi"\n' });
    c.inc({ route: '/api/tasks/:id', note: 'say "hi"\n' }, 2);
    h.observe({ route: '/x' }, 0.05);
    h.observe({ route: '/x' }, 0.5);
    h.observe({ route: '/x' }, 7);
    expect(await registry.exposition()).toBe(
      [
        '# HELP t_requests_total Requests',
        '# TYPE t_requests_total counter',
        't_requests_total{route="/api/tasks/:id",note="say \\"hi\\"\\n"} 3',
        '# HELP t_seconds Latency',
        '# TYPE t_seconds histogram',
        't_seconds_bucket{route="/x",le="0.1"} 1',
        't_seconds_bucket{route="/x",le="1"} 2',
        't_seconds_bucket{route="/x",le="+Inf"} 3',
        't_seconds_sum{route="/x"} 7.55',
        't_seconds_count{route="/x"} 3',
        '',
      ].join('\n'),
    );
  });

  it('joins the families of two workers: each family once, their series side by side, shared ones once', () => {
    const worker = (n: string, value: number) => [
      { name: 'r_total', help: 'R', type: 'counter' as const, samples: [`r_total{worker="${n}"} ${value}`] },
      { name: 'outbox', help: 'O', type: 'gauge' as const, samples: ['outbox{state="pending"} 2'] },
    ];
    expect(renderFamilies(mergeFamilies([worker('0', 3), worker('1', 5)]))).toBe(
      [
        '# HELP r_total R',
        '# TYPE r_total counter',
        'r_total{worker="0"} 3',
        'r_total{worker="1"} 5',
        '# HELP outbox O',
        '# TYPE outbox gauge',
        'outbox{state="pending"} 2',
        '',
      ].join('\n'),
    );
  });
});
