// Cell classifiers, one row per case: what a unit, a person, a heading, a deadline look like.
import { describe, expect, it } from 'vitest';
import {
  isDeadline,
  isHeading,
  isPersonName,
  WORK_WORDS,
  isUnitName,
  isUnitsCell,
  looksLikeCategory,
  looksLikeTheme,
  readSeq,
  splitList,
} from '../../src/parse/classify.js';

describe('isUnitName knows a government body by how it ends', () => {
  it.each([
    ['区财政局', true],
    ['市规划资源局钱塘分局', true],
    ['综合保税区管理办公室', true],
    ['区委宣传部', true],
    ['团区委', true],
    ['区残联', true],
    ['高铁办（筹）', true],
    ['区委改革（数改）专班', true],
    ['东部湾新城指挥部', true],
    ['区建投集团', true],
    ['白杨街道', true],
    ['各乡镇（街道）', true],
    ['县公交公司', true],
    ['镇自然资源所', true],
    ['市党史和地方志研究室', true],
    ['农田建设管理股', true],
    ['局规划科', true],
    ['原材料工业司', true],
    ['陶峰', false],
    ['马于惠', false],
    ['年度数据', false],
    ['局', false],
  ])('%s → %s', (token, expected) => expect(isUnitName(token)).toBe(expected));
});

describe('isUnitsCell reads a list of organisations, one unfamiliar body among many included', () => {
  it.each([
    ['县发改局、县统计局', true],
    // spaces and 、 mixed between the bodies of one cell
    ['县住建局、县城管局 县商务局、县自规局', true],
    // one body of a kind the list of endings does not know, among four known ones
    ['县委宣传部 县文联 县地方志编纂研究 县气象局 县档案馆', true],
    // the same unfamiliar name in a short list is not enough to call the cell organisations
    ['县文联 县地方志编纂研究', false],
    // a person among the bodies: not a units cell
    ['县财政局 张三 县统计局 县商务局', false],
    // two unfamiliar names: not a list of bodies
    ['县发改局 推进项目 加快建设 县商务局', false],
    // a figure never names a body
    ['县发改局 县统计局 新增2000个 县商务局', false],
  ])('%s → %s', (cell, expected) => expect(isUnitsCell(cell)).toBe(expected));
});

describe('a work word makes four characters a phrase, not a name', () => {
  it.each([...WORK_WORDS].map((w) => [w]))('李明%s', (w) => expect(isPersonName(`李明${w}`)).toBe(false));
});

describe('isPersonName accepts 2-4 Han characters that do not end like a body', () => {
  it.each([
    ['陶峰', true],
    ['刘国娟', true],
    ['欧阳明华', true],
    ['胡潜', true],
    ['赵志军', true],
    ['陶峰（副区长）', true],
    ['区财政局', false],
    ['团区委', false],
    ['区残联', false],
    ['年度数据', false],
    // words of a deadline that open with a surname
    ['全年', false],
    ['年底', false],
    ['常年', false],
    ['全国华', true],
    // a phrase of work words, though 文 and 项 are surnames; a compound surname keeps any given name
    ['文化产业', false],
    ['项目建设', false],
    ['欧阳建设', true],
    ['Tao Feng', false],
    ['三季度地区生产总值', false],
  ])('%s → %s', (token, expected) => expect(isPersonName(token)).toBe(expected));
});

describe('splitList splits several people or units in one cell', () => {
  it.each([
    ['陶峰 刘国娟  徐进', ['陶峰', '刘国娟', '徐进']],
    ['医药港管理办公室、大创小镇管理办公室', ['医药港管理办公室', '大创小镇管理办公室']],
    ['县发改局，县统计局,县商务局', ['县发改局', '县统计局', '县商务局']],
    ['县交通运输局\n县公交公司', ['县交通运输局', '县公交公司']],
    ['区交通运输局 高铁办（筹） 区重大办', ['区交通运输局', '高铁办（筹）', '区重大办']],
    ['各乡镇（街道、园区）', ['各乡镇（街道、园区）']],
  ])('%j', (cell, expected) => expect(splitList(cell)).toEqual(expected));
});

describe('headings: themes and categories of 重点工作任务', () => {
  it.each([
    ['突出新区功能，扛起使命担当，在彰显特色特质上实现全新突破', 'theme'],
    ['一、着力稳增长促发展', 'theme'],
    ['增强先进制造业核心竞争力', 'category'],
    ['（一）扩大有效投资', 'category'],
    ['主要经济指标', 'category'],
    ['地区生产总值增长力争6%（确保5.5%）', 'none'],
    ['已制定产业链强链延链补链计划。', 'none'],
  ])('%s → %s', (cell, kind) => {
    const got = looksLikeTheme(cell) ? 'theme' : looksLikeCategory(cell) ? 'category' : 'none';
    expect(got).toBe(kind);
    if (kind === 'none') expect(isHeading(cell)).toBe(false);
  });
});

describe('isDeadline', () => {
  it.each([
    ['2024年12月底', true],
    ['12月底前', true],
    ['2024-06-30', true],
    ['长期', true],
    ['年底前', true],
    ['新增学位3000个', false],
    ['区教育局', false],
    ['常态工作', true],
    ['2016—2017 年底前', true],
    ['2016 年 6 底前', true],
    ['省出台文件后 2 个月完成', true],
    ['已完成2个月的培训', false],
  ])('%s → %s', (cell, expected) => expect(isDeadline(cell)).toBe(expected));
});

describe('readSeq', () => {
  it.each([
    ['12', 12],
    ['12.', 12],
    ['（3）', 3],
    ['7、', 7],
    ['三是', 3],
    ['十二是', 12],
    ['实事一', 1],
    ['项目二', 2],
    ['第四项', 4],
    ['1﹒', 1],
    ['3.2', 2],
    ['5.00', null],
    ['分解表17', 17],
    ['第5项', 5],
    ['任务3', 3],
    ['', null],
    ['是', null],
    ['实事', null],
    ['一、产业发展', null],
    ['序号', null],
  ])('%j → %j', (cell, expected) => expect(readSeq(cell)).toBe(expected));
});
