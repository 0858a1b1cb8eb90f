// /api/imports: upload a table → preview (parsed tasks and the parser's warnings, nothing stored)
// → confirm with the (possibly edited) tasks → stored in one transaction by the store's importer.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Task } from '../../../domain/index.js';
import type { Store } from '../../../store/db.js';
import { importParsedTable } from '../../../store/import.js';
import { similarUnitNames } from '../../../domain/unit-names.js';
import { planInfoFromTitle } from '../../../store/plans.js';
import { addUnitAlias, listUnits, unitAliasNames } from '../../../store/units.js';
import { actorOf } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { HttpError } from '../../errors.js';
import { parseInWorker } from '../../parse-in-worker.js';
import { object } from '../common.js';
import { readUpload } from '../reports/upload.js';

const names = { type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: 50 } as const;
const taskSchema = object(
  {
    seq: { type: 'integer', minimum: 1 },
    theme: { type: ['string', 'null'], maxLength: 1000 },
    category: { type: ['string', 'null'], maxLength: 1000 },
    target: { type: 'string', minLength: 1, maxLength: 10000 },
    leaders: names,
    units: names,
    progress: { type: 'string', maxLength: 50000 },
    co_units: names,
    deadline: { type: ['string', 'null'], maxLength: 200 },
    notes: { type: ['string', 'null'], maxLength: 5000 },
    // The report kept apart by column (actual, rate, flag, remarks), echoed back from the preview.
    progress_parts: {
      type: 'array',
      maxItems: 50,
      items: object(
        {
          role: { enum: ['actual', 'rate', 'flag', 'remarks', 'progress'] },
          header: { type: 'string', maxLength: 300 },
          text: { type: 'string', maxLength: 50000 },
        },
        ['role', 'header', 'text'],
      ),
    },
    warnings: { type: 'array' }, // echoed back from the preview; ignored
  },
  ['seq', 'target', 'leaders', 'units', 'progress'],
);

interface ConfirmBody {
  fileName: string;
  sha256: string;
  planTitle: string;
  region: string;
  year: number;
  period: string;
  tasks: (Task & { warnings?: unknown })[];
  /** Names in the table the office unified with another spelling at import: `name` is `unit`. */
  unitAliases?: { name: string; unit: string }[];
}

export function importRoutes(store: Store, options: { maxImportBytes: number; maxParallelPreviews: number }) {
  return async (app: FastifyInstance) => {
    // Each preview's worker may take up to its heap limit (parse-in-worker.ts): only a few at once.
    let previewsRunning = 0;
    const config = { access: ['admin'] as const };
    const tags = ['import'];
    app.post(
      '/imports/preview',
      { config, schema: { tags, summary: '上传表格并预览（不保存）', consumes: ['multipart/form-data'] } },
      async (request) => {
        if (previewsRunning >= options.maxParallelPreviews)
          throw new HttpError('rate_limited', '正在解析的导入文件过多，请稍后再试', { 'retry-after': '10' });
        previewsRunning++;
        try {
          return await preview(request);
        } finally {
          previewsRunning--;
        }
      },
    );

    async function preview(request: FastifyRequest) {
      // `columns` (a form field before the file): the person's reading of the columns, as `--columns`.
      const { fileName, content, fields } = await readUpload(request, options.maxImportBytes);
      // In a worker thread: seconds of parsing must not stall everybody else's requests.
      const parsed = await parseInWorker(new Uint8Array(content), { fileName, columns: fields.columns });
      if (!parsed.ok)
        throw new HttpError(
          parsed.error.code === 'too_large'
            ? 'too_large'
            : parsed.error.code === 'unsupported_format'
              ? 'unsupported_format'
              : parsed.error.code === 'no_header'
                ? 'no_header'
                : parsed.error.code === 'encrypted'
                  ? 'encrypted'
                  : 'bad_input',
          parsed.error.message,
        );
      const table = parsed.value;
      const info = table.title
        ? planInfoFromTitle(table.title)
        : { title: fileName.replace(/\.[^.]+$/, ''), region: null, year: null };
      // Names in the table (or already in duban) that may be one unit spelt two ways, to confirm.
      // A merged unit's old name (an alias) already stands for its unit and is not asked about again.
      const aliases = await unitAliasNames(store.db);
      const tableUnits = table.tasks
        .flatMap((t) => [...t.units, ...(t.co_units ?? [])])
        .map((n) => aliases.get(n.trim()) ?? n);
      const known = (await listUnits(store.db)).map((u) => u.name);
      const similarUnits = similarUnitNames([...new Set([...tableUnits, ...known])]).filter((g) =>
        g.some((n) => tableUnits.includes(n)),
      );
      return {
        fileName,
        sha256: createHash('sha256').update(content).digest('hex'),
        table,
        suggested: { planTitle: info.title, region: info.region, year: info.year, period: table.period },
        similarUnits,
      };
    }

    app.post<{ Body: ConfirmBody }>(
      '/imports/confirm',
      {
        config,
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          tags,
          summary: '确认导入',
          body: object(
            {
              fileName: { type: 'string', minLength: 1, maxLength: 300 },
              sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
              planTitle: { type: 'string', minLength: 1, maxLength: 300 },
              region: { type: 'string', minLength: 1, maxLength: 100 },
              year: { type: 'integer', minimum: 2000, maximum: 2100 },
              period: { type: 'string', minLength: 4, maxLength: 20 },
              tasks: { type: 'array', items: taskSchema, minItems: 1, maxItems: 5000 },
              unitAliases: {
                type: 'array',
                maxItems: 500,
                items: object(
                  {
                    name: { type: 'string', minLength: 1, maxLength: 100 },
                    unit: { type: 'string', minLength: 1, maxLength: 100 },
                  },
                  ['name', 'unit'],
                ),
              },
            },
            ['fileName', 'sha256', 'planTitle', 'region', 'year', 'period', 'tasks'],
          ),
        },
      },
      async (request) => {
        const b = request.body;
        // A name the office unified with another spelling is read as that spelling, and kept as an alias.
        const unified = new Map((b.unitAliases ?? []).map((a) => [a.name.trim(), a.unit.trim()]));
        const spelt = (names: string[] | undefined) => names?.map((n) => unified.get(n.trim()) ?? n);
        const tasks: Task[] = b.tasks.map(({ warnings: _w, ...t }) => ({
          ...t,
          units: spelt(t.units)!,
          ...(t.co_units ? { co_units: spelt(t.co_units) } : {}),
          theme: t.theme ?? null,
          category: t.category ?? null,
        }));
        const actor = actorOf(callerOf(request));
        const summary = await importParsedTable(store.db, actor, {
          table: { tasks, title: b.planTitle, period: b.period },
          planTitle: b.planTitle,
          region: b.region,
          year: b.year,
          period: b.period,
          fileName: b.fileName,
          sha256: b.sha256,
        });
        for (const [name, unit] of unified) await addUnitAlias(store.db, actor, name, unit);
        return summary;
      },
    );
  };
}
