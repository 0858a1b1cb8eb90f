// Marks and phrases offices put beside a report: traffic lights, a thing in service, a share of
// the year's target with the target restated, the next cell of a joined row, a completion rate
// that shares its unit with the target, and figures that are part of a name (5G).
import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';
import { parseText } from '../../src/parse/index.js';

const h1 = { period: parsePeriod('2024H1') };
const q3 = { period: parsePeriod('2021Q3') };
const year = { period: parsePeriod('2024Q4') };

describe('a traffic light on the schedule', () => {
  const table = parseText(
    [
      '2024年重点工作任务推进情况（1-6月）',
      '序号\t重点任务\t责任单位\t推进情况\t亮灯情况',
      '1\t新建公办幼儿园3所\t区教育局\t2所主体完工，1所正在施工\t红灯',
      '2\t完成老旧小区改造12个\t区住建局\t已开工10个，完工6个\t绿灯',
      '3\t新增城镇就业1.2万人\t区人社局\t新增城镇就业0.7万人\t黄灯',
    ].join('\n'),
  );
  const period = { period: parsePeriod(table.period ?? '') };
  const statuses = table.tasks.map((t) => assessTask(t, period).status);

  it('is read as the table’s flag column', () => {
    expect(table.tasks[0].progress_parts?.map((p) => p.role)).toEqual(['progress', 'flag']);
  });
  it('makes a red or yellow light behind and leaves a green one to the report', () => {
    expect(statuses).toEqual(['behind', 'on_track', 'behind']);
  });
  it('is behind evidence in a sentence too (亮黄灯)', () => {
    expect(assessTask({ target: '建成区级养老服务中心1个', progress: '主体完工，因资金未到位亮黄灯' }, h1).status).toBe(
      'behind',
    );
  });
});

describe('a thing reported in service', () => {
  it.each(['已建成投用', '已挂牌运行', '项目已通过竣工验收', '该项目已建成并投入运营'])('is done: %s', (progress) => {
    expect(assessTask({ target: '建成区级养老服务中心1个', progress }, year).status).toBe('done');
  });
  it.each(['已完成主体结构封顶', '一期已投入运营，二期正在施工'])('is not done while work remains: %s', (progress) => {
    expect(assessTask({ target: '建成区级养老服务中心1个', progress }, year).status).toBe('on_track');
  });
});

describe('a share of the year’s target with the target restated', () => {
  it('closes a project whose share is above 100% (年度目标(50场)的180%)', () => {
    const a = assessTask(
      {
        target: '“‘心理健康促进’进校园”项目',
        progress: '截至9月底,累计完成90场心理健康培训服务,已超额完成年度目标(50场)的180%,惠及24500余人。',
      },
      q3,
    );
    expect(a.status).toBe('done');
  });
  it('is the sole indicator’s rate though another count stands before it (完成全年目标任务1200人的114%)', () => {
    const progress = '培育创业实体408个,创造新的就业岗位1374个,完成全年目标任务1200人的114%';
    expect(assessTask({ target: '创造新的就业岗位 1200人', progress }, q3).status).toBe('done');
    const short = '创造新的就业岗位500个,完成全年目标任务1200人的42%';
    expect(assessTask({ target: '创造新的就业岗位 1200人', progress: short }, q3).status).toBe('behind');
  });
});

describe('the next cell of a joined report', () => {
  it('names nothing of the figure before it (完工5个 备注)', () => {
    const a = assessTask({ target: '完成老旧小区改造12个', progress: '已开工10个，完工5个 进度正常' }, h1);
    expect(a.indicators[0].actual).toBe(5);
  });
});

describe('a completion-rate column beside a share target', () => {
  it('is the task’s rate, not the share reached', () => {
    const a = assessTask(
      {
        target: '持有居住证的义务教育段随迁子女就读公办学校比例达86%以上。',
        progress: '70% 统一进度',
        progress_parts: [
          { role: 'rate', header: '完成率(%)', text: '70%' },
          { role: 'flag', header: '是否省市统一进度', text: '统一进度' },
        ],
      },
      h1,
    );
    expect(a.indicators[0].actual).toBeNull();
    expect(a.status).toBe('on_track');
  });
});

describe('a figure that is part of a name', () => {
  it('is no threshold the report must repeat (5G基站)', () => {
    const a = assessTask({ target: '建成5G基站300个', progress: '已建成300个' }, year);
    expect(a.indicators[0].actual).toBe(300);
    expect(a.status).toBe('done');
  });
  it('is matched as a whole number only (10亿元以上 is not in 110亿元)', () => {
    const a = assessTask({ target: '新引进10亿元以上项目5个', progress: '新引进总投资110亿元的项目1个' }, year);
    expect(a.indicators.find((i) => i.unit === '个')?.actual ?? null).toBeNull();
  });
});

