// Placed rows → tasks: the state that runs down the table. Blank theme, category, leader and
// unit cells mean "same as above" (a merged block); a heading cell decides whether it starts a
// new theme or a new category; unnumbered rows add a category or continue the previous task.
import type { ParsedTask, ProgressPart, TaskField, Warning } from '../domain/index.js';
import {
  isPeopleCell,
  isPersonName,
  isUnitName,
  looksLikeCategory,
  PEOPLE_AFTER_WORDS,
  looksLikeTheme,
  splitNames,
  withoutSpaces,
} from './classify.js';
import type { Layout } from './layout.js';
import type { SlotKind } from './align.js';
import type { PlacedRow } from './placed-row.js';
import { splitCategoryPrefix } from './category-prefix.js';
import { readDutyLines, readReportLine, REPORT_LABELS, type DutyLine } from './duty-lines.js';
import { leaderOfHeading, unitOfHeading } from './heading-leader.js';
import { unitsInTarget } from './units-in-target.js';
import { leaderNames } from './leader-titles.js';
import { leadUnits } from './unit-list.js';
import { nameBrokenByLayout } from './layout-broken-name.js';
import { joinTargetCells } from './target-cells.js';
import { REPORT_SLOTS } from './report-slots.js';
import { isSiblingItem, lostNumber } from './unnumbered-items.js';
import { verdictOfHeading } from './verdict-heading.js';

/** A row's report cells in table order, each with its role and header. */
function reportParts(row: PlacedRow, layout: Layout): ProgressPart[] {
  const parts: ProgressPart[] = [];
  for (let i = 0; i < layout.slots.length; i++) {
    const role = REPORT_SLOTS[layout.slots[i]];
    if (role && row.slotText[i]) parts.push({ role, header: layout.slotHeaders[i] ?? '', text: row.slotText[i] });
  }
  // A dash in one report column beside words in another (`— | — | 待…启动实施`) stays as printed:
  // the reviewed labels of such tables keep it, and the assessor reads a dash as no figure.
  return parts;
}

const W = (code: string, message: string, field?: TaskField): Warning => ({ code, message, field });

/** Heading text compared without white space (a wrapped heading reads the same). */
const same = (a: string | null, b: string | null) =>
  a !== null && b !== null && (a === b || withoutSpaces(a) === withoutSpaces(b));

const joinHeading = (s: string) => s.replace(/\s*\n\s*/g, '');

/**
 * Longest leaders/units text read as a list. Thirty units of twenty characters is 600; a cell
 * longer than this is prose (or junk) in the wrong column, and splitting it at every space would
 * hand the store thousands of "names".
 */
const MAX_LIST_CHARS = 1000;
const FIELD_NAMES: Partial<Record<TaskField, string>> = {
  leaders: '牵头领导',
  units: '牵头单位',
  co_units: '配合单位',
};

/** The people named in brackets after words about them (`按《市委工作要点》分工(蒋永根、俞福才)`). */
function bracketedPeople(text: string): string {
  const m = PEOPLE_AFTER_WORDS.exec(text.trim());
  return m && isPeopleCell(m[1]) ? m[1] : text;
}

/**
 * A leader written with the unit they lead through (`张伟（区经信局）`, in a column of `责任领导/责任单位`):
 * the person leads, the unit in brackets is the lead unit.
 */
function unitsBesideLeaders(names: string[]): { leaders: string[]; units: string[] } {
  const leaders: string[] = [];
  const units: string[] = [];
  for (const n of names) {
    const m = PERSON_WITH_UNIT.exec(n);
    const inside = m ? splitNames(m[2]) : [];
    if (m && isPersonName(m[1]) && inside.length > 0 && inside.every(isUnitName)) {
      leaders.push(m[1]);
      for (const u of inside) if (!units.includes(u)) units.push(u);
    } else leaders.push(n);
  }
  return units.length > 0 ? { leaders, units } : { leaders: names, units };
}
const PERSON_WITH_UNIT = /^([^（()）]{2,4})[（(]([^（）()]+)[）)]$/;

