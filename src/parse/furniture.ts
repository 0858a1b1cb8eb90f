// Lines that are page furniture, not table content: page numbers, 续表, item counts, notes, units.

export function isPageFurniture(text: string): boolean {
  return (
    /^[-—–\s]*\d+[-—–\s]*$/.test(text) ||
    /^第\s*\d+\s*页/.test(text) ||
    /^(续表|续上表|接上表)/.test(text) ||
    // a count of the items printed under the title: `（共118项）`
    /^[（(]?共\s*\d+\s*[项个条件][）)]?$/.test(text) ||
    /^(注|备注|说明|填报单位|填报日期|制表|单位)[:：]/.test(text)
  );
}
