// /api/imports: upload a table → preview (parsed tasks and the parser's warnings, nothing stored)
// → confirm with the (possibly edited) tasks → stored in one transaction.
import { Type, type Static } from '@sinclair/typebox';
import type { ParsedTable as DomainParsedTable } from '../task.js';
import { Answers, Nullable, Opaque, StringEnum, Strict } from './shared.js';

const tags = ['import'];

/** The parsed table (src/domain/task.ts ParsedTable: format, title, period, columns, tasks with warnings, sourceColumns), whole. */
export const ParsedTable = Opaque<DomainParsedTable>(
  '解析出的表格（src/domain/task.ts ParsedTable）：format, title, period, columns, tasks（含 warnings）, warnings, sourceColumns',
);

export const ImportPreview = Type.Object({
  fileName: Type.String(),
  /** Of the uploaded file: sent back with the confirmation. */
  sha256: Type.String(),
  table: ParsedTable,
  /** Read from the table's title (the file name when it has none). */
  suggested: Type.Object({
    planTitle: Type.String(),
    region: Nullable(Type.String()),
    year: Nullable(Type.Integer()),
    period: Nullable(Type.String()),
  }),
  /** Unit names (in the table or already in duban) that may be one unit spelt two ways. */
  similarUnits: Type.Array(Type.Array(Type.String())),
});
export type ImportPreview = Static<typeof ImportPreview>;

const Names = Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 });

/** A task as confirmed: the preview's, possibly edited by the office. */
export const ImportTask = Strict({
  seq: Type.Integer({ minimum: 1 }),
  theme: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  category: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  target: Type.String({ minLength: 1, maxLength: 10000 }),
  leaders: Names,
  units: Names,
  progress: Type.String({ maxLength: 50000 }),
  co_units: Type.Optional(Names),
  deadline: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  /** The report kept apart by column (actual, rate, flag, remarks), echoed back from the preview. */
  progress_parts: Type.Optional(
    Type.Array(
      Strict({
        role: StringEnum(['actual', 'rate', 'flag', 'remarks', 'progress'] as const),
        header: Type.String({ maxLength: 300 }),
        text: Type.String({ maxLength: 50000 }),
      }),
      { maxItems: 50 },
    ),
  ),
  /** Echoed back from the preview; ignored. */
  warnings: Type.Optional(Type.Array(Type.Unknown())),
});
export type ImportTask = Static<typeof ImportTask>;

export const ImportSummary = Type.Object({
  planId: Type.Integer(),
  planTitle: Type.String(),
  periodId: Type.Integer(),
  periodLabel: Type.String(),
  planCreated: Type.Boolean(),
  periodCreated: Type.Boolean(),
  /** Tasks created, updated (any field), unchanged. */
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  /** Seqs of existing tasks whose target text differs from the table's. */
  targetChanged: Type.Array(Type.Integer()),
  targetChanges: Type.Array(Type.Object({ seq: Type.Integer(), before: Type.String(), after: Type.String() })),
  reports: Type.Object({
    created: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    keptNewer: Type.Integer(),
  }),
  unitsCreated: Type.Integer(),
  leadersCreated: Type.Integer(),
  /** Seqs of the plan's tasks that this table does not list. */
  missing: Type.Array(Type.Integer()),
  /** True when the store already held exactly this content: nothing was written. */
  nothingChanged: Type.Boolean(),
  /** True when the table's numbers repeated and its tasks were stored numbered 1—N in order. */
  renumbered: Type.Boolean(),
});
export type ImportSummary = Static<typeof ImportSummary>;

/**
 * Multipart: optional `columns` (the columns' roles, as `--columns`) and `sheet` (the worksheet of a
 * workbook, as `--sheet`) fields, then `file` (≤ 50 MB).
 */
export const preview = {
  tags,
  summary: '上传表格并预览（不保存）',
  consumes: ['multipart/form-data'],
  response: Answers(ImportPreview),
};

export const confirm = {
  tags,
  summary: '确认导入',
  body: Strict({
    fileName: Type.String({ minLength: 1, maxLength: 300 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    planTitle: Type.String({ minLength: 1, maxLength: 300 }),
    region: Type.String({ minLength: 1, maxLength: 100 }),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    period: Type.String({ minLength: 4, maxLength: 20 }),
    tasks: Type.Array(ImportTask, { minItems: 1, maxItems: 5000 }),
    /** Names in the table the office unified with another spelling at import: `name` is `unit`. */
    unitAliases: Type.Optional(
      Type.Array(
        Strict({
          name: Type.String({ minLength: 1, maxLength: 100 }),
          unit: Type.String({ minLength: 1, maxLength: 100 }),
        }),
        { maxItems: 500 },
      ),
    ),
  }),
  response: Answers(ImportSummary),
};