/** The names in a leaders/units text; an over-long text kept whole, with a warning. */
function namesIn(text: string, field: TaskField, warnings: Warning[]): string[] {
  const brokenName = field === 'units' ? nameBrokenByLayout(text) : null;
  if (brokenName !== null) return [brokenName];
  if (text.length <= MAX_LIST_CHARS) return splitNames(text);
  warnings.push(
    W('list_too_long', `${FIELD_NAMES[field] ?? field}一格长达 ${text.length} 字，不像名单，未按名字拆分`, field),
  );
  return [text.trim()];
}

/** A duty line under a task (`牵头单位:市发展改革委`) fills its leaders, units or co-operating units. */
function applyDutyLine(duty: DutyLine, task: ParsedTask, unitsFromFirstLead: Set<ParsedTask>): void {
  const names = namesIn(duty.names, duty.field, task.warnings);
  if (duty.field === 'leaders') {
    if (task.leaders.length === 0) task.leaders = leaderNames(names);
  } else if (duty.field === 'co_units') task.co_units = [...(task.co_units ?? []), ...names];
  else if (duty.firstLead || (task.units.length === 0 && !unitsFromFirstLead.has(task))) {
    task.units = leadUnits(names).units;
    if (duty.firstLead) unitsFromFirstLead.add(task);
  }
  task.warnings.push(
    W('duty_line', `本项下一行的“${duty.names}”是${FIELD_NAMES[duty.field]}，未并入目标任务`, duty.field),
  );
}

interface State {
  theme: string | null;
  category: string | null;
  leaders: string[];
  units: string[];
}

/** True when the table shows two heading levels anywhere (so a lone short heading can be a category). */
function hasTwoLevels(rows: readonly PlacedRow[], layout: Layout): boolean {
  if (layout.explicitCategory) return true;
  const headingSlots = layout.slots.flatMap((s, i) => (s === 'heading' ? [i] : []));
  return (
    rows.some((r) => {
      const filled = headingSlots.filter((i) => r.slotText[i]);
      if (filled.length >= 2) return true;
      // A short heading in the second heading slot is a category (the theme cell was merged above).
      return filled.length === 1 && filled[0] === headingSlots[1] && !looksLikeTheme(r.slotText[filled[0]]);
      // Heading rows of their own (`一、…` across the table) make the task column the second level.
    }) || rows.some((r) => r.kind === 'heading')
  );
}

/** Applies one row's heading cells to the running theme and category. */
function applyHeadings(
  headings: Array<{ text: string; second: boolean }>,
  state: State,
  twoLevels: boolean,
  themeRowsExist: boolean,
  warnings: Warning[],
): void {
  if (headings.length >= 2) {
    if (!same(headings[0].text, state.theme)) state.category = null;
    state.theme = headings[0].text;
    state.category = headings[1].text;
    return;
  }
  if (headings.length === 0) return;
  const { text, second } = headings[0];
  if (same(text, state.theme)) return; // the theme repeated at the top of a page
  if (same(text, state.category)) return;
  if (second) {
    if (looksLikeTheme(text)) {
      warnings.push(W('theme_shifted', `“${text}”像一级任务，出现在二级任务列，按一级任务处理`, 'theme'));
      state.theme = text;
      state.category = null;
    } else state.category = text;
    return;
  }
  if (state.theme === null || looksLikeTheme(text) || !twoLevels) {
    state.theme = text;
    state.category = null;
  } else {
    // With themes on rows of their own, the task column is the second level by design: no guess.
    if (!themeRowsExist)
      warnings.push(W('category_in_theme_column', `“${text}”在一级任务列，按二级任务处理`, 'category'));
    state.category = text;
  }
}

