// Reads a .docx the tests write: the document XML, and its first table as a grid of cells with
// their grid column, span, vertical-merge state and text (paragraphs joined by \n).
import JSZip from 'jszip';

export interface DocxCell {
  col: number;
  span: number;
  vMerge: 'restart' | 'continue' | null;
  text: string;
  fill: string | null;
  xml: string;
}

export async function docxPart(bytes: Uint8Array, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`no ${part}`);
  return file.async('string');
}

export async function docxFiles(bytes: Uint8Array): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(bytes)).files);
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export function paragraphsText(xml: string): string {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1])).join(''))
    .join('\n');
}

export function tables(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

export function tableRows(tableXml: string): Array<{ xml: string; cells: DocxCell[] }> {
  return [...tableXml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((tr) => {
    let col = 0;
    const cells = [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => {
      const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc[0])?.[1] ?? 1);
      const v = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc[0]);
      const cell: DocxCell = {
        col,
        span,
        vMerge: v ? (v[1] === 'restart' ? 'restart' : 'continue') : null,
        text: paragraphsText(tc[0]),
        fill: /<w:shd [^>]*w:fill="([0-9A-Fa-f]{6})"/.exec(tc[0])?.[1] ?? null,
        xml: tc[0],
      };
      col += span;
      return cell;
    });
    return { xml: tr[0], cells };
  });
}

/** The text each grid cell shows once vertical merges are resolved (a continued cell shows the one above). */
export function resolvedGrid(tableXml: string): Array<Array<string | undefined>> {
  const rows = tableRows(tableXml);
  const grid: Array<Array<string | undefined>> = [];
  rows.forEach((r, i) => {
    const line: Array<string | undefined> = [];
    for (const c of r.cells) {
      const text = c.vMerge === 'continue' ? grid[i - 1]?.[c.col] : c.text;
      for (let k = 0; k < c.span; k++) line[c.col + k] = k === 0 ? text : undefined;
    }
    grid.push(line);
  });
  return grid;
}
