// What names a figure: the count of places a target's work is done in is no part of its metric;
// the subject opening a paragraph names the qualifier for its `；` sentences; a figure alone in its
// sentence is named by the whole sentence; a list of things after the last figure names it whole;
// a unit in traditional characters is the same unit; `(其中某地N个)` is the count when no total is given.
import { describe, expect, it } from 'vitest';
import { matchActual } from '../../src/assess/actuals.js';
import { extractIndicators } from '../../src/assess/indicators.js';
import { assessTask } from '../../src/assess/index.js';

const first = (target: string) => extractIndicators(target)[0];

describe('naming figures', () => {
  it('a count of where the work is done is not part of the metric', () => {
    const ind = first('加快项目建设，86个区级重点项目完成投资120亿元');
    expect(ind.metric).toBe('区级重点项目完成投资');
    expect(ind.target).toBe(12_000_000_000);
  });

  it('an item named by its figure, restated in the detail beside it, is one indicator', () => {
    const inds = extractIndicators(
      '新建300个公共充电桩项目 2024年计划在莲塘片区、象湖片区等区域内共完成300个公共充电桩建设',
    );
    expect(inds.map((i) => `${i.target}${i.unit}`)).toEqual(['300个']);
  });

  it('of a run of numbers after a name (项目数 | 总投资 | 年度计划投资), the last is the plan', () => {
    const inds = extractIndicators('农林水利 11 17.73 2.17');
    expect(inds.map((i) => i.target)).toEqual([2.17]);
    // after a unit cell, a value and its growth: both read as before
    expect(extractIndicators('进出口贸易总额 亿元 10.2 15').map((i) => i.target)).toEqual([1_020_000_000]);
  });

  it('what the project named before costs (该项目总投资约260万元) is no amount to reach', () => {
    const target = '校舍维修提升工程。包括新建食堂2个。该项目总投资约260万元,资金由街道负责。';
    expect(extractIndicators(target).map((i) => `${i.target}${i.unit}`)).toEqual(['2个']);
    expect(first('谋划重点项目135个、总投资700亿元以上').unit).toBe('个');
    expect(extractIndicators('谋划重点项目135个、总投资700亿元以上')).toHaveLength(2);
  });

  it('the subject opening a paragraph names the level for its later sentences', () => {
    const ind = first('86个区级重点项目完成投资120亿元');
    const m = matchActual(
      ind,
      '30个市级重点项目，完成投资41.2亿元。86个区级重点项目，开工79个，开工率91.9%；完成投资66.5亿元，投资完成率55.4%。',
    );
    expect(m.actual).toBe(6_650_000_000);
  });

  it('a figure alone in its sentence is named by what the sentence goes on to say', () => {
    const target = '新增120所中小学校运动场地向社会开放，新增15家图书馆、文化馆、纪念馆延时开放';
    const progress =
      '（一）全市新增126所学校均已完成场地改造，并向社会开放学校运动场地。（二）全市新增15家场馆均已落实延时开放要求，实施图书馆、文化馆、纪念馆延时开放。';
    const a = assessTask({ target, progress });
    expect(a.indicators.map((i) => i.actual)).toEqual([126, 15]);
    expect(a.status).toBe('done');
  });

  it('a list of the things counted after the last figure names it whole', () =>
    expect(first('新增15家图书馆、文化馆、纪念馆延时开放').metric).toBe('新增图书馆、文化馆、纪念馆延时开放'));

  it('a target unit in traditional characters is met by the same unit simplified', () => {
    const a = assessTask({
      target: '改造中小學教室照明1.2萬間',
      progress: '全市完成改造12650间，完成年度计划的105%。',
    });
    expect(a.indicators[0].actual).toBe(12650);
    expect(a.status).toBe('done');
  });

  it('the office share in brackets is the count when the target gives no total', () => {
    const ind = first('增加公办幼儿园学位(略)个(其中本县1200个)');
    expect(ind.target).toBe(1200);
    expect(ind.unit).toBe('个');
  });
});

describe('the paragraph subject', () => {
  it('does not lend its level to a sentence naming another', () => {
    const ind = extractIndicators('区级重点项目完成投资120亿元')[0];
    const m = matchActual(ind, '区级重点项目，开工79个；市级重点项目完成投资66.5亿元。');
    expect(m.actual).toBeNull();
  });
});

describe('a list of like things summed up in one word', () => {
  it('is matched by what is done to them', () => {
    const a = assessTask({
      target: '新增20家图书馆、文化馆、纪念馆、科技馆错时延时开放',
      progress: '全市新增20家场馆均已落实有关要求，实施错时延时开放。',
    });
    expect(a.indicators[0].actual).toBe(20);
  });

  it('is not matched by a figure of something else', () =>
    expect(
      matchActual(
        first('新增20家图书馆、文化馆、纪念馆、科技馆错时延时开放'),
        '全市新增20家企业参与夜间经济，商场延时开放。',
      ).actual,
    ).toBeNull());
});

describe('a figure labelled as the count done (完成数, 完成值)', () => {
  it.each([
    ['任务数5000人，完成数4200人，完成率84%。', 4200],
    ['目标5000人，完成值4200人。', 4200],
  ])('%s reports %d', (progress, actual) =>
    expect(assessTask({ target: '新增城镇就业5000人', progress }).indicators[0].actual).toBe(actual),
  );
});