/** A heading numbered like the current theme (`（二）…` after `（一）…`, no category between): its sibling. */
function bracketedSibling(h: string, state: State): boolean {
  const bracketed = /^[（(]/;
  return state.theme !== null && bracketed.test(h) && bracketed.test(state.theme) && state.category === null;
}

/**
 * A heading alone on an unnumbered row starts a theme when it says so (`一、…`, a clause series),
 * when there is no theme yet, or when the table has no 重点工作任务 column and no numbered
 * theme rows (its heading rows are then its only level); otherwise it starts a category.
 */
function headingRowIsTheme(h: string, state: State, hasHeadingColumn: boolean, themeRowsExist: boolean): boolean {
  if (looksLikeTheme(h)) return true;
  // The first heading is the top level whatever its numbering
  if (state.theme === null) return true;
  if (looksLikeCategory(h) && /^[（(]/.test(h)) return bracketedSibling(h, state);
  return !hasHeadingColumn && !themeRowsExist;
}

/** Whether the numbers start again at 1 under a heading after tasks above it. */
function numbersRestartPerSection(rows: readonly PlacedRow[]): boolean {
  let seenTask = false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.kind !== 'task') continue;
    if (seenTask && r.seq === 1 && rows[i - 1]?.kind === 'heading') return true;
    seenTask = true;
  }
  return false;
}

