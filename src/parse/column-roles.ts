// Each column's role, from its header and from what its cells hold. The header words
// (headers.ts) are a hint: a column named in words of its own is placed by its content (people,
// organisations, headings that repeat down the rows, figures, percentages, 是/否, report-like or
// target-like text), with a warning naming the guess; a known header whose cells say otherwise
// (a 进度 column of bare percentages is a completion rate) is corrected the same way.
import type { Warning } from '../domain/index.js';
import { isHeading, isUnitName } from './classify.js';
import { isBareValue, profileColumn, type ColumnProfile } from './column-profile.js';
import type { ColumnsSpec } from './columns-option.js';
import { isPageFurniture } from './furniture.js';
import type { HeaderRows } from './header-row.js';
import { normaliseHeaderText, readHeaderRow, roleOfHeader, type ColumnRole } from './headers.js';
import { leadingSeq, readNumbering, SECTION_HEADING_START } from './numbering.js';
import type { Row } from './rows.js';
import { countingColumn, headerMissesSeq, headerOverSeqAndName, numberColumn } from './seq-column.js';
import { placeUnnamedColumns } from './unnamed-columns.js';

export interface ColumnRoles {
  /** Final role per column. `task` and `category` are heading columns (theme, category). */
  roles: ColumnRole[];
  /** Per column: a 重点工作任务 column that may hold both heading levels (one column, two levels). */
  twoLevels: boolean[];
  /** Per such column: its first cells name every task in words of their own (`美丽乡村建设`), never
   * blank below: where its two cells are a name and a content, not a heading and a task. */
  namesEachTask: boolean[];
  seqColumn: number | null;
  /** Column whose text opens with the task number (`1.力争…`) when the table has no 序号 column. */
  seqInColumn: number | null;
  warnings: Warning[];
}

export const ROLE_NAMES: Record<ColumnRole, string> = {
  seq: '序号',
  task: '一级任务',
  category: '二级任务',
  target: '目标任务',
  leaders: '牵头领导',
  units: '牵头单位',
  co_units: '配合单位',
  progress: '进展情况',
  actual: '实际完成',
  rate: '完成率',
  flag: '是否达序',
  remarks: '备注说明',
  plan: '工作计划',
  deadline: '完成时限',
  notes: '备注',
  other: '不读入',
};

const SECTION_OPENING = /^第?[一二三四五六七八九十]+、/;

/** Rows read to learn the columns: a table says what its columns hold within its first few hundred rows. */
const BODY_SAMPLE = 400;

/**
 * Rows under the header that hold at least two cells and are not a repeated header or page
 * furniture. A list of one item per line (`1.新增城镇就业3000人`, a document's list pasted as text)
 * has no such row: its numbered lines are the body, one column wide.
 */
function bodyRows(rows: readonly Row[], start: number): Row[] {
  const out: Row[] = [];
  for (let r = start; r < rows.length && out.length < BODY_SAMPLE; r++) {
    const filled = rows[r].cells.filter((c) => c.trim());
    if (filled.length < 2 || readHeaderRow(rows[r].cells)) continue;
    if (filled.every((c) => isPageFurniture(c))) continue;
    out.push(rows[r]);
  }
  if (out.length > 0) return out;
  return rows
    .slice(start, start + BODY_SAMPLE)
    .filter(
      (r) => r.cells.filter((c) => c.trim()).length === 1 && leadingSeq(r.cells.find((c) => c.trim()) ?? '') !== null,
    );
}

const share = (n: number, p: ColumnProfile) => (p.filled ? n / p.filled : 0);
/** Cells that are words for how far a task has got (`已完成`, `滞后项目`), nearly all of them. */
const saysStatus = (p: ColumnProfile) => share(p.status, p) >= 0.8;
/** A per-task name (`项目名称`, `民生实事项目`): its own text on each task, part of the target. */
const NAME_HEADER = /(名称|实事项目)$/;

/** A part of the year a header names (`一季度`, `1-6月`, `上半年`, `本月`). */
const PART_OF_YEAR = /第?[一二三四1-4]季度|[上下]半年|\d{1,2}(-\d{1,2})?月|[一二三四五六七八九十]{1,3}月|本月|本季/;

/** A header over the report's columns (`工作进度`, `完成情况`). */
const REPORT_PARENT = /(进度|进展|进展情况|完成情况|推进情况|落实情况|工作情况)$/;

/** A growth on an earlier period (`同比增长`, `增速`, `比上年增长`). */
const GROWTH_HEADER = /同比|增长|增速|增幅|比上年/;

