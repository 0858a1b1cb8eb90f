// The status of a task by the rules of assessment.md, with the evidence behind it.
// Tie-breaks, in order: no_report; any behind evidence; an unpublished figure (pending);
// done when every indicator and deliverable is shown accomplished; else on_track.
import type { Indicator, Status } from '../domain/index.js';
import type { ActualMatch } from './actuals.js';
import { checkGoal, coverage, type TargetClause } from './deliverables.js';
import { clausesOf, findWord, overlap, sentencesOf } from './text.js';
import {
  APPLICATION_WORDS, AWAITING_DECISION_PATTERNS, DELAY_WORDS, GRANTED_WORDS, ONGOING_WORDS, PENDING_PATTERNS,
} from './vocab/status-words.js';

export type Evidence =
  | { type: 'empty' }
  | { type: 'below'; indicator: Indicator; timeShare: number | null }
  | { type: 'delay'; word: string; sentence: string }
  | { type: 'missed_goal'; clause: string }
  | { type: 'unpublished'; sentence: string }
  | { type: 'awaiting'; sentence: string }
  | { type: 'forecast_only'; sentence: string }
  | { type: 'met'; indicator: Indicator; explicit: boolean }
  | { type: 'short_of_floor'; indicator: Indicator; timeShare: number }
  | { type: 'unreported'; indicator: Indicator }
  | { type: 'ongoing'; word: string; sentence: string }
  | { type: 'uncovered'; clause: string }
  | { type: 'covered'; sentence: string }
  | { type: 'effort_only' };

export interface StatusInput {
  target: string;
  progress: string;
  indicators: Indicator[];
  matches: ActualMatch[];
  clauses: TargetClause[];
  /** Last month of the report period (12 for Q4 or a full year). */
  endMonth: number;
}

export interface StatusResult {
  status: Status;
  evidence: Evidence[];
}

/** How much of an item's wording a sentence must share for its ongoing word to count. */
const ONGOING_TIE = 0.3;

const AUTHORITY_CAUSE = /(部委|国家|上级|省级?|机构调整|职能调整|机构改革)[^。；]{0,20}(调整|改革|影响|原因)/;

/** Share of the year elapsed at the figure's date (undated: one month before the period ends). */
export function timeShare(month: number | null, endMonth: number): number {
  const m = month ?? Math.max(1, endMonth - 1);
  return Math.min(1, m / 12);
}

function judge(ind: Indicator, match: ActualMatch, endMonth: number): Evidence {
  if (match.explicitlyDone) return { type: 'met', indicator: ind, explicit: true };
  const { actual, floor } = ind;
  if (actual === null) return { type: 'unreported', indicator: ind };
  if (typeof actual === 'string' || typeof floor === 'string') {
    return actual === floor ? { type: 'met', indicator: ind, explicit: false } : { type: 'unreported', indicator: ind };
  }
  const meets = ind.direction === 'at_most' ? actual <= floor : actual >= floor;
  if (meets) return { type: 'met', indicator: ind, explicit: false };
  if (ind.kind !== 'amount' || ind.direction === 'at_most') return { type: 'below', indicator: ind, timeShare: null };
  const share = timeShare(match.month, endMonth);
  return actual < floor * share ? { type: 'below', indicator: ind, timeShare: share } : { type: 'short_of_floor', indicator: ind, timeShare: share };
}

function applicationAwaited(clauses: TargetClause[], target: string, progress: string): string | null {
  const awaiting = sentencesOf(progress).filter((s) => AWAITING_DECISION_PATTERNS.some((p) => p.test(s.text)));
  if (awaiting.length === 0) return null;
  const targetClauses = clausesOf(target);
  for (const c of targetClauses) {
    const word = findWord(c.text, APPLICATION_WORDS);
    const object = word ? c.text.slice(c.text.indexOf(word) + word.length) : c.text;
    for (const s of awaiting) {
      // a clause that applies for something needs less shared wording than one that does not
      // (a target that only applies for it needs none)
      const needed = word ? (targetClauses.length === 1 ? 0 : 0.1) : 0.3;
      if (overlap(object, s.text) >= needed && findWord(s.text, GRANTED_WORDS) === null) return s.text;
    }
  }
  void clauses;
  return null;
}

