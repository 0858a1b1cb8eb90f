// 序列 from import: the units an import creates take the official order in which they first appear
// in the table (lead units, then co-units, task by task), after any order already set; the office's
// own order (单位序列) is never overwritten by a later import.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { SYSTEM_ACTOR } from '../../src/store/audit.js';
import { importParsedTable } from '../../src/store/import.js';
import { setUnitOrder } from '../../src/store/unit-order.js';
import { describeEachStore } from '../helpers/stores.js';

const seedText = readFileSync(new URL('../fixtures/qiantang-2023-q4.txt', import.meta.url), 'utf8');
const PLAN = '2023年钱塘区政府工作报告重点工作任务';

describeEachStore('units in the order of the imported table', (ctx) => {
  const positions = async () =>
    new Map(
      (await ctx.store.db.selectFrom('units').select(['name', 'position']).execute()).map((u) => [
        u.name,
        u.position ?? null,
      ]),
    );

  it('numbers new units in the order they first appear, and appends the next table’s new ones', async () => {
    const table = parseText(seedText);
    const firstSeen = [...new Set(table.tasks.flatMap((t) => [...t.units, ...(t.co_units ?? [])]))];
    expect(firstSeen.length).toBeGreaterThan(20);
    // Not merely alphabetical: the table's order differs from pinyin order.
    const pinyin = [...firstSeen].sort(new Intl.Collator('zh-CN-u-co-pinyin').compare);
    expect(pinyin).not.toEqual(firstSeen);

    await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table,
      planTitle: PLAN,
      period: '2023Q4',
      fileName: 'q4.txt',
      sha256: 'q4',
    });
    const after = await positions();
    expect(firstSeen.map((name) => after.get(name))).toEqual(firstSeen.map((_, i) => i + 1));

    // The office sets its own order for two units; every other unit loses its position.
    const ids = await ctx.store.db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('name', 'in', [firstSeen[3], firstSeen[0]])
      .execute();
    const id = (name: string) => ids.find((u) => u.name === name)!.id;
    await setUnitOrder(ctx.store.db, SYSTEM_ACTOR, [id(firstSeen[3]), id(firstSeen[0])], new Date().toISOString());

    // The next quarter's table names two units never seen before.
    const next = parseText(seedText.replaceAll('四季度进展情况表', '一季度进展情况表'));
    next.tasks[5] = { ...next.tasks[5], units: ['区数据资源管理局', ...next.tasks[5].units] };
    next.tasks[9] = { ...next.tasks[9], units: ['区国防动员办公室'] };
    await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table: next,
      planTitle: PLAN,
      period: '2024Q1',
      fileName: 'q1.txt',
      sha256: 'q1',
    });
    const later = await positions();
    expect(later.get(firstSeen[3])).toBe(1);
    expect(later.get(firstSeen[0])).toBe(2);
    expect(later.get('区数据资源管理局')).toBe(3);
    expect(later.get('区国防动员办公室')).toBe(4);
    // Units the office left out of its order stay out of it: an import does not renumber them.
    expect(later.get(firstSeen[1])).toBeNull();
  });
});
