// A tab-separated table written in markup: as the web page it was published on, or as a Markdown
// table. Used to check that a saved page or a pasted Markdown table reads as its text does
// (scripts/markup-variants.ts, test/parse/web-pages.test.ts, test/parse/pipe-tables.test.ts).

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page: title lines as paragraphs, rows as a table, a line without tabs inside the table as a
 * row spanning it (a section heading). */
export function tableAsPage(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const width = Math.max(1, ...lines.map((l) => l.split('\t').length));
  let inTable = false;
  const body = lines.map((line) => {
    if (line.includes('\t')) {
      const open = inTable ? '' : '<table border="1">';
      inTable = true;
      const cells = line.split('\t').map((c) => `<td>${escape(c)}</td>`);
      return `${open}<tr>${cells.join('')}</tr>`;
    }
    return inTable ? `<tr><td colspan="${width}">${escape(line)}</td></tr>` : `<p>${escape(line)}</p>`;
  });
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"><title>进展情况</title></head><body>',
    ...body,
    inTable ? '</table>' : '',
    '</body></html>',
  ].join('\n');
}

/** Markdown: title and section lines as they are, rows between pipes, a rule under the first row. */
export function tableAsMarkdown(text: string): string {
  const out: string[] = [];
  let ruled = false;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    if (!line.includes('\t')) {
      out.push(line);
      continue;
    }
    const cells = line.split('\t').map((c) => c.trim().replace(/\|/g, '\\|'));
    out.push(`| ${cells.join(' | ')} |`);
    if (!ruled) out.push(`|${cells.map(() => '---').join('|')}|`);
    ruled = true;
  }
  return out.join('\n') + '\n';
}
