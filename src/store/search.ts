// Chinese full-text search over task targets and report texts. The store keeps one search document
// per target and per non-empty report text (search_docs), fed on every write; the dialect keeps
// the tokens (FTS5 or tsvector). Hits are ranked with verbatim matches of the query first, then
// by the index's relevance (bm25 / ts_rank), and come with highlighted snippets (no HTML).
import { sql, type Kysely } from 'kysely';
import { searchDialectOf } from './dialect/search.js';
import type { DB } from './schema.js';
import { taskHasLeader, taskHasUnit } from './task-links.js';
import { indexTokens, queryTerms, scopeToken, type QueryTerms } from './tokenize.js';

export interface SearchDocsTable {
  id: import('kysely').Generated<number>;
  task_id: number;
  report_id: number | null;
  plan_id: number;
  period_id: number | null;
  field: 'target' | 'progress';
  body: string;
}
type SearchDB = DB & { search_docs: SearchDocsTable };
const withDocs = (db: Kysely<DB>) => db.withTables<{ search_docs: SearchDocsTable }>() as unknown as Kysely<SearchDB>;

export type SearchField = 'target' | 'progress';
export interface Highlight {
  field: SearchField;
  parts: { text: string; hit: boolean }[];
}

// ---------------------------------------------------------------- writing

/** (Re)indexes the targets of tasks: one document each. */
export async function indexTargets(
  db: Kysely<DB>,
  tasks: { id: number; planId: number; target: string }[],
  opts: { fresh?: boolean } = {},
): Promise<void> {
  if (tasks.length === 0) return;
  const sdb = withDocs(db);
  const search = searchDialectOf(db);
  const ids = tasks.map((t) => t.id);
  for (let i = 0; !opts.fresh && i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const old = await sdb
      .selectFrom('search_docs')
      .select('id')
      .where('task_id', 'in', slice)
      .where('field', '=', 'target')
      .execute();
    await removeDocs(
      db,
      old.map((o) => o.id),
    );
  }
  const docs: { id: number; tokens: string[] }[] = [];
  for (let i = 0; i < tasks.length; i += 200) {
    const batch = tasks.slice(i, i + 200);
    const rows = await sdb
      .insertInto('search_docs')
      .values(
        batch.map((t) => ({
          task_id: t.id,
          report_id: null,
          plan_id: t.planId,
          period_id: null,
          field: 'target' as const,
          body: t.target,
        })),
      )
      .returning(['id', 'task_id'])
      .execute();
    const byTask = new Map(batch.map((t) => [t.id, t]));
    for (const r of rows) {
      const t = byTask.get(r.task_id)!;
      docs.push({ id: r.id, tokens: [...indexTokens(t.target), scopeToken.plan(t.planId), scopeToken.target] });
    }
  }
  await search.write(db, docs, opts);
}

/** (Re)indexes report texts: one document per non-empty text, none for an empty one. */
export async function indexReports(
  db: Kysely<DB>,
  reports: { id: number; taskId: number; planId: number; periodId: number; text: string; tokens?: string[] }[],
  opts: { fresh?: boolean } = {},
): Promise<void> {
  if (reports.length === 0) return;
  const sdb = withDocs(db);
  const search = searchDialectOf(db);
  // `fresh`: the reports were just created, so there is nothing indexed to replace (bulk loads).
  for (let i = 0; !opts.fresh && i < reports.length; i += 500) {
    const slice = reports.slice(i, i + 500).map((r) => r.id);
    const old = await sdb.selectFrom('search_docs').select('id').where('report_id', 'in', slice).execute();
    await removeDocs(
      db,
      old.map((o) => o.id),
    );
  }
  const withText = reports.filter((r) => r.text.trim() !== '');
  const docs: { id: number; tokens: string[] }[] = [];
  for (let i = 0; i < withText.length; i += 200) {
    const batch = withText.slice(i, i + 200);
    const rows = await sdb
      .insertInto('search_docs')
      .values(
        batch.map((r) => ({
          task_id: r.taskId,
          report_id: r.id,
          plan_id: r.planId,
          period_id: r.periodId,
          field: 'progress' as const,
          body: r.text,
        })),
      )
      .returning(['id', 'report_id'])
      .execute();
    const byReport = new Map(batch.map((r) => [r.id, r]));
    for (const row of rows) {
      const r = byReport.get(row.report_id!)!;
      docs.push({
        id: row.id,
        tokens: [...(r.tokens ?? indexTokens(r.text)), scopeToken.plan(r.planId), scopeToken.period(r.periodId)],
      });
    }
  }
  await search.write(db, docs, opts);
}