describe('a done statement with two adverbs or the task as its subject', () => {
  it.each(['已圆满完成', '已按时完成', '任务已完成', '该任务已如期完成', '已顺利完成'])('is done: %s', (progress) => {
    expect(assessTask({ target: '新建城市书房5个', progress }, year).status).toBe('done');
  });
  it('is not a task handed down (任务已下达)', () => {
    expect(assessTask({ target: '新建城市书房5个', progress: '任务已下达' }, year).status).not.toBe('done');
  });
});

describe('work to start once the higher authority has done its part', () => {
  it('is pending (待省卫生健康委员会完成…后启动)', () => {
    const a = assessTask(
      {
        target: '老年人认知障碍筛查试点',
        progress: '已印发实施方案并开展宣传工作,待省卫生健康委员会完成筛查系统软件调试后启动筛查工作',
      },
      { period: parsePeriod('2022-04') },
    );
    expect(a.status).toBe('pending');
  });
  it('is not pending when the one awaited is no higher authority (待施工单位进场后启动)', () => {
    expect(assessTask({ target: '老年人认知障碍筛查试点', progress: '待施工单位进场后启动' }, h1).status).not.toBe(
      'pending',
    );
  });
});

describe('a rate written after a label or as a share of the whole work', () => {
  const road = '新建改建农村公路50公里';
  const q3 = { period: parsePeriod('2024Q3') };
  it.each([
    ['进度：80%', 'on_track'],
    ['项目进度:100%', 'done'],
    ['进度： 50%', 'behind'],
    ['已完成总工程量的60%', 'behind'],
  ])('%s is %s at the end of September', (progress, status) => {
    expect(assessTask({ target: road, progress }, q3).status).toBe(status);
  });
  it('reads so much of the whole (40/50公里) as the part done, not the whole', () => {
    const a = assessTask({ target: road, progress: '40/50公里' }, q3);
    expect(a.indicators[0].actual).toBe(40);
    expect(a.status).toBe('on_track');
  });
});

describe('a cell saying only that nothing was sent', () => {
  it.each(['未报送', '未报', '待报', '（空）'])('is no report: %s', (progress) => {
    expect(assessTask({ target: '新建公办幼儿园3所', progress }, year).status).toBe('no_report');
  });
  it('is not a report that says nothing was done (无进展: behind)', () => {
    expect(assessTask({ target: '新建公办幼儿园3所', progress: '目前无进展' }, year).status).toBe('behind');
  });
});

describe('ticks under the status each column names', () => {
  const table = parseText(
    [
      '2024年重点工作三季度进展情况',
      '序号\t工作任务\t责任单位\t进展情况\t完成情况\t\t',
      '\t\t\t\t已完成\t序时推进\t滞后',
      '1\t建成区图书馆新馆\t区文旅局\t9月28日开馆\t√\t\t',
      '2\t新建5G基站500个\t区经信局\t已建成420个\t\t√\t',
      '3\t完成老旧小区改造30个\t区住建局\t已完成12个\t\t\t√',
    ].join('\n'),
  );
  const period = { period: parsePeriod(table.period ?? '') };
  const assessed = table.tasks.map((t) => assessTask(t, period));

  it('read a tick under 已完成 as done, under 序时推进 as on track, under 滞后 as behind', () => {
    expect(assessed.map((a) => a.status)).toEqual(['done', 'on_track', 'behind']);
  });
  it('name the column the tick stands in', () => {
    expect(assessed[0].reason).toContain('已完成：√');
    expect(assessed[2].reason).toContain('滞后：√');
  });
});

describe('a 备注 column of the office’s verdicts', () => {
  const table = parseText(
    [
      '2024年民生实事项目三季度进展情况表',
      '序号\t项目名称\t建设内容及目标\t责任单位\t三季度进展情况\t备注',
      '1\t养老服务提升\t新建居家养老服务中心10家\t县民政局\t已建成8家，2家正在装修\t',
      '2\t道路畅通\t完成县道改造25公里\t县交通局\t正在推进前期工作\t滞后',
      '3\t放心消费\t创建放心消费单位200家\t县市场监管局\t已创建放心消费单位236家\t超额完成',
    ].join('\n'),
  );
  const period = { period: parsePeriod(table.period ?? '') };
  it('is read as the table’s flag on each task, and judged so', () => {
    expect(table.tasks[1].progress_parts?.map((p) => p.role)).toEqual(['progress', 'flag']);
    expect(table.tasks.map((t) => assessTask(t, period).status)).toEqual(['on_track', 'behind', 'done']);
  });
});
