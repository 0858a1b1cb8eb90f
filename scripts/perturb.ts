// Metamorphic variants of the labelled tables (`npm run score -- --perturb`).
//
// Each labelled table (the seed and test/fixtures/real) is re-written the way other offices
// plausibly write the same content, and its gold is transformed with it, so the parser and the
// assessor can be scored on layouts nobody hand-labelled. A variant starts from the gold tasks
// (real targets, names, units and reports) and the table's own title lines, rendered as a clean
// tab-separated table (`base`); each transform changes one thing about how the table is written:
//
//   reorder       the columns after 序号 in another order (a theme/category pair stays in order)
//   synonyms      every header replaced by a name other offices use for that role
//   numbering *   1 → （一） / 一、 / ① / 1. / (1) / 1、 (one style per table)
//   no-leaders    the leaders column removed (gold leaders → [])
//   no-units      the units column removed (gold units → [])
//   sections      the theme written as its own numbered row (一、…) instead of a column,
//                 the category as （一）… rows under it (gold theme/category → the row text)
//   extra-cols *  unknown extra columns: 备注 (empty), 完成时限 (dates), 配合单位 (organisations)
//   spacing *     white space and full-width variants: spaced headers (序  号), padded cells,
//                 full-width digits and brackets in some targets and reports (gold follows)
//   date-prefix   the report opens with a date clause (截至6月底，…) consistent with the period
//   source        a data source in brackets after the first figure (…4.1%（数据来源：区统计局）)
//   shifted       merged leaders/units cells left out of the row (later cells move left), as a PDF gives them
//   leader-posts  a leader's post beside the name (陶峰（副区长）, 副区长陶峰, 陶峰副区长)
//   ditto         merged cells: a theme/category/leaders/units cell equal to the row above is blank
//   flag-col      a schedule-flag column after the report (是否达到序时进度 是/否, or 进度是否滞后),
//                 answered from the gold status; the gold report is joined with it
//   rate-col      a completion-rate column (完成率 actual/target, one amount indicator, where it agrees
//                 with the gold status) after the report
//   actual-col    an actual-figure column (累计完成 2450人) before the report
//   slow          a task on track reported with slow words (推进缓慢, 进度偏慢 …): gold behind
//   csv           comma-separated with quoted cells, reports broken over lines at `；`
//   two-headers   a parent header (责任分工) over the leaders and units columns, on two rows
//   no-seq        no 序号 column (only where the tasks are numbered 1…n in order)
//   list-sep      several people or units in a cell separated by ，/,/space/；// instead of 、
//   header-notes  headers with a remark (牵头单位（盖章）, 进展情况（截至目前）)
//   pages         a page number and the header repeated every few rows (text from a PDF)
//   broken-cells  a long report running on into a row of its own after a sentence
//   unreported    a quarter of the reports left empty or written -, /, 无 (gold: no_report)
//   punctuation   reports written with half-width punctuation (，→, 。→. ；→; ：→:) or full-width (,→，)
//   number-format large figures in reports written 16,010 or 1.601万 (values unchanged)
//   terse         the only indicator's figure reported without its metric (新增技能人才2450人 → 新增2450人)
//   done-words    已完成 written 已全部完成 / 全面完成 / 已完成年度任务
//   shorthand     metric names in the reports written short or long (地区生产总值 ↔ GDP, 规模以上 ↔
//                 规上, 固定资产投资 ↔ 固投, 社会消费品零售总额 ↔ 社零)
//   unknown-headers each header a word no vocabulary knows (栏目, 事项, B, 第3栏) or blank, at random
//                 per column: the columns are placed by what their cells hold
//   no-header *   the header row left out (a table copied without it, a page that lost it);
//                 neither this nor unknown-headers goes with no-seq (nothing would mark a task row)
//   mix           three of the transforms above (not held out) at once
//   mix-all *     three of all the transforms, held-out ones included
//
// `*` marks the transforms held out while the rules were changed: they are scored only with
// `--heldout` (or `--transform NAME`). The randomness is seeded from the table's name, the
// transform and the variant's index, so every run writes the same variants.
import { deadlineMonth } from '../src/assess/deadline.js';
import type { GoldTask as GoldParse } from './score/parse.js';
import type { GoldTask as GoldAssess } from './score/assess.js';

export type Gold = GoldParse & GoldAssess;

type Key =
  | 'seq'
  | 'theme'
  | 'category'
  | 'target'
  | 'leaders'
  | 'units'
  | 'progress'
  | 'notes'
  | 'deadline'
  | 'co_units'
  | 'flag'
  | 'rate'
  | 'actual';

interface Column {
  key: Key;
  header: string;
}

