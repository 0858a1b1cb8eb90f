// A task's duties printed on lines of their own under it, as a document's numbered list prints
// them: `1.地区生产总值增长6%。` then `牵头单位:市发展改革委` then `责任单位:各相关部门…`. Each such line
// says who answers for the task; none is more of what is to be done.
import { CO_LABEL, FIRST_LEAD, LEAD_LABEL, LEADERS_LABEL } from './duty-labels.js';

export interface DutyLine {
  field: 'leaders' | 'units' | 'co_units';
  /** The names after the label, as written. */
  names: string;
  /** A `牵头单位` line: it decides the units over a `责任单位` line. */
  firstLead: boolean;
}

/** What a line of duties says, or null when the line is no duty line. */
export function readDutyLine(line: string): DutyLine | null {
  const text = line.trim();
  const label = LEADERS_LABEL.exec(text) ?? CO_LABEL.exec(text) ?? LEAD_LABEL.exec(text);
  if (!label) return null;
  const names = text.slice(label[0].length).trim();
  // a label opening a sentence of work (`责任单位:要加快…推进`) is no list of names
  if (!names || names.length > 120 || /[。]./.test(names)) return null;
  const field = LEADERS_LABEL.test(text) ? 'leaders' : CO_LABEL.test(text) ? 'co_units' : 'units';
  return { field, names, firstLead: field === 'units' && FIRST_LEAD.test(text) };
}

/** Where a further label starts on the line, after a space or a stop (`牵头领导：王强  责任单位：区发改局`). */
const NEXT_LABEL = new RegExp(
  `(?<=[\\s；;，,])(?=${[LEADERS_LABEL, CO_LABEL, LEAD_LABEL].map((r) => `(?:${r.source.replace(/^\^/, '')})`).join('|')})`,
  'g',
);

/**
 * What a line of duties says, one duty per label: a line may name the leaders and the units side by
 * side. Empty when the line is no duty line, or when a part of it after a label is no list of names.
 */
export function readDutyLines(line: string): DutyLine[] {
  const parts = line.trim().split(NEXT_LABEL);
  const duties = parts.map((part) => readDutyLine(part.trim().replace(/[；;，,]+$/, '')));
  if (duties.every((d) => d !== null)) return duties;
  const whole = readDutyLine(line);
  return whole ? [whole] : [];
}

/** Labels of the report under a task (`进展情况：…`, `完成情况:…`), longest first. */
export const REPORT_LABELS =
  '工作完成情况|进展情况|工作进展|推进情况|完成情况|落实情况|进度情况|目前进展|当前进展|完成进度|进展';
const REPORT_LABEL = new RegExp(`^(${REPORT_LABELS})\\s*[:：]\\s*`);

/**
 * The report a line gives under its task (`进展情况：1-9月增长5.9%。`), as a document's list prints
 * it after the duty lines, or null when the line is no report line.
 */
export function readReportLine(line: string): string | null {
  const text = line.trim();
  const label = REPORT_LABEL.exec(text);
  return label && text.length > label[0].length ? text.slice(label[0].length) : null;
}
