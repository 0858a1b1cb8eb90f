// Labels naming a body's part in a task before its name: leading (`牵头单位：`, `责任单位：`,
// `主办：`) or co-operating (`配合单位：`, `协办：`). One list, read by the units splitter
// (unit-list.ts), the units-cell test (classify.ts) and a target cell that names its units
// (units-in-target.ts).

const LEAD_DUTIES = '牵头|主办|主责|责任';
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
