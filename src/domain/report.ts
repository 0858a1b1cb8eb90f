// A progress report's states and the limits its form and the API share. Written once here: the
// workflow rules, the API contract (src/domain/api) and the web form import them.

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** The longest report text accepted (characters): the form counts toward it and refuses more, never cuts. */
export const REPORT_MAX_CHARS = 20000;

/** The longest review comment (审核意见, 退回理由) and override reason accepted (characters). */
export const REVIEW_COMMENT_MAX_CHARS = 2000;

/** The longest comment (意见) on a report accepted (characters). */
export const COMMENT_MAX_CHARS = 4000;

/** The longest target sent to the stand-alone assessment (POST /api/assess), in characters. */
export const ASSESS_TARGET_MAX_CHARS = 5000;

/** The most reports one bulk review (POST /api/reports/bulk) takes. */
export const BULK_REVIEW_MAX_REPORTS = 500;
