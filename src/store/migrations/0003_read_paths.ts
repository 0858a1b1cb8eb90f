// The dashboard's read path at province scale (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE on the data set
// of bench/lib/province.ts):
//  - A period's reports lie on as many table pages as there are tasks (reports are written task by
//    task) and carry their text and assessment JSON, so any query reading `status` from the table
//    touches all of them. With `status` in the (period, task) index, a period's statuses are read
//    from a few index pages, whatever the size of the database.
//  - report_tallies: the number of reports per (period, dimension, key, status), for the whole plan
//    (dim 0), by theme (1), by leader (2) and by lead unit (3). Triggers keep it in step with every
//    write to reports, tasks.theme_id, task_leaders and task_units, inside the writer's own
//    transaction, whichever code (or process) writes; so a whole plan's dashboard reads ~100 rows
//    instead of joining 200 reports to their tasks, leaders and units on every request.
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/types.js';

const INSERT = 'insert into report_tallies (period_id, dim, key_id, status, n)';

/** The rows one report (`new` or `old`) contributes, in every dimension, with weight `d`. */
function reportRows(row: 'new' | 'old', d: 1 | -1): string[] {
  return [
    `select ${row}.period_id as period_id, 0 as dim, 0 as key_id, ${row}.status as status, ${d} as d`,
    `select ${row}.period_id, 1, t.theme_id, ${row}.status, ${d} from tasks t where t.id = ${row}.task_id and t.theme_id is not null`,
    `select ${row}.period_id, 2, tl.leader_id, ${row}.status, ${d} from task_leaders tl where tl.task_id = ${row}.task_id`,
    `select ${row}.period_id, 3, tu.unit_id, ${row}.status, ${d} from task_units tu where tu.task_id = ${row}.task_id and tu.role = 'lead'`,
  ];
}

/** The rows a task's reports (every period) contribute to one key of one dimension, with weight `d`. */
function linkRows(dim: number, task: string, key: string, d: 1 | -1, guard = 'true'): string[] {
  return [
    `select r.period_id as period_id, ${dim} as dim, ${key} as key_id, r.status as status, ${d} as d from reports r where r.task_id = ${task} and ${key} is not null and ${guard}`,
  ];
}

/**
 * One statement applying all of a change's deltas, in (period, dim, key, status) order: two writers
 * then take the counters' row locks in the same order and cannot deadlock each other over them
 * (PostgreSQL; SQLite has one writer at a time) when each changes one report; a transaction changing
 * many (an import) can still meet one that way, which PostgreSQL resolves by failing one of them.
 * Rows of a period being deleted are skipped.
 */
function apply(rows: string[]): string {
  return `${INSERT}
    select x.period_id, x.dim, x.key_id, x.status, sum(x.d) from (${rows.join(' union all ')}) x
    where exists (select 1 from periods p where p.id = x.period_id)
    group by x.period_id, x.dim, x.key_id, x.status having sum(x.d) <> 0
    order by x.period_id, x.dim, x.key_id, x.status
    on conflict (period_id, dim, key_id, status) do update set n = report_tallies.n + excluded.n`;
}

const CHANGED = (cols: string[]) => cols.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');

/** Every trigger as (table, timing and events, when, statements); each dialect wraps them its own way. */
const TRIGGERS: {
  name: string;
  table: string;
  events: 'insert' | 'delete' | 'update';
  columns?: string[];
  before?: boolean;
  body: string[];
}[] = [
  { name: 'tally_reports_ins', table: 'reports', events: 'insert', body: [apply(reportRows('new', 1))] },
  { name: 'tally_reports_del', table: 'reports', events: 'delete', body: [apply(reportRows('old', -1))] },
  {
    name: 'tally_reports_upd',
    table: 'reports',
    events: 'update',
    columns: ['status', 'task_id', 'period_id'],
    body: [apply([...reportRows('old', -1), ...reportRows('new', 1)])],
  },
  {
    name: 'tally_tasks_theme',
    table: 'tasks',
    events: 'update',
    columns: ['theme_id'],
    body: [apply([...linkRows(1, 'old.id', 'old.theme_id', -1), ...linkRows(1, 'new.id', 'new.theme_id', 1)])],
  },
  // A task's reports go before the task row, while its theme and people are still there to be counted
  // down (a cascade would delete them after the task, in an order neither database promises).
  {
    name: 'tally_tasks_del',
    table: 'tasks',
    events: 'delete',
    before: true,
    body: ['delete from reports where task_id = old.id'],
  },
  {
    name: 'tally_periods_del',
    table: 'periods',
    events: 'delete',
    before: true,
    body: ['delete from report_tallies where period_id = old.id'],
  },
  {
    name: 'tally_leaders_ins',
    table: 'task_leaders',
    events: 'insert',
    body: [apply(linkRows(2, 'new.task_id', 'new.leader_id', 1))],
  },
  {
    name: 'tally_leaders_del',
    table: 'task_leaders',
    events: 'delete',
    body: [apply(linkRows(2, 'old.task_id', 'old.leader_id', -1))],
  },
  {
    name: 'tally_leaders_upd',
    table: 'task_leaders',
    events: 'update',
    columns: ['task_id', 'leader_id'],
    body: [
      apply([...linkRows(2, 'old.task_id', 'old.leader_id', -1), ...linkRows(2, 'new.task_id', 'new.leader_id', 1)]),
    ],
  },
  {
    name: 'tally_units_ins',
    table: 'task_units',
    events: 'insert',
    body: [apply(linkRows(3, 'new.task_id', 'new.unit_id', 1, "new.role = 'lead'"))],
  },
  {
    name: 'tally_units_del',
    table: 'task_units',
    events: 'delete',
    body: [apply(linkRows(3, 'old.task_id', 'old.unit_id', -1, "old.role = 'lead'"))],
  },
  {
    name: 'tally_units_upd',
    table: 'task_units',
    events: 'update',
    columns: ['task_id', 'unit_id', 'role'],
    body: [
      apply([
        ...linkRows(3, 'old.task_id', 'old.unit_id', -1, "old.role = 'lead'"),
        ...linkRows(3, 'new.task_id', 'new.unit_id', 1, "new.role = 'lead'"),
      ]),
    ],
  },
];

