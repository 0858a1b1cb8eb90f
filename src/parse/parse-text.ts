// The synchronous text entry: decoded text in, ParsedTable out. It imports no Node module and
// no office-file reader, so the web app can bundle it for the import preview.
import { DubanError, type ParsedTable } from '../domain/index.js';
import { readColumnsSpec } from './columns-option.js';
import { normaliseRows } from './normalise.js';
import { textToRows } from './text-rows.js';

/**
 * Parses a progress table given as text (tab-separated as extracted from a document, or CSV).
 * Throws a DubanError (`no_header`, `bad_input`, `too_large`) when the text holds no readable table.
 * @example parseText('序号\t具体目标任务\t牵头单位\t进展情况\n1\t新增学位3000个\t区教育局\t已新增3200个').tasks[0].units // ['区教育局']
 */
export function parseText(text: string, options: { columns?: string } = {}): ParsedTable {
  if (!text.trim()) throw new DubanError('bad_input', 'the file is empty');
  const spec = options.columns?.trim() ? readColumnsSpec(options.columns) : null;
  if (spec && !spec.ok) throw new DubanError('bad_input', spec.message);
  const rows = textToRows(text);
  if (!rows.ok) throw new DubanError(rows.code, rows.message);
  const result = normaliseRows(
    { format: 'text', rows: rows.rows, cellLines: rows.cellLines },
    { columns: spec?.ok ? spec.spec : undefined },
  );
  if (!result.ok) throw new DubanError(result.code, result.message);
  return result.table;
}
