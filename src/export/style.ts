// The look shared by every rendering of the progress table: column order and widths, fonts,
// and the colours of the status lights. One place, so xlsx, docx and pdf agree.
import { STATUS_LABEL_ZH, type Status } from '../domain/index.js';
import { lightOfStatus, type Light, type ProgressRow } from './model.js';

/** Body text: 仿宋_GB2312 as official documents use, 宋体 where it is missing. */
export const BODY_FONT = '仿宋_GB2312';
/** Title and header: 宋体 (SimSun), present on every Chinese Windows. */
export const TITLE_FONT = '宋体';
/** Latin letters and digits inside Chinese text. */
export const LATIN_FONT = 'Times New Roman';
/** CSS fallbacks for the PDF, in order: Windows names, macOS names, the free CJK fonts Linux has. */
export const CSS_FONT_STACK =
  '"仿宋_GB2312", "FangSong_GB2312", "FangSong", "STFangsong", "宋体", "SimSun", "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", serif';

export const HEADER_SEQ = '序号';
export const HEADER_TASK = '重点工作任务';
export const HEADER_TARGET = '具体目标任务';
export const HEADER_LEADERS = '牵头区领导';
export const HEADER_UNITS = '牵头单位';
export const HEADER_PROGRESS = '进展情况';
/** Not a name any parser reads as a task column (进展状态 would read as 进展情况). */
export const HEADER_STATUS = '评估状态';

/**
 * Column widths in Excel character units (a Chinese character is about two). They add up to
 * what fits an A4 landscape page at 10.5 pt, so the table needs no shrinking to print.
 */
export const COLUMN_WIDTHS = {
  seq: 5,
  theme: 12,
  category: 12,
  target: 34,
  leaders: 9,
  units: 13,
  progress: 62,
  status: 9,
} as const;

/** Fill and text colours per light (ARGB without alpha), the palette Excel uses for good/neutral/bad. */
export const LIGHT_COLOURS: Record<Light, { fill: string; text: string }> = {
  red: { fill: 'FFC7CE', text: '9C0006' },
  yellow: { fill: 'FFEB9C', text: '9C5700' },
  green: { fill: 'C6EFCE', text: '006100' },
  grey: { fill: 'D9D9D9', text: '404040' },
};

export function rowLight(row: ProgressRow): Light | null {
  if (row.light) return row.light;
  return row.status ? lightOfStatus(row.status) : null;
}

export function statusText(status: Status | undefined): string {
  return status ? STATUS_LABEL_ZH[status] : '';
}
