// The progress table as one self-contained HTML page laid out for A4 landscape printing: what
// Chromium turns into the PDF. rowspan/colspan follow the same merge layout as the workbook;
// the header row sits in <thead>, which Chromium repeats on every printed page. The font-family
// names the subset of the Chinese font that printing embeds first (font-subset.ts); without it,
// the installed fonts in the same order.
import { EMBEDDED_FONT_FAMILY } from './font-subset.js';
import { cellText, layoutRows } from './layout.js';
import type { ProgressTable } from './model.js';
import {
  COLUMN_WIDTHS,
  CSS_FONT_STACK,
  HEADER_LEADERS,
  HEADER_PROGRESS,
  HEADER_SEQ,
  HEADER_STATUS,
  HEADER_TARGET,
  HEADER_TASK,
  HEADER_UNITS,
  LIGHT_COLOURS,
  rowLight,
  statusText,
} from './style.js';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
@page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "${EMBEDDED_FONT_FAMILY}", ${CSS_FONT_STACK}; font-size: 10pt; line-height: 1.35; color: #000; }
h1 { margin: 0 0 4mm; text-align: center; font-size: 16pt; font-weight: bold; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
th { background: #f2f2f2; font-weight: bold; }
th, td { border: 0.6pt solid #000; padding: 1.5pt 3pt; vertical-align: middle; white-space: pre-wrap; overflow-wrap: anywhere; }
td.c, th { text-align: center; }
td.status { font-weight: bold; }
`;

/** Renders the table as an HTML document (UTF-8). */
export function renderProgressHtml(table: ProgressTable): string {
  const cols = [
    'seq',
    'theme',
    'category',
    'target',
    'leaders',
    'units',
    'progress',
    ...(table.withStatus ? ['status'] : []),
  ] as Array<keyof typeof COLUMN_WIDTHS>;
  const total = cols.reduce((a, c) => a + COLUMN_WIDTHS[c], 0);
  const colgroup = cols.map((c) => `<col style="width:${((COLUMN_WIDTHS[c] / total) * 100).toFixed(2)}%">`).join('');
  const head = [
    HEADER_SEQ,
    HEADER_TASK,
    HEADER_TARGET,
    HEADER_LEADERS,
    HEADER_UNITS,
    HEADER_PROGRESS,
    ...(table.withStatus ? [HEADER_STATUS] : []),
  ]
    .map((h) => (h === HEADER_TASK ? `<th colspan="2">${h}</th>` : `<th>${h}</th>`))
    .join('');

  const layout = layoutRows(table.rows);
  const body = table.rows.map((row, i) => {
    const l = layout[i];
    const td = (text: string, rowspan: number, extra = '') =>
      `<td${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}${extra}>${escapeHtml(text)}</td>`;
    const cells = [td(String(row.seq), 1, ' class="c"')];
    if (l.span.theme > 0) cells.push(td(row.theme ?? '', l.span.theme, l.themeAcross ? ' colspan="2"' : ''));
    if (!l.themeAcross && l.span.category > 0) cells.push(td(row.category ?? '', l.span.category));
    cells.push(td(row.target, 1));
    if (l.span.leaders > 0) cells.push(td(cellText(row, 'leaders'), l.span.leaders, ' class="c"'));
    if (l.span.units > 0) cells.push(td(cellText(row, 'units'), l.span.units, ' class="c"'));
    cells.push(td(row.progress, 1));
    if (table.withStatus) {
      const light = rowLight(row);
      const colour = light
        ? ` style="background:#${LIGHT_COLOURS[light].fill};color:#${LIGHT_COLOURS[light].text}"`
        : '';
      cells.push(td(statusText(row.status), 1, ` class="c status"${colour}`));
    }
    return `<tr>${cells.join('')}</tr>`;
  });

  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(table.title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(table.title)}</h1>
<table><colgroup>${colgroup}</colgroup><thead><tr>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody></table></body></html>
`;
}
