// A tab-separated table written as the web page it was published on: its title lines as
// paragraphs, its rows as a table, a line without tabs inside the table as a row spanning it (a
// section heading). Used to check that a saved page reads as its text does
// (scripts/html-variants.ts, test/parse/web-pages.test.ts).

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

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
