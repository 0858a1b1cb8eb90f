// An office's verdict beside the figures (`未达预期`), a project closed in the report's first
// clause, and a stretch target after the expected one (`增长8%左右,力争增长8.5%`).
import { describe, expect, it } from 'vitest';
import { assessTask, extractIndicators } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const may = { period: parsePeriod('2025-05') };
const sep = { period: parsePeriod('2021-09') };

describe('a verdict of 未达预期 joined before the figures', () => {
  const a = assessTask(
    { target: '地区生产总值增长6.5%以上', progress: '未达预期 一季度增长6.4%,增速居全省第6位' },
    may,
  );
  it('is behind evidence', () => expect(a.status).toBe('behind'));
  it('does not make the figure after it a forecast', () => expect(a.indicators[0].actual).toBe(6.4));
  it('still reads 预期 alone as a forecast', () => {
    const f = assessTask({ target: '地区生产总值增长6.5%以上', progress: '预期全年增长7%' }, may);
    expect(f.indicators[0].actual).toBeNull();
  });
});

describe('a project closed in the first clause of its report', () => {
  it('is done when the rest describes what was built', () => {
    const a = assessTask(
      { target: '共享电单车监管平台', progress: '已竣工验收,共建设1357个实体电子围栏,7家车企共投放5650辆电单车' },
      sep,
    );
    expect(a.status).toBe('done');
  });
  it('is not done when something still goes on', () => {
    const a = assessTask({ target: '共享电单车监管平台', progress: '已竣工验收,二期正在施工' }, sep);
    expect(a.status).not.toBe('done');
  });
});

describe('a stretch target after the expected one', () => {
  it('is one indicator: the stretch its target, the expected figure its floor', () => {
    expect(extractIndicators('地区生产总值增长8%左右,力争增长8.5%').map((i) => [i.target, i.floor])).toEqual([
      [8.5, 8],
    ]);
    expect(extractIndicators('城镇新增就业1万人,力争1.2万人').map((i) => [i.target, i.floor])).toEqual([
      [12000, 10000],
    ]);
  });
  it('keeps two metrics apart', () => {
    expect(extractIndicators('新增就业1万人,力争新增企业200家').length).toBe(2);
  });
});

describe('wording around a target and its report', () => {
  it('leaves 目标 out of the metric (`目标建设1200个以上5G基站`)', () => {
    expect(extractIndicators('推进5G网络工程,目标建设1200个以上5G基站').map((i) => i.metric)).toEqual(['建设5G基站']);
  });
  it('reads a figure said to be 安装到位 as the amount reached', () => {
    const a = assessTask({ target: '增加学生午休躺睡座椅10000套。', progress: '10015套已安装到位。' }, sep);
    expect(a.indicators[0].actual).toBe(10015);
    expect(a.status).toBe('done');
  });
  it('reads an item named as work (`覆盖率工作 78.9%`) by what it measures, and 实际已完成 as the actual', () => {
    const a = assessTask({
      target: '普惠性幼儿园覆盖率工作 78.9%',
      progress: '实际已完成95.31%,完成率为120.80%,已按要求达到本年度考核目标。',
    });
    expect(a.indicators[0].metric).toBe('普惠性幼儿园覆盖率');
    expect(a.indicators[0].actual).toBe(95.31);
  });
  it('reads the one figure whose own clause names nothing else (`5家施工中,5家完成建设`) as the actual', () => {
    const a = assessTask(
      {
        target: '完成10家示范型居家养老服务照料中心建设。',
        progress: '确定改造提升示范型居家养老服务照料中心10个,已完成设计方案,5家施工中,5家完成建设。',
      },
      { period: parsePeriod('2021-07') },
    );
    expect(a.indicators[0].actual).toBe(5);
    expect(a.status).toBe('behind');
  });
  it('reads a rate with a schedule flag joined after it (`增长4.8% 1347.1亿元 否`) as the growth reached', () => {
    const a = assessTask({
      target: '1.地区生产总值 增长6.5%左右',
      progress: '增长4.8% 1347.1亿元 否',
      progress_parts: [
        { role: 'progress', header: '完成情况', text: '增长4.8% 1347.1亿元' },
        { role: 'flag', header: '是否达到序时进度', text: '否' },
      ],
    });
    expect(a.indicators[0].actual).toBe(4.8);
  });
  it('reads a lone fall in the actual column (`下降4.6%`) as the growth reached, below zero', () => {
    const a = assessTask({
      target: '3.一般公共预算收入 增长5%',
      progress: '下降4.6% 102.1亿元',
      progress_parts: [
        { role: 'actual', header: '实际完成', text: '下降4.6%' },
        { role: 'remarks', header: '备注', text: '102.1亿元' },
      ],
    });
    expect(a.indicators[0].actual).toBe(-4.6);
    expect(a.status).toBe('behind');
  });
});