/** A table as a layout over gold tasks; `render` writes it as text. */
export interface Layout {
  title: string[];
  columns: Column[];
  gold: Gold[];
  /** Theme/category as heading rows instead of columns. */
  themeRows: boolean;
  categoryRows: boolean;
  /** The task number as printed. */
  number: (n: number) => string;
  /** Blank cells for a theme/category/leaders/units equal to the row above. */
  ditto: boolean;
  /** Merged cells left out of the row entirely (text from a PDF): later cells move left. */
  dropMerged: boolean;
  /** Extra cell texts per task index (notes, deadline, co_units). */
  extra: Partial<Record<Key, string[]>>;
  /** Header cells with spacing (`序  号`), cells padded with spaces. */
  spaced: boolean;
  /** How a leader's post is printed beside the name (`{n}（副区长）`), or null. */
  leaderPost: string | null;
  /** How a cell lists several people or units. */
  listSep: string;
  /** A page break (page number, header repeated) after every N task rows. */
  pageEvery: number | null;
  /** Tasks whose report runs on into a row of its own (a cell broken by a page). */
  broken: Set<number>;
  /** End month of the table's period, when known (for date clauses). */
  endMonth: number | null;
  /** Comma-separated with quoted cells instead of tab-separated. */
  csv: boolean;
  /** The schedule flag's answers [behind, not behind] when the layout has a flag column. */
  flagAnswers: [string, string] | null;
  /** A parent header over two adjacent columns: [parent, first key, second key]. */
  parent: [string, Key, Key] | null;
  /** False when the header row is left out (and not repeated on a new page). */
  header: boolean;
  /** True when no header word names a column (unknown words, blanks, or no header row). */
  unnamed: boolean;
}

export type Rng = () => number;

/** mulberry32, seeded by a string hash: the same name gives the same variants on every run. */
export function rngFor(name: string): Rng {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 23 → 二十三 (up to 99). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return CN[n];
  if (n < 20) return '十' + CN[n - 10];
  const t = Math.floor(n / 10);
  const u = n % 10;
  return CN[t] + '十' + (u ? CN[u] : '');
}
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Numbering styles offices print in the 序号 column. Circled numbers stop at 20. */
export const NUMBER_STYLES: ReadonlyArray<{ name: string; fmt: (n: number) => string; max: number }> = [
  { name: '（一）', fmt: (n) => `（${chineseNumeral(n)}）`, max: 99 },
  { name: '一、', fmt: (n) => `${chineseNumeral(n)}、`, max: 99 },
  { name: '①', fmt: (n) => CIRCLED[n - 1], max: 20 },
  { name: '1.', fmt: (n) => `${n}.`, max: 999 },
  { name: '(1)', fmt: (n) => `(${n})`, max: 999 },
  { name: '1、', fmt: (n) => `${n}、`, max: 999 },
];

/** Header names other offices give each role (the list and common variants). */
export const HEADER_VARIANTS: Partial<Record<Key, readonly string[]>> = {
  seq: ['序号', '编号', 'No.', '序 号'],
  theme: ['重点工作', '类别', '工作类别', '领域', '板块'],
  category: ['分类', '子类', '具体类别'],
  target: ['工作任务', '目标任务', '重点任务', '主要内容', '任务内容', '内容与要求', '预期目标', '项目内容'],
  leaders: ['责任领导', '牵头领导', '分管领导', '联系领导', '县领导'],
  units: ['责任单位', '牵头单位', '主办单位', '承办单位', '落实单位'],
  progress: ['进展情况', '完成情况', '落实情况', '推进情况', '当前进度', '工作进展', '进展及成效'],
};

const BASE_HEADERS: Record<Key, string> = {
  seq: '序号',
  theme: '重点工作任务',
  category: '工作类别',
  target: '具体目标任务',
  leaders: '牵头领导',
  units: '牵头单位',
  progress: '进展情况',
  notes: '备注',
  deadline: '完成时限',
  co_units: '配合单位',
  flag: '是否达到序时进度',
  rate: '完成率',
  actual: '累计完成',
};

const clone = (g: Gold[]): Gold[] => JSON.parse(JSON.stringify(g)) as Gold[];
const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ');

/** The clean re-rendering of a labelled table: title lines, then the columns its gold uses. */
export function baseLayout(gold: Gold[], title: string[], endMonth: number | null): Layout {
  const keys: Key[] = ['seq'];
  if (gold.some((t) => t.theme)) keys.push('theme');
  if (gold.some((t) => t.category)) keys.push('category');
  keys.push('target');
  if (gold.some((t) => t.leaders.length)) keys.push('leaders');
  if (gold.some((t) => t.units.length)) keys.push('units');
  if (gold.some((t) => t.progress)) keys.push('progress');
  return {
    title,
    columns: keys.map((key) => ({ key, header: BASE_HEADERS[key] })),
    gold: clone(gold),
    themeRows: false,
    categoryRows: false,
    number: (n) => String(n),
    ditto: false,
    dropMerged: false,
    extra: {},
    spaced: false,
    listSep: '、',
    leaderPost: null,
    pageEvery: null,
    broken: new Set(),
    endMonth,
    csv: false,
    flagAnswers: null,
    parent: null,
    header: true,
    unnamed: false,
  };
}

