// Bulk unit accounts: one 填报员 account per unit without one, a password shown once that logs in,
// units that have an account skipped, office only.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generatePassword } from '../../src/store/unit-accounts.js';
import { describeEachStore } from '../helpers/stores.js';
import { login, seed, testApp, type Client } from './helpers.js';

it('generates passwords without look-alike characters', () => {
  const pw = generatePassword();
  expect(pw).toMatch(/^[a-zA-Z2-9]{12}$/);
  expect(pw).not.toMatch(/[01lIoO]/);
  expect(generatePassword()).not.toBe(pw);
});

describeEachStore('bulk unit accounts API', (ctx) => {
  let app: FastifyInstance;
  let admin: Client;

  beforeAll(async () => {
    await seed(ctx.store);
    await ctx.store.db
      .insertInto('units')
      .values({ name: '区教育局', parent_id: null, created_at: new Date().toISOString() })
      .execute();
    app = await testApp(ctx.store);
    admin = await login(app, 'admin');
  });
  afterAll(async () => app?.close());

  it('opens an account for each unit without one, whose password logs in, once', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/accounts/units', payload: {} });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    // The two seeded bureaus already have accounts (fagai, jianshe).
    expect(body.skipped.map((x: { unit: { name: string } }) => x.unit.name).sort()).toEqual(
      ['区发展改革局', '区建设局'].sort(),
    );
    expect(body.created).toHaveLength(1);
    const [created] = body.created;
    expect(created).toMatchObject({
      unit: { name: '区教育局' },
      displayName: '区教育局填报员',
      username: expect.stringMatching(/^dw\d{3,}$/),
    });
    const unit = await login(app, created.username, created.password);
    const me = (await unit.request({ method: 'GET', url: '/api/auth/me' })).json();
    expect(JSON.stringify(me)).toContain('区教育局');
    const again = (await admin.request({ method: 'POST', url: '/api/accounts/units', payload: {} })).json();
    expect(again.created).toEqual([]);
  });

  it('is the office’s alone', async () => {
    const unit = await login(app, 'fagai');
    expect((await unit.request({ method: 'POST', url: '/api/accounts/units', payload: {} })).statusCode).toBe(403);
  });
});
