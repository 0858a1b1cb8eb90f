// `--columns`: the person says what each column is when the parser's guess is wrong. Either
// roles by position (`序号,目标,单位,进展`) or by header name (`项目名称=目标,落实情况=进展`). A
// role is written as a header word the parser knows (`目标任务`, `牵头单位`), a short Chinese
// word (`一级任务`, `忽略`) or its English name (`target`, `skip`).
import { normaliseHeaderText, roleOfHeader, type ColumnRole } from './headers.js';

export type ColumnsSpec =
  { kind: 'position'; roles: Array<ColumnRole | null> } | { kind: 'header'; roles: Map<string, ColumnRole> };

const WORDS: Record<string, ColumnRole | null> = {
  seq: 'seq',
  theme: 'task',
  task: 'task',
  category: 'category',
  target: 'target',
  leaders: 'leaders',
  units: 'units',
  co_units: 'co_units',
  progress: 'progress',
  actual: 'actual',
  rate: 'rate',
  flag: 'flag',
  remarks: 'remarks',
  plan: 'plan',
  deadline: 'deadline',
  notes: 'notes',
  other: 'other',
  skip: 'other',
  一级任务: 'task',
  一级: 'task',
  主题: 'task',
  二级任务: 'category',
  二级: 'category',
  类别: 'category',
  实际: 'actual',
  实际完成: 'actual',
  完成率: 'rate',
  达序: 'flag',
  是否达序: 'flag',
  忽略: 'other',
  其他: 'other',
  不读: 'other',
  '-': 'other',
  '': null,
};

/** One role word; undefined when it names no role. */
function roleOfWord(word: string): ColumnRole | null | undefined {
  const w = word.trim();
  const key = w.toLowerCase();
  if (key in WORDS) return WORDS[key];
  return roleOfHeader(w) ?? undefined;
}

export type ColumnsSpecResult = { ok: true; spec: ColumnsSpec } | { ok: false; message: string };

/**
 * Reads a `--columns` text.
 * @example readColumnsSpec('序号,目标,单位,进展') // roles by position: seq, target, units, progress
 * @example readColumnsSpec('项目名称=目标,落实情况=进展') // roles by header name
 */
export function readColumnsSpec(text: string): ColumnsSpecResult {
  const items = text.split(/[,，]/);
  const bad = (w: string): ColumnsSpecResult => ({
    ok: false,
    message: `--columns: "${w.trim()}" names no column role (use e.g. 序号, 目标, 领导, 单位, 进展, 完成率, 备注, 忽略)`,
  });
  if (items.some((i) => i.includes('='))) {
    const roles = new Map<string, ColumnRole>();
    for (const item of items) {
      if (!item.trim()) continue;
      const at = item.lastIndexOf('=');
      if (at < 0) return { ok: false, message: `--columns: "${item.trim()}" is not header=role` };
      const role = roleOfWord(item.slice(at + 1));
      if (!role) return bad(item.slice(at + 1));
      roles.set(normaliseHeaderText(item.slice(0, at)), role);
    }
    return { ok: true, spec: { kind: 'header', roles } };
  }
  const roles: Array<ColumnRole | null> = [];
  for (const item of items) {
    const role = roleOfWord(item);
    if (role === undefined) return bad(item);
    roles.push(role);
  }
  return { ok: true, spec: { kind: 'position', roles } };
}
