// Units whose names differ only in form (区发展改革委 / 区发展改革局, 区市场监督管理局 / 区市场监管局):
// each name reduced to a key — the usual abbreviations spelt one way, the kind of office (局, 委,
// 办公室 …) dropped — and names sharing a key grouped, for the office to confirm at import. Pure.

/** Long and short forms of the same department, each rewritten to one spelling. */
const FORMS: [RegExp, string][] = [
  [/发展和改革|发展改革|发改/g, '发改'],
  [/市场监督管理|市场监管/g, '市场监管'],
  [/经济和信息化|经济信息化|经信/g, '经信'],
  [/住房和城乡建设|住房城乡建设|住建/g, '住建'],
  [/人力资源和社会保障|人力资源社会保障|人力社保|人社/g, '人社'],
  [/规划和自然资源|自然资源和规划|自然资源规划/g, '自然资源规划'],
  [/农业和农村|农业农村|农业/g, '农业农村'],
  [/文化和旅游|文化旅游|文化广电旅游|文广旅|文旅/g, '文旅'],
  [/卫生和健康|卫生健康|卫健/g, '卫健'],
  [/退役军人事务/g, '退役军人'],
  [/应急管理/g, '应急'],
];

/** The kind of office, which the same department's names often vary in. */
const KIND = /(委员会|管理局|局|委|办公室|办)$/;

export function unitNameKey(name: string): string {
  let key = name.replace(/\s+/g, '');
  for (const [form, to] of FORMS) key = key.replace(form, to);
  return key.replace(KIND, '') || key;
}

/** Groups of two or more different names that may be one unit, in the order first seen. */
export function similarUnitNames(names: Iterable<string>): string[][] {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const key = unitNameKey(name);
    const group = groups.get(key) ?? [];
    if (!group.includes(name)) group.push(name);
    groups.set(key, group);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
