// A deliverable reported part done (`主体工程已完成85%`) or done only in a forecast (`预计10月底完成`),
// work stopped (`暂停施工`), and an application round the higher authority has not opened or has paused.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const q3 = { period: parsePeriod('2024Q3') };
const nov = { period: parsePeriod('2024-11') };
const plant = '推进城东污水处理厂二期建设，年内完成主体工程';

describe('a deliverable reported part done', () => {
  it('is not done at 85%', () =>
    expect(assessTask({ target: plant, progress: '主体工程已完成85%' }, q3).status).toBe('on_track'));
  it('is done at 100%', () =>
    expect(assessTask({ target: plant, progress: '主体工程已完成100%' }, q3).status).toBe('done'));
  it('is not done when its completion is only expected', () =>
    expect(assessTask({ target: plant, progress: '项目进展顺利，预计10月底完成主体工程' }, q3).status).toBe(
      'on_track',
    ));
  it('is still done when the report says so', () =>
    expect(assessTask({ target: plant, progress: '已完成主体工程' }, q3).status).toBe('done'));
});

describe('work stopped', () => {
  it('is behind', () =>
    expect(assessTask({ target: plant, progress: '受资金影响，项目暂停施工' }, q3).status).toBe('behind'));
});

describe('work dropped or moved to next year', () => {
  it.each(['该项目已纳入明年计划，今年不再实施。', '经研究，该项目已取消。', '受用地影响，项目调整至明年实施。'])(
    '%s is behind',
    (progress) => expect(assessTask({ target: '建设区文化中心', progress }, q3).status).toBe('behind'),
  );
  it('is not read into work that removes something (已取消收费站)', () =>
    expect(assessTask({ target: '取消省界收费站3个', progress: '已取消省界收费站3个。' }, q3).status).toBe('done'));
});

describe('work expected to finish only next year', () => {
  const hospital = '建成投用区人民医院新院区';
  it('is behind this year’s target', () =>
    expect(
      assessTask({ target: hospital, progress: '主体结构已封顶，正在进行内部装修，预计明年6月投用。' }, nov).status,
    ).toBe('behind'));
  it('is on track when the target itself runs past the year', () =>
    expect(
      assessTask({ target: '2025年建成投用区人民医院新院区', progress: '主体结构已封顶，预计明年6月投用。' }, nov)
        .status,
    ).toBe('on_track'));
  it('is done when only a later step comes next year', () =>
    expect(assessTask({ target: hospital, progress: '已于10月建成投用，明年将继续完善配套设施。' }, nov).status).toBe(
      'done',
    ));
});

describe('an application round not opened by the higher authority', () => {
  const target = '全力申报全省第三批开放大通道综合性战略平台。';
  it('awaits it when the round has not started', () =>
    expect(assessTask({ target, progress: '省第三批综合性战略平台申报工作暂未启动。' }, nov).status).toBe('pending'));
  it('awaits it when the round is paused', () =>
    expect(assessTask({ target, progress: '已完成各类材料上报工作。省级平台申报工作已暂停。' }, nov).status).toBe(
      'pending',
    ));
});

describe('a metric that is itself a plan word', () => {
  const target = '全年谋划重点项目135个以上、总投资700亿元以上。';
  it('is reported by a figure after that word (已谋划重点项目216个)', () => {
    const a = assessTask({ target, progress: '截至目前,已谋划重点项目216个,总投资1010亿元。' }, q3);
    expect(a.indicators.map((i) => i.actual)).toEqual([216, 101000000000]);
    expect(a.status).toBe('done');
  });
  it('is not reported by a figure another plan word marks (计划谋划…150个)', () => {
    const a = assessTask({ target, progress: '计划谋划重点项目150个' }, q3);
    expect(a.indicators[0].actual).toBeNull();
  });
});

describe('a task the higher authority has not yet handed down', () => {
  it('is pending, however long the name of the task between (尚未下达污染物排放量减排任务)', () => {
    const a = assessTask(
      {
        target: '污染排放量确保完成上级下达的目标任务。',
        progress: '目前市生态环境局尚未下达污染物排放量减排任务。已积极对接重点企业,确保完成年度任务。',
      },
      { period: parsePeriod('2023H1') },
    );
    expect(a.status).toBe('pending');
  });
});

describe('part of the work that could not be done', () => {
  const year = { period: parsePeriod('2024Q4') };
  it('is behind though the count reached is near the target (剩余15户…未能实施)', () => {
    const a = assessTask(
      { target: '完成农村危房改造200户', progress: '完成改造185户，剩余15户因户主外出务工未能实施' },
      year,
    );
    expect(a.status).toBe('behind');
  });
  it('is not read into a risk said to be small (无法完成的风险较小)', () => {
    const a = assessTask({ target: '完成农村危房改造200户', progress: '无法完成的风险较小，预计年底完成' }, year);
    expect(a.status).not.toBe('behind');
  });
});

describe('a delay denied', () => {
  it.each([
    ['正在施工，进度不低于序时'],
    ['正在施工，未落后于序时进度'],
    ['正在施工，没有滞后'],
    ['按计划推进，无延期'],
  ])('is no delay: %s', (progress) =>
    expect(assessTask({ target: '改造老旧小区30个', progress }, q3).status).toBe('on_track'),
  );
  it.each([
    ['正在施工，慢于序时'],
    ['正在施工，未达到时序进度'],
    ['均未开工'],
    ['正在施工，无滞后，但部分项目进度滞后'],
  ])('but a delay said outright still is: %s', (progress) =>
    expect(assessTask({ target: '改造老旧小区30个', progress }, q3).status).toBe('behind'),
  );
  it('nor is a growth not below a wider area’s a missed goal', () => {
    const a = assessTask(
      { target: '规上工业增加值增速高于全市平均', progress: '1-9月规上工业增加值增长7.2%，增速不低于全市平均。' },
      q3,
    );
    expect(a.status).not.toBe('behind');
  });
});

describe('work denied done', () => {
  it.each([
    ['举办电商博览会', '博览会未举办。'],
    ['建成区图书馆新馆', '新馆没有完工。'],
  ])('%s is not done by %s', (target, progress) => {
    expect(assessTask({ target, progress }, q3).status).not.toBe('done');
  });
  it('a count its clause says is not done is no result (30个小区改造均未完成)', () => {
    const a = assessTask({ target: '完成老旧小区改造30个', progress: '30个小区改造均未完成。' }, q3);
    expect(a.indicators[0].actual).toBeNull();
    expect(a.status).not.toBe('done');
  });
  it('the rest of a count not started is judged by the figures, not as a delay', () => {
    const a = assessTask({ target: '新开工项目30个', progress: '已开工24个，6个项目尚未开工。' }, q3);
    expect(a.status).toBe('on_track');
    expect(assessTask({ target: '新开工项目30个', progress: '项目均未开工。' }, q3).status).toBe('behind');
  });
});
