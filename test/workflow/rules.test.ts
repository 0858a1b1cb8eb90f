// The workflow rules the server enforces and the web app offers from: each role × state × period
// gets exactly the steps it may take, and the refusals read in Chinese.
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  judge,
  publishedStates,
  publishedView,
  type ReportSituation,
} from '../../src/workflow/rules.js';

const open = (over: Partial<ReportSituation>): ReportSituation => ({
  role: 'unit',
  state: 'draft',
  periodOpen: true,
  taskClosed: false,
  leadUnit: true,
  ...over,
});

describe('the report workflow rules', () => {
  it('offers the lead unit its draft to save, attach and submit, and only a comment once submitted', () => {
    expect(allowedActions(open({})).sort()).toEqual(['attach', 'comment', 'save', 'submit']);
    expect(allowedActions(open({ state: 'returned' })).sort()).toEqual(['attach', 'comment', 'save', 'submit']);
    expect(allowedActions(open({ state: 'submitted' }))).toEqual(['comment']);
    expect(allowedActions(open({ state: 'approved' }))).toEqual(['comment']);
    expect(allowedActions(open({ leadUnit: false }))).toEqual(['comment']); // a co-unit
  });

  it('offers the office review steps by state, leaders a comment, viewers nothing', () => {
    expect(allowedActions(open({ role: 'admin', state: 'submitted' })).sort()).toEqual([
      'approve',
      'attach',
      'comment',
      'override',
      'return',
      'save',
    ]);
    expect(allowedActions(open({ role: 'admin', state: 'draft' }))).not.toContain('approve');
    expect(allowedActions(open({ role: 'leader', leadUnit: false }))).toEqual(['comment']);
    expect(allowedActions(open({ role: 'viewer', leadUnit: false }))).toEqual([]);
  });

  it('offers nothing in a closed period and only comments on a closed-out task', () => {
    for (const role of ['admin', 'unit', 'leader', 'viewer'] as const)
      expect(allowedActions(open({ role, periodOpen: false }))).toEqual([]);
    expect(allowedActions(open({ taskClosed: true }))).toEqual(['comment']);
  });

  it('says why in Chinese', () => {
    expect(judge('save', open({ state: 'submitted' }))).toEqual({
      ok: false,
      code: 'conflict',
      message: '报告已提交，需退回后才能修改',
    });
    expect(judge('approve', open({ role: 'admin', state: 'draft' }))).toMatchObject({
      code: 'conflict',
      message: '报告当前状态为「草稿」，不能审核通过',
    });
    expect(judge('comment', open({ periodOpen: false }))).toMatchObject({ code: 'closed_period' });
    expect(judge('comment', open({ role: 'viewer' }))).toMatchObject({ code: 'forbidden' });
  });

  it('publishes submitted and approved reports (approved only when the office says so), and hides the rest from leaders', () => {
    expect(publishedStates(false)).toEqual(['submitted', 'approved']);
    expect(publishedStates(true)).toEqual(['approved']);
    const draft = {
      state: 'draft' as const,
      text: '草稿内容',
      status: 'done',
      machineStatus: 'done',
      reason: '已完成',
    };
    expect(publishedView(draft, 'leader')).toEqual({
      state: 'draft',
      text: '',
      status: 'no_report',
      machineStatus: 'no_report',
      reason: '未提交',
    });
    expect(publishedView(draft, 'unit')).toBe(draft);
    expect(publishedView({ ...draft, state: 'submitted' as const }, 'viewer').text).toBe('草稿内容');
  });
});
