// Table tests for the vocabulary files: add a row here when you add a word there.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { classifyClauses } from '../../src/assess/deliverables.js';
import { findWord } from '../../src/assess/text.js';
import { sameUnitFamily, UNITS, unitKey } from '../../src/assess/vocab/measure-words.js';
import {
  COMPLETION_WORDS,
  DELAY_WORDS,
  GRANTED_WORDS,
  ONGOING_WORDS,
  PENDING_PATTERNS,
} from '../../src/assess/vocab/status-words.js';

describe('measure words', () => {
  it.each([
    ['微克', '微克/立方米'],
    ['μg/m³', '微克/立方米'],
    ['吨标煤', '吨标准煤'],
  ])('%s is read as %s', (written, base) => expect(UNITS.find((u) => u.written === written)?.base).toBe(base));
  it.each([
    ['家', '个', true],
    ['名', '人', true],
    ['户', '家', true],
    ['亩', '平方米', false],
    ['条', '个', false],
    ['元', '美元', false],
  ])('%s and %s are one family: %s', (a, b, same) => {
    expect(sameUnitFamily(a, b)).toBe(same);
    expect(unitKey(a) === unitKey(b)).toBe(same);
  });
});

describe('status words', () => {
  it.each([
    ['已建成投用', COMPLETION_WORDS],
    ['已挂牌成立', COMPLETION_WORDS],
    ['正式实施', COMPLETION_WORDS],
    ['成功举办', COMPLETION_WORDS],
    ['被省政府命名为示范县', COMPLETION_WORDS],
    ['被省政府命名为示范县', GRANTED_WORDS],
  ])('%s reads as completion', (text, list) => expect(findWord(text, list)).not.toBeNull());
  it.each(['项目有序推进中', '正在进行内部装修', '湿地一期工程正在施工建设中', '将于12月29日正式开园'])(
    '%s reads as ongoing',
    (text) => expect(findWord(text, ONGOING_WORDS)).not.toBeNull(),
  );
  it.each(['项目进度滞后', '尚未启动', '开工推迟到明年'])('%s reads as delay', (text) =>
    expect(findWord(text, DELAY_WORDS)).not.toBeNull(),
  );
  it.each(['年度数据。', '排名将在2024年春节前后发布', '排名结果预计将于2024年1月正式公布', '因国家部委机构调整原因'])(
    '%s reads as unpublished',
    (text) => expect(PENDING_PATTERNS.some((p) => p.test(text))).toBe(true),
  );
});

describe('effort and deliverable clauses', () => {
  it.each([
    ['持续打好蓝天保卫战', 'effort'],
    ['深化信用体系建设', 'effort'],
    ['擦亮“礼善钱塘”文明实践品牌', 'effort'],
    ['营造浓厚氛围', 'effort'],
    ['实施中长期青年发展规划', 'effort'],
    ['加快建设青年发展型标杆城区', 'effort'],
    ['建成易腐垃圾处置中心', 'deliverable'],
    ['投用金沙湖大剧院', 'deliverable'],
    ['启用区社会治理中心', 'deliverable'],
    ['推动《杭州钱塘新区条例》落地', 'deliverable'],
    ['争创省级生态文明建设示范区', 'deliverable'],
    ['高质量举办钱塘文化节', 'deliverable'],
    ['确保电诈发案持续下降', 'checkable'],
    ['确保不发生较大及以上生产安全事故', 'checkable'],
  ])('%s is %s', (text, kind) => expect(classifyClauses(text, [])[0].kind).toBe(kind));
});

describe('granted and awaited designations', () => {
  it.each([
    ['争创全国健康促进区', '11月上旬完成省验收组实地验收。', 'pending'],
    ['创建国家绿色低碳产业园', '已编制评价报告，推荐至工信部参评国家级绿色低碳工业园区。', 'pending'],
    ['争创省级生态文明建设示范区', '完成省级生态文明建设示范区创建。', 'done'],
  ])('%s / %s → %s', (target, progress, status) => expect(assessTask({ target, progress }).status).toBe(status));
});
