// POST/GET /test/clock: moves the supervision clock (src/server/clock.ts) for browser tests. The
// routes exist only when `testClockEnabled()` (DUBAN_TEST_CLOCK=1 and NODE_ENV not 'production');
// otherwise nothing is registered and the path is a plain 404. Admin only even then.
import type { FastifyInstance } from 'fastify';
import { clockIso, clockOffset, setClockOffset, testClockEnabled } from '../../clock.js';
import { object } from '../common.js';

export function testClockRoutes(enabled = testClockEnabled()) {
  return async (app: FastifyInstance) => {
    if (!enabled) return;
    const tags = ['test'];
    app.get(
      '/test/clock',
      { config: { access: ['admin'] }, schema: { tags, summary: '测试时钟（仅测试环境）' } },
      async () => ({ now: clockIso(), offsetMs: clockOffset() }),
    );
    app.post<{ Body: { offsetDays: number } }>(
      '/test/clock',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: '拨动测试时钟（仅测试环境）',
          body: object({ offsetDays: { type: 'number', minimum: -3650, maximum: 3650 } }, ['offsetDays']),
        },
      },
      async (request) => {
        setClockOffset(request.body.offsetDays * 86_400_000);
        return { now: clockIso(), offsetMs: clockOffset() };
      },
    );
  };
}
