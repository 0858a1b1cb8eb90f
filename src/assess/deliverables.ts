// The parts of a target without a number: effort clauses (持续…, 深化…, 打造…品牌), deliverables
// (a thing to build, open, hold, set up, complete or obtain) and checkable goals (持续下降,
// 不发生…事故, 清零); and whether a progress text reports a deliverable accomplished.
import { TARGET_DATE } from './deadline.js';
import { gramsOf } from './gram-index.js';
import { clausesOf, firstAffirmed, WordMatcher, type Piece } from './text.js';
import type { ProgressText } from './progress-text.js';
import {
  DONE_BY_VERB,
  PAST_MARKERS,
  ABSTRACT_GOALS,
  CHECKABLE_GOALS,
  COMPLETION_WORDS,
  EFFORT_VERBS,
  ONGOING_WORDS,
  PREPARATORY_WORDS,
} from './vocab/status-words.js';

const ABSTRACT = new WordMatcher(ABSTRACT_GOALS);
const EFFORT = new WordMatcher(EFFORT_VERBS);
export const COMPLETION = new WordMatcher(COMPLETION_WORDS);
export const ONGOING = new WordMatcher(ONGOING_WORDS);

export type ClauseKind = 'effort' | 'deliverable' | 'checkable';

export interface TargetClause extends Piece {
  kind: ClauseKind;
  /** The thing named, without its verb: what the progress must report. */
  items: string[];
}

/** Verbs whose object, once reported, is accomplished (a result, not an effort). */
const RESULT_VERB =
  /(建成|新建|改建|扩建|迁建|投用|投运|完成|落地|开通|启用|启动|举办|承办|成立|设立|出台|印发|挂牌|揭牌|开工|竣工|建立|组建|编制|制定|召开|运行|实施|开放|创建|争创|推出|打造|建设|探索|引进|设立|取得|获得|贯通|获评|荣获|入选)/;
const STRONG_RESULT_AT_END =
  /(建成|投用|投运|落地|开通|启用|举办|承办|成立|设立|出台|印发|挂牌|揭牌|竣工|组建|编制|召开|完成|贯通)$/;