/** A row of target text (and no heading) right under a heading row: the heading's first item, not a line going on. */
function itemUnderHeading(row: PlacedRow, above: PlacedRow | undefined, slots: readonly SlotKind[]): boolean {
  if (above?.kind !== 'heading') return false;
  const target = row.slotText[slots.indexOf('target')] ?? '';
  return target.length >= 4 && /^[\u4e00-\u9fff“"《]/.test(target);
}

/** The non-blank texts of a row's slots, in slot order. */
function filledTexts(row: PlacedRow, slotIndexes: readonly number[]): string[] {
  const out: string[] = [];
  for (const i of slotIndexes) if (row.slotText[i]) out.push(row.slotText[i]);
  return out;
}

export function buildTasks(
  rows: readonly PlacedRow[],
  layout: Layout,
  format: 'text' | 'html' | 'xlsx' | 'xls' | 'xml' | 'docx' | 'doc',
): { tasks: ParsedTask[]; warnings: Warning[] } {
  const tableWarnings: Warning[] = [];
  const twoLevels = hasTwoLevels(rows, layout);
  const slots = layout.slots;
  const slotLists = new Map<string, number[]>();
  slots.forEach((s, i) => slotLists.set(s, [...(slotLists.get(s) ?? []), i]));
  const slotOf = (kind: string) => slotLists.get(kind) ?? [];
  const headingSlots = slotOf('heading');
  const state: State = { theme: null, category: null, leaders: [], units: [] };
  const tasks: ParsedTask[] = [];
  const hasLeaders = slots.includes('leaders');
  const unitsColumnNamesLeaders = !hasLeaders && slotOf('units').some((i) => /领导/.test(layout.slotHeaders[i] ?? ''));
  const hasUnits = slots.includes('units');
  const prefixed = splitCategoryPrefix(rows, layout, format);
  // Several report columns, or one that is not a written report: the assessor reads each part.
  const reportSlots = slots.filter((s) => REPORT_SLOTS[s]);
  const splitReport = reportSlots.length > 1 || reportSlots.some((s) => s !== 'progress');
  const themeRowsExist = rows.some((r) => r.kind === 'heading' && looksLikeTheme(r.slotText.find(Boolean) ?? ''));

  const restartsPerSection = numbersRestartPerSection(rows);
  let lastNumbered: PlacedRow | null = null;
  /** Tasks whose report a `进展情况：` line opened: the lines after it go on with the report. */
  const reportOpened = new Set<ParsedTask>();
  /** Tasks whose units a `牵头单位` line gave: a `责任单位` line after it does not replace them. */
  const unitsFromFirstLead = new Set<ParsedTask>();
  const headingColumnOnlyHeadings =
    headingSlots.length > 0 && rows.every((r) => r.kind !== 'task' || !r.slotText[headingSlots[0]]);
  /** The theme was given by a heading row of its own: the items under it have it by the table's
   * structure, not by a blank cell read as "same as above". */
  let themeFromRow = false;
  rows.forEach((row, index) => {
    const warnings: Warning[] = [];
    const sibling = row.kind === 'continuation' && tasks.length > 0 && isSiblingItem(row, lastNumbered, slots);
    // a row right under a heading has no task above it to go on: it is the section's own item,
    // unnumbered where it is the only one (`（一）省监察厅牵头的工作` over `加强行政监察工作…`)
    const firstOfSection = row.kind === 'continuation' && itemUnderHeading(row, rows[index - 1], slots);
    const unnumbered =
      firstOfSection ||
      (row.kind === 'continuation' && tasks.length > 0 && !sibling && lostNumber(row, lastNumbered, slots));
    if (row.kind === 'task') lastNumbered = row;
    if (row.kind === 'heading') {
      const h = joinHeading(row.slotText.find(Boolean) ?? '');
      // an unnumbered heading in a heading column that holds nothing else (`类别`: `“培训类”项目` after
      // `“工程类”项目`, the task rows blank) is a value of that column: the first level (numbered ones
      // say their level; where the task rows fill the column, a heading row of it is the second)
      const inThemeColumn =
        headingColumnOnlyHeadings &&
        row.slotText.findIndex(Boolean) === headingSlots[0] &&
        !/^[（(]?[一二三四五六七八九十\d]+[)）、.．]/.test(h);
      const isTheme = row.sectionLevel
        ? row.sectionLevel === 'theme' || state.theme === null || bracketedSibling(h, state)
        : inThemeColumn || headingRowIsTheme(h, state, headingSlots.length > 0, themeRowsExist);
      if (isTheme) {
        state.theme = h;
        state.category = null;
        themeFromRow = true;
      } else state.category = h;
      const asCategory = state.category === h;
      tableWarnings.push(
        W(
          asCategory ? 'category_row' : 'theme_row',
          `无序号的行“${h}”按${asCategory ? '二级任务' : '一级任务'}处理，用于其下各项`,
        ),
      );
      return;
    }
    if (row.kind === 'continuation' && !sibling && !unnumbered) {
      const prev = tasks[tasks.length - 1];
      if (!prev) return;
      // One cell going on is a cell broken by a page; cells in several columns are a sub-row
      // of the task (a second indicator with its own figures), kept apart by a space.
      const t = joinTargetCells(filledTexts(row, slotOf('target')));
      // A row without target text whose other cells are people or units goes on after a page
      // break in every column it uses (`区住建局` under `区城管局`, the report's last words).
      const moreLeaders = filledTexts(row, slotOf('leaders')).join(' ');
      const moreUnits = filledTexts(row, slotOf('units')).join(' ');
      const brokenNames = !t && (moreLeaders || moreUnits) && reportParts(row, layout).length > 0;
      // a wrapped line of a page's text layer finishes a body's name cut at the cell's edge
      // (`区发展改` over `革局`)
      const lastUnit = prev.units.length - 1;
      if (row.continues && moreUnits && lastUnit >= 0 && !isUnitName(prev.units[lastUnit])) {
        const [rest, ...others] = namesIn(moreUnits, 'units', prev.warnings);
        prev.units[lastUnit] += rest ?? '';
        for (const n of others) if (!prev.units.includes(n)) prev.units.push(n);
      } else if (brokenNames) {
        for (const n of leaderNames(namesIn(moreLeaders, 'leaders', prev.warnings)))
          if (!prev.leaders.includes(n)) prev.leaders.push(n);
        for (const n of leadUnits(namesIn(moreUnits, 'units', prev.warnings)).units)
          if (!prev.units.includes(n)) prev.units.push(n);
      }
      // A line of its own saying who answers for the task (`牵头单位:市发展改革委` under
      // `1.地区生产总值增长6%。`, as a document's list prints it) names its units, not more of its target.
      const alone = t && row.slotText.filter(Boolean).length === 1;
      const duties = alone && !hasUnits ? readDutyLines(t) : [];
      if (duties.length) {
        for (const duty of duties) applyDutyLine(duty, prev, unitsFromFirstLead);
        return;
      }
      // `进展情况：…` under the task, in a list without a report column: the report, and the lines
      // after it go on with it
      const report = alone && reportSlots.length === 0 ? readReportLine(t) : null;
      if (report !== null || (alone && reportOpened.has(prev))) {
        prev.progress = prev.progress ? `${prev.progress}${report ?? t}` : (report ?? t);
        reportOpened.add(prev);
        return;
      }
      const sep = !brokenNames && !row.continues && row.slotText.filter(Boolean).length >= 2 ? ' ' : '';
      if (t) prev.target = prev.target ? `${prev.target}${sep}${t}` : t;
      const parts = reportParts(row, layout);
      const p = parts.map((x) => x.text).join(' ');
      const before = prev.progress_parts;
      if (!sep && before && parts.length && prev.progress === before.map((x) => x.text).join(' ')) {
        // A report cell broken by a page goes on in its own column: the flag or rate printed
        // beside its first line stays after it.
        for (const part of parts) {
          const own = before.find((x) => x.role === part.role && x.header === part.header);
          if (own) own.text += part.text;
          else before.push(part);
        }
        prev.progress = before.map((x) => x.text).join(' ');
      } else {
        if (p) prev.progress = prev.progress ? `${prev.progress}${sep}${p}` : p;
        if (before && parts.length) before.push(...parts);
      }
      prev.warnings.push(
        W(
          'continued_row',
          sep ? '无序号的子行已并入本项（同一任务的又一行指标）' : '无序号的续行已并入本项（表格跨页断开）',
        ),
      );
      return;
    }

    const headings = headingSlots
      .filter((i) => row.slotText[i])
      .map((i) => ({ text: joinHeading(row.slotText[i]), second: i !== headingSlots[0] }));
    applyHeadings(headings, state, twoLevels, themeRowsExist, warnings);
    if (headings.length > 0) themeFromRow = false;
    if (row.itemCategory !== undefined) state.category = row.itemCategory;
    // items under a group the 序号 column numbers: the group's name is their theme, where no
    // column of headings gives one
    if (row.itemGroup !== undefined && headingSlots.length === 0) state.theme = row.itemGroup;
    // A theme spread over both 重点工作任务 columns: this task has no category (not "same as above").
    if (headingSlots.length >= 2 && row.slotCovered[headingSlots[1]]) state.category = null;
    let target = joinTargetCells(filledTexts(row, slotOf('target')));
    const split = prefixed.get(index);
    if (split) {
      state.category = split.category;
      target = split.target;
      warnings.push(W('category_in_target', `目标任务前的“${split.category}”是二级任务，已分出`, 'category'));
    }
    if (!target && headings.length > 0) {
      target = headings[headings.length - 1].text;
      warnings.push(W('missing_cell', '本行没有目标任务，取任务列的文字', 'target'));
    }
    if (
      headingSlots.length > 0 &&
      headings.length === 0 &&
      state.theme !== null &&
      !themeFromRow &&
      !row.slotMerged.some(Boolean)
    ) {
      warnings.push(W('filled_from_above', '一级任务空白，沿用上一行', 'theme'));
    }

    const leadersText = bracketedPeople(filledTexts(row, slotOf('leaders')).join(' '));
    let unitsText = filledTexts(row, slotOf('units')).join(' ');
    const labelled = unitsText ? null : unitsInTarget(target);
    if (labelled) {
      target = labelled.target;
      unitsText = labelled.unitsText;
      warnings.push(W('units_in_target', `目标任务格中“责任单位”之后的“${unitsText}”按牵头单位处理`, 'units'));
    }
    const withUnits = unitsBesideLeaders(namesIn(leadersText, 'leaders', warnings));
    let leaders = leaderNames(withUnits.leaders);
    const lead = leadUnits(namesIn(unitsText, 'units', warnings));
    let units = lead.units;
    warnings.push(...lead.warnings);
    if (units.length === 0 && withUnits.units.length > 0) {
      units = withUnits.units;
      warnings.push(W('unit_in_leaders_column', `领导格括号中的“${units.join('、')}”按牵头单位处理`, 'units'));
    }
    const leaderSlot = slotOf('leaders')[0];
    if (hasLeaders && leaders.length === 0) {
      leaders = [...state.leaders];
      if (leaders.length) {
        const why = row.slotSkipped[leaderSlot] ? '（本行缺少此格，后面的格子左移）' : '';
        warnings.push(W('filled_from_above', `牵头领导空白，沿用上一行${why}`, 'leaders'));
      }
      if (row.slotSkipped[leaderSlot] && units.length > 0) {
        warnings.push(W('unit_in_leaders_column', `“${unitsText}”写在领导列，按牵头单位处理`, 'units'));
      }
    }
    if (hasUnits && units.length === 0) {
      units = [...state.units];
      if (units.length) warnings.push(W('filled_from_above', '牵头单位空白，沿用上一行', 'units'));
    }
    if (leaders.length === 0 && lead.leaders.length > 0) {
      // `牵头领导：张强；牵头单位：区城管局` in the units cell: the label says who leads
      leaders = leaderNames(lead.leaders);
      warnings.push(W('leader_in_units', `单位格写明牵头领导“${leaders.join('、')}”，按牵头领导处理`, 'leaders'));
    } else if (unitsColumnNamesLeaders && leaders.length === 0 && lead.people.length > 0) {
      // `责任领导及单位 | 张明/区教育局`: the header says the people in the cell are the leaders
      leaders = lead.people;
      warnings.push(W('leader_in_units', `“${leaders.join('、')}”写在单位格，表头含“领导”，按牵头领导处理`, 'leaders'));
    }
    if (!hasLeaders && leaders.length === 0) {
      const named = leaderOfHeading(state.category) ?? leaderOfHeading(state.theme);
      if (named) {
        leaders = [named];
        warnings.push(W('leader_from_heading', `牵头领导取自分组标题中的“${named}”`, 'leaders'));
      }
    }
    if (!hasUnits && units.length === 0) {
      const named = unitOfHeading(state.category) ?? unitOfHeading(state.theme);
      if (named) {
        units = [named];
        warnings.push(W('unit_from_heading', `牵头单位取自分组标题中的“${named}”`, 'units'));
      }
    }
    state.leaders = leaders;
    state.units = units;
    const progressSlots = slotOf('progress');
    // One written report column (most tables): its text, without building parts.
    const parts = splitReport ? reportParts(row, layout) : null;
    let progress = parts ? parts.map((p) => p.text).join(' ') : filledTexts(row, progressSlots).join(' ');
    if (
      progress &&
      progressSlots.length === 1 &&
      row.slotSkipped.some((s, i) => s && i < progressSlots[0] && slots[i] !== 'heading')
    ) {
      warnings.push(W('progress_shifted', '进展情况左移到了前面的列，已归位', 'progress'));
    }
    if (row.extra.length) {
      progress = [progress, ...row.extra].filter(Boolean).join('\n');
      warnings.push(W('extra_cell', '本行多出的格子已并入进展情况', 'progress'));
    }
    if (row.droppedBlank) warnings.push(W('cells_shifted', '本行的格子与表头错开了一列，已按内容归位'));
    if (row.sameAsAbove) warnings.push(W('same_as_above', '“同上”按上一行的内容处理'));

    if (sibling) warnings.push(W('sibling_row', '无序号的行有自己的事项和完成数，按上一序号下的又一项处理'));
    if (firstOfSection) warnings.push(W('seq_missing', '标题下的第一行没有序号，按该标题下的一项任务处理', 'seq'));
    else if (unnumbered)
      warnings.push(W('seq_missing', '无序号的行有自己的事项和牵头单位，按下一个序号的任务处理', 'seq'));
    const previousSeq = tasks.length > 0 ? tasks[tasks.length - 1].seq : 0;
    /** A row without its number: the item it stands beside, the section's first, or the next. */
    const seqOfUnnumbered = (): number => {
      if (sibling) return previousSeq;
      if (firstOfSection && restartsPerSection) return 1;
      return unnumbered ? previousSeq + 1 : tasks.length + 1;
    };
    const task: ParsedTask = {
      seq: row.seq ?? seqOfUnnumbered(),
      theme: state.theme,
      category: state.category,
      target,
      leaders,
      units,
      progress,
      warnings,
    };
    if (parts) task.progress_parts = parts;
    // the office's verdict on the group, read as its flag on each item; the report text stays as printed
    for (const heading of progress ? [state.category, state.theme] : []) {
      const verdict = verdictOfHeading(heading);
      if (!heading || !verdict) continue;
      task.progress_parts = [
        ...(parts ?? reportParts(row, layout)),
        { role: 'flag', header: heading, text: verdict.text },
      ];
      warnings.push(W('verdict_heading', `分组标题“${heading}”是对其下各项的评价，评估时一并读入`));
      break;
    }
    if (layout.optionalColumns.includes('co_units'))
      task.co_units = namesIn(filledTexts(row, slotOf('co_units')).join(' '), 'co_units', warnings);
    if (layout.optionalColumns.includes('deadline'))
      task.deadline = filledTexts(row, slotOf('deadline')).join(' ') || null;
    if (layout.optionalColumns.includes('notes')) task.notes = filledTexts(row, slotOf('notes')).join('\n') || null;
    if (!task.target && !task.progress && task.leaders.length === 0) return;
    tasks.push(task);
  });
  backfillCategories(tasks, prefixed, rows);
  for (const task of tasks) splitLabelledCell(task);
  return { tasks, warnings: tableWarnings };
}

/** `目标：…` and `进展：…` in one cell (a column of the task and its report, labelled line by line). */
const TARGET_LABEL = /^(目标任务|工作目标|年度目标|目标|任务)\s*[:：]\s*/;
const REPORT_IN_CELL = new RegExp(`(${REPORT_LABELS})\\s*[:：]\\s*`);

/**
 * A task whose one cell (read as its target or its report, the other empty) labels both what is to
 * be done and the report on it: split at the labels, with a warning. Split report columns are left
 * as they are: the assessor reads them by part.
 */
function splitLabelledCell(task: ParsedTask): void {
  if (task.progress_parts) return;
  const cell = task.target && !task.progress ? task.target : !task.target ? task.progress : '';
  const label = TARGET_LABEL.exec(cell);
  if (!label) return;
  const report = REPORT_IN_CELL.exec(cell.slice(label[0].length));
  if (!report) return;
  const at = label[0].length + report.index;
  task.target = cell.slice(label[0].length, at).trim();
  task.progress = cell.slice(at + report[0].length).trim();
  task.warnings.push(W('labelled_cell', '同一格中的“目标”和“进展”已按标签分开', 'target'));
}

/**
 * A merged category cell printed with its text centred lands mid-block in extracted text; the
 * rows of the same theme above it, which show no category, belong to it.
 */
function backfillCategories(
  tasks: ParsedTask[],
  prefixed: ReturnType<typeof splitCategoryPrefix>,
  rows: readonly PlacedRow[],
): void {
  if (prefixed.size === 0) return;
  const bySeq = new Map<number, number>();
  tasks.forEach((t, i) => bySeq.set(t.seq, i));
  const firstOf = new Map<string, number>();
  for (const [rowIndex, split] of prefixed) {
    const seq = rows[rowIndex].seq;
    const ti = seq === null ? undefined : bySeq.get(seq);
    if (ti === undefined) continue;
    if (!firstOf.has(split.category) || firstOf.get(split.category)! > ti) firstOf.set(split.category, ti);
  }
  for (const [category, first] of firstOf) {
    const theme = tasks[first].theme;
    for (let i = first - 1; i >= 0 && tasks[i].theme === theme && tasks[i].category === null; i--) {
      tasks[i].category = category;
      tasks[i].warnings.push(W('category_from_below', `二级任务“${category}”写在下方合并格中，向上补齐`, 'category'));
    }
  }
}