/** What the cells alone say the column is, or null when they do not say. */
function roleByContent(p: ColumnProfile): ColumnRole | 'figures' | 'heading' | 'grade' | null {
  if (p.filled === 0) return null;
  // telephone numbers to call are contact details: read by no field
  if (share(p.phone, p) >= 0.8) return 'other';
  if (share(p.grade, p) >= 0.8) return 'grade';
  // words for how far a task has got (`已完成`, `滞后项目`) repeat down the rows like a heading,
  // but they are the report's verdict on each item
  if (saysStatus(p)) return 'progress';
  // a unit of measure beside a target figure (`单位 | 年度目标`: `亿元 | 25`) belongs to the target
  if (share(p.measure, p) >= 0.8) return 'target';
  // `全年`, `年底前` read as two-character names too: a column of them is the deadline
  if (share(p.deadline, p) >= 0.8 && p.deadline >= p.people) return 'deadline';
  if (share(p.people, p) >= 0.7) return 'leaders';
  if (share(p.units, p) >= 0.7) return 'units';
  if (share(p.yesNo, p) >= 0.8) return 'flag';
  if (share(p.percent, p) >= 0.8) return 'rate';
  if (share(p.percent + p.figure, p) >= 0.8) return 'figures';
  if (share(p.deadline, p) >= 0.8) return 'deadline';
  const repeated = p.rows >= 2 && p.changes <= 0.6 * p.rows;
  if (share(p.heading, p) >= 0.8 && repeated) return 'heading';
  // A form's own title on each row (forms transposed into a table) names the group, not the task.
  if (share(p.title, p) >= 0.8) return 'heading';
  if (share(p.report, p) >= 0.5) return 'progress';
  // The same text down most rows (`省实事11件15项`, a group's count in its name) groups them:
  // no task is written three times over
  if (p.rows >= 3 && p.filled === p.rows && p.changes <= 0.5 * p.rows && p.meanLength <= 40) return 'heading';
  // A few characters (`无`, `—`) under an unfamiliar header say nothing of a target.
  return p.meanLength < 6 ? null : 'target';
}

/** Column c holds its own text on (nearly) every row with a target in column t, never the same twice running. */
function namesEveryRow(body: readonly Row[], c: number, t: number): boolean {
  const rows = body.filter((r) => (r.cells[t] ?? '').trim());
  if (rows.length < 3) return false;
  let named = 0;
  let previous = '';
  for (const r of rows) {
    const name = (r.cells[c] ?? '').trim();
    if (name && name !== previous && !r.mergedFromAbove?.[c]) named++;
    previous = name;
  }
  return named >= 0.9 * rows.length;
}

/** Reconciles a header's word with the cells. */
function decide(hint: ColumnRole | null, headerText: string, p: ColumnProfile): ColumnRole {
  const content = roleByContent(p);
  if (p.filled === 0) return hint ?? 'other';
  const distinct = p.rows >= 2 && p.changes >= 0.9 * p.rows;
  switch (hint) {
    case null:
      if (content === 'heading') return 'task';
      if (content === 'grade') return 'other';
      // a growth on last year under words of its own (`增幅`, `同比增长（%）`: 5.4) is the figure reached
      if ((content === 'figures' || content === 'rate') && GROWTH_HEADER.test(normaliseHeaderText(headerText)))
        return 'actual';
      if (content === 'figures') return /完成|实际|累计/.test(headerText) ? 'actual' : 'other';
      return content ?? 'other';
    case 'task':
      // A task's own name (`项目名称`) beside its target is part of the target, not a heading; with
      // a single task nothing is grouped, so the name is that task's.
      if (NAME_HEADER.test(normaliseHeaderText(headerText)) && (distinct || p.rows === 1)) return 'target';
      return content === 'progress' && saysStatus(p) ? 'progress' : 'task';
    case 'progress':
    case 'notes':
    case 'remarks':
      if (content === 'other') return 'other';
      // points ahead of the schedule (`与序时进度比较%`: 0.5%) are no share of the task done, and
      // what the last period added (`本期新增投资`: 0.43) is not the figure reached
      if (hint === 'remarks' && /序时进度|新增/.test(headerText)) return 'remarks';
      // a growth on last year (`同比增长`: 10%) is the figure reached, not a share of the target
      if (content === 'rate') return GROWTH_HEADER.test(normaliseHeaderText(headerText)) ? 'actual' : 'rate';
      if (content === 'figures') return 'actual';
      if (content === 'flag') return 'flag';
      // a 备注 of the office's verdicts (`已完成`, `滞后`, `超额完成`) says how each task stands
      if (hint === 'notes' && saysStatus(p)) return 'flag';
      // `时间进度` over `2016年底前`, `常态工作`: when the work is due, no report on it
      if (content === 'deadline') return 'deadline';
      return hint;
    case 'actual':
      // `1-8月实际完成情况` written as sentences is the report itself.
      return content === 'progress' || (content === 'target' && p.meanLength > 8) ? 'progress' : 'actual';
    case 'rate':
      // a `序时进度` of one share down every row (`75%`) is the time gone by, the same for each task,
      // not how far any of them has got
      if (/序时/.test(headerText) && p.filled >= 3 && p.changes === 1) return 'remarks';
      // `当前进度`, `完成进度` holding words (`完成9个,完成率100%`) is the report itself.
      return share(p.percent + p.figure, p) >= 0.5 ? 'rate' : 'progress';
    case 'target':
      // a column of classes (`A类`/`B类`) or telephone numbers under a 目标… header is no target
      if (content === 'grade' || content === 'other') return 'other';
      // `完成年度目标` over shares (`72.8%`): how much of the target is done, not the target
      if (content === 'rate' && /^完成/.test(normaliseHeaderText(headerText))) return 'rate';
      // a name repeated down the rows (`实事名称`: `*医疗卫生` ×6) groups the tasks it names
      return content === 'heading' && NAME_HEADER.test(normaliseHeaderText(headerText)) ? 'task' : 'target';
    case 'plan':
      // a planned figure (`年度计划投资（万元）`: 12000) is the target to reach, not a work plan; a
      // share of the plan (`占全年计划`: 110%) is how much of it is done
      if (content === 'rate') return 'rate';
      // so is a year's plan of figures with a limit in words among them (`4600人 | 低于4%的控制指标`)
      return content === 'figures' || (/年/.test(headerText) && share(p.percent + p.figure, p) >= 0.6)
        ? 'target'
        : 'plan';
    case 'category':
      // a blank header cell after 重点工作任务 over figures (`100`, `55.6`) is no heading level
      if (content === 'progress' && saysStatus(p)) return 'progress';
      return content === 'figures' || content === 'rate' ? 'other' : 'category';
    case 'leaders':
      return share(p.units, p) >= 0.8 && p.people === 0 ? 'units' : 'leaders';
    case 'units':
      // 单位 as the unit of measure of an indicator table (`%`, `亿元`), not an organisation
      if (content === 'target' && share(p.measure, p) >= 0.8) return 'target';
      return share(p.people, p) >= 0.8 ? 'leaders' : 'units';
    default:
      return hint;
  }
}