/** The title lines of a table as extracted: the lines before the first row of three or more cells. */
export function titleLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const cells = line.split('\t').filter((c) => c.trim());
    if (cells.length >= 3) break;
    if (cells.length) out.push(cells.join(' '));
  }
  return out;
}

const SECTION_PREFIX = /^\s*([（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．])/;

const csvCell = (c: string) => (/[",\n]/.test(c) ? '"' + c.replace(/"/g, '""') + '"' : c);

/** Writes a layout as tab-separated text (or CSV). */
export function render(l: Layout): string {
  const lines = [...l.title];
  const cols = l.columns.filter(
    (c) => !(c.key === 'theme' && l.themeRows) && !(c.key === 'category' && l.categoryRows),
  );
  const join = (cells: string[]) => (l.csv ? cells.map(csvCell).join(',') : cells.join('\t'));
  const head = cols.map((c) => (l.spaced && c.header.length === 2 ? c.header[0] + '  ' + c.header[1] : c.header));
  const parentAt = l.parent ? cols.findIndex((c) => c.key === l.parent![1]) : -1;
  if (!l.header) {
    // no header row at all
  } else if (l.parent && parentAt >= 0 && cols[parentAt + 1]?.key === l.parent[2]) {
    // Two header rows: the parent over its two columns, the others merged down (blank below).
    lines.push(join(head.map((h, j) => (j === parentAt ? l.parent![0] : j === parentAt + 1 ? '' : h))));
    lines.push(join(head.map((h, j) => (j === parentAt || j === parentAt + 1 ? h : ''))));
  } else lines.push(join(head));
  let prev: Gold | null = null;
  l.gold.forEach((t, i) => {
    if (l.themeRows && t.theme && t.theme !== prev?.theme) lines.push(t.theme);
    if (l.categoryRows && t.category && (t.category !== prev?.category || t.theme !== prev?.theme))
      lines.push(t.category);
    const same = (k: 'theme' | 'category' | 'leaders' | 'units') =>
      l.ditto &&
      prev !== null &&
      JSON.stringify(prev[k]) === JSON.stringify(t[k]) &&
      (k !== 'category' || prev.theme === t.theme);
    const cell = (c: Column): string => {
      switch (c.key) {
        case 'seq':
          return l.number(t.seq);
        case 'theme':
        case 'category':
          return same(c.key) ? '' : (t[c.key] ?? '');
        case 'leaders':
        case 'units': {
          if (same(c.key)) return '';
          const post = l.leaderPost;
          const names = c.key === 'leaders' && post ? t.leaders.map((n) => post.replace('{n}', n)) : t[c.key];
          return names.join(l.listSep);
        }
        case 'target':
          return t.target;
        case 'progress':
          return t.progress;
        default:
          return l.extra[c.key]?.[i] ?? '';
      }
    };
    let cells = cols.map((c) => {
      const text = cell(c);
      // CSV keeps line breaks inside quoted cells: a report of several items one per line.
      return l.csv && c.key === 'progress' ? text.replace(/；(?=\S)/g, '；\n') : oneLine(text);
    });
    if (l.spaced) cells = cells.map((c, j) => (c && j % 2 === 1 ? ' ' + c + '\u3000' : c));
    const p = cols.findIndex((c) => c.key === 'progress');
    const cut = l.broken.has(i) && p >= 0 ? breakAt(cells[p]) : -1;
    if (cut > 0) {
      const rest = cols.map((_, j) => (j === p ? cells[p].slice(cut) : ''));
      cells[p] = cells[p].slice(0, cut);
      lines.push(join(cells), join(rest));
    } else if (l.dropMerged) {
      // a merged (blank) leaders or units cell is not in the extracted row at all
      const kept = cells.filter(
        (c, j) => c || !['leaders', 'units'].includes(cols[j].key) || !same(cols[j].key as 'leaders' | 'units'),
      );
      lines.push(join(kept));
    } else lines.push(join(cells));
    if (l.pageEvery && (i + 1) % l.pageEvery === 0 && i + 1 < l.gold.length) {
      lines.push(`— ${Math.floor((i + 1) / l.pageEvery) + 1} —`);
      if (l.header) lines.push(join(head));
    }
    prev = t;
  });
  return lines.join('\n') + '\n';
}

/** Where a long report breaks at a page: after a sentence near its middle, or -1. */
function breakAt(text: string): number {
  if (text.length < 30) return -1;
  const mid = text.length / 2;
  let best = -1;
  // both lines hold sentences (a joined flag or figure cell is not broken off on its own)
  for (let i = 0; i < text.length - 1; i++)
    if (
      '。；;'.includes(text[i]) &&
      sentenceLike(text.slice(i + 1)) &&
      sentenceLike(text.slice(0, i)) &&
      (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))
    )
      best = i + 1;
  return best;
}

// ---------------------------------------------------------------------------------------------
// Transforms. Each changes the layout (and its gold) in place; `false` means it does not apply.

type Transform = (l: Layout, rng: Rng) => boolean;

/**
 * Orders seen in published tables: the grouping columns (theme, category) lead, before or just
 * after 序号; the target comes before the report; people and organisations stand anywhere after
 * the grouping (`序号 | 责任单位 | 工作任务 | 进展`, `目标 | 进展情况 | 牵头单位`).
 */
const reorder: Transform = (l, rng) => {
  const seq = l.columns.filter((c) => c.key === 'seq');
  const group = l.columns.filter((c) => c.key === 'theme' || c.key === 'category');
  // The target, the report and any other column keep their order among themselves.
  const main = l.columns.filter((c) => !['seq', 'theme', 'category', 'leaders', 'units'].includes(c.key));
  const free = l.columns.filter((c) => c.key === 'leaders' || c.key === 'units');
  if (free.length === 0 && group.length === 0) return false;
  const before = l.columns.map((c) => c.key).join();
  for (let k = 0; k < 8; k++) {
    const body = [...main];
    for (const c of shuffle(rng, [...free])) body.splice(Math.floor(rng() * (body.length + 1)), 0, c);
    l.columns = group.length && rng() < 0.3 ? [...group, ...seq, ...body] : [...seq, ...group, ...body];
    if (l.columns.map((c) => c.key).join() !== before) return true;
  }
  return false;
};

const synonyms: Transform = (l, rng) => {
  for (const c of l.columns) {
    const names = HEADER_VARIANTS[c.key];
    if (names)
      c.header = pick(
        rng,
        names.filter((n) => n !== c.header),
      );
  }
  return true;
};

const numbering: Transform = (l, rng) => {
  const max = Math.max(...l.gold.map((t) => t.seq));
  const style = pick(
    rng,
    NUMBER_STYLES.filter((s) => s.max >= max),
  );
  l.number = style.fmt;
  return true;
};

function dropColumn(key: 'leaders' | 'units'): Transform {
  return (l) => {
    if (!l.columns.some((c) => c.key === key)) return false;
    l.columns = l.columns.filter((c) => c.key !== key);
    for (const t of l.gold) {
      t[key] = [];
      if (t.uncertain) t.uncertain = t.uncertain.filter((u) => u !== key);
    }
    return true;
  };
}

const sections: Transform = (l) => {
  if (!l.columns.some((c) => c.key === 'theme')) return false;
  // Headings as printed: numbered 一、 (theme) and （一） (category) unless they already are.
  const themes = [...new Set(l.gold.map((t) => t.theme).filter((x): x is string => !!x))];
  const themeText = new Map(
    themes.map((th, i) => [th, SECTION_PREFIX.test(th) ? th : `${chineseNumeral(i + 1)}、${th}`] as const),
  );
  const catCount = new Map<string, number>();
  const catText = new Map<string, string>();
  for (const t of l.gold) {
    if (t.category && !catText.has(`${t.theme}\u0000${t.category}`)) {
      const n = (catCount.get(t.theme ?? '') ?? 0) + 1;
      catCount.set(t.theme ?? '', n);
      catText.set(
        `${t.theme}\u0000${t.category}`,
        SECTION_PREFIX.test(t.category) ? t.category : `（${chineseNumeral(n)}）${t.category}`,
      );
    }
  }
  for (const t of l.gold) {
    if (t.category) t.category = catText.get(`${t.theme}\u0000${t.category}`) ?? t.category;
    if (t.theme) t.theme = themeText.get(t.theme) ?? t.theme;
  }
  l.themeRows = true;
  l.categoryRows = l.columns.some((c) => c.key === 'category');
  return true;
};

const DEADLINES = ['12月底', '全年', '6月底前', '6月', '年底前', '9月底前完成', '持续推进', '10月'];
/**
 * The deadlines a table's period has not passed: a task going on after its own deadline is behind
 * (src/assess/deadline.ts), so only a deadline still ahead leaves the gold's status as it is.
 */
const deadlinesAhead = (endMonth: number | null): string[] =>
  DEADLINES.filter((d) => {
    const month = deadlineMonth(d, 2000);
    return month === null || month >= (endMonth ?? 12);
  });
const CO_UNITS = [
  '区财政局',
  '区自然资源局',
  '各街道',
  '区住建局',
  '区市场监管局',
  '县人社局',
  '各乡镇（街道）',
  '市发展改革委',
];

const extraCols: Transform = (l, rng) => {
  const kinds = shuffle(rng, ['notes', 'deadline', 'co_units'] as Key[]).slice(0, 1 + Math.floor(rng() * 3));
  for (const key of kinds) {
    const vals = l.gold.map(() => {
      if (key === 'notes') return rng() < 0.85 ? '' : '无';
      if (key === 'deadline') return pick(rng, deadlinesAhead(l.endMonth));
      return rng() < 0.2 ? '' : pick(rng, CO_UNITS) + (rng() < 0.4 ? '、' + pick(rng, CO_UNITS) : '');
    });
    if (key === 'deadline') {
      // A table writes its deadlines in one style; keep the first drawn for most rows.
      const d = vals[0];
      for (let i = 0; i < vals.length; i++) if (rng() < 0.6) vals[i] = d;
    }
    l.extra[key] = vals;
    const at = key === 'notes' ? l.columns.length : 1 + Math.floor(rng() * l.columns.length);
    l.columns.splice(at, 0, { key, header: BASE_HEADERS[key] });
  }
  return true;
};

const FULL = (s: string) =>
  s
    .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');

const spacing: Transform = (l, rng) => {
  l.spaced = true;
  for (const t of l.gold) {
    if (rng() < 0.3) t.target = FULL(t.target);
    if (t.progress && rng() < 0.3) t.progress = FULL(t.progress);
  }
  return true;
};

const HAS_PERIOD =
  /^(截至|截止|到|今年|目前|\d{1,2}月|[1１][-—~～至]\d+月|[一二三四]季度|上半年|前三季度|全年|20\d\d年|年初以来)/;
function sentenceLike(s: string): boolean {
  return (s.match(/[\u4e00-\u9fff]/g) ?? []).length >= 8;
}

const datePrefix: Transform = (l) => {
  const clause = l.endMonth && l.endMonth < 12 ? `截至${l.endMonth}月底，` : '截至目前，';
  let n = 0;
  for (const t of l.gold) {
    if (!t.progress || !sentenceLike(t.progress) || HAS_PERIOD.test(t.progress)) continue;
    t.progress = clause + t.progress;
    n++;
  }
  return n > 0;
};

const sourceSuffix: Transform = (l, rng) => {
  const level = (l.gold.flatMap((t) => t.units).find((u) => /^[区县市州省]/.test(u)) ?? '区')[0];
  const sources = [`（数据来源：${level}统计局）`, '（数据来源：统计部门）', `（数据来源：${level}统计局，快报数）`];
  let n = 0;
  for (const t of l.gold) {
    if (!t.progress || !sentenceLike(t.progress)) continue;
    const src = pick(rng, sources);
    // After the first figure that closes a clause (`增长4.1%。`, `完成330个，`).
    const m = /\d(?:\.\d+)?\s*(%|％|[个家所人亿万元亩公里条项处座台张套户]+)(?=[，,。；;])/.exec(t.progress);
    if (!m) continue;
    // not inside a note in brackets already
    const before = t.progress.slice(0, m.index);
    if ((before.match(/[（(]/g) ?? []).length > (before.match(/[）)]/g) ?? []).length) continue;
    t.progress = t.progress.slice(0, m.index + m[0].length) + src + t.progress.slice(m.index + m[0].length);
    n++;
  }
  return n > 0;
};

const ditto: Transform = (l) => {
  l.ditto = true;
  return l.gold.some(
    (t, i) => i > 0 && (t.units.join() === l.gold[i - 1].units.join() || t.theme === l.gold[i - 1].theme),
  );
};

const flagCol: Transform = (l, rng) => {
  const at = l.columns.findIndex((c) => c.key === 'progress');
  if (at < 0) return false;
  // The question decides the answer: 是否达序 否 and 进度是否滞后 是 both say behind.
  const [header, behindAnswer, okAnswer] = pick(rng, [
    ['是否达到序时进度', '否', '是'],
    ['是否达序', '否', '是'],
    ['进度是否滞后', '是', '否'],
  ] as const);
  // answered once every transform has run (an emptied report has no answer either): finish()
  l.flagAnswers = [behindAnswer, okAnswer];
  l.columns.splice(at + 1, 0, { key: 'flag', header });
  return true;
};

const csv: Transform = (l) => {
  l.csv = true;
  return true;
};

const twoHeaders: Transform = (l, rng) => {
  const keys = l.columns.map((c) => c.key);
  const i = keys.indexOf('leaders');
  if (i < 0 || keys[i + 1] !== 'units') return false;
  l.parent = [pick(rng, ['责任分工', '责任主体', '责任落实']), 'leaders', 'units'];
  return true;
};

/** Report shorthand, both ways (the assessor compares metrics in the short form). */
export const SHORTHAND: ReadonlyArray<readonly [string, string]> = [
  ['地区生产总值', 'GDP'],
  ['规模以上', '规上'],
  ['固定资产投资', '固投'],
  ['社会消费品零售总额', '社零'],
];

const shorthand: Transform = (l, rng) => {
  let n = 0;
  for (const t of l.gold) {
    for (const [long, short] of SHORTHAND) {
      const [from, to] = rng() < 0.75 ? [long, short] : [short, long];
      if (t.progress.includes(from)) {
        t.progress = t.progress.split(from).join(to);
        n++;
      }
    }
  }
  return n > 0;
};

const noSeq: Transform = (l) => {
  // Only where the tasks are numbered 1…n in order: the parser then numbers the rows itself.
  if (l.unnamed) return false;
  if (!l.gold.every((t, i) => t.seq === i + 1) || !l.columns.some((c) => c.key === 'seq')) return false;
  l.columns = l.columns.filter((c) => c.key !== 'seq');
  return true;
};

const listSeparators: Transform = (l, rng) => {
  if (!l.gold.some((t) => t.units.length > 1 || t.leaders.length > 1)) return false;
  l.listSep = pick(rng, ['，', ',', ' ', '；', '/']);
  return true;
};

const HEADER_NOTES: Partial<Record<Key, readonly string[]>> = {
  units: ['（盖章）', '（第一个为牵头单位）', '\n（牵头）'],
  leaders: ['（区级）', '\n（姓名）'],
  progress: ['（截至目前）', '（请简明扼要填写）', '（文字说明）'],
  target: ['（年度）', '（2023年）'],
};

const headerNotes: Transform = (l, rng) => {
  let n = 0;
  for (const c of l.columns) {
    const notes = HEADER_NOTES[c.key];
    if (notes && rng() < 0.7) {
      c.header = oneLine(c.header + pick(rng, notes));
      n++;
    }
  }
  return n > 0;
};

const pages: Transform = (l, rng) => {
  if (l.gold.length < 6) return false;
  l.pageEvery = 3 + Math.floor(rng() * 5);
  return true;
};

const brokenCells: Transform = (l, rng) => {
  l.gold.forEach((t, i) => {
    if (rng() < 0.3 && breakAt(t.progress) > 0) l.broken.add(i);
  });
  return l.broken.size > 0;
};

const unreported: Transform = (l, rng) => {
  if (!l.columns.some((c) => c.key === 'progress')) return false;
  let n = 0;
  for (const t of l.gold) {
    if (!t.progress || rng() >= 0.25) continue;
    t.progress = pick(rng, ['', '', '/', '—', '无']);
    t.status = 'no_report';
    t.uncertain = (t.uncertain ?? []).filter((u) => u !== 'status');
    for (const ind of t.indicators) {
      ind.actual = null;
      ind.actual_period = null;
    }
    n++;
  }
  return n > 0;
};

const HALF: Record<string, string> = { '，': ',', '。': '.', '；': ';', '：': ':', '（': '(', '）': ')' };
const FULLP: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };

