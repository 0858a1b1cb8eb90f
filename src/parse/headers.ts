// Header synonyms: the names different places give the same column, as a typed table.
// A header row is recognised when enough of its cells name known columns. The names are a
// hint: column-roles.ts checks each against what the column's cells hold.
import type { SourceColumnRole } from '../domain/index.js';
import { simplified } from './traditional.js';

/**
 * The roles a column can play. `task` is 重点工作任务: the theme (and category) level, or the
 * task's name when each task has its own. Progress may be split: `actual` (a figure reached),
 * `rate` (a completion percentage), `flag` (是否达序: 是/否), `remarks` (存在问题, 下一步打算).
 * `plan` is a period's work plan (月度工作计划): neither the target nor the report. `other` is
 * read by no field (总投资, 县区).
 */
export type ColumnRole = SourceColumnRole;

export interface HeaderSynonym {
  role: ColumnRole;
  /** Names as printed, compared after removing white space and brackets' content. */
  names: readonly string[];
}

/**
 * Order matters: the first role whose name the header contains wins, so the more
 * specific names (配合单位 before 单位, 目标任务 before 任务) come first.
 */
export const HEADER_SYNONYMS: readonly HeaderSynonym[] = [
  { role: 'seq', names: ['序号', '编号', '序', '项次', '排序'] },
  {
    role: 'co_units',
    names: ['配合单位', '协办单位', '协同单位', '配合部门', '参与单位', '协助单位', '责任单位（配合）', '配合'],
  },
  {
    role: 'leaders',
    names: [
      '牵头区领导',
      '牵头县领导',
      '牵头市领导',
      '牵头领导',
      '责任领导',
      '分管领导',
      '联系领导',
      '责任区领导',
      '分管区领导',
      '区领导',
      '县领导',
      '市领导',
      '分管副县长',
      '分管副区长',
      '分管副市长',
      '分管县领导',
      '分管市领导',
      '包保领导',
      '牵头责任人',
      '分管负责同志',
      '负责同志',
      '责任人',
      '领导',
    ],
  },
  {
    role: 'units',
    names: [
      '牵头单位',
      '责任单位',
      '牵头部门',
      '责任部门',
      '主办单位',
      '实施单位',
      '承办单位',
      '主责单位',
      '牵头责任单位',
      '主责部门',
      '承办部门',
      '主办部门',
      '牵头处室',
      '责任处室',
      '牵头科室',
      '责任科室',
      '牵头股室',
      '责任股室',
      // a ministry's departments (`牵头负责司局`)
      '牵头司局',
      '负责司局',
      '责任司局',
      '责任主体',
      '实施主体',
      '单位',
    ],
  },
  {
    role: 'flag',
    // a traffic light on each task's schedule (亮灯情况: 红灯/黄灯/绿灯) is a flag too
    names: [
      '是否达序',
      '是否达到序时进度',
      '是否达到序时',
      '是否滞后',
      '是否完成',
      '是否序时',
      '是否',
      '亮灯情况',
      '亮灯',
      '灯色',
      '预警灯',
    ],
  },
  {
    role: 'rate',
    names: [
      '完成率',
      '任务完成率',
      '完成进度',
      '当前进度',
      '累计进度',
      '完成比例',
      '完成百分比',
      '序时进度',
      '%',
      '％',
    ],
  },
  {
    role: 'actual',
    names: ['实际完成情况', '实际完成', '完成值', '完成数', '累计完成', '完成投资', '实际值', '完成数量', '实绩'],
  },
  {
    role: 'progress',
    names: [
      '进展情况',
      '完成情况',
      '落实情况',
      '工作进展',
      '推进情况',
      '进度情况',
      '目前进展',
      '当前进展',
      '实施进度',
      '实施情况',
      '实施进展',
      '进展',
      '进度',
      '执行情况',
      '工作开展情况',
      '办理情况',
      '已完成工作',
      '阶段性成效',
      '推进成效',
      // the office's verdict on the period (`未达预期`, `序时推进`), read with the report
      '工作评价',
      '进度评价',
      '进度状态',
    ],
  },
  { role: 'deadline', names: ['完成时限', '时间节点', '完成时间', '时间要求', '计划完成时间', '时限', '完成期限'] },
  { role: 'plan', names: ['月度工作计划', '工作计划', '月度计划', '本月计划', '计划'] },
  {
    role: 'remarks',
    names: [
      '存在问题',
      '存在困难',
      '困难和问题',
      '问题和困难',
      '困难问题',
      '问题及建议',
      '取得成效',
      '下一步打算',
      '下步打算',
      '下一步工作',
      '滞后原因',
      '进度滞后原因',
      '未完成原因',
      '原因分析',
      '问题及原因',
      '下一步计划',
      '下步计划',
      '下一步工作计划',
      '下步工作计划',
      '下步工作打算',
      '下步工作措施',
      '下一步措施',
      '下步措施',
      '问题与建议',
      '困难与问题',
      '需协调解决的问题',
      '需协调事项',
    ],
  },
  { role: 'notes', names: ['备注', '说明'] },
  { role: 'category', names: ['工作类别', '二级任务', '子任务', '分项任务'] },
  {
    role: 'target',
    names: [
      '具体目标任务',
      '目标任务',
      '工作目标',
      '具体任务',
      '任务内容',
      '工作内容',
      '主要内容',
      '建设内容',
      '建设规模',
      // what the work is (`工程概况`, `项目概况`): its content, as 建设内容 is
      '工程概况',
      '项目概况',
      '建设概况',
      '年度目标',
      // what the indicator is expected to reach (`预期效果 | 各80个`)
      '预期效果',
      '预期目标',
      '目标内容',
      '具体内容',
      '项目内容',
      '主要目标',
      '内容与要求',
      '具体工作任务',
      '任务要求',
      '工作要求',
      // the standard the work is held to (`工作标准`: 年内通车,完成投资3.36亿元)
      '工作标准',
      '完成标准',
      '考核标准',
      '目标要求',
      '具体工作',
      '主要工作',
      '工作措施',
      '工作举措',
      '主要举措',
      '重点举措',
      '具体措施',
      '预期目标',
      '民生实事',
      '工作指标',
      '目标',
      '指标',
      '实事',
    ],
  },
  {
    role: 'task',
    names: [
      '重点工作任务',
      '工作任务',
      '主要任务',
      '重点任务',
      '重点工作',
      '任务名称',
      '项目名称',
      '实事项目',
      '民生实事项目',
      '为民实事项目',
      // a work or a pledge as the task's name (`民生工程 | 推进落实情况`)
      '工程名称',
      '民生工程',
      '民心工程',
      '重点工程',
      '事项名称',
      '承诺事项',
      // the matter a supervision table follows (`工作事项 | 目标任务`)
      '工作事项',
      '重点事项',
      '项目',
      '类别',
      '大类',
      '领域',
      '板块',
      '部分',
      '方面',
      '任务',
    ],
  },
  {
    role: 'other',
    names: [
      '总投资',
      '计划投资',
      '投资额',
      // the money planned for the year (`年度投资金额（万元）`), not an amount reached
      '投资金额',
      '年度投资金额',
      '起止年限',
      '建设年限',
      '建设性质',
      '县区',
      '区县',
      // where the work is done (`全县17家乡镇卫生院`): neither what is to be done nor the report
      '实施点位',
      '实施地点',
      '建设地点',
      '项目地点',
      '建设地址',
      '联系电话',
      // contact for the public (`监督电话0535-1234567`): neither the target nor the report
      '监督电话',
      '举报电话',
      '咨询电话',
      '服务电话',
      '电话',
      // a class the target belongs to (`A类` 责任目标, `B类` 激励目标), not more of the target
      '目标类型',
      '指标类型',
      '目标类别',
      '指标类别',
      // the points a task weighs in the year's assessment (`分值 | 3`): no number of the task
      '分值',
      '权重',
      '考核分值',
      // a judgment already made (duban's own export writes 评估状态): not the unit's report
      '评估状态',
      '评估结果',
      '研判结果',
    ],
  },
];

