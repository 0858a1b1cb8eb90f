// .docx → rows of cells: reads word/document.xml (jszip + fast-xml-parser) so that the table
// grid survives. Paragraphs before and between tables become one-cell rows (the title lives
// there); each table row becomes a row laid out on the table grid: a cell spanning columns
// (gridSpan) keeps its text in its first column, a vertically merged cell (vMerge) is copied
// down into the rows it covers and marked as merged.
import { XMLParser } from 'fast-xml-parser';
import type JSZip from 'jszip';
import type { Row } from './rows.js';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const tagOf = (n: Node): string => Object.keys(n).find((k) => k !== ':@') ?? '';
const kids = (n: Node): Node[] => {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as Node[]) : [];
};
const attr = (n: Node, name: string): string | undefined => n[':@']?.[`@_${name}`];
const child = (n: Node, tag: string): Node | undefined => kids(n).find((k) => tagOf(k) === tag);

/** Text of a run container: w:t, tabs and breaks; deleted text (tracked changes) is left out. */
function textIn(n: Node): string {
  const tag = tagOf(n);
  // Only w:t holds document text; other text nodes are the XML's own indentation.
  if (tag === '#text') return '';
  if (tag === 'w:t')
    return kids(n)
      .map((k) => String(k['#text'] ?? ''))
      .join('');
  if (
    tag === 'w:del' ||
    tag === 'w:delText' ||
    tag === 'w:instrText' ||
    tag === 'w:tcPr' ||
    tag === 'w:rPr' ||
    tag === 'w:pPr'
  )
    return '';
  if (tag === 'w:tab') return ' ';
  if (tag === 'w:br' || tag === 'w:cr') return '\n';
  if (tag === 'w:p') return kids(n).map(textIn).join('');
  if (tag === 'w:tbl') return kids(n).map(textIn).filter(Boolean).join('\n');
  return kids(n).map(textIn).join('');
}

/** Text of a table cell: its paragraphs, one line each. */
function cellText(tc: Node): string {
  return kids(tc)
    .filter((k) => tagOf(k) !== 'w:tcPr')
    .map((k) => textIn(k))
    .join('\n')
    .trim();
}

function tableRows(tbl: Node): Row[] {
  const rows: Row[] = [];
  // Text of the cell that started each vertical merge, by grid column.
  const mergeText = new Map<number, string>();
  for (const tr of kids(tbl).filter((k) => tagOf(k) === 'w:tr')) {
    const cells: string[] = [];
    const merged: boolean[] = [];
    const covered: boolean[] = [];
    const trPr = child(tr, 'w:trPr');
    const before = Number(trPr && child(trPr, 'w:gridBefore') ? attr(child(trPr, 'w:gridBefore')!, 'w:val') : 0) || 0;
    for (let i = 0; i < before; i++) {
      cells.push('');
      merged.push(false);
      covered.push(false);
    }
    for (const tc of kids(tr).filter((k) => tagOf(k) === 'w:tc' || tagOf(k) === 'w:sdt')) {
      const cell = tagOf(tc) === 'w:sdt' ? (child(child(tc, 'w:sdtContent') ?? tc, 'w:tc') ?? tc) : tc;
      const tcPr = child(cell, 'w:tcPr');
      const span = Number(tcPr && child(tcPr, 'w:gridSpan') ? attr(child(tcPr, 'w:gridSpan')!, 'w:val') : 1) || 1;
      const vMerge = tcPr ? child(tcPr, 'w:vMerge') : undefined;
      const col = cells.length;
      let text = cellText(cell);
      let fromAbove = false;
      if (vMerge && attr(vMerge, 'w:val') !== 'restart') {
        text = mergeText.get(col) ?? text;
        fromAbove = true;
      } else if (vMerge) mergeText.set(col, text);
      else mergeText.delete(col);
      cells.push(text);
      merged.push(fromAbove);
      covered.push(false);
      for (let i = 1; i < span; i++) {
        cells.push('');
        merged.push(false);
        covered.push(true);
      }
    }
    rows.push({ cells, mergedFromAbove: merged, coveredFromLeft: covered });
  }
  return rows;
}

/** Walks the body in order: paragraphs → one-cell rows, tables → grid rows. */
function bodyRows(nodes: Node[], out: Row[]): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:p') {
      const text = textIn(n).trim();
      if (text) out.push({ cells: [text] });
    } else if (tag === 'w:tbl') out.push(...tableRows(n));
    else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:body' || tag === 'w:document')
      bodyRows(kids(n), out);
  }
}

export type DocxRowsResult = { ok: true; rows: Row[] } | { ok: false; code: 'bad_input'; message: string };

/** Reads the document part of an opened .docx zip. */
export async function docxToRows(zip: JSZip): Promise<DocxRowsResult> {
  const part = zip.file('word/document.xml');
  if (!part) return { ok: false, code: 'bad_input', message: 'the .docx file has no word/document.xml' };
  let xml: string;
  try {
    xml = await part.async('string');
  } catch (err) {
    // A damaged deflate stream, a size or CRC mismatch: jszip throws only once it inflates the part.
    return { ok: false, code: 'bad_input', message: `the .docx document cannot be unpacked (${String(err).split('\n')[0]})` };
  }
  let doc: Node[];
  try {
    doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false }).parse(xml) as Node[];
  } catch (err) {
    return {
      ok: false,
      code: 'bad_input',
      message: `the .docx document is not valid XML (${String(err).split('\n')[0]})`,
    };
  }
  const rows: Row[] = [];
  bodyRows(doc, rows);
  return { ok: true, rows };
}
