// Measure words and units: how a written unit maps to the base unit of assessment.md.
// To add a unit, add a row; longer spellings must come before their prefixes (万平方米 before 平方米).
import { simplified } from '../../parse/traditional.js';

export interface UnitRow {
  /** As written after the number. */
  written: string;
  /** Base unit the value is normalised to. */
  base: string;
  /** Factor from the written unit to the base unit (万元 → 元 is 10 000). */
  factor: number;
  /**
   * Units of one family name the same kind of thing and may stand for each other when
   * matching an actual (a target in 家 is met by a report in 个 or 户). Units without a family
   * match only themselves.
   */
  family?: 'entity' | 'person' | 'session' | 'batch';
}

export const UNITS: readonly UnitRow[] = [
  { written: '亿美元', base: '美元', factor: 1e8 },
  { written: '万美元', base: '美元', factor: 1e4 },
  { written: '美元', base: '美元', factor: 1 },
  { written: '亿元', base: '元', factor: 1e8 },
  { written: '万元', base: '元', factor: 1e4 },
  { written: '元', base: '元', factor: 1 },
  // standards per person or period (低保标准, 补贴标准): a rate of money, kept apart from amounts
  { written: '元/人月', base: '元/人月', factor: 1 },
  { written: '元/人年', base: '元/人年', factor: 1 },
  { written: '元/月/人', base: '元/月/人', factor: 1 },
  { written: '元/年/人', base: '元/年/人', factor: 1 },
  { written: '元/人', base: '元/人', factor: 1 },
  { written: '元/月', base: '元/月', factor: 1 },
  { written: '元/年', base: '元/年', factor: 1 },
  // a multiple (不低于最低生活保障标准的1.6倍)
  { written: '倍', base: '倍', factor: 1 },
  { written: '平方公里', base: '平方公里', factor: 1 },
  { written: '平方米', base: '平方米', factor: 1 },
  { written: '平米', base: '平方米', factor: 1 },
  { written: '公顷', base: '公顷', factor: 1 },
  { written: '公里', base: '公里', factor: 1 },
  { written: 'km', base: '公里', factor: 1 },
  { written: 'KM', base: '公里', factor: 1 },
  { written: '千米', base: '公里', factor: 1 },
  // lengths of a street, a river bank or a pipe (改造长度为125米): after 平方米, 千米 so those read first
  { written: '米', base: '米', factor: 1 },
  { written: '千瓦', base: '千瓦', factor: 1 },
  { written: 'kW', base: '千瓦', factor: 1 },
  { written: '兆瓦', base: '千瓦', factor: 1000 },
  // energy use is counted in tons of standard coal, not in tons
  { written: '吨标准煤', base: '吨标准煤', factor: 1 },
  { written: '吨标煤', base: '吨标准煤', factor: 1 },
  { written: '吨', base: '吨', factor: 1 },
  // air quality (PM2.5, PM10): concentration, written out or abbreviated
  { written: '微克/立方米', base: '微克/立方米', factor: 1 },
  { written: 'μg/m³', base: '微克/立方米', factor: 1 },
  { written: 'μg/m3', base: '微克/立方米', factor: 1 },
  { written: '微克', base: '微克/立方米', factor: 1 },
  { written: '亩', base: '亩', factor: 1 },
  { written: '人次', base: '人次', factor: 1 },
  { written: '家次', base: '家次', factor: 1 },
  { written: '人', base: '人', factor: 1, family: 'person' },
  { written: '名', base: '名', factor: 1, family: 'person' },
  { written: '个', base: '个', factor: 1, family: 'entity' },
  { written: '家', base: '家', factor: 1, family: 'entity' },
  { written: '户', base: '户', factor: 1, family: 'entity' },
  { written: '所', base: '所', factor: 1, family: 'entity' },
  { written: '座', base: '座', factor: 1, family: 'entity' },
  { written: '幢', base: '幢', factor: 1, family: 'entity' },
  { written: '栋', base: '栋', factor: 1, family: 'entity' },
  { written: '处', base: '处', factor: 1, family: 'entity' },
  { written: '项', base: '项', factor: 1, family: 'entity' },
  { written: '支', base: '支', factor: 1, family: 'entity' },
  { written: '条', base: '条', factor: 1 },
  { written: '张', base: '张', factor: 1 },
  { written: '套', base: '套', factor: 1 },
  { written: '间', base: '间', factor: 1 },
  { written: '件', base: '件', factor: 1 },
  { written: '宗', base: '宗', factor: 1 },
  { written: '盏', base: '盏', factor: 1 },
  // performances and screenings, counted as 场 or 场次 (放映电影300场次): one thing either way
  { written: '场次', base: '场次', factor: 1, family: 'session' },
  { written: '场', base: '场', factor: 1, family: 'session' },
  { written: '台', base: '台', factor: 1 },
  { written: '辆', base: '辆', factor: 1 },
  { written: '艘', base: '艘', factor: 1 },
  // samples checked (抽检6450批次), reported as 批 as often
  { written: '批次', base: '批次', factor: 1, family: 'batch' },
  { written: '批', base: '批', factor: 1, family: 'batch' },
  { written: '篇', base: '篇', factor: 1 },
  // leaflets and copies handed out (发放宣传册5000册, 问卷2000份); not 份额, 册子
  { written: '册', base: '册', factor: 1 },
  { written: '份', base: '份', factor: 1 },
  { written: '床', base: '床', factor: 1 },
  // things counted one by one (喇叭、监控、路灯 …): 752只
  { written: '只', base: '只', factor: 1 },
  // places counted by the person they hold (学位、床位、车位: 新增学位3800位); not 两位数, 第3位
  { written: '位', base: '位', factor: 1 },
  // lifts and other machines (更新老旧住宅电梯50部); not 一部分, 两部门 (UNIT_WORDS_AFTER)
  { written: '部', base: '部', factor: 1 },
  // pairs twinned with each other (组建教共体70对); not 一对一, 对口, 对接
  { written: '对', base: '对', factor: 1 },
  // lessons and sessions, with the alternative count in brackets as reports print it (2000节(次))
  { written: '节(次)', base: '节(次)', factor: 1 },
  { written: '节次', base: '节次', factor: 1 },
  { written: '节', base: '节', factor: 1 },
  // times something is done (开展培训12次); not 一次性, 次年, 次日 (UNIT_WORDS_AFTER)
  { written: '次', base: '次', factor: 1 },
  // time limits (办结时限≤5个工作日, 缩短至3天); not 天然气, 天津 (UNIT_WORDS_AFTER)
  { written: '个工作日', base: '工作日', factor: 1 },
  { written: '工作日', base: '工作日', factor: 1 },
  { written: '天', base: '天', factor: 1 },
  { written: '公斤', base: '公斤', factor: 1 },
  // piles and poles (充电桩500根), wells and ponds (7.4万口山坪塘), plots and screens (地块12块)
  { written: '根', base: '根', factor: 1 },
  { written: '口', base: '口', factor: 1 },
  { written: '块', base: '块', factor: 1 },
  // electricity and water
  { written: '千瓦时', base: '千瓦时', factor: 1 },
  { written: '立方米', base: '立方米', factor: 1 },
  // grain counted in jin (粮食总产量稳定在3.6亿斤以上)
  { written: '斤', base: '斤', factor: 1 },
  // livestock and poultry (生猪出栏160万头, 家禽出栏500万羽); not 头部, 头等, 羽毛
  { written: '头', base: '头', factor: 1 },
  { written: '羽', base: '羽', factor: 1 },
  { written: '标箱', base: '标箱', factor: 1 },
  // traditional characters, as tables run through a converter print them; kept as written
  { written: '畝', base: '畝', factor: 1 },
  { written: '個', base: '個', factor: 1, family: 'entity' },
  { written: '戶', base: '戶', factor: 1, family: 'entity' },
  { written: '間', base: '間', factor: 1 },
  { written: '臺', base: '臺', factor: 1 },
  { written: '輛', base: '輛', factor: 1 },
  { written: '條', base: '條', factor: 1 },
  { written: '處', base: '處', factor: 1, family: 'entity' },
  { written: '項', base: '項', factor: 1, family: 'entity' },
  { written: '棟', base: '棟', factor: 1, family: 'entity' },
  { written: '噸', base: '噸', factor: 1 },
  { written: '張', base: '張', factor: 1 },
  { written: '場', base: '場', factor: 1, family: 'session' },
  { written: '万标箱', base: '标箱', factor: 1e4 },
];