/** The role of each header cell by its words; a sub-header under a plan stays part of the plan. */
function hintsOf(header: HeaderRows, width: number): Array<ColumnRole | null> {
  const hints: Array<ColumnRole | null> = [];
  for (let c = 0; c < width; c++) {
    const text = header.texts[c] ?? '';
    const sub = header.subTexts[c] ?? '';
    const parent = sub ? text.slice(0, text.length - sub.length).trim() : '';
    const parentRole = parent ? roleOfHeader(parent) : null;
    if (parentRole === 'plan') hints.push('plan');
    // A blank header cell right after 重点工作任务 is its second level (a merged header cell).
    else if (!text.trim() && c > 0 && hints[c - 1] === 'task') hints.push('category');
    else hints.push((sub ? roleOfHeader(sub) : null) ?? roleOfHeader(text) ?? parentRole);
  }
  earlierYearIsBaseline(header.texts, hints);
  return hints;
}

const YEAR_IN_HEADER = /((?:19|20)\d\d)年/;

/**
 * `2021年完成 | 2022年计划`: a plan table prints last year's results beside the year's targets, as
 * the base they grow from; they report nothing of the year planned. Read only when the earlier
 * year has no target of its own (`2021年目标 | 2021年完成 | 2022年计划` reports 2021 and plans on).
 */
function earlierYearIsBaseline(texts: readonly string[], hints: Array<ColumnRole | null>): void {
  const years = texts.map((t) => Number(YEAR_IN_HEADER.exec(t)?.[1] ?? 0));
  const latest = Math.max(0, ...years);
  const planned = (r: ColumnRole | null) => r === 'plan' || r === 'target';
  if (!hints.some((r, c) => years[c] === latest && planned(r))) return;
  if (hints.some((r, c) => years[c] > 0 && years[c] < latest && planned(r))) return;
  hints.forEach((r, c) => {
    if (years[c] > 0 && years[c] < latest && (r === null || r === 'actual' || r === 'rate')) hints[c] = 'other';
  });
}

/** Applies `--columns`: roles by position, or by header name. */
function applySpec(spec: ColumnsSpec, header: HeaderRows, hints: Array<ColumnRole | null>): boolean[] {
  const fixed = hints.map(() => false);
  if (spec.kind === 'position') {
    spec.roles.forEach((role, c) => {
      while (c >= hints.length) hints.push(null);
      if (role === null) return; // left blank: guessed as usual
      hints[c] = role;
      fixed[c] = true;
    });
  } else {
    header.texts.forEach((text, c) => {
      const role =
        spec.roles.get(normaliseHeaderText(text)) ?? spec.roles.get(normaliseHeaderText(header.subTexts[c] ?? ''));
      if (role) {
        hints[c] = role;
        fixed[c] = true;
      }
    });
  }
  return fixed;
}

