// A report that says a figure falls short of the target (`低于目标0.9个百分点`), as shortfall lists
// write it without printing the target: behind, except where the target is a ceiling.
import { describe, expect, it } from 'vitest';
import { assessTask, formatValue } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const q3 = { period: parsePeriod('2019Q3') };

describe('a figure said to fall short of the target', () => {
  it('a growth below the target by some points is behind even when the target prints no figure', () => {
    const a = assessTask({ target: '地区生产总值(第1项)', progress: '增长6.1%,低于目标0.9个百分点。' }, q3);
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('低于目标');
  });
  it('a forecast below the target is behind, not pending (behind comes first)', () => {
    const a = assessTask({ target: '外贸进出口总额', progress: '预计下降8%左右,低于目标15个百分点。' }, q3);
    expect(a.status).toBe('behind');
  });
  it('below the annual target of an amount is behind', () => {
    const a = assessTask(
      { target: '实际利用外资', progress: '实际到资3.73亿美元,完成年度目标的53.3%,低于年度目标21.7个百分点。' },
      q3,
    );
    expect(a.status).toBe('behind');
  });
  it('under a ceiling (控制在…以内) a rate below the target is the aim', () => {
    const a = assessTask(
      { target: '城镇登记失业率控制在4.5%以内', progress: '城镇登记失业率3.2%,低于目标1.3个百分点。' },
      q3,
    );
    expect(a.status).toBe('on_track');
  });
  it('a ceiling named without a figure is the aim too', () => {
    const a = assessTask({ target: '居民消费价格涨幅控制在合理区间以内', progress: '涨幅1.8%,低于目标。' }, q3);
    expect(a.status).not.toBe('behind');
  });
});

describe('a share just below the time share', () => {
  it('is printed to one decimal, not rounded up to the time share it is below', () => {
    const a = assessTask({ target: '一般公共预算收入达到35亿元', progress: '1-9月一般公共预算收入26.2亿元' }, q3);
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('的74.8%，低于序时进度75%');
  });
});

describe('figures in a reason', () => {
  it.each([
    [50000, '人次', '5万人次'],
    [41000, '人次', '4.1万人次'],
    [12500, '人次', '12500人次'],
    [9830, '人', '9830人'],
    [3.8e9, '元', '38亿元'],
  ])('%d %s reads %s', (value, unit, written) => expect(formatValue(value, unit)).toBe(written));
  it('names people served by age without needing the age in the report', () => {
    const a = assessTask({ target: '为65岁以上老年人免费体检5万人次', progress: '已体检4.1万人次' }, q3);
    expect(a.indicators[0].actual).toBe(41000);
    expect(a.reason).toContain('4.1万人次');
  });
});

describe('a completion rate restating the figure of a task of one amount', () => {
  const q4 = { period: parsePeriod('2024Q4') };
  it('is said once in the reason, the figure’s words kept', () => {
    const a = assessTask({ target: '新建5G基站500个', progress: '全年建成5G基站468个，完成年度任务的93.6%。' }, q4);
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('468个');
    expect(a.reason).not.toContain('完成率');
  });
  it('and so while on track', () => {
    const a = assessTask(
      { target: '城镇新增就业8000人', progress: '1-9月城镇新增就业6540人，完成年度目标的81.8%。' },
      { period: parsePeriod('2024Q3') },
    );
    expect(a.status).toBe('on_track');
    expect(a.reason).not.toContain('完成率');
  });
  it('but is kept when it is all the report gives', () => {
    const a = assessTask({ target: '新建5G基站500个', progress: '完成年度任务的60%。' }, q4);
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('完成率60%');
  });
});
