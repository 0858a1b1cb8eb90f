// A task's own deadline (完成时限): the month it falls in, and a task still going on after it is
// behind (逾期), however its text reads.
import { describe, expect, it } from 'vitest';
import { deadlineInTarget, deadlineMonth, passedDueMonth } from '../../src/assess/deadline.js';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

describe('deadlineMonth reads the month a deadline falls in', () => {
  it.each([
    ['9月底', 9],
    ['2024年6月', 6],
    ['2024年6月底前', 6],
    ['三季度', 9],
    ['上半年', 6],
    ['年底前', 12],
    ['12月底前', 12],
    ['2024.10', 10],
    ['202409', 9],
    // the last date named is the deadline
    ['6月底前完成方案，12月底前完成建设', 12],
    ['2024年3月-2024年11月', 11],
    // a year before the period's counts back from January
    ['2023年12月底', 0],
    // a later year, a recurring duty, or no date at all: no deadline to pass
    ['2025年6月', null],
    ['长期坚持', null],
    ['每季度', null],
    ['按上级要求', null],
    ['', null],
  ])('%s → %s (in 2024)', (text, month) => expect(deadlineMonth(text, 2024)).toBe(month));
});

describe('passedDueMonth', () => {
  const q3 = parsePeriod('2024Q3');
  it('is the deadline’s month (counted from this January) when it ended before the period’s last month', () => {
    expect(passedDueMonth('2024年6月底', q3)).toBe(6);
    expect(passedDueMonth('2023年12月', q3)).toBe(0);
  });
  it('is null in the deadline’s own month, after it, or without a period', () => {
    expect(passedDueMonth('9月底', q3)).toBeNull();
    expect(passedDueMonth('12月底', q3)).toBeNull();
    expect(passedDueMonth('6月底', null)).toBeNull();
  });
});

describe('a task past its deadline', () => {
  const q3 = { period: parsePeriod('2024Q3') };
  const target = '整改中央环保督察反馈问题';
  it('still going on is behind, the deadline named in the reason', () => {
    const a = assessTask({ target, progress: '部分问题正在整改中，尚未完成销号。', deadline: '2024年6月底' }, q3);
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('已过完成时限（2024年6月底）');
  });
  it('done is done, and a deadline still ahead changes nothing', () => {
    expect(assessTask({ target, progress: '已全部完成整改并销号。', deadline: '2024年6月底' }, q3).status).toBe('done');
    expect(assessTask({ target, progress: '部分问题正在整改中。', deadline: '2024年12月底' }, q3).status).toBe(
      'on_track',
    );
  });
  it('a level to reach by it (压缩至1个工作日以内), met at or after it, is done, not a part-year figure', () => {
    const reform = '企业开办时间压缩至1个工作日以内';
    const met = { target: reform, progress: '已实现企业开办1个工作日内办结。', deadline: '2024年6月' };
    expect(assessTask(met, q3).status).toBe('done');
    expect(assessTask({ ...met, deadline: '2024年12月' }, q3).status).toBe('on_track');
    // a figure dated before the deadline is no result at it
    expect(
      assessTask({ target: '城镇登记失业率控制在4%以内', progress: '3月末城镇登记失业率3.1%。', deadline: '6月' }, q3)
        .status,
    ).toBe('on_track');
  });
  it('reported without saying the work goes on is left as the text reads', () => {
    expect(assessTask({ target: '推进智慧城市建设', progress: '已完成平台一期。', deadline: '6月' }, q3).status).toBe(
      'on_track',
    );
  });
});

describe('a date the target itself sets, where the table has no deadline column', () => {
  it.each([
    ['6月底前完成区级国土空间总体规划编制', '6月底前'],
    ['编制方案，于6月底前完成', '6月底前'],
    ['一季度末完成招标，年底前建成', '一季度末，年底前'],
    ['建成区第二人民医院', null],
    ['完成投资50亿元，其中一季度完成10亿元', null],
  ])('%s → %s', (target, deadline) => expect(deadlineInTarget(target)).toBe(deadline));

  const q3 = { period: parsePeriod('2024Q3') };
  it('makes work still going on after it behind', () => {
    const a = assessTask(
      { target: '6月底前完成区级国土空间总体规划编制', progress: '规划编制工作正在推进，已形成初步成果' },
      q3,
    );
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('6月底前');
  });
  it('does not hide the verb after it: a start asked for and reported is done', () => {
    const a = assessTask({ target: '9月底前开工建设区第二人民医院', progress: '项目已开工' }, q3);
    expect(a.status).toBe('done');
  });
  it('gives way to the deadline column', () => {
    const a = assessTask(
      { target: '6月底前完成规划编制', progress: '规划编制工作正在推进', deadline: '2024年12月底' },
      q3,
    );
    expect(a.status).toBe('on_track');
  });
});
