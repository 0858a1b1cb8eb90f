// .docx → rows of cells: reads word/document.xml (jszip + fast-xml-parser) so that the table
// grid survives. Paragraphs before and between tables become one-cell rows (the title lives
// there); each table row becomes a row laid out on the table grid: a cell spanning columns
// (gridSpan) keeps its text in its first column, a vertically merged cell (vMerge) is copied
// down into the rows it covers and marked as merged. A paragraph numbered by Word's lists (a 序号
// cell left empty, the number drawn by Word) gets its number written out (docx-numbering.ts).
import { XMLParser } from 'fast-xml-parser';
import { MAX_DOCX_DOCUMENT_BYTES, MAX_DOCX_TEXT_RUN, MAX_TABLE_COLUMNS } from './limits.js';
import type { OfficeZip } from './office-zip.js';
import type { Row } from './rows.js';
import { ListNumbering } from './docx-numbering.js';
import { withLabel } from './list-labels.js';
import { attr, child, kids, tagOf, type Node } from './docx-xml.js';

/** Text of a run container: w:t, tabs and breaks; deleted text (tracked changes) is left out. */
function textIn(n: Node, lists: ListNumbering | null): string {
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
  if (tag === 'w:p')
    return withLabel(
      lists?.labelOf(child(n, 'w:pPr')) ?? null,
      kids(n)
        .map((k) => textIn(k, lists))
        .join(''),
    );
  if (tag === 'w:tbl')
    return kids(n)
      .map((k) => textIn(k, lists))
      .filter(Boolean)
      .join('\n');
  return kids(n)
    .map((k) => textIn(k, lists))
    .join('');
}

/** Text of a table cell: its paragraphs, one line each. */
function cellText(tc: Node, lists: ListNumbering | null): string {
  return kids(tc)
    .filter((k) => tagOf(k) !== 'w:tcPr')
    .map((k) => textIn(k, lists))
    .join('\n')
    .trim();
}

/** Thrown by the table walk only; `docxToRows` answers it as a value. */
class TableTooWide extends Error {}

/** A span or skip of `count` grid columns, refused when it takes a row past the column limit. */
function gridCount(declared: string | undefined, fallback: number, row: number): number {
  const n = Number(declared ?? fallback) || fallback;
  if (row + n > MAX_TABLE_COLUMNS) {
    throw new TableTooWide(`a table row of the .docx spans ${row + n} columns, over the limit of ${MAX_TABLE_COLUMNS}`);
  }
  return n;
}

function tableRows(tbl: Node, lists: ListNumbering | null): Row[] {
  const rows: Row[] = [];
  // Text of the cell that started each vertical merge, by grid column.
  const mergeText = new Map<number, string>();
  for (const tr of kids(tbl).filter((k) => tagOf(k) === 'w:tr')) {
    const cells: string[] = [];
    const merged: boolean[] = [];
    const covered: boolean[] = [];
    const trPr = child(tr, 'w:trPr');
    const before = gridCount(
      trPr && child(trPr, 'w:gridBefore') ? attr(child(trPr, 'w:gridBefore')!, 'w:val') : undefined,
      0,
      0,
    );
    for (let i = 0; i < before; i++) {
      cells.push('');
      merged.push(false);
      covered.push(false);
    }
    for (const tc of kids(tr).filter((k) => tagOf(k) === 'w:tc' || tagOf(k) === 'w:sdt')) {
      const cell = tagOf(tc) === 'w:sdt' ? (child(child(tc, 'w:sdtContent') ?? tc, 'w:tc') ?? tc) : tc;
      const tcPr = child(cell, 'w:tcPr');
      const span = gridCount(
        tcPr && child(tcPr, 'w:gridSpan') ? attr(child(tcPr, 'w:gridSpan')!, 'w:val') : undefined,
        1,
        cells.length,
      );
      const vMerge = tcPr ? child(tcPr, 'w:vMerge') : undefined;
      const col = cells.length;
      let text = cellText(cell, lists);
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
function bodyRows(nodes: Node[], out: Row[], lists: ListNumbering | null): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:p') {
      const text = textIn(n, lists).trim();
      if (text) out.push({ cells: [text] });
    } else if (tag === 'w:tbl') out.push(...tableRows(n, lists));
    else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:body' || tag === 'w:document')
      bodyRows(kids(n), out, lists);
  }
}

/** The most characters between two `<` of the XML: the longest text (or tag) the XML reader meets. */
function longestRunWithoutTag(xml: string): number {
  let longest = 0;
  let from = 0;
  for (;;) {
    const at = xml.indexOf('<', from);
    const end = at < 0 ? xml.length : at;
    longest = Math.max(longest, end - from);
    if (at < 0) return longest;
    from = at + 1;
  }
}

export type DocxRowsResult =
  { ok: true; rows: Row[] } | { ok: false; code: 'bad_input' | 'too_large'; message: string };

/**
 * The document's lists (word/numbering.xml, with the numbered styles of word/styles.xml), or null
 * when it has none or they cannot be read: the table is then read without Word's numbers.
 */
function listsOf(zip: OfficeZip): ListNumbering | null {
  const parsed = (name: string): Node[] | null => {
    const part = zip.readText(name, MAX_DOCX_DOCUMENT_BYTES);
    if (!part.ok || part.text === null) return null;
    try {
      return new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(part.text) as Node[];
    } catch {
      return null;
    }
  };
  const numbering = parsed('word/numbering.xml');
  return numbering ? ListNumbering.of(numbering, parsed('word/styles.xml')) : null;
}

/** Reads the document part of an opened .docx zip. */
export function docxToRows(zip: OfficeZip): DocxRowsResult {
  // Inflated within the zip's budget: a damaged part, or one over the budget, is an answer.
  const part = zip.readText('word/document.xml', MAX_DOCX_DOCUMENT_BYTES);
  if (!part.ok) return part;
  const xml = part.text;
  if (xml === null) return { ok: false, code: 'bad_input', message: 'the .docx file has no word/document.xml' };
  const run = longestRunWithoutTag(xml);
  if (run > MAX_DOCX_TEXT_RUN) {
    return {
      ok: false,
      code: 'too_large',
      message: `the .docx document holds ${run} characters without markup in one place, over the limit of ${MAX_DOCX_TEXT_RUN}`,
    };
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
  try {
    bodyRows(doc, rows, listsOf(zip));
  } catch (err) {
    if (err instanceof TableTooWide) return { ok: false, code: 'too_large', message: err.message };
    throw err;
  }
  return { ok: true, rows };
}
