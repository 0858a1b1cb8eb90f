// Reports as re-hosted and summarised pages print them: traditional characters, pinyin after
// characters (`建設(shè)`), whole items in quotes, a supervision notice's `经督办后…` before the figure,
// and a one-sentence report that all is done.
import { describe, expect, it } from 'vitest';
import { assessTask, extractIndicators } from '../../src/assess/index.js';
import { parsePeriod } from '../../src/domain/index.js';
import { withoutPinyin } from '../../src/parse/ruby-pinyin.js';

const nov = { period: parsePeriod('2024-11') };

describe('pinyin printed after characters', () => {
  it('is read past, so a done report stays done', () => {
    const a = assessTask({ target: '新改擴建村衛(wèi)生室5家。', progress: '已完成建設(shè)并投入使用。' }, nov);
    expect(a.status).toBe('done');
  });
  it('leaves the spans pointing at the text as written', () => {
    const target = '新改擴建村衛(wèi)生室5家。';
    const [ind] = assessTask({ target, progress: '已建成5家。' }, nov).indicators;
    expect(target.slice(ind.source.target.start, ind.source.target.end)).toBe('5家');
    const progress = '經(jīng)督辦已建成(chéng)5家。';
    const [read] = assessTask({ target, progress }, nov).indicators;
    expect(read.actual).toBe(5);
    expect(progress.slice(read.source.actual!.start, read.source.actual!.end)).toBe('5家');
  });
  it('maps a span ending right before an annotation without taking the annotation in', () => {
    const read = withoutPinyin('衛(wèi)生室5家(jiā)');
    expect(read.text).toBe('衛生室5家');
    expect(read.originalSpan({ start: 3, end: 5 })).toEqual({ start: 8, end: 10 });
  });
  it('keeps brackets that are no pinyin: a note, a Latin abbreviation', () => {
    expect(withoutPinyin('完成投资6.5亿元(不含土地)').text).toBe('完成投资6.5亿元(不含土地)');
    expect(withoutPinyin('建设(EPC)总承包').text).toBe('建设(EPC)总承包');
  });
});

describe('traditional characters in the target and the report', () => {
  it('match a report figure in 条 to a target in 條', () => {
    const a = assessTask({ target: '公交化改造農村班線10條。', progress: '已完成10條線路改造。' }, nov);
    expect(a.status).toBe('done');
    expect(a.indicators[0].actual).toBe(10);
  });
  it('read an amount after 經督辦後於…, naming nothing else, as the actual', () => {
    const a = assessTask(
      { target: '恩平市全年所需撥付資金703.8萬元', progress: '經督辦後於11月底已撥付703.8萬元,撥付率100%' },
      nov,
    );
    expect(a.indicators[0].actual).toBe(7038000);
    expect(a.status).toBe('done');
  });
});

describe('a target in traditional characters', () => {
  const q1 = { period: parsePeriod('2025Q1') };
  it('reads 增長 as a growth and matches the report’s growth, keeping the metric as written', () => {
    const a = assessTask({ target: '地區生產總值增長6%以上。', progress: '一季度地區生產總值增長6.8%' }, q1);
    expect(a.indicators.map((i) => [i.metric, i.kind, i.actual])).toEqual([['地區生產總值增長', 'growth', 6.8]]);
    expect(a.status).toBe('on_track');
  });
  it('keeps the unit as written', () => {
    const a = assessTask({ target: '新建農村公路20條', progress: '已建成12條' }, q1);
    expect(a.indicators.map((i) => [i.unit, i.actual])).toEqual([['條', 12]]);
  });
});

describe('an item quoted whole, as a summary cites it', () => {
  it('has the figures of the item, named without the quotes', () => {
    expect(extractIndicators('“完成城镇新增就业70万人”项目').map((i) => [i.metric, i.target, i.unit])).toEqual([
      ['完成城镇新增就业', 700000, '人'],
    ]);
  });
  it('counts the quoted things when the work on them follows (`100处“口袋公园”建设`)', () => {
    expect(extractIndicators('主城區100處“口袋公園”建設工程').map((i) => [i.target, i.unit])).toEqual([[100, '處']]);
    expect(extractIndicators('建设两个“万亩千亿”平台').length).toBe(0);
  });
  it('still names nothing with a quoted name inside a target', () => {
    expect(extractIndicators('推进“双11”购物节').length).toBe(0);
  });
});

describe('a report of one sentence saying all is done', () => {
  it('closes a counted target', () => {
    const a = assessTask(
      { target: '新增完成186条自然村生活污水治理工作', progress: '经督办后于11月底全部完工。' },
      nov,
    );
    expect(a.status).toBe('done');
  });
  it('does not close it when the completion is only expected', () => {
    const a = assessTask({ target: '新增完成186条自然村生活污水治理工作', progress: '预计12月底全部完工。' }, nov);
    expect(a.status).not.toBe('done');
  });
  it('does not close it when something still goes on', () => {
    const a = assessTask(
      { target: '新增完成186条自然村生活污水治理工作', progress: '已治理150条，其余正在施工，年底前全部完工。' },
      nov,
    );
    expect(a.status).not.toBe('done');
  });
});

describe('a table reporting on the whole year', () => {
  const year = { period: parsePeriod('2021') };
  it('closes a rate met without a date: the figure is the year’s', () => {
    expect(
      assessTask({ target: '区级一般公共预算收入增长5%左右', progress: '区级一般公共预算收入增长16.5%' }, year).status,
    ).toBe('done');
  });
  it('keeps a rate dated to part of the year on track', () => {
    expect(
      assessTask({ target: '区级一般公共预算收入增长5%左右', progress: '1-9月区级一般公共预算收入增长16.5%' }, year)
        .status,
    ).toBe('on_track');
  });
  it('keeps an undated rate in a quarter’s report on track', () => {
    const q3 = { period: parsePeriod('2021Q3') };
    expect(
      assessTask({ target: '区级一般公共预算收入增长5%左右', progress: '区级一般公共预算收入增长16.5%' }, q3).status,
    ).toBe('on_track');
  });
});
