// 督办单 (supervision notices) and the overdue desk: their levels, states and limits, written once
// here. The escalation ladder (src/store/supervision-ladder.ts), the API contract
// (src/domain/api/supervision.ts) and the web pages import them. Pure: no server or store imports.

/** The urgency levels, lowest first: 提示 (blue) → 督办 (orange) → 重点督办 (red). */
export const SUPERVISION_LEVELS = ['hint', 'supervise', 'key'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

export const LEVEL_LABEL: Record<SupervisionLevel, string> = { hint: '提示', supervise: '督办', key: '重点督办' };
/** The colour each level is shown in, on screen and on paper. */
export const LEVEL_COLOR: Record<SupervisionLevel, 'blue' | 'orange' | 'red'> = {
  hint: 'blue',
  supervise: 'orange',
  key: 'red',
};

/** A notice's states: issued → signed (签收) → answered (办结反馈) → accepted (办结) or returned. */
export const SUPERVISION_STATES = ['issued', 'signed', 'answered', 'returned', 'accepted'] as const;
export type SupervisionState = (typeof SUPERVISION_STATES)[number];

/** Longest notice title, body and feedback requirement, in characters. */
export const NOTICE_TITLE_MAX_CHARS = 200;
export const NOTICE_BODY_MAX_CHARS = 5000;
export const FEEDBACK_REQUIRED_MAX_CHARS = 2000;
/** Most tasks one notice may cover. */
export const NOTICE_MAX_TASKS = 200;
/** Longest 办结反馈 (the unit's feedback), in characters. */
export const FEEDBACK_MAX_CHARS = 5000;
/** Longest comment on accepting or returning a notice, in characters. */
export const DECISION_COMMENT_MAX_CHARS = 2000;

/** Longest 批示 (a leader's instruction) and its answer, in characters. */
export const INSTRUCTION_MAX_CHARS = 5000;

/** The overdue desk's urgency filter: tasks under an open notice of a level, or under none. */
export const DESK_URGENCIES = [...SUPERVISION_LEVELS, 'none'] as const;
export type DeskUrgency = (typeof DESK_URGENCIES)[number];
/** The overdue desk's sort keys: the units' official order, or one of the row's figures. */
export const DESK_SORTS = ['order', 'overdue', 'days', 'reminders', 'escalated'] as const;
export type DeskSort = (typeof DESK_SORTS)[number];
/** Most units in one official order (单位序列). */
export const UNIT_ORDER_MAX = 5000;
