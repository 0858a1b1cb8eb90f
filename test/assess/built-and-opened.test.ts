// The one thing a target builds, reported as built, opened or in service in the words units use:
// the thing named before its verb, a month between 已 and the verb, 该中心 pointing back at it, a
// venue opened (开馆), a platform on line (上线运行). And what is not yet built: a tender completed.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const period = parsePeriod('2024Q3');
const statusOf = (target: string, progress: string) => assessTask({ target, progress }, { period }).status;

describe('one thing built, reported without a figure', () => {
  it.each([
    ['建成区级养老服务中心1个', '区级养老服务中心已于8月建成并投入使用。'],
    ['建成区级养老服务中心1个', '区级养老服务中心已建成并投入使用。'],
    ['建成区级养老服务中心1个', '已于5月建成投用。'],
    ['建成区级养老服务中心1个', '该中心已建成投用。'],
    ['新建区图书馆新馆', '区图书馆新馆已于9月正式开馆。'],
    ['建成智慧停车平台', '平台已上线运行。'],
  ])('%s ← %s is done', (target, progress) => expect(statusOf(target, progress)).toBe('done'));

  it.each([
    ['建成区级养老服务中心1个', '区级养老服务中心将于10月建成投用。'],
    ['建成区级养老服务中心1个', '区级养老服务中心主体已完工，正在装修。'],
    ['新建区图书馆新馆', '主体结构已封顶，正在进行内部装修。'],
    ['建成区级养老服务中心', '已基本建成。'],
  ])('%s ← %s goes on', (target, progress) => expect(statusOf(target, progress)).toBe('on_track'));
});

describe('a target that builds (新建, 扩建) is a thing delivered, not an effort', () => {
  it('a school extension reported finished is done, not continuing work', () => {
    const a = assessTask({ target: '扩建区第一小学', progress: '扩建工程已竣工，9月投入使用。' }, { period });
    expect(a.status).toBe('done');
    expect(a.reason).not.toMatch(/持续性/);
  });
  it('a new library not yet opened is not continuing work either', () =>
    expect(assessTask({ target: '新建区图书馆新馆', progress: '主体结构已封顶。' }, { period }).reason).not.toMatch(
      /持续性/,
    ));
});

describe('a preparatory step completed is not the thing built', () => {
  it('roads whose tender is completed are not built', () =>
    expect(
      statusOf('新建滨河路南段、科创园周边配套道路', '科创园周边配套道路已完成招标，滨河路完成招标前期准备工作。'),
    ).toBe('on_track'));

  it('a plan the target asks for, completed, is the target', () =>
    expect(statusOf('编制区级养老服务设施布局方案', '已完成方案编制并印发。')).toBe('done'));

  it('work still going on (正进行) keeps a deliverable open', () =>
    expect(statusOf('建设电子健康卡一期项目', '三家区属医院已上线运行电子健康卡，区第三医院正进行接口改造。')).toBe(
      'on_track',
    ));
});

describe('several things to build, one of them short of finished', () => {
  it('is not done while one is at 80%', () =>
    expect(statusOf('建成城东污水厂、城西水厂和滨江公园', '城东污水厂、城西水厂已建成投用，滨江公园完成80%。')).toBe(
      'on_track',
    ));
  it('is done when all are reported built, named or counted', () => {
    expect(statusOf('建成城东污水厂、城西水厂和滨江公园', '城东污水厂、城西水厂、滨江公园均已建成投用。')).toBe('done');
    expect(statusOf('建成城东污水厂、城西水厂和滨江公园', '三个项目均已建成投用。')).toBe('done');
  });
});

describe('a title won', () => {
  const q3 = { period: parsePeriod('2024Q3') };
  it.each([
    ['获评省级美丽乡村示范县', '已成功获评'],
    ['入选国家级农业产业强镇', '已入选第五批国家级农业产业强镇'],
  ])('%s is done once %s', (target, progress) => {
    expect(assessTask({ target, progress }, q3).status).toBe('done');
  });
  it('is not won while it is applied for', () => {
    expect(assessTask({ target: '获评省级美丽乡村示范县', progress: '正在积极申报' }, q3).status).toBe('on_track');
  });
});
