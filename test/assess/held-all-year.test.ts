// Goals held all year without a figure (`不发生…`, `遏制…事故`, `双下降`): met so far until the report
// reaching December, missed when the report says the opposite; and on schedule (`完成序时任务`) is no
// finished task.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const q3 = { period: parsePeriod('2024Q3') };
const q4 = { period: parsePeriod('2024Q4') };

describe('a state to keep all year', () => {
  it.each([
    ['坚决遏制重特大安全生产事故发生', '1-9月未发生较大以上安全生产事故'],
    ['确保不发生规模性返贫', '全区未发生规模性返贫'],
    ['安全生产事故起数和死亡人数实现双下降', '1-9月发生生产安全事故12起、死亡5人，同比分别下降20%和16.7%'],
  ])('%s is on track in September and done in December', (target, progress) => {
    expect(assessTask({ target, progress }, q3).status).toBe('on_track');
    expect(assessTask({ target, progress }, q4).status).toBe('done');
  });
  it('is behind when both rose', () => {
    const a = assessTask(
      {
        target: '安全生产事故起数和死亡人数实现双下降',
        progress: '1-9月发生生产安全事故12起、死亡5人，同比分别上升20%和16.7%',
      },
      q3,
    );
    expect(a.status).toBe('behind');
  });
});

describe('on schedule is not finished', () => {
  it('keeps a task reported at its 序时任务 on track', () => {
    const a = assessTask(
      { target: '单位地区生产总值能耗下降完成省下达任务', progress: '1-9月单位GDP能耗下降3.1%，完成省下达序时任务' },
      q3,
    );
    expect(a.status).toBe('on_track');
  });
  it('does not hold back a building reported finished ahead of schedule', () => {
    expect(assessTask({ target: '建成区级体育中心', progress: '项目已竣工，超序时进度' }, q3).status).toBe('done');
  });
});

describe('kept at zero (清零)', () => {
  it.each([['零就业家庭保持动态清零'], ['零就业家庭实现动态清零']])('is met by %s', (progress) => {
    const a = assessTask({ target: '零就业家庭动态清零', progress }, q3);
    expect(a.status).toBe('done');
  });
  it('is not met while some remain', () => {
    expect(assessTask({ target: '零就业家庭动态清零', progress: '尚未清零，剩余3户' }, q3).status).toBe('behind');
  });
});