/**
 * Characters that, right after a measure word, make it part of another word, so the figure
 * before it counts nothing (一部分, 两部门, 一对一, 对口支援, 二十四节气).
 */
export const UNIT_WORDS_AFTER: Readonly<Record<string, string>> = {
  部: '分门署件位长委队',
  对: '一口接标照比象外于此话其策应待',
  节: '气日假点约能水庆',
  次: '性年日月要级序数第',
  份: '额子',
  册: '子',
  天: '然津空地下',
  头: '部等号条脑羊',
  羽: '毛绒球',
  根: '据本源治基',
  口: '岸袋径碑号头罩味感气价子令吻腔',
  块: '钱头儿',
};

/** Units whose figures are plentiful and varied in a report (money, generic counts):
 * a lone figure in such a unit is not taken as the actual on the unit alone. */
export const CROWDED_UNITS: ReadonlySet<string> = new Set([
  '元',
  '美元',
  '个',
  '家',
  '项',
  '户',
  '人',
  '名',
  '次',
  '%',
]);

const FAMILY = new Map(UNITS.map((u) => [simplified(u.base), u.family]));

/**
 * One key per set of units that can stand for each other: sameUnitFamily(a, b) ⇔ unitKey(a) === unitKey(b).
 * A unit in traditional characters is the same unit (`改造教室照明2萬間` is met by `改造21702间`: the
 * report is read as simplified, the target keeps its characters).
 */
export function unitKey(unit: string | null): string {
  if (unit === null) return '';
  const plain = simplified(unit);
  return FAMILY.get(plain) ?? `=${plain}`;
}

/** True when a figure in unit `a` can report a target in unit `b`. */
/** The unit of a change asked in percentage points (`提高1个百分点`): the 个 is the measure word. */
export const POINTS_UNIT = '百分点';

export function sameUnitFamily(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return unitKey(a) === unitKey(b);
}

/** Fixed terms written with a numeral that name a thing rather than count it. */
export const NAMING_TERMS: readonly string[] = [
  '一件事',
  '一次办',
  '一网通办',
  '一网统管',
  '二套房',
  '一码通',
  '一站式',
  '一张网',
  '一张图',
  // the central rules on conduct (中央八项规定精神): a name, not eight items to deliver
  '八项规定',
];
