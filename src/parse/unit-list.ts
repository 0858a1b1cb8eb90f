// The lead units of a units cell as offices write it: `*区城管局` (a mark for the lead), `省发展改革委
// 牵头，省商务厅、财政厅…按职责分工负责` (the lead named by 牵头, the rest co-operating; likewise
// `省财政厅主办，省国税局协办`, `省商务厅负责`), `市民政局 伍泽国`
// (the unit with its head's name). The cell's text stays as written elsewhere; `units` gets the names.
import type { Warning } from '../domain/index.js';
import { isPersonName, isUnitName } from './classify.js';
import { CO_LABEL, LEAD_LABEL, LEADERS_LABEL } from './duty-labels.js';

const MARKS = /^[*＊★☆※▲△●]+/;
// `…按职责分工负责`, `…配合`; `省商务厅负责`, `省发改委、农委分别负责`: the bodies named answer for it
const DUTY_TAIL = /(等)?(相关|有关)?(部门|单位)?(按职责分工负责|按职责负责|分工负责|分别负责|负责|配合)$/;
// `区市场监管局等相关部门`, `区发改局等5个部门`: the bodies named, and others the cell leaves unnamed
const OTHERS_TAIL = /等(\d+个|[两二三四五六七八九十]+个)?(相关|有关)?(部门|单位|职能部门)?$/;
// `区经信局（牵头）`, `省财政厅主办，省国税局协办`, `市人社局、市发改委分别牵头` (each leads its part)
const LEAD = /(分别)?[（(]?(牵头|主责|牵头负责|主办)[）)]?$/;

export interface LeadUnits {
  units: string[];
  /** People named beside the units (`张明/区教育局`): no units, maybe the leaders. */
  people: string[];
  /** People the cell labels as the leaders (`牵头领导：张强；牵头单位：区城管局`). */
  leaders: string[];
  warnings: Warning[];
}

// Units cells repeat down a table: read each distinct one once.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, LeadUnits>();

/** The lead units among the names of a units cell, with a warning for each reading that dropped a name. */
export function leadUnits(names: readonly string[]): LeadUnits {
  if (names.length === 0) return { units: [], people: [], leaders: [], warnings: [] };
  const key = names.join('\u0001');
  let found = cache.get(key);
  if (found === undefined) {
    if (cache.size > CACHE_LIMIT) cache.clear();
    found = readLeadUnits(names);
    cache.set(key, found);
  }
  // Callers own what they get: the cached answer is copied.
  return {
    units: [...found.units],
    people: [...found.people],
    leaders: [...found.leaders],
    warnings: found.warnings.length ? found.warnings.map((w) => ({ ...w })) : [],
  };
}

/** `牵头单位：X；配合单位：Y、Z` split into names: X labelled lead, Y and Z after a co-operating label. */
function labelled(names: readonly string[]): { leads: string[]; others: number } | null {
  if (!names.some((n) => LEAD_LABEL.test(n) || CO_LABEL.test(n))) return null;
  const leads: string[] = [];
  let others = 0;
  let co = false;
  for (const n of names) {
    if (CO_LABEL.test(n)) co = true;
    else if (LEAD_LABEL.test(n)) co = false;
    const name = n.replace(CO_LABEL, '').replace(LEAD_LABEL, '').trim();
    if (!name) continue;
    if (co) others++;
    else leads.push(name);
  }
  return leads.length ? { leads, others } : null;
}

/**
 * Unit names printed without a separator (`区发改局区统计局`, `县教育局县财政局`): split where a unit's
 * ending (局, 委, 办 …) is followed by the level that opens the next name (区, 县, 市). Only when
 * every piece is such a name; `市区供水公司` and `区市场监管局` stay whole.
 */
const RUN_TOGETHER = /(?:区|县|市)[\u4e00-\u9fff]{1,8}?(?:局|委|办|院|中心|公司)/g;
function unitsRunTogether(name: string): string[] {
  if (name.length < 8) return [name];
  const pieces = name.match(RUN_TOGETHER);
  return pieces && pieces.length >= 2 && pieces.join('') === name ? pieces : [name];
}

/** `王明（区教育局）`, `区卫健委（李华）`: a person and a unit, one in brackets after the other. */
const BRACKETED_PAIR = /^([^（）()]+)[（(]([^（）()]+)[）)]$/;
function personBesideUnit(name: string): string[] {
  const m = BRACKETED_PAIR.exec(name);
  if (!m) return [name];
  const [outer, inner] = [m[1].trim(), m[2].trim()];
  const pair = (isPersonName(outer) && isUnitName(inner)) || (isUnitName(outer) && isPersonName(inner));
  return pair ? [outer, inner] : [name];
}

function readLeadUnits(names: readonly string[]): LeadUnits {
  const warnings: Warning[] = [];
  // `牵头领导：张强`: the leaders, named in the units cell with their label
  const leaders = names.filter((n) => LEADERS_LABEL.test(n)).map((n) => n.replace(LEADERS_LABEL, '').trim());
  if (leaders.length) names = names.filter((n) => !LEADERS_LABEL.test(n));
  const labels = labelled(names);
  if (labels) {
    if (labels.others)
      warnings.push({
        code: 'lead_unit_only',
        message: `单位格分列牵头和配合单位，“${labels.leads.join('、')}”为牵头单位，其余 ${labels.others} 个单位按配合单位处理`,
        field: 'units',
      });
    names = labels.leads;
  }
  // `★区发改委、统计局`: a mark before some names only picks those as the leads
  const marked = names.filter((n) => MARKS.test(n));
  if (marked.length > 0 && marked.length < names.length) {
    warnings.push({
      code: 'lead_unit_only',
      message: `单位格标记“${marked.map((n) => n.replace(MARKS, '')).join('、')}”为牵头单位，其余 ${names.length - marked.length} 个单位按配合单位处理`,
      field: 'units',
    });
    names = marked;
  }
  const cleaned = names
    .map((n) => n.replace(MARKS, '').replace(DUTY_TAIL, '').trim())
    .map((n) => (n.length > 3 && OTHERS_TAIL.test(n) ? n.replace(OTHERS_TAIL, '') : n))
    .filter(Boolean)
    .flatMap(personBesideUnit)
    .flatMap(unitsRunTogether);
  const leadAt = cleaned.findIndex((n) => LEAD.test(n) && n.replace(LEAD, '').length >= 2);
  let units = cleaned;
  if (leadAt >= 0) {
    units = cleaned.slice(0, leadAt + 1).map((n) => n.replace(LEAD, ''));
    if (leadAt < cleaned.length - 1)
      warnings.push({
        code: 'lead_unit_only',
        message: `单位格写明“${units.join('、')}”牵头，其余 ${cleaned.length - leadAt - 1} 个单位按配合单位处理，未列为牵头单位`,
        field: 'units',
      });
  }
  // A head's name beside the unit (`牵头单位及主要负责人`) is not a unit.
  const people = units.filter((n) => !isUnitName(n) && isPersonName(n));
  if (people.length === 0 || people.length === units.length) return { units, people: [], leaders, warnings };
  warnings.push({
    code: 'person_in_units',
    message: `单位格中的人名“${people.join('、')}”不是单位，未列入牵头单位`,
    field: 'units',
  });
  return { units: units.filter((n) => !people.includes(n)), people, leaders, warnings };
}
