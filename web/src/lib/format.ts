// Dates and numbers in the form Chinese offices read them.
import dayjs from 'dayjs';

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD') : value;
}

export function formatTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : value;
}

/** `还剩 3 天`, `今天截止`, `已逾期 2 天` for a due date, relative to `today`. */
export function countdown(
  due: string | null | undefined,
  today = dayjs(),
): { text: string; tone: 'ok' | 'soon' | 'late' } {
  if (!due) return { text: '未设截止日期', tone: 'ok' };
  const days = dayjs(due).startOf('day').diff(today.startOf('day'), 'day');
  if (days < 0) return { text: `已逾期 ${-days} 天`, tone: 'late' };
  if (days === 0) return { text: '今天截止', tone: 'soon' };
  return { text: `还剩 ${days} 天`, tone: days <= 3 ? 'soon' : 'ok' };
}

export function percent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  // Rates may come as 0..1 or as 0..100; both read as a percentage.
  const v = value <= 1 ? value * 100 : value;
  return `${v.toFixed(digits)}%`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
