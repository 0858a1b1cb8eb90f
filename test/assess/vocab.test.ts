// Table tests for the vocabulary files: add a row here when you add a word there.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { classifyClauses } from '../../src/assess/deliverables.js';
import { findWord } from '../../src/assess/text.js';
import { extractIndicators } from '../../src/assess/indicators.js';
import { gramsOf, normaliseWording } from '../../src/assess/gram-index.js';
import { NAMING_TERMS, sameUnitFamily, UNITS, unitKey } from '../../src/assess/vocab/measure-words.js';
import { AREA_WORDS, LEVELS, METRIC_SYNONYMS } from '../../src/assess/vocab/metric-words.js';
import { PERIOD_PATTERNS } from '../../src/assess/vocab/period-words.js';
import { saysOnlyDone, taskRateOf } from '../../src/assess/report-columns.js';
import {
  FORECAST_MET,
  FORECAST_WORD,
  COMPLETION_WORDS,
  DELAY_WORDS,
  DONE_AS_OF_WORDS,
  DONE_BY_VERB,
  GRANTED_WORDS,
  ONGOING_WORDS,
  PENDING_PATTERNS,
  AWAITING_DECISION_PATTERNS,
  PREPARATORY_WORDS,
  SHORT_OF_TARGET_WORDS,
  TASK_RATE_PATTERNS,
  WHOLE_DONE_ADVERBS,
  WHOLE_DONE_OBJECTS,
  WHOLE_DONE_SUBJECTS,
  WHOLE_DONE_WORDS,
} from '../../src/assess/vocab/status-words.js';

