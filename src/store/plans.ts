// Plans (a government work report broken into tasks) with their two-level headings (themes and
// categories). What a table's title says about its plan is read by src/parse/plan-title.ts.
import { sql, type Kysely } from 'kysely';
import { DubanError } from '../domain/index.js';
import { recordAudit, type Actor } from './audit.js';
import type { DB } from './schema.js';
import { inTransaction } from './transaction.js';

export interface Plan {
  id: number;
  region: string;
  year: number;
  title: string;
  taskCount: number;
}

export interface ThemeWithCategories {
  id: number;
  name: string;
  categories: { id: number; name: string }[];
}

function planQuery(db: Kysely<DB>) {
  return db
    .selectFrom('plans as p')
    .select(['p.id', 'p.region', 'p.year', 'p.title'])
    .select((eb) =>
      eb
        .selectFrom('tasks as t')
        .whereRef('t.plan_id', '=', 'p.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('taskCount'),
    );
}

const toPlan = (r: { id: number; region: string; year: number; title: string; taskCount: number | null }): Plan => ({
  id: r.id,
  region: r.region,
  year: r.year,
  title: r.title,
  taskCount: Number(r.taskCount ?? 0),
});

/** Every plan, newest year first. */
export async function listPlans(db: Kysely<DB>): Promise<Plan[]> {
  return (await planQuery(db).orderBy('p.year', 'desc').orderBy('p.id', 'desc').execute()).map(toPlan);
}

export async function getPlan(db: Kysely<DB>, id: number): Promise<Plan | null> {
  const row = await planQuery(db).where('p.id', '=', id).executeTakeFirst();
  return row ? toPlan(row) : null;
}

export async function findPlanByTitle(db: Kysely<DB>, title: string): Promise<Plan | null> {
  const row = await planQuery(db).where('p.title', '=', title.trim()).executeTakeFirst();
  return row ? toPlan(row) : null;
}

export async function createPlan(
  db: Kysely<DB>,
  actor: Actor,
  input: { title: string; region: string; year: number },
): Promise<Plan> {
  const title = input.title.trim();
  if (!title) throw new DubanError('bad_input', '计划标题不能为空');
  if (!Number.isInteger(input.year) || input.year < 1949 || input.year > 2200)
    throw new DubanError('bad_input', `年份 ${input.year} 无效`);
  return inTransaction(db, async (trx) => {
    if (await findPlanByTitle(trx, title)) throw new DubanError('conflict', `计划“${title}”已存在`);
    const row = await trx
      .insertInto('plans')
      .values({ title, region: input.region.trim(), year: input.year, created_at: new Date().toISOString() })
      .returning(['id', 'region', 'year', 'title'])
      .executeTakeFirstOrThrow();
    const plan: Plan = { ...row, taskCount: 0 };
    await recordAudit(trx, actor, { action: 'plan.create', entity: 'plan', entityId: plan.id, after: plan });
    return plan;
  });
}

/** Themes of a plan in table order, each with its categories in table order. */
export async function listThemes(db: Kysely<DB>, planId: number): Promise<ThemeWithCategories[]> {
  const themes = await db
    .selectFrom('themes')
    .select(['id', 'name'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  if (themes.length === 0) return [];
  const cats = await db
    .selectFrom('categories')
    .select(['id', 'name', 'theme_id'])
    .where(
      'theme_id',
      'in',
      themes.map((t) => t.id),
    )
    .orderBy('position')
    .execute();
  return themes.map((t) => ({
    id: t.id,
    name: t.name,
    categories: cats.filter((c) => c.theme_id === t.id).map((c) => ({ id: c.id, name: c.name })),
  }));
}

/** The id of the theme with this name in the plan, appended after the existing ones when new. */
export async function ensureTheme(db: Kysely<DB>, planId: number, name: string): Promise<number> {
  const found = await db
    .selectFrom('themes')
    .select('id')
    .where('plan_id', '=', planId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (found) return found.id;
  const { next } = await db
    .selectFrom('themes')
    .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('themes')
    .values({ plan_id: planId, name, position: Number(next) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function ensureCategory(db: Kysely<DB>, themeId: number, name: string): Promise<number> {
  const found = await db
    .selectFrom('categories')
    .select('id')
    .where('theme_id', '=', themeId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (found) return found.id;
  const { next } = await db
    .selectFrom('categories')
    .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
    .where('theme_id', '=', themeId)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('categories')
    .values({ theme_id: themeId, name, position: Number(next) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
