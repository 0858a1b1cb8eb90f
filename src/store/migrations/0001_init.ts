// The first schema: organisations, people, accounts, plans and their tasks, periods, versioned
// reports with assessments, the reporting cycle (签收, 延期, 催办, comments, attachments),
// notifications and the append-only audit log. Timestamps are ISO-8601 UTC text in both
// dialects (they sort as text); JSON is text; booleans are integers 0/1.
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/types.js';

export async function up(db: Kysely<unknown>, d: StoreDialect): Promise<void> {
  const ref = d.references;
  const table = (name: string) => d.addIdColumn(db.schema.createTable(name));

  await table('units')
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('parent_id', 'integer', ref('units', 'set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await table('leaders')
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await table('users')
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull()) // admin | unit | leader | viewer
    .addColumn('unit_id', 'integer', ref('units', 'set null'))
    .addColumn('leader_id', 'integer', ref('leaders', 'set null'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Sessions live in the database so that several server processes behave as one.
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey()) // sha256 of the cookie token; the token itself is never stored
    .addColumn('user_id', 'integer', (c) => ref('users', 'cascade')(c).notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  // Login back-off counters, per username and per client address.
  await db.schema
    .createTable('login_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await table('api_tokens')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', ref('units', 'set null'))
    .addColumn('leader_id', 'integer', ref('leaders', 'set null'))
    .addColumn('created_by', 'integer', ref('users', 'set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await table('plans')
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await table('themes')
    .addColumn('plan_id', 'integer', (c) => ref('plans', 'cascade')(c).notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('themes_plan_name', ['plan_id', 'name'])
    .execute();

  await table('categories')
    .addColumn('theme_id', 'integer', (c) => ref('themes', 'cascade')(c).notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('categories_theme_name', ['theme_id', 'name'])
    .execute();

  await table('tasks')
    .addColumn('plan_id', 'integer', (c) => ref('plans', 'cascade')(c).notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('theme_id', 'integer', ref('themes', 'set null'))
    .addColumn('category_id', 'integer', ref('categories', 'set null'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('notes', 'text')
    .addColumn('closed_at', 'text') // 销号: closed out by the office, stays visible
    .addColumn('closed_by', 'integer', ref('users', 'set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tasks_plan_seq', ['plan_id', 'seq'])
    .execute();

  await db.schema
    .createTable('task_leaders')
    .addColumn('task_id', 'integer', (c) => ref('tasks', 'cascade')(c).notNull())
    .addColumn('leader_id', 'integer', (c) => ref('leaders', 'cascade')(c).notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_leaders_pk', ['task_id', 'leader_id'])
    .execute();

  await db.schema
    .createTable('task_units')
    .addColumn('task_id', 'integer', (c) => ref('tasks', 'cascade')(c).notNull())
    .addColumn('unit_id', 'integer', (c) => ref('units', 'cascade')(c).notNull())
    .addColumn('role', 'text', (c) => c.notNull()) // lead | co
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'unit_id'])
    .execute();

  await table('periods')
    .addColumn('plan_id', 'integer', (c) => ref('plans', 'cascade')(c).notNull())
    .addColumn('label', 'text', (c) => c.notNull()) // 2023Q4, 2024-03, 2023H1, 2023
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('state', 'text', (c) => c.notNull()) // open | closed
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('periods_plan_label', ['plan_id', 'label'])
    .execute();

  // One report per task and period; `version` increments on every save (optimistic locking),
  // and every version is kept in report_versions. The current assessment sits on the row so
  // dashboards need no join; `status` is the effective one (override when present).
  await table('reports')
    .addColumn('task_id', 'integer', (c) => ref('tasks', 'cascade')(c).notNull())
    .addColumn('period_id', 'integer', (c) => ref('periods', 'cascade')(c).notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // draft | submitted | returned | approved
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'integer', ref('users', 'set null'))
    .addColumn('machine_status', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('assessment', 'text', (c) => c.notNull()) // Assessment JSON
    .addColumn('override_status', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('override_by', 'integer', ref('users', 'set null'))
    .addColumn('override_at', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_by', 'integer', ref('users', 'set null'))
    .addColumn('reviewed_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reports_task_period', ['task_id', 'period_id'])
    .execute();

  await table('report_versions')
    .addColumn('report_id', 'integer', (c) => ref('reports', 'cascade')(c).notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assessment', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', ref('users', 'set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_versions_report_version', ['report_id', 'version'])
    .execute();

  await table('comments')
    .addColumn('report_id', 'integer', (c) => ref('reports', 'cascade')(c).notNull())
    .addColumn('author_id', 'integer', ref('users', 'set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await table('attachments')
    .addColumn('report_id', 'integer', (c) => ref('reports', 'cascade')(c).notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', d.blobType, (c) => c.notNull()) // in the database: servers keep no files of their own
    .addColumn('uploaded_by', 'integer', ref('users', 'set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // 签收: a unit acknowledges receipt of its tasks for a period.
  await table('acknowledgements')
    .addColumn('task_id', 'integer', (c) => ref('tasks', 'cascade')(c).notNull())
    .addColumn('period_id', 'integer', (c) => ref('periods', 'cascade')(c).notNull())
    .addColumn('unit_id', 'integer', (c) => ref('units', 'cascade')(c).notNull())
    .addColumn('user_id', 'integer', ref('users', 'set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ack_task_period_unit', ['task_id', 'period_id', 'unit_id'])
    .execute();

  // 延期申请
  await table('extensions')
    .addColumn('task_id', 'integer', (c) => ref('tasks', 'cascade')(c).notNull())
    .addColumn('period_id', 'integer', (c) => ref('periods', 'cascade')(c).notNull())
    .addColumn('unit_id', 'integer', (c) => ref('units', 'cascade')(c).notNull())
    .addColumn('requested_by', 'integer', ref('users', 'set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_due', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // pending | approved | refused
    .addColumn('decided_by', 'integer', ref('users', 'set null'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // 催办
  await table('reminders')
    .addColumn('task_id', 'integer', (c) => ref('tasks', 'cascade')(c).notNull())
    .addColumn('period_id', 'integer', (c) => ref('periods', 'cascade')(c).notNull())
    .addColumn('unit_id', 'integer', (c) => ref('units', 'cascade')(c).notNull())
    .addColumn('sent_by', 'integer', ref('users', 'set null'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();

  await table('notification_channels')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // webhook | dingtalk | wecom
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('events', 'text', (c) => c.notNull()) // JSON array of event names
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await table('notification_deliveries')
    .addColumn('channel_id', 'integer', (c) => ref('notification_channels', 'cascade')(c).notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // pending | delivered | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull()) // JSON
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Imports, so that re-importing the same file is recognised (idempotent) and explained.
  await table('imports')
    .addColumn('plan_id', 'integer', (c) => ref('plans', 'cascade')(c).notNull())
    .addColumn('period_id', 'integer', ref('periods', 'set null'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull()) // JSON
    .addColumn('imported_by', 'integer', ref('users', 'set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Append-only: the store never updates or deletes rows here.
  await table('audit_log')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer') // no FK: the log outlives the account
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull()) // e.g. report.save, report.approve, user.create
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'text') // JSON
    .addColumn('after', 'text') // JSON
    .execute();

  const index = (name: string, on: string, columns: string[]) =>
    db.schema.createIndex(name).on(on).columns(columns).execute();
  await index('tasks_plan_theme', 'tasks', ['plan_id', 'theme_id']);
  await index('task_leaders_leader', 'task_leaders', ['leader_id']);
  await index('task_units_unit', 'task_units', ['unit_id']);
  await index('reports_period_status', 'reports', ['period_id', 'status']);
  await index('reports_period_state', 'reports', ['period_id', 'state']);
  await index('report_versions_report', 'report_versions', ['report_id']);
  await index('reminders_unit', 'reminders', ['unit_id', 'period_id']);
  await index('sessions_user', 'sessions', ['user_id']);
  await index('audit_at', 'audit_log', ['at']);
  await index('audit_entity', 'audit_log', ['entity', 'entity_id']);
  await index('deliveries_state', 'notification_deliveries', ['state', 'next_attempt_at']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'audit_log',
    'imports',
    'settings',
    'notification_deliveries',
    'notification_channels',
    'reminders',
    'extensions',
    'acknowledgements',
    'attachments',
    'comments',
    'report_versions',
    'reports',
    'periods',
    'task_units',
    'task_leaders',
    'tasks',
    'categories',
    'themes',
    'plans',
    'api_tokens',
    'login_attempts',
    'sessions',
    'users',
    'leaders',
    'units',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
