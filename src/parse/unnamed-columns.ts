// Columns no header word names, placed by where they stand as well as by what they hold. Tables
// are written in one order: the target first, then who answers for it, then the report and what
// is said about it. So with no word to go by, the first text column is the target and text right
// of it is the report; figures and percentages right of the target are what was done and how much
// of it; a heading never stands right of the target it would group.
import type { ColumnProfile } from './column-profile.js';
import type { ColumnRole } from './headers.js';

const share = (n: number, p: ColumnProfile) => (p.filled ? n / p.filled : 0);
/** A year alone (`2022`): when a project runs, not an amount reached. */
const YEARS = (p: ColumnProfile, cells: readonly string[]) =>
  cells.filter((x) => x.trim()).every((x) => /^(19|20)\d\d$/.test(x.trim())) && p.filled > 0;

/**
 * Re-reads the unnamed columns (`named[c]` false) of `roles` in place; `profile(c)` counts a
 * column's task rows, `cells(c)` gives them. Returns nothing: the caller warns of every guess.
 */
export function placeUnnamedColumns(
  roles: ColumnRole[],
  named: readonly boolean[],
  profile: (c: number) => ColumnProfile,
  cells: (c: number) => string[],
): void {
  const width = roles.length;
  const free = (c: number) => !named[c] && profile(c).filled > 0;
  // Every task has a target, and it stands left of the report: with no target column, the first
  // report-like text is the target (targets say 完成, 新增 as reports do) — unless a heading column
  // names every task in its own words (`实事项目 | 开展…行动`): that name is the target.
  const namesEachTask = (c: number) => {
    const p = profile(c);
    return roles[c] === 'task' && p.rows >= 2 && p.filled === p.rows && p.changes >= 0.9 * p.rows;
  };
  if (!roles.includes('target') && !roles.some((_, c) => namesEachTask(c))) {
    const first = roles.indexOf('progress');
    if (first >= 0 && free(first)) roles[first] = 'target';
  }
  const firstTarget = roles.indexOf('target');
  if (firstTarget < 0) return;
  const before = (c: number, ...rs: ColumnRole[]) => roles.slice(0, c).some((r) => rs.includes(r));
  // Text right of the target and right of who answers for it is the report (`基本完成。` beside
  // the detail), when no column of known words is the report.
  const namedReport = roles.some((r, c) => r === 'progress' && named[c]);
  for (let c = firstTarget + 1; c < width && !namedReport; c++)
    if (roles[c] === 'target' && free(c) && before(c, 'units', 'leaders')) roles[c] = 'progress';
  // A long text beside a short name that says nothing of the kind, telling in a good part of its
  // rows what was done (`海河综合开发 | 进步桥…竣工通车,已完成14.3公里`): the name is the task, the
  // text its report. A plan's detail beside its name (`…养护工程 | 对…进行全面勘察`) rarely
  // reads as done, and a name that is as long as the text is a target in its own right.
  const reportShare = (c: number) => share(profile(c).report, profile(c));
  for (let c = firstTarget + 1; c < width && !roles.includes('progress'); c++)
    if (
      roles[c] === 'target' &&
      free(c) &&
      roles[c - 1] === 'target' &&
      profile(c).meanLength >= Math.max(30, 2 * profile(c - 1).meanLength) &&
      reportShare(c) >= 0.3 &&
      reportShare(c - 1) < 0.15
    )
      roles[c] = 'progress';
  // Text that repeats the target's words with other figures (`新增贷款户5000户` → `新增贷款户7645户`)
  // is the report of what was reached.
  for (let c = firstTarget + 1; c < width && !roles.includes('progress'); c++)
    if (
      roles[c] === 'target' &&
      free(c) &&
      roles.some((r, t) => t < c && r === 'target' && mirrors(cells(t), cells(c)))
    )
      roles[c] = 'progress';
  // Percentages right of the target, a word or two after some (`88%（两处偏慢）`): the completion rate.
  for (let c = firstTarget + 1; c < width; c++) {
    if (roles[c] !== 'target' || !free(c)) continue;
    const filled = cells(c).filter((x) => x.trim());
    const rates = filled.filter((x) => /^\s*\d+(\.\d+)?\s*[%％]/.test(x)).length;
    if (rates >= 0.8 * filled.length && profile(c).meanLength <= 30) roles[c] = 'rate';
  }
  // Figures right of the target: the last such column is the amount reached (the one before it,
  // if any, the amount planned); percentages are the completion rate.
  const figures = (c: number) => {
    const p = profile(c);
    return share(p.percent + p.figure, p) >= 0.8 && share(p.percent, p) < 0.8 && !YEARS(p, cells(c));
  };
  // Figures right of the target, in the order tables print them: one column is the amount reached;
  // of two, the first is the amount planned (the target's figure, `8950人`), the second the
  // amount reached; a third is how much of the plan that is (`123.4`, a rate without its %).
  if (!roles.includes('actual')) {
    const found = roles.flatMap((r, c) => (c > firstTarget && r === 'other' && free(c) && figures(c) ? [c] : []));
    const order: ColumnRole[] = found.length === 1 ? ['actual'] : ['target', 'actual', 'rate'];
    found.slice(0, 3).forEach((c, i) => (roles[c] = order[i]));
  }
  // A heading never stands right of the target: a column of a few short texts there remarks on
  // the task (`待上级部署后实施` on one row), or is more of the report when most rows fill it.
  for (let c = firstTarget + 1; c < width; c++) {
    if (roles[c] !== 'task' || !free(c)) continue;
    const p = profile(c);
    roles[c] = p.filled < 0.5 * p.rows || before(c, 'progress', 'actual', 'rate') ? 'remarks' : 'progress';
  }
}

const figuresOf = (s: string) => (s.match(/\d+(\.\d+)?/g) ?? []).join(' ');
function bigrams(s: string): Set<string> {
  const t = s.replace(/[\d.\s,，。；;、%％]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** Most rows of `report` say what `target` says in the same words, with other figures. */
function mirrors(target: readonly string[], report: readonly string[]): boolean {
  let pairs = 0;
  let alike = 0;
  target.forEach((t, i) => {
    const r = report[i] ?? '';
    if (!t.trim() || !r.trim()) return;
    pairs++;
    const a = bigrams(t);
    const b = bigrams(r);
    // a target of figures alone (`466 | 112`, an area's share beside the total) has no words to
    // repeat; a report of figures alone (`新增4000张养老床位 | 4385 110%`) repeats them unsaid
    if (a.size === 0) return;
    const shared = [...a].filter((x) => b.has(x)).length;
    const figures = figuresOf(t);
    if (figures && figuresOf(r) && figuresOf(r) !== figures && shared >= 0.4 * Math.min(a.size, b.size)) alike++;
  });
  return pairs >= 2 && alike >= 0.5 * pairs;
}
