// The parser's public face. `parseTable` reads bytes of any supported format; `parseText`
// is the synchronous text path (browser-safe: import it from './parse-text.js' to avoid
// bundling the office-file readers).
export { parseTable, DEFAULT_MAX_BYTES, type ParseOptions } from './parse-table.js';
export { parseText } from './parse-text.js';
export { periodFromTitle } from './title-period.js';
export { HEADER_SYNONYMS, roleOfHeader, type ColumnRole } from './headers.js';