const punctuation: Transform = (l, rng) => {
  const toHalf = rng() < 0.5;
  let n = 0;
  for (const t of l.gold) {
    if (!sentenceLike(t.progress)) continue;
    const before = t.progress;
    // `.` only after a character, never inside a number; `,` between digits (1,000) stays
    t.progress = toHalf
      ? t.progress.replace(/[，；：（）]/g, (c) => HALF[c]).replace(/。(?!\d)/g, '.')
      : t.progress.replace(/(?<!\d),(?!\d)|[;:()]/g, (c) => FULLP[c]);
    if (t.progress !== before) n++;
  }
  return n > 0;
};

const numberFormat: Transform = (l, rng) => {
  let n = 0;
  for (const t of l.gold) {
    if (!sentenceLike(t.progress)) continue;
    // whole numbers of five or more digits before a measure word, not years or dates
    t.progress = t.progress.replace(/(?<![\d.年月-])(\d{5,8})(?![\d.年月日号%])(?=[\u4e00-\u9fff])/g, (m) => {
      n++;
      const v = Number(m);
      if (rng() < 0.5) return v.toLocaleString('en-US');
      const w = v / 10000;
      return `${Number.isInteger(w) ? w : Number(w.toFixed(4))}万`;
    });
  }
  return n > 0;
};

