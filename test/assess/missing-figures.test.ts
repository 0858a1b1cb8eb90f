// A target with a quantitative indicator and a report without its figure: the reason says so,
// the assessment lists the metric, and the form's helper asks for it while the unit types.
import { describe, expect, it } from 'vitest';
import { assessTask, missingFigures, missingFiguresHint } from '../../src/assess/index.js';

const GDP_TARGET = '地区生产总值增长力争6%（确保5.5%）';

describe('missing figures', () => {
  it('a report without the figure names the metric in the reason and in missing_figures', () => {
    const a = assessTask({ target: GDP_TARGET, progress: '全区经济运行总体平稳，主要指标稳中有进。' });
    expect(a.status).toBe('on_track');
    expect(a.reason).toContain('在进展中写明「地区生产总值增长」的实际数值');
    expect(a.missing_figures).toEqual(['地区生产总值增长']);
  });
  it('a report with the figure misses nothing', () => {
    const a = assessTask({ target: GDP_TARGET, progress: '1-9月，全区GDP增长6.2%。' });
    expect(a.missing_figures).toBeUndefined();
  });
  it('only the indicators without a figure are listed', () => {
    const a = assessTask({
      target: '新增城镇就业4500人，城镇登记失业率控制在3.5%以内',
      progress: '1-11月新增城镇就业4800人。',
    });
    expect(a.missing_figures).toEqual(['城镇登记失业率']);
  });
  it('a task of one indicator reported by its completion rate misses nothing', () => {
    const a = assessTask({ target: '完成老旧小区改造20个', progress: '完成年度目标的85%' });
    expect(a.missing_figures).toBeUndefined();
    expect(a.reason).not.toContain('未报告实际值');
  });
  it('a completion rate of a task of several indicators leaves each figure missing', () => {
    const a = assessTask({ target: '新增城镇就业8000人，城镇调查失业率控制在5.5%以内', progress: '完成年度目标的85%' });
    expect(a.missing_figures).toEqual(['新增城镇就业', '城镇调查失业率']);
  });
  it('a task said to be wholly done misses nothing', () => {
    expect(assessTask({ target: '新增停车位9300个', progress: '已完成。' }).missing_figures).toBeUndefined();
  });
  it('an empty report is no_report, with no list on the assessment', () => {
    expect(assessTask({ target: GDP_TARGET, progress: '' }).missing_figures).toBeUndefined();
  });
  it('the form helper asks for every indicator before anything is typed, and for none once given', () => {
    expect(missingFigures(GDP_TARGET, '')).toEqual({
      metrics: ['地区生产总值增长'],
      hint: '在进展中写明「地区生产总值增长」的实际数值',
    });
    expect(missingFigures(GDP_TARGET, '1-9月地区生产总值增长4%。')).toEqual({ metrics: [], hint: null });
  });
  it('a target without an indicator asks for nothing', () => {
    expect(missingFigures('深化信用体系建设', '')).toEqual({ metrics: [], hint: null });
  });
  it('several metrics in one request', () => {
    expect(missingFiguresHint(['新增城镇就业', '城镇登记失业率'])).toBe(
      '在进展中写明「新增城镇就业」「城镇登记失业率」的实际数值',
    );
  });
});
