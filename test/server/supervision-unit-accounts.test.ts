// Bulk unit accounts: one 填报员 account per unit without one, a password shown once that logs in,
// units that have an account skipped, office only.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/store/audit.js';
import { createUnitAccounts, generatePassword } from '../../src/store/unit-accounts.js';
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

  it('opens all the accounts or none: a failure half-way leaves no account whose password was never shown', async () => {
    const names = ['区卫生健康局', '区民政局', '区司法局'];
    for (const name of names)
      await ctx.store.db
        .insertInto('units')
        .values({ name, parent_id: null, created_at: new Date().toISOString() })
        .execute();
    let calls = 0;
    const failing = async () => {
      if (++calls === 2) throw new Error('hash failed');
      return 'scrypt$not-a-real-hash';
    };
    await expect(createUnitAccounts(ctx.store.db, SYSTEM_ACTOR, { hash: failing })).rejects.toThrow('hash failed');
    const opened = await ctx.store.db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select('units.name')
      .where('units.name', 'in', names)
      .execute();
    expect(opened).toEqual([]);
    const done = await createUnitAccounts(ctx.store.db, SYSTEM_ACTOR, { hash: async () => 'scrypt$x' });
    expect(done.created.map((c) => c.unit.name).sort()).toEqual([...names].sort());
  });

  it('is the office’s alone', async () => {
    const unit = await login(app, 'fagai');
    expect((await unit.request({ method: 'POST', url: '/api/accounts/units', payload: {} })).statusCode).toBe(403);
  });
});