async function removeDocs(db: Kysely<DB>, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await searchDialectOf(db).remove(db, ids);
  await withDocs(db).deleteFrom('search_docs').where('id', 'in', ids).execute();
}

// ---------------------------------------------------------------- reading

interface DocHit {
  taskId: number;
  periodId: number | null;
  field: SearchField;
  body: string;
  relevance: number;
  exact: number;
}

const likeEscape = (s: string) => s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Whose tasks a search may return: a unit's (lead or co-lead) or a leader's. Applied inside the
 * query, before ranking and the limit, so a scoped caller's low-ranked tasks are not cut off by
 * other units' better hits and the total counts only what they may read.
 */
export interface SearchScope {
  unitId?: number;
  leaderId?: number;
  /** Progress texts only of reports in these states (leaders, viewers: a unit's draft is not published). */
  publishedStates?: readonly string[];
}

async function matchingDocs(
  db: Kysely<DB>,
  terms: QueryTerms,
  scope: { planId?: number; periodId?: number } & SearchScope,
  limit: number,
): Promise<DocHit[]> {
  if (terms.terms.length === 0 && terms.prefixes.length === 0) return [];
  const all = [...terms.terms];
  if (scope.planId != null) all.push(scopeToken.plan(scope.planId));
  const anyOf = scope.periodId != null ? [scopeToken.period(scope.periodId), scopeToken.target] : [];
  const source = searchDialectOf(db).matches({ all, prefixes: terms.prefixes, anyOf });
  // How many of the query's pieces stand verbatim in the text: verbatim hits rank first.
  const exact = sql.join(
    terms.pieces.map((p) => sql`case when lower(d.body) like ${`%${likeEscape(p)}%`} escape '\\' then 1 else 0 end`),
    sql` + `,
  );
  const planFilter = scope.planId != null ? sql`and d.plan_id = ${scope.planId}` : sql``;
  const periodFilter =
    scope.periodId != null ? sql`and (d.period_id = ${scope.periodId} or d.period_id is null)` : sql``;
  const unitFilter = scope.unitId != null ? sql`and ${taskHasUnit('d.task_id', scope.unitId)}` : sql``;
  const leaderFilter = scope.leaderId != null ? sql`and ${taskHasLeader('d.task_id', scope.leaderId)}` : sql``;
  const publishedFilter = scope.publishedStates
    ? sql`and (d.field <> 'progress' or exists (select 1 from reports r where r.task_id = d.task_id and r.period_id = d.period_id and r.state in (${sql.join(scope.publishedStates)})))`
    : sql``;
  const rows = await sql<{
    task_id: number;
    period_id: number | null;
    field: SearchField;
    body: string;
    score: number;
    exact: number;
  }>`
    select d.task_id, d.period_id, d.field, d.body, m.score, ${exact} as exact
    from ${source} as m join search_docs d on d.id = m.doc_id
    where 1 = 1 ${planFilter} ${periodFilter} ${unitFilter} ${leaderFilter} ${publishedFilter}
    order by exact desc, m.score asc, d.id asc
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({
    taskId: r.task_id,
    periodId: r.period_id,
    field: r.field,
    body: r.body,
    relevance: -Number(r.score),
    exact: Number(r.exact),
  }));
}

/** Marks the query in a text and cuts a snippet around the first hit. */
export function highlight(field: SearchField, body: string, terms: QueryTerms, around = 40): Highlight {
  const lower = body.toLowerCase();
  const ranges: [number, number][] = [];
  const mark = (needle: string) => {
    const n = needle.toLowerCase();
    if (!n) return;
    for (let at = lower.indexOf(n); at !== -1; at = lower.indexOf(n, at + n.length)) ranges.push([at, at + n.length]);
  };
  terms.pieces.forEach(mark);
  if (ranges.length === 0) [...terms.terms, ...terms.prefixes].forEach(mark);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const first = merged[0]?.[0] ?? 0;
  const start = Math.max(0, first - around);
  const end = Math.min(body.length, Math.max(first + around * 2, start + around * 3));
  const parts: Highlight['parts'] = [];
  let at = start;
  if (start > 0) parts.push({ text: '…', hit: false });
  for (const [a, b] of merged) {
    if (b <= start || a >= end) continue;
    if (a > at) parts.push({ text: body.slice(at, a), hit: false });
    parts.push({ text: body.slice(Math.max(a, at), Math.min(b, end)), hit: true });
    at = Math.min(b, end);
  }
  if (at < end) parts.push({ text: body.slice(at, end), hit: false });
  if (end < body.length) parts.push({ text: '…', hit: false });
  return { field, parts };
}

export interface TaskMatch {
  /** Position in rank order (0 = best). */
  rank: number;
  score: number;
  highlights: Highlight[];
}

/**
 * Tasks of a plan whose target or (period's) report text matches; for listTasks' `q`. A unit or
 * leader scope is applied in the query, so the 5,000 best hits are the scope's, not the plan's.
 */
export async function matchTasks(
  db: Kysely<DB>,
  input: { q: string; planId: number; periodId?: number } & SearchScope,
): Promise<Map<number, TaskMatch>> {
  const terms = queryTerms(input.q);
  const docs = await matchingDocs(db, terms, input, 5000);
  const out = new Map<number, TaskMatch>();
  for (const d of docs) {
    let m = out.get(d.taskId);
    if (!m) out.set(d.taskId, (m = { rank: out.size, score: d.exact + d.relevance, highlights: [] }));
    m.highlights.push(highlight(d.field, d.body, terms));
  }
  return out;
}

export interface SearchHit {
  taskId: number;
  seq: number;
  periodId: number | null;
  periodLabel: string | null;
  /** Higher is better: verbatim matches of the query count 1 each, plus the index's relevance. */
  score: number;
  highlights: Highlight[];
}

/**
 * Search hits, one per task and period (a target hit joins the searched period, or stands alone
 * with no period when none is given). At most `maxDocs` matching texts are considered; with a
 * unit or leader scope, only that scope's texts.
 */
export async function searchTasks(
  db: Kysely<DB>,
  input: {
    q: string;
    planId?: number;
    periodId?: number;
    page?: number;
    pageSize?: number;
    maxDocs?: number;
  } & SearchScope,
): Promise<{ items: SearchHit[]; total: number }> {
  const terms = queryTerms(input.q);
  const docs = await matchingDocs(
    db,
    terms,
    {
      planId: input.planId,
      periodId: input.periodId,
      unitId: input.unitId,
      leaderId: input.leaderId,
      publishedStates: input.publishedStates,
    },
    input.maxDocs ?? 1000,
  );
  type Group = Omit<SearchHit, 'seq' | 'periodLabel'> & { rank: number };
  const groups = new Map<string, Group>();
  const add = (key: string, init: () => Group, d: DocHit, rank: number) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = init()));
    g.rank = Math.min(g.rank, rank);
    g.score = Math.max(g.score, d.exact + d.relevance);
    g.highlights.push(highlight(d.field, d.body, terms));
  };
  const group = (taskId: number, periodId: number | null, d: DocHit, rank: number) =>
    add(`${taskId}:${periodId ?? ''}`, () => ({ taskId, periodId, score: -Infinity, highlights: [], rank }), d, rank);
  const targetsLater: [DocHit, number][] = [];
  docs.forEach((d, rank) => {
    if (d.field === 'progress') group(d.taskId, d.periodId, d, rank);
    else if (input.periodId != null) group(d.taskId, input.periodId, d, rank);
    else targetsLater.push([d, rank]);
  });
  // Without a period, a target hit joins the task's best period hit, or stands alone.
  for (const [d, rank] of targetsLater) {
    const best = [...groups.values()].filter((g) => g.taskId === d.taskId).sort((a, b) => a.rank - b.rank)[0];
    if (best) add(`${best.taskId}:${best.periodId ?? ''}`, () => best, d, rank);
    else group(d.taskId, null, d, rank);
  }
  const ranked = [...groups.values()].sort((a, b) => a.rank - b.rank);
  const pageSize = Math.min(Math.max(input.pageSize ?? 20, 1), 200);
  const page = Math.max(input.page ?? 1, 1);
  const slice = ranked.slice((page - 1) * pageSize, page * pageSize);
  const taskIds = [...new Set(slice.map((g) => g.taskId))];
  const periodIds = [...new Set(slice.map((g) => g.periodId).filter((p): p is number => p != null))];
  const seqs = new Map(
    taskIds.length
      ? (await db.selectFrom('tasks').select(['id', 'seq']).where('id', 'in', taskIds).execute()).map((t) => [
          t.id,
          t.seq,
        ])
      : [],
  );
  const labels = new Map(
    periodIds.length
      ? (await db.selectFrom('periods').select(['id', 'label']).where('id', 'in', periodIds).execute()).map((p) => [
          p.id,
          p.label,
        ])
      : [],
  );
  return {
    total: groups.size,
    items: slice.map(({ rank: _rank, ...g }) => ({
      ...g,
      score: Math.round(g.score * 1e4) / 1e4,
      seq: seqs.get(g.taskId) ?? 0,
      periodLabel: g.periodId != null ? (labels.get(g.periodId) ?? null) : null,
    })),
  };
}
