// Headings that are the office's verdict on the items under them. A notice often groups its items
// by how they went (`一、已完成项目（12项）`, `四个项目完成全年目标`, `三、进度滞后项目`): the heading
// is still the items' theme, and it is also the office's word on each item's state, which the
// assessor reads like a table's own schedule flag.

/** The heading's own number (`一、`, `（二）`, `3.`), which says nothing of the verdict. */
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])\s*/;
/** How many items the heading counts, before its words (`四个项目`, `有8项`) or after (`（12项）`). */
const COUNT_BEFORE = /^(?:共|有)?[\d一二三四五六七八九十百两]+(?:个|项|件)(?:项目|任务|事项|工作|重点工作)?/;
const COUNT_AFTER = /[（(](?:共|计)?[\d一二三四五六七八九十百两]+(?:个|项|件)[）)]$/;
/** What the verdict is about (`…的项目`, `已完成事项`), not the verdict. */
const ITEM_WORDS = /^(?:项目|任务|事项|工作)|(?:的)?(?:项目|任务|事项|工作)(?:清单)?$/g;

/** Verdicts as offices word them, each with the state it gives. Data, not rules: extend freely. */
const VERDICTS: readonly { written: string; verdict: 'done' | 'on_track' | 'behind' }[] = [
  {
    written:
      '(?:已|已经|均已)?(?:全面|全部|超额|提前|圆满)?完成(?:了)?(?:(?:全年|年度)(?:目标)?(?:任务)?)?|已?办结|已?销号',
    verdict: 'done',
  },
  {
    written:
      '(?:进度|推进|进展|工作)?(?:滞后|缓慢|较慢|偏慢)(?:于?序时(?:进度)?)?|未(?:启动|开工|达序时(?:进度)?|达到序时进度)|完成情况(?:不够|不)理想',
    verdict: 'behind',
  },
  {
    written:
      '(?:按|达到?|超)?序时(?:进度)?推进|(?:正常|有序|顺利|正在|持续)推进|超序时(?:进度)?|(?:基本)?达到?(?:序时进度|时间节点要求)|完成情况较好|超额完成[^，。；]{0,12}节点目标',
    verdict: 'on_track',
  },
];
/** After the verdict, what it is about and a lead-in (`…的市政府重点工作为`, `…的项目有`). */
const ABOUT = '(?:的?[\\u4e00-\\u9fff]{0,8}?(?:工作|项目|任务|事项|实事))?(?:为|有|如下)?';
const WRITTEN = VERDICTS.map((v) => ({ pattern: new RegExp(`^(${v.written})${ABOUT}$`), verdict: v.verdict }));

export interface HeadingVerdict {
  /** The verdict as the heading words it (`完成全年目标`, `进度滞后`). */
  text: string;
  verdict: 'done' | 'on_track' | 'behind';
}

/** The verdict a heading states on its items, or null for a heading that names a theme. */
export function verdictOfHeading(heading: string | null): HeadingVerdict | null {
  if (!heading || heading.length > 40) return null;
  const words = heading
    .replace(/\s+/g, '')
    .replace(NUMBERING, '')
    .replace(/[:：]$/, '')
    .replace(COUNT_AFTER, '')
    .replace(COUNT_BEFORE, '')
    .replace(ITEM_WORDS, '');
  if (!words) return null;
  for (const v of WRITTEN) {
    const m = v.pattern.exec(words);
    if (m) return { text: m[1], verdict: v.verdict };
  }
  return null;
}