const SHORT_FIGURE = /^[^\d]{0,4}\d[\d.,，]*[^\d]{0,5}$/;

/**
 * Targets of figures only (`7 | 17.52`: projects, money planned) beside a column of names no header
 * word places (`地区`: `市直单位`, `云浮新区`): each name says what its row's figures are for, so it
 * opens the target.
 */
function nameFiguresOnlyTargets(
  roles: ColumnRole[],
  hints: ReadonlyArray<ColumnRole | null>,
  fixed: readonly boolean[],
  seqColumn: number | null,
  profile: (c: number) => ColumnProfile,
  cells: (c: number) => string[],
): void {
  const targets = roles.flatMap((r, c) => (r === 'target' ? [c] : []));
  if (!targets.length) return;
  const figuresOnly = targets.every((c) => cells(c).every((x) => !x.trim() || isBareValue(x)));
  // a figure with a word or two (`增长5%`, `1.5万亩`, `≥90%`)
  const shortFigures = targets.every((c) => cells(c).every((x) => !x.trim() || SHORT_FIGURE.test(x.trim())));
  if (!shortFigures) return;
  const namesEachRow = (c: number): boolean => {
    const p = profile(c);
    const named = cells(c).filter((x) => /[\u4e00-\u9fff]/.test(x)).length;
    return p.rows >= 2 && named >= 0.8 * p.rows && p.changes >= 0.9 * p.rows;
  };
  const c = roles.findIndex(
    (r, i) => i < targets[0] && i !== seqColumn && r === 'other' && hints[i] === null && !fixed[i],
  );
  if (c >= 0) {
    if (figuresOnly && namesEachRow(c)) roles[c] = 'target';
    return;
  }
  // a heading column (`重点任务`) that names a task of its own on every row, never the same twice
  // running, groups nothing: it says what the figures beside it are for (`城镇新增就业 | 4000人`)
  const headings = roles.flatMap((r, i) => (r === 'task' && i < targets[0] && !fixed[i] ? [i] : []));
  if (headings.length === 1 && namesEachRow(headings[0])) roles[headings[0]] = 'target';
}

/**
 * Of two target columns, the first one holding short names (`公共文化服务`, `文化产业`) only on the
 * first of the rows it spans, blank below, beside a second filled on every row: a grouping whose
 * merged cells the text left blank, the rows' heading, not part of each target.
 */
function groupingTargetColumn(roles: ColumnRole[], fixed: readonly boolean[], cells: (c: number) => string[]): void {
  const targets = roles.flatMap((r, c) => (r === 'target' && !fixed[c] ? [c] : []));
  if (targets.length !== 2) return;
  const [group, task] = targets.map(cells);
  const rows = task.length;
  const names = group.filter((x) => x.trim());
  if (rows < 4 || !group[0]?.trim() || names.length < 2 || names.length > 0.8 * rows) return;
  if (task.filter((x) => x.trim()).length < 0.9 * rows) return;
  if (names.every((x) => x.trim().length <= 12 && isHeading(x.trim()))) roles[targets[0]] = 'task';
}

/** A level of an indicator form's headers (`一级指标`, `二级指标`, `三级指标`). */
const LEVEL_HEADER = /^([一二三四五])级(指标|目标|任务)$/;

/**
 * The levels of an indicator form (`一级指标 | 二级指标 | 三级指标`, as 绩效目标表 print them): the
 * deepest level names each line; the ones above group the lines, as headings do.
 */
function indicatorLevels(roles: ColumnRole[], fixed: readonly boolean[], texts: readonly string[]): void {
  const levels = texts.flatMap((t, c) => {
    const m = LEVEL_HEADER.exec(normaliseHeaderText(t ?? ''));
    return m && !fixed[c] ? [{ c, level: '一二三四五'.indexOf(m[1]) }] : [];
  });
  if (levels.length < 2) return;
  const deepest = levels.reduce((a, b) => (b.level > a.level ? b : a));
  if (roles[deepest.c] !== 'target') return;
  for (const { c } of levels) if (c !== deepest.c && roles[c] === 'target') roles[c] = 'task';
}

/** A header naming only a part of the year (`一季度`, `3月`, `上半年`). */
const PERIOD_ONLY = /^(第?[一二三四1-4]季度|[上下]半年|\d{1,2}月份?|[一二三四五六七八九十]{1,3}月份?)$/;

/**
 * Columns headed only by the parts of the year (`一季度 | 二季度 | 三季度 | 四季度`) beside a
 * column the header names as the report (`截至三季度完成情况`): the milestones planned for each
 * part, not reports on it.
 */
