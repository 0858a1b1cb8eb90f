// 督办 with teeth: a reply-by date on 催办, numbered supervision notices (督办单) on one task or a
// unit's set of tasks with their escalation ladder, leader instructions (批示) that must be
// acknowledged and answered, and a unit's official order (序列) for the overdue desk.
// Portable DDL only (no triggers, no dialect-specific SQL), so SQLite and PostgreSQL read alike.
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect/types.js';

export async function up(db: Kysely<unknown>, d: StoreDialect): Promise<void> {
  const ref = d.references;
  const table = (name: string) => d.addIdColumn(db.schema.createTable(name));

  // The date by which the unit is asked to answer a 催办 (null: no date given).
  await db.schema.alterTable('reminders').addColumn('reply_by', 'text').execute();
  // Official order of units (序列); null sorts after numbered units, then by pinyin.
  await db.schema.alterTable('units').addColumn('position', 'integer').execute();

  // One counter per plan year; `督办〔YEAR〕第N号` takes N from an upsert … returning, which both
  // databases run as one atomic statement.
  await db.schema
    .createTable('supervision_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await table('supervision_notices')
    .addColumn('plan_id', 'integer', (c) => ref('plans', 'cascade')(c).notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => ref('units', 'cascade')(c).notNull())
    .addColumn('level', 'text', (c) => c.notNull()) // hint | supervise | key (提示 | 督办 | 重点督办)
    .addColumn('initial_level', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // issued | signed | answered | returned | accepted
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('feedback_required', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull()) // YYYY-MM-DD, moved on by each escalation
    .addColumn('escalations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_at', 'text')
    .addColumn('feedback', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'integer', ref('users', 'set null'))
    .addColumn('signed_at', 'text')
    .addColumn('signed_by', 'integer', ref('users', 'set null'))
    .addColumn('decision_comment', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'integer', ref('users', 'set null'))
    .addColumn('created_by', 'integer', ref('users', 'set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('supervision_notices_year_number', ['year', 'number'])
    .execute();

  await db.schema
    .createTable('supervision_notice_tasks')
    .addColumn('notice_id', 'integer', (c) => ref('supervision_notices', 'cascade')(c).notNull())
    .addColumn('task_id', 'integer', (c) => ref('tasks', 'cascade')(c).notNull())
    .addPrimaryKeyConstraint('supervision_notice_tasks_pk', ['notice_id', 'task_id'])
    .execute();

  // 办结反馈 evidence (证明材料): files the unit attaches to its answer.
  await table('supervision_evidence')
    .addColumn('notice_id', 'integer', (c) => ref('supervision_notices', 'cascade')(c).notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', d.blobType, (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', ref('users', 'set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await table('instructions')
    .addColumn('task_id', 'integer', (c) => ref('tasks', 'cascade')(c).notNull())
    .addColumn('leader_id', 'integer', (c) => ref('leaders', 'cascade')(c).notNull())
    .addColumn('author_id', 'integer', ref('users', 'set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // open | acknowledged | answered
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'integer', ref('users', 'set null'))
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'integer', ref('users', 'set null'))
    .addColumn('answered_by_role', 'text') // unit | admin
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  const index = (name: string, on: string, columns: string[]) =>
    db.schema.createIndex(name).on(on).columns(columns).execute();
  await index('supervision_notices_unit_state', 'supervision_notices', ['unit_id', 'state']);
  await index('supervision_notices_plan_state', 'supervision_notices', ['plan_id', 'state']);
  await index('supervision_notices_state_deadline', 'supervision_notices', ['state', 'deadline']);
  await index('supervision_notice_tasks_task', 'supervision_notice_tasks', ['task_id']);
  await index('supervision_evidence_notice', 'supervision_evidence', ['notice_id']);
  await index('instructions_task', 'instructions', ['task_id']);
  await index('instructions_leader_state', 'instructions', ['leader_id', 'state']);
  await index('reminders_task_period_unit', 'reminders', ['task_id', 'period_id', 'unit_id']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reminders_task_period_unit').ifExists().execute();
  for (const t of [
    'instructions',
    'supervision_evidence',
    'supervision_notice_tasks',
    'supervision_notices',
    'supervision_counters',
  ])
    await db.schema.dropTable(t).ifExists().execute();
  await db.schema.alterTable('units').dropColumn('position').execute();
  await db.schema.alterTable('reminders').dropColumn('reply_by').execute();
}