/** 实施 a plan, programme or reform is ongoing work, not a thing delivered. */
const IMPLEMENT_ONGOING = /^实施.*(规划|计划|工程|行动|战略|方案|改革|试点|管理|制度|机制)[”"]?$/;
/** Words leading a clause before its verb: resolve, and a date (`9月底前开工建设…`). */
const LEAD = new RegExp(
  `^(力争|确保|全面|积极|全力|大力|着力|努力|深入|进一步|高质量|高水平|精益求精|${TARGET_DATE}(?:前|以前|之前)?)+`,
);

function objectAfterVerb(text: string): string {
  const m = RESULT_VERB.exec(text);
  if (!m) return text;
  const after = text.slice(m.index + m[0].length);
  // 推动《条例》落地: the object stands before a verb at the end
  return after.length >= 2 ? after : text.slice(0, m.index).replace(/^(推动|推进|促进|支持|加快)/, '');
}

/** Splits a target into clauses and sorts them; clauses holding an indicator are left out. */
export function classifyClauses(target: string, indicatorStarts: number[]): TargetClause[] {
  const out: TargetClause[] = [];
  for (const c of clausesOf(target)) {
    if (indicatorStarts.some((at) => at >= c.start && at < c.end)) continue;
    const text = c.text.replace(/[（(][^）)]*[）)]/g, '');
    if (CHECKABLE_GOALS.some((g) => g.target.test(text))) {
      out.push({ text: c.text, start: c.start, end: c.end, kind: 'checkable', items: [text] });
      continue;
    }
    const body = text.replace(LEAD, '');
    const object = objectAfterVerb(body);
    const abstract = ABSTRACT.endsText(object.replace(/[”"]$/, ''));
    const strongResult = STRONG_RESULT_AT_END.test(body);
    const effortLed = EFFORT.startsText(body) && !strongResult;
    const ongoingProgramme = IMPLEMENT_ONGOING.test(body);
    // a designation applied for (创建…城市, 争创…示范区) is a deliverable whatever its head noun
    const applied = /^(争创|创建|创成|申报|参评)/.test(body);
    const kind: ClauseKind = applied
      ? 'deliverable'
      : !RESULT_VERB.test(body) || effortLed || ongoingProgramme || (abstract && !strongResult)
        ? 'effort'
        : 'deliverable';
    const items = object
      .split(/、|和(?=[^和]{2,})/)
      .map((s) => s.replace(/[“”"《》]/g, ''))
      .filter((s) => s.length >= 2);
    out.push({ text: c.text, start: c.start, end: c.end, kind, items: items.length ? items : [object] });
  }
  return out;
}

/** The head noun of a named project (`…农业保险覆盖工程`, `…提升行动`). */
const PROJECT_HEAD = /(工程|项目|行动|平台)$/;
const VERB_FIRST = new RegExp(`^${RESULT_VERB.source}`);

/**
 * Whether a target only names a project (`水稻生产功能区农业保险覆盖工程`): no verb before it and no
 * effort word leading it (`持续实施…工程`, `实施…工程` are work that goes on). A named project is a
 * deliverable, finished when the report says the whole of it is.
 */
export function namesOnlyProject(target: string, clauses: readonly TargetClause[]): boolean {
  if (clauses.length !== 1) return false;
  const body = clauses[0].text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[“”"《》]/g, '')
    .replace(/[。；;，,\s]+$/, '');
  return (
    clauses[0].text.trim().length >= target.trim().length - 1 &&
    PROJECT_HEAD.test(body) &&
    !VERB_FIRST.test(body) &&
    !EFFORT.startsText(body) &&
    !/^实施/.test(body)
  );
}

export interface Coverage {
  done: boolean;
  /** The progress sentence that reports it, for the reason. */
  evidence: string | null;
  /** An ongoing word found with it (推进中, 正在 …), if any. */
  ongoing: string | null;
}

const COVER = 0.35;
/** Sentences longer than this are judged clause by clause (one sentence may list many items). */
const LONG_SENTENCE = 120;

interface CoverPiece extends Piece {
  completes: boolean;
  ongoing: string | null;
}

/** The pieces a deliverable is looked for in: sentences, long ones cut into clauses. */
function coverPieces(pt: ProgressText): CoverPiece[] {
  return pt.once('coverPieces', () => {
    const out: CoverPiece[] = [];
    for (const s of pt.sentences) {
      const parts =
        s.text.length > LONG_SENTENCE
          ? clausesOf(s.text).map((c) => ({ text: c.text, start: s.start + c.start, end: s.start + c.end }))
          : [s];
      for (const p of parts)
        out.push({
          text: p.text,
          start: p.start,
          end: p.end,
          // (not `未举办`, `没有完工`)
          completes: firstAffirmed(COMPLETION, p.text) !== null && !FINISH_AHEAD.test(p.text) && !partlyDone(p.text),
          ongoing: ONGOING.first(p.text),
        });
    }
    return out;
  });
}

/** Whether the progress reports every item of a deliverable as accomplished. */
export function coverage(clause: TargetClause, pt: ProgressText): Coverage {
  const pieces = coverPieces(pt);
  let evidence: string | null = null;
  for (const item of clause.items) {
    // the piece that names the item best decides it; ties go to one reporting completion
    const scores = pt.grams.overlapByPiece(gramsOf(item), pieces);
    let best: { piece: CoverPiece; score: number } | null = null;
    for (let i = 0; i < pieces.length; i++) {
      const score = scores[i];
      if (score < COVER) continue;
      const piece = pieces[i];
      if (
        !best ||
        score > best.score + 0.05 ||
        (Math.abs(score - best.score) <= 0.05 && piece.completes && !best.piece.completes)
      ) {
        best = { piece, score };
      }
    }
    if (!best) return { done: false, evidence, ongoing: null };
    if (best.piece.ongoing) return { done: false, evidence: best.piece.text, ongoing: best.piece.ongoing };
    if (!best.piece.completes || onlyStepsDone(best.piece.text, item)) return { done: false, evidence, ongoing: null };
    evidence ??= best.piece.text;
  }
  return { done: true, evidence, ongoing: null };
}

/** A completion word whose object is a preparatory step (`已完成招标`, `完成前期工作`). */
const STEP_DONE = new RegExp(`完成了?[^，。；,;]{0,4}?(${PREPARATORY_WORDS.join('|')})`, 'g');

/**
 * Whether a piece completes only preparatory steps of the item (`配套道路已完成招标`): the road is not
 * built. A step the item itself names (`编制…方案` and `已完成方案编制`) is the item.
 */
function onlyStepsDone(text: string, item: string): boolean {
  let steps = 0;
  const rest = text.replace(STEP_DONE, (m, step: string) => {
    if (item.includes(step)) return m;
    steps++;
    return '';
  });
  return steps > 0 && COMPLETION.first(rest) === null;
}

const DONE_VERBS = DONE_BY_VERB.map((row) => ({
  verbs: new RegExp(`^(?:${row.verbs.join('|')})`),
  done: new WordMatcher(row.done),
}));
const PAST = new WordMatcher(PAST_MARKERS);

/**
 * The target's only deliverable reported done without being named again: a piece of the report
 * says, in the past, what the clause's verb asks for (`项目已于5月开工建设` for `启动…工程`), and
 * nothing in the report says work goes on. Returns the piece, or null.
 */
export function soleDeliverableDone(clause: TargetClause, pt: ProgressText): string | null {
  const body = clause.text.replace(/[（(][^）)]*[）)]/g, '').replace(LEAD, '');
  const row = DONE_VERBS.find((r) => r.verbs.test(body));
  if (!row) return null;
  const pieces = coverPieces(pt);
  if (pieces.some((p) => p.ongoing) || FINISH_AHEAD.test(pt.text)) return null;
  // a piece with a share short of the whole (`…已建成投用，滨江公园完成80%`) leaves part undone
  for (const p of pieces)
    if (firstAffirmed(row.done, p.text) !== null && PAST.first(p.text) !== null && !partlyDone(p.text)) return p.text;
  return null;
}

/** A share after the completion word (`主体工程已完成85%`). */
const PART_DONE = /(?:完成|完工|建成)(?:了|总工程量|工程量|总量|总进度|进度)?的?(\d+(?:\.\d+)?)%/;
/** Nearly finished (`已基本建成`, `基本完工`): not finished. */
const NEARLY_DONE = /基本(完成|建成|完工|竣工)/;
/** A share below the whole after the completion word, or nearly finished: the thing is not finished. */
function partlyDone(text: string): boolean {
  if (NEARLY_DONE.test(text)) return true;
  const m = PART_DONE.exec(text);
  return m !== null && Number(m[1]) < 100;
}

/** The end of the work still ahead (`预计10月底完工`, `将于年底建成`): a part done so far is a step. */
const FINISH_AHEAD = /(预计|将于|计划于?|力争|争取|有望)[^。；]{0,12}(完工|竣工|建成|完成|投用|投入使用|交付)/;

/** A checkable goal: met, met so far (a rate compared for part of the year), missed or not reported. */
export function checkGoal(
  clause: TargetClause,
  pt: ProgressText,
  yearEnd = true,
): 'met' | 'met_so_far' | 'missed' | null {
  for (let i = 0; i < CHECKABLE_GOALS.length; i++) {
    const g = CHECKABLE_GOALS[i];
    if (!g.target.test(clause.text)) continue;
    const result = pt.once(`goal${i}`, () => (g.missed.test(pt.text) ? 'missed' : g.met.test(pt.text) ? 'met' : null));
    if (result === 'met' && (g.rate || (g.holds && !yearEnd))) return 'met_so_far';
    if (result) return result;
  }
  return null;
}
