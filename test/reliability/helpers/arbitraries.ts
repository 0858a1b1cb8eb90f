// fast-check generators for the shapes of text duban reads: target and progress sentences built
// from the vocabulary of government progress reports (numbers, 万/亿, %, 确保/力争, quarters),
// table-like text with headers and separators, and mutations of a real table.
import fc from 'fast-check';

const NUMBERS = [
  '6',
  '5.5',
  '10',
  '33.2',
  '0',
  '100',
  '3000',
  '128.3',
  '1-11',
  '１２',
  '-3',
  '1e308',
  '99999999999999999999',
  'NaN',
  '.5',
  '1.',
  '0.0001',
];
const CN_NUMBERS = [
  '一',
  '二',
  '三',
  '十',
  '十一',
  '二十',
  '一百',
  '三千',
  '两',
  '四十五',
  '零点五',
  '九千九百九十九万',
  '亿',
  '百分之五',
];
const UNITS = [
  '%',
  '％',
  '个',
  '万元',
  '亿元',
  '万',
  '亿',
  '家',
  '亩',
  '平方米',
  '公里',
  '个百分点',
  '美元',
  '万美元',
  '位',
  '名',
  '千瓦',
];
const VERBS = [
  '增长',
  '达到',
  '完成',
  '新增',
  '下降',
  '控制在',
  '不低于',
  '不超过',
  '提高',
  '累计',
  '实现',
  '同比增长',
  '同比下降',
  '排名第',
  '力争',
  '确保',
  '以上',
  '以内',
  '左右',
];
const METRICS = [
  '地区生产总值',
  '服务业增加值',
  '固定资产投资',
  '一般公共预算收入',
  '研发投入强度',
  '学位',
  '老旧小区改造',
  '规上工业增加值',
  '社会消费品零售总额',
  '空气优良率',
  '城镇调查失业率',
];
const PERIODS = [
  '三季度',
  '1-11月',
  '1—10月',
  '上半年',
  '全年',
  '截至目前',
  '一季度',
  '12月',
  '截至11月底',
  '年度数据',
  '二〇二三年',
];
const STATUS_WORDS = [
  '已完成',
  '超额完成',
  '正在推进',
  '滞后',
  '未开工',
  '待统计',
  '暂无数据',
  '延期',
  '受疫情影响',
  '按计划推进',
  '已开工',
  '完工',
];
const PUNCT = [
  '，',
  '。',
  '；',
  '、',
  '（',
  '）',
  '(',
  ')',
  '“',
  '”',
  '《',
  '》',
  ',',
  ';',
  ':',
  '：',
  '\n',
  ' ',
  '\t',
  '"',
  '…',
  '—',
];

const piece = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(...CN_NUMBERS),
  fc.constantFrom(...UNITS),
  fc.constantFrom(...VERBS),
  fc.constantFrom(...METRICS),
  fc.constantFrom(...PERIODS),
  fc.constantFrom(...STATUS_WORDS),
  fc.constantFrom(...PUNCT),
  fc.string({ maxLength: 4, unit: 'grapheme' }),
);

/** A sentence in the style of a target or a progress report (often absurd, always the right vocabulary). */
export const reportText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

/** Any text at all, including lone surrogates, control characters and astral-plane characters. */
export const anyText = fc.oneof(
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc.string({ maxLength: 300, unit: 'grapheme' }),
  reportText,
);

const HEADER_WORDS = [
  '序号',
  '重点工作任务',
  '具体目标任务',
  '牵头区领导',
  '牵头单位',
  '进展情况',
  '责任单位',
  '配合单位',
  '完成时限',
  '备注',
  '主要目标',
  '工作任务',
  '责任领导',
  '进度',
];
const cell = fc.oneof(
  { weight: 3, arbitrary: reportText },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', '"', '""', '"a\tb"', '"x\ny"', '陶峰', '区发展改革局、区财政局', '王芳 李明'),
  },
  { weight: 1, arbitrary: fc.nat({ max: 400 }).map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
);

/** Text shaped like a progress table: an optional title, a header row, rows of cells, odd separators. */
export const tableText = fc
  .record({
    title: fc.option(
      fc.constantFrom(
        '2023年钱塘区政府工作报告重点工作任务四季度进展情况表',
        '2024年1-3月重点任务进展',
        '进展情况表',
        '',
      ),
      { nil: undefined },
    ),
    header: fc.shuffledSubarray(HEADER_WORDS, { minLength: 0, maxLength: 9 }),
    rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 25 }),
    sep: fc.constantFrom('\t', ',', '\t', '  ', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
  })
  .map(({ title, header, rows, sep, eol, bom }) => {
    const lines = [...(title === undefined ? [] : [title]), header.join(sep), ...rows.map((r) => r.join(sep))];
    return (bom ? '\uFEFF' : '') + lines.join(eol);
  });

/** One edit of a real text: cut a range, repeat a range, insert noise, swap separators, shuffle lines. */
export const textMutation = fc.oneof(
  fc.record({
    kind: fc.constant('cut' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    len: fc.nat({ max: 2000 }),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    len: fc.nat({ max: 2000 }),
    times: fc.integer({ min: 2, max: 20 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: anyText }),
  fc.record({
    kind: fc.constant('separator' as const),
    from: fc.constantFrom('\t', '\n', '，'),
    to: fc.constantFrom(',', '"', '', '\t\t', '\r', '\n\n'),
  }),
  fc.record({ kind: fc.constant('shuffle' as const), seed: fc.integer() }),
);
export type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

export function applyTextMutation(text: string, m: TextMutation): string {
  const pos = (at: number) => Math.floor(at * text.length);
  switch (m.kind) {
    case 'cut':
      return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.len);
    case 'repeat': {
      const s = pos(m.at);
      return text.slice(0, s) + text.slice(s, s + m.len).repeat(m.times) + text.slice(s + m.len);
    }
    case 'insert':
      return text.slice(0, pos(m.at)) + m.text + text.slice(pos(m.at));
    case 'separator':
      return text.split(m.from).join(m.to);
    case 'shuffle': {
      const lines = text.split('\n');
      let seed = m.seed;
      for (let i = lines.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const j = seed % (i + 1);
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return lines.join('\n');
    }
  }
}

/** One edit of a file's bytes: truncate, flip bits, overwrite a run, or splice in random bytes. */
export const byteMutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 7 })), {
      minLength: 1,
      maxLength: 16,
    }),
  }),
  fc.record({
    kind: fc.constant('overwrite' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.uint8Array({ maxLength: 256 }),
  }),
);
export type ByteMutation = typeof byteMutation extends fc.Arbitrary<infer T> ? T : never;

export function applyByteMutation(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const pos = (at: number) => Math.max(0, Math.min(bytes.length - 1, Math.floor(at * bytes.length)));
  const out = Buffer.from(bytes);
  if (bytes.length === 0) return m.kind === 'splice' ? Buffer.from(m.bytes) : out;
  switch (m.kind) {
    case 'truncate':
      return out.subarray(0, Math.floor(m.at * bytes.length));
    case 'flip':
      for (const [at, bit] of m.flips) out[pos(at)] ^= 1 << bit;
      return out;
    case 'overwrite':
      Buffer.from(m.bytes).copy(out, pos(m.at));
      return out;
    case 'splice':
      return Buffer.concat([out.subarray(0, pos(m.at)), Buffer.from(m.bytes), out.subarray(pos(m.at))]);
  }
}
