// How reports shorten the names of what they measure: each long form and the short form both
// sides are compared in (地区生产总值 and GDP are one metric). To add a synonym, add a row; the
// long form must not be a part of another row's short form.

export interface MetricSynonym {
  /** As written in full. */
  written: string;
  /** The short form reports use and comparisons are made in. */
  as: string;
  /** Two characters of the long form that are rare elsewhere: a text without them is not searched. */
  mark: string;
}

export const METRIC_SYNONYMS: readonly MetricSynonym[] = [
  { written: '地区生产总值', as: 'GDP', mark: '总值' },
  { written: '生产总值', as: 'GDP', mark: '总值' },
  { written: '规模以上', as: '规上', mark: '模以' },
  { written: '限额以上', as: '限上', mark: '额以' },
  { written: '固定资产投资', as: '固投', mark: '定资' },
  { written: '社会消费品零售总额', as: '社零', mark: '零售' },
  { written: '社会消费品零售额', as: '社零', mark: '零售' },
  { written: '居民消费价格指数', as: 'CPI', mark: '消费' },
  { written: '居民消费价格', as: 'CPI', mark: '消费' },
  { written: '一般公共预算', as: '一般预算', mark: '公共' },
  // rural sanitation: 户厕改造 and 厕所改造 are 改厕 in reports (`已完成改厕1200户`), 公共厕所 a 公厕
  { written: '户厕改造', as: '改厕', mark: '厕改' },
  { written: '厕所改造', as: '改厕', mark: '所改' },
  { written: '公共厕所', as: '公厕', mark: '厕所' },
];

/**
 * The whole area a target speaks for (`全市新增城乡公交线路35条`): it says where, not what is
 * measured, so it is no part of the metric (reports write it or not: `已完成新增线路37条`).
 */
export const AREA_WORDS: readonly string[] = [
  '全市',
  '全区',
  '全县',
  '全州',
  '全省',
  '全镇',
  '全旗',
  '全盟',
  '我市',
  '我区',
  '我县',
  '我州',
  '我省',
  '本市',
  '本区',
  '本县',
];

/**
 * Administrative levels a metric may be narrowed to (`省级以上研发攻关计划项目`), lowest first, and
 * how a report writes each: a project of a named province (`浙江省“双尖”项目`) or a 省重点 one is
 * of the provincial level. With `以上` after it, a metric's level is also met by every higher one.
 */
export const LEVELS: ReadonlyArray<{ level: string; written: RegExp }> = [
  { level: '区级', written: /区级/g },
  { level: '市级', written: /市级/g },
  // `浙江省`, `省重点`, `省现代化学校`; not 全省, 本省, 外省, 省内, 省委, 省政府, 省份
  { level: '省级', written: /省级|(?<![全本我外各跨该分])省(?![内外委政厅级份会])/g },
  { level: '国家级', written: /国家级/g },
];
