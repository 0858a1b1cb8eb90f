// Publishing: the progress table's formats and the media type of every file duban generates,
// written once here: the writers (src/export), the API contract (src/domain/api/publish.ts) and
// the web app's export menu import them. Pure: no server or store imports.

/** The progress table (进展情况表) in Excel, Word, CSV or print-ready PDF. */
export const PROGRESS_FORMATS = ['xlsx', 'docx', 'csv', 'pdf'] as const;
export type ProgressFormat = (typeof PROGRESS_FORMATS)[number];

/** The media type of each format (without parameters: a CSV is sent as `text/csv; charset=utf-8`). */
export const MEDIA_TYPES: Record<ProgressFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
  pdf: 'application/pdf',
};

/** Longest search text of the exported view (as the task list's `q`), in characters. */
export const EXPORT_SEARCH_MAX_CHARS = 100;

/** Longest period label compared (2023Q4, 2024-03, 2023H1, 2023), in characters. */
export const PERIOD_LABEL_MAX_CHARS = 20;
