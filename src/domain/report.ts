// A progress report's states and the limits its form and the API share. Written once here: the
// workflow rules, the API contract (src/domain/api) and the web form import them.

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** The longest report text accepted (characters): the form counts toward it and refuses more, never cuts. */
export const REPORT_MAX_CHARS = 20000;
