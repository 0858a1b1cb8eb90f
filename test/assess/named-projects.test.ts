// A target that only names a project (`农村饮水安全巩固提升工程`) is a deliverable: a report ending on
// `已全部完成` or saying `该项工作已全部完成` closes it; effort led by 持续/深化 or 实施 is not closed so,
// nor a project whose report says part of it still goes on. A count of one thing to build is met by
// the report naming it built, and a share asked of that thing, stated with it, is done once reported.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const yearEnd = { period: parsePeriod('2021-12') };
const assess = (target: string, progress: string) => assessTask({ target, progress }, yearEnd);
const statusOf = (target: string, progress: string) => assess(target, progress).status;

describe('a target naming only a project', () => {
  it.each([
    ['农村饮水安全巩固提升工程', '全县计划改造供水管网43处,已全部完成。', 'done'],
    ['老年助餐服务覆盖项目', '按照《助餐服务实施方案》要求新建助餐点18个,覆盖率100%。该项工作已全部完成。', 'done'],
    ['社区“嵌入式”托育服务行动', '计划建设托育点12个,已完成。', 'done'],
    // part of the report still under way
    ['城乡道路提升工程', '计划改造道路20条,已完成15条,在建5条,已全部完成。', 'on_track'],
    ['城乡道路提升工程', '计划改造道路20条,正在施工,已全部完成。', 'on_track'],
  ])('%s: %s → %s', (target, progress, status) => expect(statusOf(target, progress)).toBe(status));

  it.each([
    ['持续深化农村人居环境整治', '全县计划整治村庄86个,已全部完成。'],
    ['实施城乡供水一体化工程', '全县计划改造供水管网43处,已全部完成。'],
  ])('effort is not closed by a closing clause: %s', (target, progress) =>
    expect(statusOf(target, progress)).toBe('on_track'),
  );
});

describe('one thing to build', () => {
  it('a count of one is met by naming the thing built', () => {
    const a = assess('新建1所区域性养老服务中心', '对原镇卫生院进行改造,建成东湖镇区域性养老服务中心,已入住老人36人。');
    expect(a.status).toBe('done');
    expect(a.indicators[0].actual).toBeNull();
  });

  it('not when the building is still planned', () =>
    expect(statusOf('新建1所区域性养老服务中心', '计划年底建成东湖镇区域性养老服务中心,主体已封顶。')).toBe(
      'on_track',
    ));

  it('a share asked of the thing built, stated with it, is done', () =>
    expect(
      statusOf(
        '新建1所区域性养老服务中心,护理型床位占比达到60%以上。',
        '建成东湖镇区域性养老服务中心,设置床位120张,其中护理型床位90张,占比75%。',
      ),
    ).toBe('done'));

  it('a share reported apart from the thing built stays a part-year rate', () =>
    expect(
      statusOf(
        '新建1所区域性养老服务中心,护理型床位占比达到60%以上。',
        '建成东湖镇区域性养老服务中心。全县护理型床位占比75%。',
      ),
    ).toBe('on_track'));
});
