// The reporting cycle around the reports: 签收, 延期申请 and its decision, 催办. Their states and
// limits, written once here: the store, the API contract (src/domain/api/cycle.ts) and the web
// forms import them. Pure: no server or store imports.

/** An extension request (延期申请): waiting for the office, then approved or refused. */
export const EXTENSION_STATES = ['pending', 'approved', 'refused'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

/** Longest reason given for an extension, in characters. */
export const EXTENSION_REASON_MAX_CHARS = 2000;
/** Longest comment on approving or refusing an extension, in characters. */
export const EXTENSION_COMMENT_MAX_CHARS = 2000;
/** Longest message of a reminder (催办留言), in characters. */
export const REMINDER_MESSAGE_MAX_CHARS = 2000;
/** Most notification channels one reminder names. */
export const REMINDER_MAX_CHANNELS = 50;
/** Most tasks one acknowledgement (签收) names. */
export const ACKNOWLEDGE_MAX_TASKS = 1000;