const BACKFILL = `${INSERT}
  select r.period_id, 0, 0, r.status, count(*) from reports r group by r.period_id, r.status
  union all
  select r.period_id, 1, t.theme_id, r.status, count(*) from reports r join tasks t on t.id = r.task_id where t.theme_id is not null group by r.period_id, t.theme_id, r.status
  union all
  select r.period_id, 2, tl.leader_id, r.status, count(*) from reports r join task_leaders tl on tl.task_id = r.task_id group by r.period_id, tl.leader_id, r.status
  union all
  select r.period_id, 3, tu.unit_id, r.status, count(*) from reports r join task_units tu on tu.task_id = r.task_id and tu.role = 'lead' group by r.period_id, tu.unit_id, r.status`;

export async function up(db: Kysely<unknown>, d: StoreDialect): Promise<void> {
  // Replaces 0002's (period_id, task_id): same prefix, so every query it served still uses it.
  await db.schema.dropIndex('reports_period_task').ifExists().execute();
  await db.schema
    .createIndex('reports_period_task_status')
    .on('reports')
    .columns(['period_id', 'task_id', 'status'])
    .execute();
  // A task's lead units (dashboards by unit, the unit sort, 催办 lists) without visiting the table.
  await db.schema
    .createIndex('task_units_task_role')
    .on('task_units')
    .columns(['task_id', 'role', 'unit_id', 'position'])
    .execute();

  // No foreign keys: rows of a deleted period are removed by its trigger, and a deleted theme's,
  // leader's or unit's rows are never shown (the dashboard looks each key's name up and drops a missing one).
  await db.schema
    .createTable('report_tallies')
    .addColumn('period_id', 'integer', (c) => c.notNull())
    .addColumn('dim', 'integer', (c) => c.notNull()) // 0 plan, 1 theme, 2 leader, 3 lead unit
    .addColumn('key_id', 'integer', (c) => c.notNull()) // theme, leader or unit id; 0 for the plan
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_tallies_pk', ['period_id', 'dim', 'key_id', 'status'])
    .execute();
  await sql.raw(BACKFILL).execute(db);

  for (const t of TRIGGERS) {
    const on = `${t.before ? 'before' : 'after'} ${t.events}${t.columns ? ` of ${t.columns.join(', ')}` : ''} on ${t.table}`;
    const when = t.events === 'update' && t.columns ? `when (${CHANGED(t.columns)})` : '';
    if (d.name === 'sqlite') {
      await sql
        .raw(`create trigger ${t.name} ${on} for each row ${when} begin ${t.body.map((s) => `${s};`).join('\n')} end`)
        .execute(db);
    } else {
      await sql
        .raw(
          `create function ${t.name}() returns trigger language plpgsql as $$ begin ${t.body.map((s) => `${s};`).join('\n')} return ${t.before ? 'old' : 'null'}; end $$`,
        )
        .execute(db);
      // `execute procedure`: PostgreSQL 11+ also takes `execute function`, openGauss and KingbaseES do not.
      await sql.raw(`create trigger ${t.name} ${on} for each row ${when} execute procedure ${t.name}()`).execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>, d: StoreDialect): Promise<void> {
  for (const t of TRIGGERS) {
    await sql.raw(`drop trigger if exists ${t.name}${d.name === 'postgres' ? ` on ${t.table}` : ''}`).execute(db);
    if (d.name === 'postgres') await sql.raw(`drop function if exists ${t.name}()`).execute(db);
  }
  await db.schema.dropTable('report_tallies').ifExists().execute();
  await db.schema.dropIndex('task_units_task_role').ifExists().execute();
  await db.schema.dropIndex('reports_period_task_status').ifExists().execute();
  await db.schema.createIndex('reports_period_task').on('reports').columns(['period_id', 'task_id']).execute();
}