/** `8月计划进度`, `本月计划`: the steps planned for the period, not the report on it. */
const PLANNED_PROGRESS =
  /^(\d{4}年)?(\d{1,2}(-\d{1,2})?月份?|本月|本季度?|[一二三四]季度|年度|全年)?(计划(进度|目标|任务)|目标进度)$/;

const PERIOD_PLAN =
  /^(\d{4}年)?(第?[一二三四1-4]季度|[上下]?半年|本?季度|本?月度|本季|本月|\d{1,2}(-\d{1,2})?月份?|[一二三四五六七八九十]+月份?)(工作)?(目标|任务|节点)(任务)?$|^(\d+年)?(第?[一二三四1-4]季度|[上下]?半年|\d{1,2}(-\d{1,2})?月份?)?(进度|时间|节点|工作|推进)(安排|计划)$/;

/**
 * The same with the period after the plan, as a two-line header cell reads when joined
 * (`工作任务安排` over `第二季度`, `工作计划` over `1-6月`).
 */
const PLAN_FOR_PERIOD =
  /^(工作)?(任务)?(安排|计划)(第?[一二三四1-4]季度|[上下]半年|\d{1,2}(-\d{1,2})?月份?|[一二三四五六七八九十]{1,3}月份?)$/;

const SHARE_OF_TARGET =
  /^占.{0,8}(任务|计划|目标).{0,2}(之比|比例|比重|比)$|^(完成|占)(本?年度?|全年)(目标|计划|任务)(的[%％]?|[%％])$|^占(本?年度?|全年)(目标|计划|任务)$/;

/** Removes white space and bracketed remarks so `牵头单位\n（盖章）` reads as `牵头单位`. */
export function normaliseHeaderText(text: string): string {
  return simplified(text)
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[:：*＊]/g, '');
}