const LEAD_VERBS = /^(新增|新建|完成|建成|开展|培训|实现|改造|创建|发放|招聘|开通|建设)/;

const terse: Transform = (l) => {
  let n = 0;
  for (const t of l.gold) {
    const amounts = t.indicators.filter((i) => i.kind === 'amount');
    if (t.indicators.length !== 1 || amounts.length !== 1 || amounts[0].actual === null) continue;
    const metric = amounts[0].metric.replace(/^[“”"']+|[“”"']+$/g, '');
    // a metric narrowed by a qualifier (亿元以上项目, 35岁以下, 省级) keeps it in any report
    if (metric.length < 3 || /\d|以上|以下|级/.test(metric)) continue;
    const at = t.progress.indexOf(metric);
    if (at < 0 || !/^\s*\d/.test(t.progress.slice(at + metric.length))) continue;
    const verb = LEAD_VERBS.exec(metric)?.[0] ?? (/(已|完成)$/.test(t.progress.slice(0, at)) ? '' : '完成');
    t.progress = t.progress.slice(0, at) + verb + t.progress.slice(at + metric.length);
    n++;
  }
  return n > 0;
};

const doneWords: Transform = (l, rng) => {
  let n = 0;
  for (const t of l.gold) {
    if (!/^已完成[。.]?(\s|$)/.test(t.progress)) continue;
    t.progress = t.progress.replace(/^已完成/, pick(rng, ['已全部完成', '全面完成', '已完成年度任务', '项目已完成']));
    n++;
  }
  return n > 0;
};

/** The task's one amount indicator with a numeric actual, when its report may carry figure columns. */
function soleAmount(t: Gold): Gold['indicators'][number] | null {
  if (t.indicators.length !== 1 || t.status === 'pending' || t.status === 'no_report') return null;
  if (t.uncertain?.includes('status') || t.uncertain?.includes('indicators') || !t.progress) return null;
  const ind = t.indicators[0];
  if (ind.kind !== 'amount' || ind.direction !== 'at_least') return null;
  if (typeof ind.actual !== 'number' || typeof ind.target !== 'number' || ind.target <= 0) return null;
  return ind;
}

function amountText(v: number, unit: string | null): string {
  if (unit === '元' || unit === '美元') {
    if (v >= 1e8) return `${Number((v / 1e8).toFixed(2))}亿${unit}`;
    if (v >= 1e4) return `${Number((v / 1e4).toFixed(2))}万${unit}`;
  }
  return `${Number(v.toFixed(2))}${unit ?? ''}`;
}

const rateCol: Transform = (l, rng) => {
  const at = l.columns.findIndex((c) => c.key === 'progress');
  if (at < 0) return false;
  const rates = l.gold.map((t) => {
    const ind = soleAmount(t);
    if (!ind) return '';
    const rate = ((ind.actual as number) / (ind.target as number)) * 100;
    // only where the rate says what the gold says: 100% or more is the whole task done
    if (rate >= 100 !== (t.status === 'done') || ind.floor !== ind.target) return '';
    return `${Number(rate.toFixed(2))}%`;
  });
  if (!rates.some(Boolean)) return false;
  l.extra.rate = rates;
  l.columns.splice(at + 1, 0, { key: 'rate', header: pick(rng, ['完成率', '任务完成率', '完成进度']) });
  return true;
};

const actualCol: Transform = (l, rng) => {
  const at = l.columns.findIndex((c) => c.key === 'progress');
  if (at < 0) return false;
  const cells = l.gold.map((t) => {
    const ind = soleAmount(t);
    return ind ? amountText(ind.actual as number, ind.unit) : '';
  });
  if (!cells.some(Boolean)) return false;
  l.extra.actual = cells;
  l.columns.splice(at, 0, { key: 'actual', header: pick(rng, ['累计完成', '实际完成', '完成值']) });
  return true;
};

const SLOW = [
  '，但整体推进缓慢。',
  '，目前进度偏慢。',
  '，较计划滞后2个月。',
  '，进展较为缓慢。',
  '，未达到序时进度。',
];

const slow: Transform = (l, rng) => {
  let n = 0;
  for (const t of l.gold) {
    // only a task still under way: slow words beside `已完成` contradict the report
    if (t.status !== 'on_track' || !sentenceLike(t.progress) || rng() >= 0.4) continue;
    if (t.uncertain?.includes('status')) continue;
    t.progress = t.progress.replace(/[。；;.\s]*$/, '') + pick(rng, SLOW);
    t.status = 'behind';
    n++;
  }
  return n > 0;
};

const shifted: Transform = (l) => {
  // merged leaders/units cells as a PDF's text gives them: absent, the report moved left
  const keys = l.columns.map((c) => c.key);
  if (!keys.includes('leaders') && !keys.includes('units')) return false;
  l.ditto = true;
  l.dropMerged = true;
  return l.gold.some(
    (t, i) =>
      i > 0 && (t.units.join() === l.gold[i - 1].units.join() || t.leaders.join() === l.gold[i - 1].leaders.join()),
  );
};

const leaderPosts: Transform = (l, rng) => {
  if (!l.columns.some((c) => c.key === 'leaders')) return false;
  const level = (l.gold.flatMap((t) => t.units).find((u) => /^[区县市州]/.test(u)) ?? '区')[0];
  const post = pick(rng, [`副${level}长`, `常务副${level}长`, `${level}委常委`]);
  l.leaderPost = pick(rng, [`{n}（${post}）`, `${post}{n}`, `{n}${post}`]);
  return true;
};

/** Header words no vocabulary knows: a column's own label, a letter, a position. */
const UNKNOWN_HEADERS = ['栏目', '事项', '摘要', '情况', '要点', '具体', '分项', '填报'];

// Without a header word or a number, nothing tells a task row from a title line: a table is
// read by one or the other, so these transforms and no-seq exclude each other.
const numbered = (l: Layout) => l.columns.some((c) => c.key === 'seq');

const unknownHeaders: Transform = (l, rng) => {
  if (!numbered(l)) return false;
  l.unnamed = true;
  l.columns.forEach((c, j) => {
    const r = rng();
    c.header =
      r < 0.3 ? '' : r < 0.5 ? String.fromCharCode(65 + j) : r < 0.65 ? `第${j + 1}栏` : pick(rng, UNKNOWN_HEADERS);
  });
  l.parent = null;
  return true;
};

const noHeader: Transform = (l) => {
  if (!numbered(l)) return false;
  l.unnamed = true;
  l.header = false;
  l.parent = null;
  return true;
};

export const TRANSFORMS: Record<string, Transform> = {
  reorder,
  synonyms,
  numbering,
  'no-leaders': dropColumn('leaders'),
  'no-units': dropColumn('units'),
  sections,
  'extra-cols': extraCols,
  spacing,
  'date-prefix': datePrefix,
  source: sourceSuffix,
  ditto,
  'flag-col': flagCol,
  csv,
  'two-headers': twoHeaders,
  shorthand,
  'no-seq': noSeq,
  'list-sep': listSeparators,
  'header-notes': headerNotes,
  pages,
  'broken-cells': brokenCells,
  unreported,
  punctuation,
  'number-format': numberFormat,
  terse,
  'done-words': doneWords,
  'rate-col': rateCol,
  'actual-col': actualCol,
  slow,
  shifted,
  'leader-posts': leaderPosts,
  'unknown-headers': unknownHeaders,
  'no-header': noHeader,
};

/** Held out while the rules were changed; scored only at the end. */
export const HELD_OUT = ['numbering', 'extra-cols', 'spacing', 'no-header'];

/** Columns that are part of the report, joined into `progress` in table order. */
const REPORT_KEYS = new Set<Key>(['actual', 'progress', 'rate', 'flag']);

/**
 * The gold of a layout: its tasks, with the report joined from every report column in table
 * order (the flag column after the written report), as the parser gives `progress`.
 */
export function goldOf(l: Layout): Gold[] {
  const order = l.columns.filter((c) => REPORT_KEYS.has(c.key)).map((c) => c.key);
  if (order.length <= 1) return l.gold;
  return l.gold.map((t, i) => {
    if (!t.progress) return t;
    const texts = order.map((k) => (k === 'progress' ? t.progress : (l.extra[k]?.[i] ?? ''))).filter(Boolean);
    return { ...t, progress: texts.join(' ') };
  });
}

/** Fills what depends on the final gold (the flag column's answers). */
function finish(l: Layout): Layout {
  const answers = l.flagAnswers;
  if (answers)
    l.extra.flag = l.gold.map((t) =>
      !t.progress || t.status === 'no_report' ? '' : t.status === 'behind' ? answers[0] : answers[1],
    );
  return l;
}

/** Applies transform NAME (or `mix`, or `base` for none) to a fresh base layout. */
export function variant(name: string, gold: Gold[], title: string[], endMonth: number | null, rng: Rng): Layout | null {
  // a row with no report may be labelled `progress: null`: the table prints it blank
  const l = baseLayout(
    gold.map((g) => ({ ...g, progress: g.progress ?? '' })),
    title,
    endMonth,
  );
  if (name === 'base') return l;
  if (name === 'mix' || name === 'mix-all') {
    // mix-all draws from the held-out transforms too (scored with them, at the end)
    const names = shuffle(
      rng,
      Object.keys(TRANSFORMS).filter((n) => name === 'mix-all' || !HELD_OUT.includes(n)),
    );
    let applied = 0;
    for (const n of names) if (applied < 3 && TRANSFORMS[n](l, rng)) applied++;
    // a table keeps at least two columns besides heading rows
    const shown = l.columns.filter(
      (c) => !(c.key === 'theme' && l.themeRows) && !(c.key === 'category' && l.categoryRows),
    );
    return applied && shown.length >= 2 ? finish(l) : null;
  }
  const t = TRANSFORMS[name];
  if (!t) throw new Error(`unknown transform ${name}`);
  return t(l, rng) ? finish(l) : null;
}
