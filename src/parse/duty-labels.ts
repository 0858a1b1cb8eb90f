// Labels naming a body's part in a task before its name: leading (`牵头单位：`, `责任单位：`,
// `主办：`) or co-operating (`配合单位：`, `协办：`), and the leaders (`牵头领导：`). One list, read by the
// units splitter (unit-list.ts), the units-cell test (classify.ts), a target cell that names its
// units (units-in-target.ts) and duty lines under a listed item (duty-lines.ts).

/** The words of leading proper, before the broader `责任` (everyone involved, when a 牵头 is named). */
const FIRST_LEAD_DUTIES = '牵头|主办|主责';
const LEAD_DUTIES = `${FIRST_LEAD_DUTIES}|责任`;
const CO_DUTIES = '配合|协办|协助|参与';
const BODY = '(?:单位|部门)';

/** A label naming the lead units that follow it (`牵头单位：县发改委`). */
export const LEAD_LABEL = new RegExp(`^(?:${LEAD_DUTIES})${BODY}?[:：]`);
/** A label naming co-operating units: it and the names after it are not leads (`配合单位：县财政局`). */
export const CO_LABEL = new RegExp(`^(?:${CO_DUTIES})${BODY}?[:：]`);
/** Any duty label, wherever it stands in a cell (for removing them all). */
export const DUTY_LABEL = new RegExp(`(?:${LEAD_DUTIES}|${CO_DUTIES})${BODY}?[:：]`, 'g');
/** A lead label inside a task's own text, at its start or after a stop (`…以上。责任单位:`). */
export const LEAD_LABEL_IN_TEXT = new RegExp(`(?:^|[。；;\\s])\\s*[（(]?(?:${LEAD_DUTIES})${BODY}[:：]\\s*`);
/** A label naming who leads proper (`牵头单位：`, `主办部门：`), over a `责任单位：`. */
export const FIRST_LEAD = new RegExp(`^(?:${FIRST_LEAD_DUTIES})`);
/** A label naming the leaders (`牵头领导：王宏`, `责任市领导：…`). */
export const LEADERS_LABEL = /^(?:牵头|责任|分管|联系|包抓)(?:市|区|县)?领导[:：]/;
