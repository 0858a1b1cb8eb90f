// Cells that only say how far a task has got (`已完成`, `滞后项目`, `正在推进`) or what kind of
// indicator it is (`预期性`, `约束性`). A notice may group its items under such words, printed in
// a column of their own: they repeat down the rows as a heading does, but they are the report's
// verdict on each item, not a theme; an indicator's class is neither target nor leader.

/** Words a report uses for the state of a task, alone in a cell. Data, not rules: extend freely. */
const STATUS_WORDS = [
  '完成',
  '已完成',
  '未完成',
  '基本完成',
  '全部完成',
  '超额完成',
  '提前完成',
  '按期完成',
  '已办结',
  '已竣工',
  '已开工',
  '未开工',
  '未启动',
  '已启动',
  '滞后',
  '进度滞后',
  '推进滞后',
  '序时推进',
  '按序时推进',
  '正常推进',
  '有序推进',
  '正在推进',
  '持续推进',
  '推进中',
  '进行中',
  '实施中',
  '进展顺利',
  '超序时',
  '超序时推进',
  '达序时',
  '未达序时',
];

/** The word may name the group of items it heads (`滞后项目`, `已完成事项`). */
const STATUS_CELL = new RegExp(`^(${STATUS_WORDS.join('|')})(项目|事项|任务|类)?[:：]?$`);

export function isStatusCell(cell: string): boolean {
  return STATUS_CELL.test(cell.replace(/\s+/g, ''));
}

/** An indicator's class in a plan's table of main indicators (`属性`: 预期性 or 约束性). */
export const INDICATOR_CLASS_CELL = /^(预期性|约束性|引导性|指导性)(指标)?$/;