describe('measure words', () => {
  it.each([
    ['微克', '微克/立方米'],
    ['μg/m³', '微克/立方米'],
    ['吨标煤', '吨标准煤'],
    ['批次', '批次'],
    ['元/人月', '元/人月'],
    ['元/人年', '元/人年'],
    ['元/月/人', '元/月/人'],
    ['元/年/人', '元/年/人'],
    ['元/人', '元/人'],
    ['元/月', '元/月'],
    ['元/年', '元/年'],
    ['倍', '倍'],
    ['畝', '畝'],
    ['個', '個'],
    ['戶', '戶'],
    ['間', '間'],
    ['臺', '臺'],
    ['輛', '輛'],
    ['條', '條'],
    ['處', '處'],
    ['項', '項'],
    ['棟', '棟'],
    ['噸', '噸'],
    ['張', '張'],
    ['場', '場'],
    ['只', '只'],
    ['位', '位'],
    ['部', '部'],
    ['对', '对'],
    ['节(次)', '节(次)'],
    ['场次', '场次'],
    ['节次', '节次'],
    ['节', '节'],
    ['次', '次'],
    ['册', '册'],
    ['份', '份'],
    ['个工作日', '工作日'],
    ['工作日', '工作日'],
    ['天', '天'],
    ['头', '头'],
    ['羽', '羽'],
  ])('%s is read as %s', (written, base) => expect(UNITS.find((u) => u.written === written)?.base).toBe(base));
  it.each([
    ['场次', '场', true],
    ['场次', '場', true],
    ['家', '个', true],
    ['名', '人', true],
    ['户', '家', true],
    ['個', '个', true],
    ['戶', '户', true],
    ['處', '处', true],
    ['項', '项', true],
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
    ['新馆已于9月正式开馆', COMPLETION_WORDS],
    ['平台已上线运行', COMPLETION_WORDS],
    ['被省政府命名为示范县', COMPLETION_WORDS],
    ['被省政府命名为示范县', GRANTED_WORDS],
  ])('%s reads as completion', (text, list) => expect(findWord(text, list)).not.toBeNull());
  it.each([
    '项目有序推进中',
    '正在进行内部装修',
    '区第三医院正进行接口改造',
    '湿地一期工程正在施工建设中',
    '将于12月29日正式开园',
    '完成征地实物指标调查工作大纲(送审稿)',
  ])('%s reads as ongoing', (text) => expect(findWord(text, ONGOING_WORDS)).not.toBeNull());
  it.each([
    '项目进度滞后',
    '尚未启动',
    '开工推迟到明年',
    '项目推进缓慢',
    '前期工作进展缓慢',
    '整体进度偏慢',
    '施工偏慢',
    '拆迁进度慢',
    '二期未开工',
    '未达到序时进度',
    '未完成序时进度',
    '落后序时进度',
    '时间过半、任务未过半',
    '未能实现时间任务双过半',
  ])('%s reads as delay', (text) => expect(findWord(text, DELAY_WORDS)).not.toBeNull());
  it.each([
    ['增长6.1%,低于目标0.9个百分点', '低于目标'],
    ['完成52.6亿元,低于年度目标8个百分点', '低于年度目标'],
    ['增长3.2%,低于全年目标', '低于全年目标'],
    ['增长4.8%,低于预期目标', '低于预期目标'],
    ['上半年增长5.2%,低于预期', '低于预期'],
    ['增速未达目标', '未达目标'],
    ['出口额未达到目标', '未达到目标'],
    ['完成率未达到年度目标', '未达到年度目标'],
    ['投资额未达年度目标', '未达年度目标'],
    ['增速比目标低1.2个百分点', '比目标低'],
  ])('%s falls short of the target (%s)', (text, word) => expect(findWord(text, SHORT_OF_TARGET_WORDS)).toBe(word));
  it.each(SHORT_OF_TARGET_WORDS.map((w) => [w]))('%s names 目标 or 预期 (texts without either are not searched)', (w) =>
    expect(/目标|预期/.test(w)).toBe(true),
  );
  it.each([
    '年度数据。',
    '排名将在2024年春节前后发布',
    '排名结果预计将于2024年1月正式公布',
    '因国家部委机构调整原因',
    '待省统一部署后启动实施',
    '待省经信厅公布名单',
    '该指标按年度统计',
    '该指标为年度指标',
    '待年底考核',
    '统计数据于次年公布',
    '数据待统计局反馈',
    '全年数据尚未出来',
    '目前暂无数据',
    '待统计',
    '三季度数据待核算',
    '2024年度评价尚未开展',
    '年度考核工作暂未启动',
    '未分解任务到嵊州',
    '省级任务尚未下达',
    '上级尚未下达具体指标',
  ])('%s reads as unpublished', (text) => expect(PENDING_PATTERNS.some((p) => p.test(text))).toBe(true));
  it.each([
    '2022年度考核结果全国A类',
    '已完成年度考核任务',
    '区统计局年度统计局长会议',
    '已分解任务到各镇街',
    '接待统计局调研组一行',
  ])('%s does not', (text) => expect(PENDING_PATTERNS.some((p) => p.test(text))).toBe(false));
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

describe('every word of the new lists is read', () => {
  it.each(DELAY_WORDS.map((w) => [w]))('delay: %s', (w) => expect(findWord(`项目${w}。`, DELAY_WORDS)).toBe(w));
  it.each(WHOLE_DONE_WORDS.map((w) => [w]))('a cell of only %s says done', (w) =>
    expect(saysOnlyDone(`${w}。`)).toBe(true),
  );
  it.each(PREPARATORY_WORDS.map((w) => [w]))('preparatory: %s', (w) =>
    expect(findWord(`已完成${w}工作`, PREPARATORY_WORDS)).toBe(w),
  );
  it.each(NAMING_TERMS.map((w) => [w]))('%s names, does not count', (w) =>
    expect(extractIndicators(`推进${w}改革，新建驿站5个`).map((i) => i.target)).toEqual([5]),
  );
});

describe('cells that say done, and those that do not', () => {
  it.each([
    ['已完成', true],
    ['完工,投入使用', true],
    ['已完成(完成30%,完成率100%)', true],
    ['完成基础施工,进行垫层施工', false],
    ['基本完成', false],
    ['已完成方案制定', false],
    ['已完成建设并投入使用', true],
    ['已建成并投入使用。', true],
    ['已完成建设任务的80%', false],
  ])('%s → %s', (cell, done) => expect(saysOnlyDone(cell)).toBe(done));
});

describe('completion rates of the whole task', () => {
  it.each([
    ['完成率101.54%', 101.54],
    ['任务完成率88%', 88],
    ['当前进度88%', 88],
    ['形象进度30%', 30],
    ['完成进度80%', 80],
    ['完成年度任务的42.56%', 42.56],
    ['已完成全年目标任务的105%', 105],
    ['100%完成', 100],
    ['完成年度任务40%', 40],
    ['年度任务完成40%', 40],
    ['全年目标任务完成率为40%', 40],
    ['占年度任务的40%', 40],
    ['占计划的64%', 64],
    ['占调整后目标的88%', 88],
    ['占年计划的79%', 79],
    ['达到年计划的50%', 50],
    ['达到改造计划的57%', 57],
    ['达到目标值的90%', null],
    ['完成调整后年度任务的95%', 95],
    ['形象进度完成40%', 40],
    ['已完成年度目标10.5%的增速', null],
    ['已100%完成', 100],
    ['占比100%完成率', null],
    ['柯桥区稽东站完成形象进度90%', null],
    ['同比增长6.8%', null],
    ['完成60%', 60],
    ['已完成30%。', 30],
    ['完成60%的工程量', null],
    ['场外工程完成70%', null],
    ['本项目已完成总工程量的85%', 85],
    ['项目已完成60%', 60],
    ['工程已完成工程总量的40%', 40],
    ['主体工程已完成40%', null],
    // opening with its period
    ['1-6月完成年度计划的45%', 45],
    ['上半年，完成年度目标的42%', 42],
    ['2024年1—9月完成率80%', 80],
    // in words
    ['完成年度目标的七成', 70],
    ['已完成全年任务的八成以上', 80],
    ['完成年度任务的一半以上', 50],
    ['投资完成过半', 50],
    ['时间过半、任务过半', 50],
    ['实现时间任务双过半', 50],
    ['任务未过半', null],
    ['厂房已建成七成', null],
  ])('%s → %s', (clause, rate) => expect(taskRateOf(clause)).toBe(rate));
  it('each pattern has a figure group', () => TASK_RATE_PATTERNS.forEach((p) => expect(p.source).toContain('(\\d+')));
});

describe('metric synonyms', () => {
  it.each(METRIC_SYNONYMS.map((s) => [s.written, s.as]))('%s is compared as %s', (written, as) => {
    expect(normaliseWording(`全区${written}增长`)).toBe(`全区${as}增长`);
    expect(gramsOf(written).pairs).toEqual(gramsOf(as).pairs);
  });
});

describe('area words', () => {
  it.each(AREA_WORDS.map((w) => [w]))('%s at the head of a target is no part of its metric', (w) => {
    expect(extractIndicators(`${w}新增城乡公交线路35条`)[0].metric).toBe('新增城乡公交线路');
    expect(extractIndicators(`2023年${w}新增城乡公交线路35条`)[0].metric).toBe('新增城乡公交线路');
  });
});

describe('period words', () => {
  const read = (text: string) => {
    for (const p of PERIOD_PATTERNS) {
      const m = p.pattern.exec(text);
      if (m && m[0] === text) return { month: p.month(m), fullYear: p.fullYear?.(m) ?? false };
    }
    return null;
  };
  it.each([
    ['1-12月', 12, true],
    ['1-6月', 6, false],
    ['截至12月31日', 12, true],
    ['截至12月底', 12, true],
    ['截至12月25日', 11.83, false],
    ['截至5月15日', 4.5, false],
    ['全年', 12, true],
    ['2023年度', 12, true],
    ['3月份', 3, false],
    ['上半年', 6, false],
  ])('%s is month %s, whole year %s', (text, month, fullYear) => {
    const r = read(text);
    expect(r?.month).toBeCloseTo(month, 1);
    expect(r?.fullYear).toBe(fullYear);
  });
});

describe('done statements about the whole task', () => {
  it.each(WHOLE_DONE_SUBJECTS.map((w) => [w]))('subject %s', (w) => expect(saysOnlyDone(`${w}已完成`)).toBe(true));
  it.each(WHOLE_DONE_ADVERBS.map((w) => [w]))('adverb %s', (w) => expect(saysOnlyDone(`${w}完成`)).toBe(true));
  it.each(WHOLE_DONE_OBJECTS.map((w) => [w]))('object %s', (w) => expect(saysOnlyDone(`已完成${w}`)).toBe(true));
  it.each(DONE_AS_OF_WORDS.map((w) => [w]))('as of %s', (w) => expect(saysOnlyDone(`${w}，已完成`)).toBe(true));
  it.each(['截至6月底', '截至2023年10月31日', '截止9月', '至12月末'])('as of the date %s', (w) =>
    expect(saysOnlyDone(`${w}，项目已完工`)).toBe(true),
  );
  it.each(['截至目前，正在推进', '截至6月底，已完成选址'])('%s is not a done statement', (text) =>
    expect(saysOnlyDone(text)).toBe(false),
  );
  it.each(['待省教育厅审核', '等待市里审批', '待上级认定', '已提交申报材料，等待国家爱卫办复审', '待专家评审'])(
    '%s awaits a decision',
    (text) => expect(AWAITING_DECISION_PATTERNS.some((p) => p.test(text))).toBe(true),
  );
});

describe('a single deliverable reported done by what its verb asks for', () => {
  it.each(DONE_BY_VERB.flatMap((row) => row.done.map((d) => [row.verbs[0], d])))(
    '%s…区文化中心 ← 项目已%s',
    (verb, done) => {
      const a = assessTask({ target: `${verb}区文化中心`, progress: `项目已于8月${done}。` });
      expect(a.status).toBe('done');
    },
  );
  it.each(DONE_BY_VERB.map((row) => [row.verbs[0]]))('%s…区文化中心 is not done by a plan', (verb) => {
    expect(assessTask({ target: `${verb}区文化中心`, progress: '计划10月底前完成各项准备工作。' }).status).toBe(
      'on_track',
    );
  });
});

describe('administrative levels', () => {
  it.each([
    ['区级', '新增区级示范点3个', true],
    ['市级', '认定市级专精特新企业5家', true],
    ['省级', '入选省级重点项目', true],
    ['省级', '入选浙江省“双尖”项目', true],
    ['省级', '新增省现代化学校10所', true],
    ['省级', '全省排名第三', false],
    ['省级', '省内首家', false],
    ['国家级', '获评国家级示范区', true],
  ])('%s is written in %s: %s', (level, text, found) => {
    const row = LEVELS.find((l) => l.level === level)!;
    expect([...text.matchAll(row.written)].length > 0).toBe(found);
  });
});

describe('forecast words', () => {
  it.each(['预计全年增长6%', '据统计部门预测', '初步预估', '有望超额完成'])('%s is a forecast', (text) =>
    expect(FORECAST_WORD.test(text)).toBe(true),
  );
  it.each(['已完成全年目标', '统计局已发布数据'])('%s is not', (text) => expect(FORECAST_WORD.test(text)).toBe(false));
  it.each(['预计可完成年度目标', '有望超额完成全年目标'])('%s forecasts the target met', (text) =>
    expect(FORECAST_MET.test(text)).toBe(true),
  );
});
