// A count tied to one stage of building work (开工, 竣工…) is not the actual of a target asking
// for another stage: `全部开工,其中12所竣工` reports a 开工 target by what has started.
import { describe, expect, it } from 'vitest';
import { matchActual } from '../../src/assess/actuals.js';
import { extractIndicators } from '../../src/assess/indicators.js';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const actualOf = (target: string, progress: string) => matchActual(extractIndicators(target)[0], progress).actual;

describe('stages of building work', () => {
  it.each([
    ['开工建设乡镇卫生院20所', '20所乡镇卫生院已全部开工建设，其中12所已竣工投用。', 20],
    ['建成乡镇卫生院20所', '乡镇卫生院开工建设20所，其中已建成12所。', 12],
    ['新开工保障性住房800套', '保障性住房新开工800套，基本建成300套，竣工交付150套。', 800],
  ])('%s ← %s', (target, progress, actual) => expect(actualOf(target, progress)).toBe(actual));

  it('what has started is not what is built', () =>
    expect(actualOf('建成乡镇卫生院20所', '20所乡镇卫生院已全部开工建设。')).toBeNull());

  it('all started does not close a target of things built', () =>
    expect(assessTask({ target: '建成乡镇卫生院20所', progress: '乡镇卫生院已全部开工建设。' }).status).toBe(
      'on_track',
    ));

  it('a target of both stages (开竣工) takes neither stage alone', () =>
    expect(actualOf('开竣工学校10所', '已开工5所，已竣工6所。')).toBeNull());

  it('a 开工 target met by what has started is done', () =>
    expect(
      assessTask({
        target: '开工建设城乡公共厕所40座',
        progress: '40座公共厕所已全部开工建设，其中25座竣工并投入使用。',
      }).status,
    ).toBe('done'));
});

describe('a stage done with the end still ahead', () => {
  it('the main works done and completion forecast (预计10月底完工) is no building done', () =>
    expect(
      assessTask({ target: '建成区体育中心', progress: '项目已完成主体工程，预计10月底完工。' }, { period: null })
        .status,
    ).toBe('on_track'));
  it('an event called off (活动取消) is behind', () =>
    expect(assessTask({ target: '举办全民运动会', progress: '受疫情影响，活动取消。' }, { period: null }).status).toBe(
      'behind',
    ));
});

describe('a count of things begun for a target that builds them', () => {
  const q2 = { period: parsePeriod('2024Q2') };
  it('is a step toward the count, not the count reached', () => {
    const a = assessTask({ target: '新建人才公寓500套', progress: '已开工500套，主体完成60%。' }, q2);
    expect([a.status, a.indicators[0].actual]).toEqual(['on_track', 500]);
    expect(a.reason).toContain('已开工数');
  });
  it('meets a target that asks for the start itself', () => {
    expect(assessTask({ target: '新开工人才公寓500套', progress: '已开工500套。' }, q2).status).toBe('done');
  });
  it('leaves a count built as the count reached', () => {
    expect(assessTask({ target: '新建人才公寓500套', progress: '已建成500套。' }, q2).status).toBe('done');
  });
});
