// How much the parser agrees to unpack and lay out for one file. An uploaded file is untrusted:
// a megabyte of zip can claim a gigabyte of XML, and a few bytes of XML can claim a sheet of
// 17 billion cells. Real progress tables are a few thousand rows by a dozen columns, so these
// bounds sit far above any real table and far below what would exhaust the server's memory.

/**
 * Bytes all the parts read from one .xlsx/.docx may unpack to, together (default). Measured: a
 * sheet of 100 MB (100 000 rows × 20 columns) parses in ~10 s at ~560 MB of memory; 200 MB went
 * past 900 MB. A workbook of 10 000 tasks unpacks to about 10 MB.
 */
export const DEFAULT_MAX_INFLATED_BYTES = 100 * 1024 * 1024;

/**
 * Bytes a .docx document part may unpack to. The XML reader keeps a node tree of ~30 times the
 * XML's size (9 MB of document, 20 000 table rows: 300 MB), so a .docx is held to much less than
 * a sheet; a Word table of a few thousand tasks is a few MB.
 */
export const MAX_DOCX_DOCUMENT_BYTES = 12 * 1024 * 1024;

/**
 * Characters of document XML between two tags. The XML reader builds text a character at a time
 * (~40 bytes each until read), so one 16 MB paragraph takes 650 MB; 1 M characters in a cell,
 * thirty times what Word or Excel keep in one, still read.
 */
export const MAX_DOCX_TEXT_RUN = 2_000_000;

/** Entries a zip may list: an office file has tens; a workbook full of images, a few thousand. */
export const MAX_ZIP_ENTRIES = 10_000;

/** Rows of content one sheet or document may lay out. */
export const MAX_TABLE_ROWS = 100_000;

/** Columns of content one row may span (Excel allows 16 384; Word tables stop at 63). */
export const MAX_TABLE_COLUMNS = 1_000;

/** Cells (rows × columns, merged ranges counted again) one sheet may lay out (100 000 × 20). */
export const MAX_TABLE_CELLS = 2_000_000;

/** A readable size: `1.2 MB`, `200 MB`. */
export function megabytes(n: number): string {
  const mb = n / 1024 / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
