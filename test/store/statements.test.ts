// Kept statements (SQLite's statement cache, PostgreSQL's named prepared statements, see
// src/store/dialect/): a query keeps answering correctly when its table changes shape under it,
// and past the number of statements a connection keeps.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachStore } from '../helpers/stores.js';

describeEachStore('kept statements', (ctx) => {
  it('answers with the new columns after a table gains one under a kept statement', async () => {
    const now = new Date().toISOString();
    await ctx.store.db.insertInto('units').values({ name: '区财政局', parent_id: null, created_at: now }).execute();
    // Run it several times, so that every pooled connection has it prepared (PostgreSQL plans a
    // named statement generically after five executions).
    for (let i = 0; i < 12; i++) {
      const rows = await ctx.store.db.selectFrom('units').selectAll().execute();
      expect(rows.map((r) => r.name)).toContain('区财政局');
    }
    await sql`alter table units add column short_name varchar(50) default '财政'`.execute(ctx.store.db);
    for (let i = 0; i < 12; i++) {
      const rows = (await ctx.store.db.selectFrom('units').selectAll().execute()) as unknown as {
        name: string;
        short_name: string;
      }[];
      expect(rows.find((r) => r.name === '区财政局')?.short_name).toBe('财政');
    }
    await sql`alter table units drop column short_name`.execute(ctx.store.db);
  });

  it('runs many more distinct statements than a connection keeps', async () => {
    for (let n = 1; n <= 700; n++) {
      const { rows } = await sql<{ n: number }>`select ${sql.lit(n)} + 0 as n`.execute(ctx.store.db);
      expect(Number(rows[0].n)).toBe(n);
    }
  });
});
