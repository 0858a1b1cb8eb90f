// How reports shorten the names of what they measure: each long form and the short form both
// sides are compared in (地区生产总值 and GDP are one metric). To add a synonym, add a row; the
// long form must not be a part of another row's short form.

export interface MetricSynonym {
  /** As written in full. */
  written: string;
  /** The short form reports use and comparisons are made in. */
  as: string;
}

export const METRIC_SYNONYMS: readonly MetricSynonym[] = [
  { written: '地区生产总值', as: 'GDP' },
  { written: '生产总值', as: 'GDP' },
  { written: '规模以上', as: '规上' },
  { written: '限额以上', as: '限上' },
  { written: '固定资产投资', as: '固投' },
  { written: '社会消费品零售总额', as: '社零' },
  { written: '一般公共预算收入', as: '一般预算收入' },
  { written: '研究与试验发展', as: '研发' },
  { written: '高新技术产业', as: '高新产业' },
];