/** Decides the status of one task. */
export function statusOf(input: StatusInput): StatusResult {
  const { progress, indicators, matches, clauses, endMonth } = input;
  if (!progress.trim()) return { status: 'no_report', evidence: [{ type: 'empty' }] };
  const judged = indicators.map((ind, i) => judge(ind, matches[i], endMonth));
  const sentences = sentencesOf(progress);

  // behind
  const behind: Evidence[] = judged.filter((e) => e.type === 'below');
  for (const s of sentences) {
    const word = findWord(s.text, DELAY_WORDS);
    if (word && !AUTHORITY_CAUSE.test(s.text) && !/(未|不)(出现|存在)/.test(s.text)) behind.push({ type: 'delay', word, sentence: s.text });
  }
  for (const c of clauses) if (c.kind === 'checkable' && checkGoal(c, progress) === 'missed') behind.push({ type: 'missed_goal', clause: c.text });
  if (behind.length) return { status: 'behind', evidence: behind };

  // pending
  const unpublished = sentences.find((s) => PENDING_PATTERNS.some((p) => p.test(s.text)));
  if (unpublished) return { status: 'pending', evidence: [{ type: 'unpublished', sentence: unpublished.text }] };
  const awaited = applicationAwaited(clauses, input.target, progress);
  if (awaited) return { status: 'pending', evidence: [{ type: 'awaiting', sentence: awaited }] };
  const forecast = sentences.find((s) => /预计/.test(s.text));
  const anyActual = judged.some((e) => e.type === 'met' || e.type === 'short_of_floor');
  if (forecast && !anyActual && sentences.every((s) => /预计/.test(s.text) || !/\d/.test(s.text))) {
    return { status: 'pending', evidence: [{ type: 'forecast_only', sentence: forecast.text }] };
  }

  // done or on_track
  const open: Evidence[] = judged.filter((e) => e.type === 'unreported' || e.type === 'short_of_floor');
  const met = judged.filter((e) => e.type === 'met');
  // work said to go on for an indicator or a deliverable means part of the task is unfinished;
  // ongoing effort clauses (营造…, 深化…) neither make nor unmake done
  const concreteNames = [
    ...indicators.map((i) => i.metric),
    ...clauses.filter((c) => c.kind === 'deliverable').flatMap((c) => c.items),
  ];
  for (const s of sentences) {
    const word = findWord(s.text, ONGOING_WORDS);
    if (word && concreteNames.some((n) => overlap(n, s.text) >= ONGOING_TIE)) {
      open.push({ type: 'ongoing', word, sentence: s.text });
      break;
    }
  }
  const covered: Evidence[] = [];
  let concrete = indicators.length;
  for (const c of clauses) {
    if (c.kind === 'effort') continue;
    concrete++;
    if (c.kind === 'checkable') {
      if (checkGoal(c, progress) !== 'met') open.push({ type: 'uncovered', clause: c.text });
      else covered.push({ type: 'covered', sentence: c.text });
      continue;
    }
    const cov = coverage(c, progress);
    if (cov.ongoing) open.push({ type: 'ongoing', word: cov.ongoing, sentence: cov.evidence ?? '' });
    else if (!cov.done) open.push({ type: 'uncovered', clause: c.text });
    else if (cov.evidence) covered.push({ type: 'covered', sentence: cov.evidence });
  }
  if (concrete === 0) return { status: 'on_track', evidence: [{ type: 'effort_only' }] };
  if (open.length === 0) return { status: 'done', evidence: [...met, ...covered] };
  return { status: 'on_track', evidence: [...open, ...met, ...covered] };
}