function periodScheduleColumns(
  roles: ColumnRole[],
  hints: ReadonlyArray<ColumnRole | null>,
  fixed: readonly boolean[],
  texts: readonly string[],
): void {
  const periods = texts.flatMap((t, c) => (!fixed[c] && PERIOD_ONLY.test(normaliseHeaderText(t ?? '')) ? [c] : []));
  if (periods.length < 2 || !hints.some((h, c) => h === 'progress' && !periods.includes(c))) return;
  for (const c of periods) roles[c] = 'plan';
}

/**
 * A plan for a part of the year (`一季度计划投资（万元）`) beside the year's own (`年度计划投资`): the
 * period's milestone, not the target; alone, it is the only figure the row plans and stays the target.
 */
function periodPlanBesideYearPlan(
  roles: ColumnRole[],
  hints: ReadonlyArray<ColumnRole | null>,
  fixed: readonly boolean[],
  texts: readonly string[],
): void {
  const plans = roles.flatMap((r, c) => (r === 'target' && hints[c] === 'plan' && !fixed[c] ? [c] : []));
  const ofYear = (c: number) => /年度|全年/.test(texts[c] ?? '');
  if (!plans.some(ofYear)) return;
  for (const c of plans) if (!ofYear(c) && PART_OF_YEAR.test(texts[c] ?? '')) roles[c] = 'plan';
}

