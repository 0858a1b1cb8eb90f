// The CSV formula guard (OWASP "CSV injection"): Excel and WPS evaluate a cell that begins with
// `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`), and a leading tab or
// carriage return can hide such a start. Every text export passes its cells through here so the
// cell is shown as typed: a `'` in front makes the spreadsheet treat it as text. The parser strips
// that one `'` back when such a file is imported again (FORMULA_GUARD is the shared mark).

/** The mark put in front of a cell that a spreadsheet would otherwise read as a formula. */
export const FORMULA_GUARD = "'";

/** First characters that start a formula (or hide one) in Excel, WPS and LibreOffice. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet would evaluate this cell text rather than show it. */
export function looksLikeFormula(cell: string): boolean {
  return FORMULA_START.test(cell);
}

/** The cell text safe to open in a spreadsheet: guarded with a leading `'` when it could be a formula. */
export function guardFormula(cell: string): string {
  return looksLikeFormula(cell) ? FORMULA_GUARD + cell : cell;
}
