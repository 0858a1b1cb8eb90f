import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index.js';
import { SYSTEM_ACTOR } from '../../src/store/audit.js';
import { importParsedTable, type ImportSummary } from '../../src/store/import.js';
import { findReport, saveReport } from '../../src/store/reports.js';
import { searchTasks } from '../../src/store/search.js';
import { listTasks } from '../../src/store/tasks.js';
import { indexTokens, queryTerms } from '../../src/store/tokenize.js';
import { describeEachStore } from '../helpers/stores.js';

const seedText = readFileSync(new URL('../fixtures/qiantang-2023-q4.txt', import.meta.url), 'utf8');
const hitText = (h: { parts: { text: string; hit: boolean }[] }) => h.parts.filter((p) => p.hit).map((p) => p.text);

describe('search tokens', () => {
  it('index a two-character word even where the segmenter splits it', () => {
    const tokens = indexTokens('推进分布式光伏项目建设');
    expect(tokens).toContain('光伏');
    expect(indexTokens('打造中国医药港')).toContain('医药');
  });
  it('turn a query into bigrams every occurrence contains', () => {
    expect(queryTerms('生物医药').terms).toEqual(['生物', '物医', '医药']);
    expect(queryTerms('港').prefixes).toEqual(['港']);
    expect(queryTerms('MAH 产业园').terms).toEqual(expect.arrayContaining(['mah', '产业', '业园']));
  });
});

describeEachStore('search', (ctx) => {
  let s: ImportSummary;
  it('finds 医药 in targets and progress, with the hits marked', async () => {
    s = await importParsedTable(ctx.store, SYSTEM_ACTOR, {
      table: parseText(seedText),
      fileName: 'q4.txt',
      sha256: 'seed',
    });
    const res = await searchTasks(ctx.store.db, { q: '医药', planId: s.planId, periodId: s.periodId, pageSize: 200 });
    const expected = parseText(seedText)
      .tasks.filter((t) => t.target.includes('医药') || t.progress.includes('医药'))
      .map((t) => t.seq);
    expect(res.items.map((i) => i.seq).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(res.total).toBe(expected.length);
    for (const item of res.items) {
      expect(item.periodLabel).toBe('2023Q4');
      expect(item.highlights.length).toBeGreaterThan(0);
      for (const h of item.highlights) expect(hitText(h).every((t) => t === '医药')).toBe(true);
    }
  });

  it('finds 光伏 although the segmenter cuts it into two words', async () => {
    const res = await searchTasks(ctx.store.db, { q: '光伏', planId: s.planId });
    const expected = parseText(seedText).tasks.filter((t) => t.target.includes('光伏') || t.progress.includes('光伏'));
    expect(expected.length).toBeGreaterThan(0);
    expect(res.total).toBe(expected.length);
    expect(res.items.every((i) => i.highlights.some((h) => hitText(h).includes('光伏')))).toBe(true);
  });

  it('ranks texts with the exact phrase before texts with its pieces apart', async () => {
    const task = await ctx.store.db.selectFrom('tasks').select('id').where('seq', '=', 1).executeTakeFirstOrThrow();
    const r = (await findReport(ctx.store.db, task.id, s.periodId))!;
    // Both bigrams of 药港 but not the phrase: 医药 … 药港 apart.
    await saveReport(ctx.store.db, SYSTEM_ACTOR, {
      reportId: r.id,
      text: '医药产业增速较快；药港物流园已投用。地区生产总值增长4%。',
      expectedVersion: r.version,
    });
    const res = await searchTasks(ctx.store.db, { q: '医药港', planId: s.planId, periodId: s.periodId, pageSize: 200 });
    const seqs = res.items.map((i) => i.seq);
    expect(seqs).toContain(1);
    const verbatim = res.items.filter((i) => i.highlights.some((h) => hitText(h).includes('医药港')));
    expect(verbatim.length).toBeGreaterThan(1);
    expect(seqs.indexOf(1)).toBeGreaterThanOrEqual(verbatim.length);
    expect(seqs.slice(0, verbatim.length).sort()).toEqual(verbatim.map((i) => i.seq).sort());
  });

  it('puts an exact match first when pieces also match elsewhere', async () => {
    const task = await ctx.store.db.selectFrom('tasks').select('id').where('seq', '=', 2).executeTakeFirstOrThrow();
    const r = (await findReport(ctx.store.db, task.id, s.periodId))!;
    await saveReport(ctx.store.db, SYSTEM_ACTOR, {
      reportId: r.id,
      text: '服务业增加值增速8.7%，其中医药物流、港口服务增长较快。',
      expectedVersion: r.version,
    });
    const res = await searchTasks(ctx.store.db, { q: '医药 港口', planId: s.planId, periodId: s.periodId });
    expect(res.items[0].seq).toBe(2);
    const exact = await searchTasks(ctx.store.db, {
      q: '医药港',
      planId: s.planId,
      periodId: s.periodId,
      pageSize: 200,
    });
    const firstInexact = exact.items.findIndex((i) => !i.highlights.some((h) => hitText(h).includes('医药港')));
    const lastExact = exact.items.map((i) => i.highlights.some((h) => hitText(h).includes('医药港'))).lastIndexOf(true);
    expect(lastExact).toBeGreaterThanOrEqual(0);
    if (firstInexact !== -1) expect(lastExact).toBeLessThan(firstInexact);
  });

  it('follows a saved report: new words are found, replaced ones no longer are', async () => {
    const task = await ctx.store.db.selectFrom('tasks').select('id').where('seq', '=', 3).executeTakeFirstOrThrow();
    const r = (await findReport(ctx.store.db, task.id, s.periodId))!;
    const before = await searchTasks(ctx.store.db, { q: '固定资产投资', planId: s.planId, periodId: s.periodId });
    expect(before.items.map((i) => i.seq)).toContain(3);
    await saveReport(ctx.store.db, SYSTEM_ACTOR, {
      reportId: r.id,
      text: '全年完成氢能装备投资12亿元。',
      expectedVersion: r.version,
    });
    expect((await searchTasks(ctx.store.db, { q: '氢能', planId: s.planId })).items.map((i) => i.seq)).toEqual([3]);
    const progressHits = (await searchTasks(ctx.store.db, { q: '33.2%', planId: s.planId })).items;
    expect(progressHits.map((i) => i.seq)).not.toContain(3);
  });

  it('narrows the task list with q and returns highlights', async () => {
    const page = await listTasks(ctx.store.db, { planId: s.planId, periodId: s.periodId, q: '光伏', pageSize: 200 });
    expect(page.total).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(`${item.target}${item.report?.text}`).toContain('光伏');
      expect(item.highlights!.some((h) => hitText(h).includes('光伏'))).toBe(true);
    }
    expect((await listTasks(ctx.store.db, { planId: s.planId, q: '不存在的词语组合' })).total).toBe(0);
  });
});