export function decideRoles(rows: readonly Row[], header: HeaderRows, spec?: ColumnsSpec): ColumnRoles {
  const body = bodyRows(rows, header.bodyStart);
  const width = Math.max(
    header.texts.length,
    ...body.slice(0, 200).map((r) => r.cells.length),
    spec?.kind === 'position' ? spec.roles.length : 0,
  );
  const column = (c: number, from: readonly Row[]) => from.map((r) => r.cells[c] ?? '');
  const warnings: Warning[] = [];
  if (!spec && headerMissesSeq(header, body, width)) {
    // `项目名称 | 具体内容 | 完成情况` over `1 | 府前路… | 计划对… | 已完成。`: the header has no
    // cell over the numbers, so each header word stands one column left of its cells (corrected
    // in place: the layout and the period read the same texts after this)
    header.texts.splice(0, 0, '');
    header.subTexts.splice(0, 0, '');
    header.texts.length = Math.min(header.texts.length, width);
    header.subTexts.length = Math.min(header.subTexts.length, width);
    warnings.push({ code: 'header_shifted', message: '表头缺少序号一格，表头文字整体右移一列与内容对齐' });
  }
  const spanned = spec ? null : headerOverSeqAndName(header, body, width);
  if (spanned !== null) {
    // the word belongs to the names; the numbers under it are the task numbers
    header.texts[spanned + 1] = header.texts[spanned];
    header.texts[spanned] = '';
    if (!(header.subTexts[spanned + 1] ?? '').trim()) {
      header.subTexts[spanned + 1] = header.subTexts[spanned] ?? '';
      header.subTexts[spanned] = '';
    }
    warnings.push({
      code: 'column_guessed',
      message: `表头“${header.texts[spanned + 1].trim()}”合并在编号与名称两列之上，按第${spanned + 1}列为序号`,
    });
  }
  const hints = hintsOf(header, width);
  if (spanned !== null) hints[spanned] = 'seq';
  const fixed = spec ? applySpec(spec, header, hints) : hints.map(() => false);

  let seqColumn: number | null = hints.indexOf('seq') >= 0 ? hints.indexOf('seq') : null;
  if (seqColumn === null && !spec) {
    // An unnamed column near the left whose numbers count up (sub-rows may leave it blank), or
    // else a column of numbers near the left, whatever its header says: a column of figures
    // (`4385`, `810`) beside a counting one is an amount.
    seqColumn = countingColumn(body, hints, Math.min(width, 3)) ?? numberColumn(body, hints, header.texts, width);
    if (seqColumn !== null) {
      warnings.push({ code: 'column_guessed', message: `第${seqColumn + 1}列全是编号，按序号处理` });
      hints[seqColumn] = 'seq';
    }
  }
  let seqInColumn: number | null = null;
  if (seqColumn === null) {
    // No 序号 column: the number may open the target text itself (`*1.力争9个…`).
    for (let c = 0; c < width && seqInColumn === null; c++) {
      if (hints[c] !== null && hints[c] !== 'target' && hints[c] !== 'task') continue;
      const cells = column(c, body).filter((x) => x.trim());
      if (cells.length >= 2 && cells.filter((x) => leadingSeq(x) !== null).length >= 0.6 * cells.length)
        seqInColumn = c;
    }
  }
  let lastSeq: number | null = null;
  const taskRows = body.filter((r) => {
    if (seqColumn !== null) return readNumbering(r.cells[seqColumn] ?? '') !== null;
    if (seqInColumn === null) return true;
    const seq = leadingSeq(r.cells[seqInColumn] ?? '', lastSeq === null ? [1] : [lastSeq + 1, 1]);
    if (seq !== null) lastSeq = seq;
    return seq !== null;
  });
  const roles: ColumnRole[] = new Array<ColumnRole>(width).fill('other');
  const twoLevels: boolean[] = new Array<boolean>(width).fill(false);
  const namesEachTask: boolean[] = new Array<boolean>(width).fill(false);
  // most task rows fill more cells than the header names: one header word stands over two cells
  const named = header.texts.filter((t) => t.trim()).length;
  const widerThanHeader =
    header.headerRow >= 0 &&
    taskRows.filter((r) => r.cells.filter((x) => x.trim()).length > named).length > 0.5 * taskRows.length;
  const profiles = new Map<number, ColumnProfile>();
  const profile = (c: number) => profiles.get(c) ?? profiles.set(c, profileColumn(column(c, taskRows))).get(c)!;
  // Trailing columns without a header word are no columns when few rows use them (a trailing tab,
  // cells shifted past the table's end); a second cell under a merged header (`落实情况` over a
  // status word and the detail) is used by most rows.
  let lastNamed = width - 1;
  while (
    header.headerRow >= 0 &&
    lastNamed >= 0 &&
    !(header.texts[lastNamed] ?? '').trim() &&
    !fixed[lastNamed] &&
    profile(lastNamed).filled < 0.5 * taskRows.length
  )
    lastNamed--;
  for (let c = 0; c < width; c++) {
    const hint = hints[c];
    const text = header.texts[c] ?? '';
    if (c === seqColumn) roles[c] = 'seq';
    else if (fixed[c]) roles[c] = hint ?? 'other';
    else if (c > lastNamed) roles[c] = 'other';
    else if (c === seqInColumn) roles[c] = 'target';
    else roles[c] = decide(hint, text, profile(c));
  }
  // A name column merged down over the items of one project (`项目名称 | 主要内容`, several 内容
  // rows under one name, each with the people and unit who answer for it) groups them: their
  // heading, not part of each target. Lines of one item under its name (a second figure, no unit
  // of its own) stay part of its target.
  const answering = roles.flatMap((r, c) => (r === 'units' || r === 'leaders' ? [c] : []));
  for (let c = 0; c + 1 < width && answering.length > 0; c++) {
    if (roles[c] !== 'target' || fixed[c] || roles[c + 1] !== 'target') continue;
    if (!NAME_HEADER.test(normaliseHeaderText(header.texts[c] ?? ''))) continue;
    const items = body.filter((r) => (r.cells[c + 1] ?? '').trim());
    const under = items.filter((r) => !(r.cells[c] ?? '').trim() || r.mergedFromAbove?.[c]);
    const ownItems = under.filter((r) => answering.some((a) => (r.cells[a] ?? '').trim() && !r.mergedFromAbove?.[a]));
    if (items.length >= 3 && under.length >= 0.3 * items.length && ownItems.length >= 0.8 * under.length)
      roles[c] = 'task';
  }
  // Where the table already groups its tasks (section rows numbered in another style, unnumbered
  // heading rows, a grouping column further left), a 项目/工作任务 column whose text changes on
  // every task names the task itself: it is part of the target.
  const styles = new Set(seqColumn === null ? [] : taskRows.map((r) => readNumbering(r.cells[seqColumn] ?? '')?.style));
  const headingRows = rows.slice(header.bodyStart, header.bodyStart + BODY_SAMPLE).some((r) => {
    const filled = r.cells.filter((x) => x.trim());
    return filled.length === 1 && SECTION_HEADING_START.test(filled[0]);
  });
  for (let c = 0; c < width; c++) {
    if (roles[c] !== 'task' || fixed[c] || hints[c] !== 'task') continue;
    const p = profile(c);
    const groupedLeft = roles.slice(0, c).includes('task');
    const perTask = p.rows >= 4 && p.filled === p.rows && p.changes >= 0.9 * p.rows;
    if (perTask && (styles.size > 1 || headingRows || groupedLeft)) roles[c] = 'target';
  }
  // A target header spanning two columns (`项目内容` over `促进就业创业 | 城镇新增就业(人)`): the
  // sub-column whose heading stands on a few rows only (a cell merged down over its tasks) groups
  // the tasks beside a target column whose text changes on every task.
  const targetColumns = roles.flatMap((r, c) => (r === 'target' && !fixed[c] && c !== seqInColumn ? [c] : []));
  const lastPerTask = targetColumns.findLast((c) => {
    const p = profile(c);
    return p.rows >= 4 && p.filled >= 0.8 * p.rows && p.changes >= 0.9 * p.filled;
  });
  // headings stand left of what they group
  for (const c of targetColumns) {
    const p = profile(c);
    const mergedDown = p.rows >= 4 && p.filled > 0 && p.filled <= 0.5 * p.rows;
    // units of measure (`万人`, `公里`) left blank where the target names none are no headings
    const measures = share(p.measure, p) >= 0.8;
    if (lastPerTask !== undefined && c < lastPerTask && mergedDown && !measures && share(p.heading, p) >= 0.8)
      roles[c] = 'task';
  }
  // A name column whose every name opens with a section number (`一、农村路灯亮化工程`, merged down
  // over its indicator rows) while 序号 counts those rows: it groups them, left of their target.
  for (const c of targetColumns) {
    if (seqColumn === null || !targetColumns.some((t) => t > c)) continue;
    const names = column(c, taskRows).filter((x) => x.trim());
    if (names.length >= 2 && names.every((x) => SECTION_OPENING.test(x.trim()))) roles[c] = 'task';
  }
  // A section's number printed in a cell of its own left of its name (`（一） | 稳增长`, both merged
  // down over the section): the number is no level of its own, the name is the heading.
  const isHeadingColumn = (r: ColumnRole) => r === 'task' || r === 'category';
  for (let c = 0; c + 1 < width; c++) {
    if (fixed[c] || !isHeadingColumn(roles[c]) || !isHeadingColumn(roles[c + 1])) continue;
    const p = profile(c);
    if (p.filled === 0 || p.seq < p.filled || profile(c + 1).filled === 0) continue;
    roles[c] = 'other';
    roles[c + 1] = 'task';
  }
  // Headings stand left of the task they group: an unfamiliar column of short texts right of the
  // report (`滞后原因` in its own words) remarks on the report, it does not group tasks.
  const firstReport = roles.findIndex((r) => r === 'progress');
  for (let c = firstReport + 1; firstReport >= 0 && c < width; c++)
    if (roles[c] === 'task' && !fixed[c] && hints[c] === null) roles[c] = 'remarks';
  // A plan right of the report (`截至6月底进展 | 7月工作计划`) is the next steps after it, read
  // with the report as 下步计划 is; a plan left of it (`8月计划进度 | 实际进度`) is the period's own.
  for (let c = firstReport + 1; firstReport >= 0 && c < width; c++)
    if (roles[c] === 'plan' && !fixed[c]) roles[c] = 'remarks';
  // A note under the report's own heading (`工作进度` over `10月完成情况 | 进度状态 | 情况说明`)
  // says more of the report: read with it, as its remarks.
  for (let c = 0; c < width; c++) {
    if (roles[c] !== 'notes' || fixed[c]) continue;
    const levels = (header.texts[c] ?? '').trim().split(/\s+/);
    if (levels.length >= 2 && REPORT_PARENT.test(levels[0])) roles[c] = 'remarks';
  }
  // Where the target is only the project's name (`项目名称 | 9月工作计划 | 目前进展情况`), the
  // period's plan left of the report is what the project is to achieve: more of the target.
  const targetsByName = roles.flatMap((r, c) => (r === 'target' ? [c] : []));
  const onlyNames =
    targetsByName.length > 0 &&
    targetsByName.every((c) => NAME_HEADER.test(normaliseHeaderText(header.texts[c] ?? '')));
  for (let c = 0; onlyNames && c < firstReport; c++) if (roles[c] === 'plan' && !fixed[c]) roles[c] = 'target';
  // A bare `项目` beside the item's description (`项目 | 具体内容`) names the item it describes:
  // part of its target, where `项目 | 省工作目标` groups the targets below it as a theme. So does
  // one naming every row with a target in words of its own (`项目 | 分值 | 目标任务` over
  // `地区生产总值增长率 | 3 | 年终…考核`): a group would leave the rows under it blank or repeat.
  for (let c = 0; c + 1 < width; c++) {
    if (roles[c] !== 'task' || fixed[c] || normaliseHeaderText(header.texts[c] ?? '') !== '项目') continue;
    let next = c + 1;
    while (next < width && roles[next] === 'other') next++;
    if (roles[next] !== 'target') continue;
    const describes = next === c + 1 && /内容$/.test(normaliseHeaderText(header.texts[next] ?? ''));
    if (describes || namesEveryRow(body, c, next)) roles[c] = 'target';
  }
  // A task-like column right of the target is more of the target (`项目名称 | 我市任务`: the
  // city's share of the task).
  const firstTarget = roles.indexOf('target');
  for (let c = firstTarget + 1; firstTarget >= 0 && c < width; c++)
    if (roles[c] === 'task' && !fixed[c] && hints[c] === 'task') roles[c] = 'target';
  // Figures under the names of places or bodies (`全市 | 巴州区 | 恩阳区 …`) are the target split by
  // area (no report is headed by a place), and figures under a blank cell right of a target's
  // header are the target (`目标` merged over `城镇新增就业人数(人) | 1300`).
  const targetParts = new Set<number>();
  const firstName = roles.findIndex((r) => r === 'target' || r === 'task' || r === 'category');
  for (let c = firstName + 1; firstName >= 0 && c <= lastNamed; c++) {
    const name = normaliseHeaderText(header.texts[c] ?? '');
    const spanned = header.headerRow >= 0 && !name && hints[c - 1] === 'target';
    if (hints[c] !== null || fixed[c] || !(spanned || isUnitName(name) || /^全(市|区|县|省|州|镇)$/.test(name)))
      continue;
    const p = profile(c);
    if (p.filled > 0 && share(p.percent + p.figure, p) >= 0.6) {
      roles[c] = 'target';
      targetParts.add(c);
    }
  }
  // Columns no header word names: placed by where they stand beside the others (unnamed-columns.ts).
  placeUnnamedColumns(
    roles,
    roles.map(
      (_, c) =>
        hints[c] !== null || fixed[c] || targetParts.has(c) || c === seqColumn || c === seqInColumn || c > lastNamed,
    ),
    profile,
    (c) => column(c, taskRows),
  );
  nameFiguresOnlyTargets(roles, hints, fixed, seqColumn, profile, (c) => column(c, taskRows));
  // a merged cell's copies in a workbook are the blanks a text shows below the group's name
  groupingTargetColumn(roles, fixed, (c) => taskRows.map((r) => (r.mergedFromAbove?.[c] ? '' : (r.cells[c] ?? ''))));
  periodScheduleColumns(roles, hints, fixed, header.texts);
  periodPlanBesideYearPlan(roles, hints, fixed, header.texts);
  indicatorLevels(roles, fixed, header.texts);
  for (let c = 0; c <= lastNamed; c++) {
    const hint = hints[c];
    const text = header.texts[c] ?? '';
    const role = roles[c];
    if (c === seqColumn || fixed[c] || c === seqInColumn) continue;
    twoLevels[c] = role === 'task' && hint === 'task' && !NAME_HEADER.test(normaliseHeaderText(text));
    const p = profile(c);
    namesEachTask[c] =
      twoLevels[c] && widerThanHeader && p.rows >= 3 && p.filled === p.rows && p.changes >= 0.9 * p.rows;
    if (p.filled > 0 && role !== hint && !(hint === 'task' && role === 'target')) {
      const what = text ? `表头“${text.replace(/\s+/g, '')}”` : `第${c + 1}列（无表头）`;
      const why = hint
        ? `按其内容当作“${ROLE_NAMES[role]}”列（表头像“${ROLE_NAMES[hint]}”）`
        : `不认识，按其内容当作“${ROLE_NAMES[role]}”列`;
      warnings.push({ code: 'column_guessed', message: `${what}${why}` });
    }
  }
  // No column names the units, but a 备注 column lists an organisation on every task (`交通局`):
  // that is who answers for it.
  if (!roles.includes('units'))
    for (let c = 0; c <= lastNamed; c++) {
      if (fixed[c] || (roles[c] !== 'notes' && roles[c] !== 'remarks')) continue;
      const p = profile(c);
      if (p.rows < 2 || share(p.units, p) < 0.8 || p.filled < 0.5 * p.rows) continue;
      roles[c] = 'units';
      const what = (header.texts[c] ?? '').replace(/\s+/g, '');
      warnings.push({ code: 'column_guessed', message: `表头“${what}”的格子都是单位名称，按“牵头单位”列处理` });
    }
  // Two columns of people: the leaders (`责任领导`) lead; the other names the officer who does the
  // work (`责任人`), no leader.
  const leaderColumns = roles.flatMap((r, c) => (r === 'leaders' ? [c] : []));
  if (leaderColumns.length > 1) {
    const lead = leaderColumns.find((c) => /领导/.test(header.texts[c] ?? '')) ?? leaderColumns[0];
    for (const c of leaderColumns) if (c !== lead && !fixed[c]) roles[c] = 'other';
  }
  // Two unit columns: the lead one (牵头, or the first) is `units`, the other co-operating.
  const unitColumns = roles.flatMap((r, c) => (r === 'units' ? [c] : []));
  if (unitColumns.length > 1) {
    const lead = unitColumns.find((c) => /牵头|主责|主办/.test(header.texts[c] ?? '')) ?? unitColumns[0];
    for (const c of unitColumns) if (c !== lead && !fixed[c]) roles[c] = 'co_units';
  }
  return { roles, twoLevels, namesEachTask, seqColumn, seqInColumn, warnings };
}