/** The role a header cell names, or null. Exact names win over contained names. */
export function roleOfHeader(text: string): ColumnRole | null {
  // Bracketed remarks usually say nothing about the column, but `责任单位（配合）` does: try the whole name first.
  if (text.length > 40) return null;
  const whole = simplified(text).replace(/\s+/g, '');
  for (const { role, names } of HEADER_SYNONYMS) if (names.includes(whole)) return role;
  const s = normaliseHeaderText(text);
  if (!s || s.length > 16) return null;
  // one column for both (`责任领导及单位`, `牵头领导/责任单位`): read as units, whose cells' people
  // the table reads as the leaders (tasks.ts)
  if (/领导/.test(s) && /单位|部门/.test(s)) return 'units';
  // `1-8月完成`, `1-6月完成数`: a figure reached in a period.
  if (/月(份)?(实际)?完成(数|值)?$/.test(s)) return 'actual';
  // A part of the year's target or the steps to it (`一季度目标`, `1-6月目标`, `进度安排`): the
  // period's plan, neither the task nor the report on it.
  if (PERIOD_PLAN.test(s) || PLANNED_PROGRESS.test(s) || PLAN_FOR_PERIOD.test(s)) return 'plan';
  // `完成目标(%)`: how much of the target is done, in per cent (its cells bare figures, `123.4`).
  if (/完成/.test(s) && /[（(][%％][）)]/.test(whole)) return 'rate';
  for (const { role, names } of HEADER_SYNONYMS) if (names.includes(s)) return role;
  // `与序时进度比较%`: points ahead of or behind the schedule, no share of the task done (the rate
  // column beside it says how far the task has got)
  if (/^(与|比|较)序时进度(比较|相比|对比)?(的)?[%％]?$/.test(s)) return 'remarks';
  // `分解情况`: the target divided among townships or bodies, neither the target's own words nor a report
  if (/^(任务|目标)?分解(情况|到[\u4e00-\u9fff]{1,4})?$/.test(s)) return 'other';
  // `项目个数`, `项目数`: how many projects a row plans, part of what it is to achieve
  if (/(项目|工程)个?数$/.test(s)) return 'target';
  // `占年任务之比`, `占全年计划比例`, `完成年度目标的%`: what share of the year's task is done, though it
  // names the task.
  if (SHARE_OF_TARGET.test(s)) return 'rate';
  // `本期新增投资`: what the last period added, part of the report but not the figure reached
  if (/^(本期|本月|当月|本季度?|当季|本周)新增/.test(s)) return 'remarks';
  // `累计投资金额`: an amount reached so far, though it names the money as a plan column would
  if (/累计/.test(s) && !/计划|目标|任务|率|比|[%％]|进度/.test(s)) return 'actual';
  // `计划竣工时间`, `开工日期`: when the work is due, though it names the plan (a forecast of it,
  // `全面完成预计时间`, is placed by what its cells say)
  if (/(时间|日期|时限)$/.test(s) && !/预计/.test(s)) return 'deadline';
  for (const { role, names } of HEADER_SYNONYMS) {
    // `序` alone must be the whole cell; a single-character name inside a word means nothing.
    if (names.some((n) => n.length >= 2 && s.includes(n))) return role;
  }
  // `事项内容`, `实事内容`: what the item is to achieve (a report names itself 进展 or 情况); `分类名称`:
  // what the row is about
  if (/(内容|名称)$/.test(s)) return 'target';
  // a pledge and what was done about it (`政府承诺 | 政府办理`, `承诺 | 办理结果`)
  if (/承诺$/.test(s)) return 'target';
  if (/办理(结果|进展|进度)?$/.test(s)) return 'progress';
  return null;
}

/** The column roles of a header row by index, or null when the row is not a header. */
export function readHeaderRow(cells: readonly string[]): Array<ColumnRole | null> | null {
  // Cheap rejection first: this runs on every row, and a task row starts with its number.
  const first = cells.find((c) => c.trim());
  if (first === undefined || /^\s*\d/.test(first)) return null;
  const roles = cells.map((c) => roleOfHeader(c));
  const found = roles.filter((r): r is ColumnRole => r !== null);
  const distinct = new Set(found);
  const hasTask = distinct.has('target') || distinct.has('task');
  const hasOther = ['units', 'leaders', 'progress', 'deadline', 'actual', 'rate', 'flag'].some((r) =>
    distinct.has(r as ColumnRole),
  );
  const filled = cells.filter((c) => c.trim()).length;
  if (!hasTask) return null;
  // Every cell a known column: a header even with few of them (`具体目标任务 | 进展情况`) or only
  // the grouping and the target (`部分 | 类别 | 为民实事`, `重点工作任务 | 具体目标任务`: targets only).
  if (found.length === filled && filled >= 2 && (hasOther || filled >= 3 || distinct.size >= 2)) return roles;
  if (!hasOther || distinct.size < 3) return null;
  // A header names each column once or twice (a two-level task column); prose rarely does this.
  if (found.length < filled * 0.6) return null;
  return roles;
}
