// Lines that are page furniture, not table content: page numbers, 续表, item counts, notes, units.

export function isPageFurniture(text: string): boolean {
  return (
    /^[-—–\s]*\d+[-—–\s]*$/.test(text) ||
    // rows left out of an excerpt (`……`, `...`)
    /^[\s…．.。·]+$/.test(text) ||
    /^第\s*\d+\s*页/.test(text) ||
    /^(续表|续上表|接上表)/.test(text) ||
    // a count of the items printed under the title: `（共118项）`
    /^[（(]?共\s*\d+\s*[项个条件][）)]?$/.test(text) ||
    // (a remark may stand before the colon: `填报单位（盖章）：`)
    /^(注|备注|说明|填报单位|填报日期|制表|单位)(?:[（(][^（）()]{0,6}[）)])?[:：]/.test(text) ||
    SIGNATURE.test(text)
  );
}

/** A form's signature line under the table: who filled it in, who checked it, how to reach them. */
const SIGNATURE =
  /^(填报人|填表人|制表人|审核人|审核|审批人|签发人|联系人|联系电话|负责人|单位负责人|填报时间|填表日期|日期)(?:[（(][^（）()]{0,6}[）)])?[:：]/;

/** A row adding up the rows above (`合计 | — | 16842 | 4906.1`): sums, no task. */
export function isTotalsRow(cells: readonly string[]): boolean {
  const first = cells.find((c) => c.trim());
  return first !== undefined && /^(合计|总计|小计)$/.test(first.replace(/\s+/g, ''));
}

/** A row whose every cell is a signature label (`填报人：张三 | 联系电话：138…`): no task. */
export function isSignatureRow(cells: readonly string[]): boolean {
  return cells.length > 0 && cells.every((c) => SIGNATURE.test(c.trim()));
}
