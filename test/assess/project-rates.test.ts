// Completion rates in the report of a target that names only a project (`农贸市场改造工程`): the
// report's figures measure the project itself, so a rate after them is the task's; a list of
// rates after 分别 gives one for each part; `年计划`, `治理计划` and an adjusted target are plans too.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';

const november = { period: parsePeriod('2022-11') };
const statusOf = (target: string, progress: string) => assessTask({ target, progress }, november).status;

describe('rates of a project named without figures', () => {
  it.each([
    ['农贸市场改造工程', '改造提升农贸市场46个，完成年度任务的100%。', 'done'],
    ['供热管网改造工程', '完成改造管网210公里，占年度任务的102%。', 'done'],
    ['保障性住房建设工程', '新开工5200套、基本建成3100套，分别完成年度任务的100%、103.5%。', 'done'],
    ['保障性住房建设工程', '新开工5200套、基本建成3100套，分别完成年度任务的100%、62%。', 'behind'],
    ['城区道路畅通工程', '改造背街小巷12条、新建停车场4个，分别达到年度计划的60%、40%和70%。', 'behind'],
    ['公园绿地建设', '截至10月底新增绿地面积86万平方米，达到年计划的70%。', 'behind'],
    ['公园绿地建设', '截至9月底新增绿地面积86万平方米，占年计划的80%。', 'on_track'],
    ['棚户区改造工程', '启动改造210个，完成年度任务的160%，占调整后目标的70%。', 'behind'],
  ])('%s: %s → %s', (target, progress, status) => expect(statusOf(target, progress)).toBe(status));

  it('a rate for one part of a report with other figures is not the whole task', () =>
    expect(
      statusOf(
        '城乡供水保障工程',
        '城区部分，改造供水管网62公里，占年度任务的100%；农村部分，12个乡镇已全部开工，完成投资4.1亿元。',
      ),
    ).toBe('on_track'));
});
