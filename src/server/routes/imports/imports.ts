// /api/imports: upload a table → preview (parsed tasks and the parser's warnings, nothing stored)
// → confirm with the (possibly edited) tasks → stored in one transaction by the store's importer.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as Imports from '../../../domain/api/imports.js';
import type { Task } from '../../../domain/index.js';
import type { Store } from '../../../store/db.js';
import { importParsedTable } from '../../../store/import.js';
import { similarUnitNames } from '../../../domain/unit-names.js';
import { planInfoFromTitle } from '../../../parse/plan-title.js';
import { addUnitAlias, listUnits, unitAliasNames } from '../../../store/units.js';
import { actorOf } from '../../access.js';
import { callerOf } from '../../auth/plugin.js';
import { HttpError } from '../../errors.js';
import { parseInWorker } from '../../parse-in-worker.js';
import { typed } from '../common.js';
import { readUpload } from '../reports/upload.js';

export function importRoutes(store: Store, options: { maxImportBytes: number; maxParallelPreviews: number }) {
  return async (fastify: FastifyInstance) => {
    const app = typed(fastify);
    // Each preview's worker may take up to its heap limit (parse-in-worker.ts): only a few at once.
    let previewsRunning = 0;
    const config = { access: ['admin'] as const };
    app.post('/imports/preview', { config, schema: Imports.preview }, async (request) => {
      if (previewsRunning >= options.maxParallelPreviews)
        throw new HttpError('rate_limited', '正在解析的导入文件过多，请稍后再试', { 'retry-after': '10' });
      previewsRunning++;
      try {
        return await preview(request);
      } finally {
        previewsRunning--;
      }
    });

    async function preview(request: FastifyRequest): Promise<Imports.ImportPreview> {
      // `columns` (a form field before the file): the person's reading of the columns, as `--columns`;
      // `sheet`: the worksheet of a workbook to read, as `--sheet` (by default the first with tasks).
      const { fileName, content, fields } = await readUpload(request, options.maxImportBytes);
      if (fields.sheet !== undefined && (fields.sheet.length === 0 || fields.sheet.length > 100))
        throw new HttpError('bad_input', '工作表名称应为 1 到 100 个字符');
      // In a worker thread: seconds of parsing must not stall everybody else's requests.
      const parsed = await parseInWorker(new Uint8Array(content), {
        fileName,
        columns: fields.columns,
        sheet: fields.sheet,
      });
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

    app.post('/imports/confirm', { config, bodyLimit: 20 * 1024 * 1024, schema: Imports.confirm }, async (request) => {
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
    });
  };
}
