// Reports split over several columns: a bare figure in the actual column, a completion rate of
// the whole task against the time share, a schedule flag, a cell that says only 已完成.
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod, type ProgressPart } from '../../src/domain/index.js';

const q3 = { period: parsePeriod('2024Q3') };
const march = { period: parsePeriod('2023-03') };
const joined = (parts: ProgressPart[]): string => parts.map((p) => p.text).join(' ');
const part = (role: ProgressPart['role'], header: string, text: string): ProgressPart => ({ role, header, text });

describe('the actual column', () => {
  it('a bare figure is the actual of the target indicator', () => {
    const parts = [part('actual', '累计完成', '2712'), part('rate', '累计进度', '110.69%')];
    const a = assessTask({ target: '城镇新增就业2450人', progress: joined(parts), progress_parts: parts }, q3);
    expect(a.indicators[0].actual).toBe(2712);
    expect(a.status).toBe('done');
  });
  it('two indicators, two figures: each in order, also without parts', () => {
    const a = assessTask(
      { target: '放心家政行动 培训家政服务人员1185人次 新增家政服务人员350人', progress: '1187 100% 352 100%' },
      q3,
    );
    expect(a.indicators.map((i) => i.actual)).toEqual([1187, 352]);
    expect(a.status).toBe('done');
  });
  it('a bare figure short of the floor but above the time share is on_track', () => {
    const a = assessTask({ target: '推进不少于5个城乡公益性公墓新建、改扩建', progress: '4.26 85.2%' }, q3);
    expect(a.indicators[0].actual).toBe(4.26);
    expect(a.status).toBe('on_track');
  });
  it('a column that names another measure (完成投资) is not the indicator’s actual', () => {
    const parts = [
      part('actual', '项目建设阶段(1-12月份) 完成投资', '300'),
      part('rate', '项目建设阶段(1-12月份) %', '100.0'),
      part('progress', '主要形象进度', '建成'),
    ];
    const a = assessTask(
      { target: '利用约7000平方米场地筹建学生接送临时停车场', progress: joined(parts), progress_parts: parts },
      { period: parsePeriod('2022') },
    );
    expect(a.indicators[0].actual).toBeNull();
    expect(a.status).toBe('done');
  });
});

describe('completion rate of the whole task', () => {
  it('below the time share is behind', () => {
    const a = assessTask({ target: '新增农村老年食堂不少于27个', progress: '完成0个,完成率0%' }, march);
    expect(a.status).toBe('behind');
  });
  it('a rate column below the time share is behind even with figures that look fine', () => {
    const parts = [part('progress', '进展情况', '已完成方案制定，目前正在选址。'), part('rate', '形象进度(%)', '28%')];
    const a = assessTask(
      { target: '建设电动自行车“充电驿站”1440个', progress: joined(parts), progress_parts: parts },
      { period: parsePeriod('2025-05') },
    );
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('28%');
  });
  it('at or above the time share but below 100% is on_track', () => {
    const a = assessTask({ target: '开展补贴性培训8000人次', progress: '完成2579人次,完成率32.24%' }, march);
    expect(a.status).toBe('on_track');
  });
  it('100% or more is done', () => {
    const a = assessTask(
      {
        target: '城镇公益性岗位安置就业困难人员6100人',
        progress: '目前累计安置就业困难人员6415人,完成年度任务的105.16%。',
      },
      march,
    );
    expect(a.status).toBe('done');
  });
  it('a rate of one item among several does not close the task', () => {
    const a = assessTask({
      target: '开竣工主次干道15条，提升改造公路4条，打通断头路3条',
      progress: '打通断头路任务3条：已完工3条，完成率100%。提升改造公路：已完成红十五线提升工程。',
    });
    expect(a.status).toBe('on_track');
  });
  it('a rate after a figure that is not the task’s is that item’s', () => {
    const a = assessTask({
      target: '落实开展全国第三次土壤普查',
      progress: '全区土壤表层样198个已全部完成采集，完成率100%；已完成样品制备168个。',
    });
    expect(a.status).not.toBe('behind');
    expect(a.reason).not.toContain('完成率100%');
  });
});

describe('schedule flag and slow work', () => {
  it('否 to 是否达序 is behind', () => {
    const parts = [part('progress', '进展情况', '1-8月完成投资3.2亿元。'), part('flag', '是否达序', '否')];
    const a = assessTask({ target: '完成投资5亿元', progress: joined(parts), progress_parts: parts }, q3);
    expect(a.status).toBe('behind');
    expect(a.reason).toContain('否');
  });
  it('是 to 是否滞后 is behind; 否 is not', () => {
    const late = [part('progress', '进展情况', '项目主体完工。'), part('flag', '是否滞后', '是')];
    const fine = [part('progress', '进展情况', '项目主体完工。'), part('flag', '是否滞后', '否')];
    const target = '建成城市书房3家';
    expect(assessTask({ target, progress: joined(late), progress_parts: late }, q3).status).toBe('behind');
    expect(assessTask({ target, progress: joined(fine), progress_parts: fine }, q3).status).not.toBe('behind');
  });
  it.each(['项目推进缓慢', '整体进度偏慢', '二期尚未开工', '较计划滞后2个月'])('%s is behind', (progress) => {
    expect(assessTask({ target: '建成区文化中心', progress }, q3).status).toBe('behind');
  });
  it('slow words outweigh a rate above the time share', () => {
    expect(assessTask({ target: '建成区文化中心', progress: '当前进度80%，但近期推进缓慢。' }, q3).status).toBe(
      'behind',
    );
  });
});

describe('a cell that says only that the work is done', () => {
  it('已完成 alone closes the task', () => {
    expect(assessTask({ target: '新增停车位10万个 9300个停车位。', progress: '已完成。' }).status).toBe('done');
  });
  it('完工,投入使用 in the image-progress column closes it', () => {
    expect(assessTask({ target: '改加装电梯10台', progress: '600 100.0 完工,投入使用' }).status).toBe('done');
  });
  it('已完成 beside a preparatory step is about the month’s step, not the task', () => {
    const a = assessTask(
      {
        target: '为全县60岁以上老年人免费接种流感疫苗24723人。',
        progress: '已完成。 已制定并下发免费接种流感疫苗工作方案。',
      },
      { period: parsePeriod('2024-04') },
    );
    expect(a.status).toBe('on_track');
  });
  it('已完成 beside a rate below 100% is not the whole task', () => {
    const a = assessTask(
      { target: '重点筛查60岁以上人群7400人。', progress: '已完成。 完成筛查人数3495人,完成率47.23%。' },
      { period: parsePeriod('2024-04') },
    );
    expect(a.status).toBe('on_track');
  });
  it.each(['-', '/', '无', '不涉及', '— —'])('a cell of only %s is no_report', (progress) => {
    expect(assessTask({ target: '建成区文化中心', progress }).status).toBe('no_report');
  });
});
