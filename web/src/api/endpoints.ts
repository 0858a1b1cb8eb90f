// One typed function per API route the web app calls. Answers and bodies are typed from the API
// contract (src/domain/api: `ReplyOf<typeof Group.route>`, `BodyOf<…>`), so a server change that
// breaks a page fails the web app's typecheck.
import type * as AuthApi from '@duban/domain/api/auth';
import type * as ChannelsApi from '@duban/domain/api/channels';
import type * as CycleApi from '@duban/domain/api/cycle';
import type * as DashboardApi from '@duban/domain/api/dashboard';
import type * as ImportsApi from '@duban/domain/api/imports';
import type * as PublishApi from '@duban/domain/api/publish';
import type * as ReferenceApi from '@duban/domain/api/reference';
import type * as ReportsApi from '@duban/domain/api/reports';
import type * as SettingsApi from '@duban/domain/api/settings';
import type { BodyOf, QueryOf, ReplyOf } from '@duban/domain/api/shared';
import type * as SystemApi from '@duban/domain/api/system';
import type * as TasksApi from '@duban/domain/api/tasks';
import type * as TokensApi from '@duban/domain/api/tokens';
import type * as UsersApi from '@duban/domain/api/users';
import { api, peekPrefetched, prefetchGet } from './client';
import type { Query } from './client';
import type { Status } from './types';

/**
 * The task list's query as the pages build it: one status and one light at a time (the API takes
 * several, `status=behind&status=no_report`), the plan when known.
 */
export type TaskQuery = Omit<Partial<QueryOf<typeof TasksApi.list>>, 'status' | 'light'> & {
  status?: Status;
  /** A light (`Light`), as read from the page's URL; the server refuses any other value. */
  light?: string;
};

/**
 * A GET of the first screen: boot.ts starts it before React has loaded (`prefetch`), and the first
 * render reads it if it has arrived (`peek`), so URL and query are written once, here.
 */
export interface FirstScreenGet<T> {
  get: () => Promise<T>;
  prefetch: () => void;
  peek: () => T | undefined;
}

function firstScreenGet<T>(path: string, query?: Query): FirstScreenGet<T> {
  return {
    get: () => api.get<T>(path, query),
    prefetch: () => prefetchGet(path, query),
    peek: () => peekPrefetched<T>(path, query),
  };
}

/** The dashboard's query; without a period the page shows the plan's newest (the server needs one). */
export type DashboardQuery = Omit<QueryOf<typeof DashboardApi.dashboard>, 'periodId'> & { periodId?: number };

export const firstScreen = {
  me: () => firstScreenGet<ReplyOf<typeof AuthApi.me>>('/auth/me'),
  plans: () => firstScreenGet<ReplyOf<typeof ReferenceApi.plans>>('/plans'),
  periods: (planId: number) => firstScreenGet<ReplyOf<typeof ReferenceApi.periods>>(`/plans/${planId}/periods`),
  dashboard: (query: DashboardQuery) => firstScreenGet<ReplyOf<typeof DashboardApi.dashboard>>('/dashboard', query),
  trend: (planId: number, query: Omit<QueryOf<typeof DashboardApi.trend>, 'planId'> = {}) =>
    firstScreenGet<ReplyOf<typeof DashboardApi.trend>>('/dashboard/trend', { planId, ...query }),
};

export type SignInMethods = ReplyOf<typeof AuthApi.methods>;

export const auth = {
  me: () => firstScreen.me().get(),
  login: (username: string, password: string) =>
    api.post<ReplyOf<typeof AuthApi.login>>('/auth/login', { username, password } satisfies BodyOf<
      typeof AuthApi.login
    >),
  logout: () => api.post<ReplyOf<typeof AuthApi.logout>>('/auth/logout'),
  /** Which sign-in methods the login page offers: passwords, the identity platform, or both. */
  methods: () => api.get<SignInMethods>('/auth/methods'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<ReplyOf<typeof AuthApi.password>>('/auth/password', {
      currentPassword,
      newPassword,
    } satisfies BodyOf<typeof AuthApi.password>),
};

export const reference = {
  plans: () => firstScreen.plans().get(),
  periods: (planId: number) => firstScreen.periods(planId).get(),
  openPeriod: (planId: number, label: string, dueDate: string) =>
    api.post<ReplyOf<typeof ReferenceApi.openPeriod>>(`/plans/${planId}/periods`, {
      label,
      dueDate,
    } satisfies BodyOf<typeof ReferenceApi.openPeriod>),
  updatePeriod: (id: number, patch: BodyOf<typeof ReferenceApi.updatePeriod>) =>
    api.patch<ReplyOf<typeof ReferenceApi.updatePeriod>>(`/periods/${id}`, patch),
  themes: (planId: number) => api.get<ReplyOf<typeof ReferenceApi.themes>>(`/plans/${planId}/themes`),
  units: () => api.get<ReplyOf<typeof ReferenceApi.units>>('/units'),
  leaders: () => api.get<ReplyOf<typeof ReferenceApi.leaders>>('/leaders'),
  /** Merges units spelt two ways into `keepId`; their names stay as its aliases for later imports. */
  mergeUnits: (keepId: number, mergeIds: number[]) =>
    api.post<ReplyOf<typeof ReferenceApi.mergeUnits>>(`/units/${keepId}/merge`, {
      mergeIds,
    } satisfies BodyOf<typeof ReferenceApi.mergeUnits>),
  saveUnit: (unit: { id?: number } & BodyOf<typeof ReferenceApi.createUnit>) =>
    unit.id
      ? api.patch<ReplyOf<typeof ReferenceApi.updateUnit>>(`/units/${unit.id}`, {
          name: unit.name,
          parentId: unit.parentId,
        } satisfies BodyOf<typeof ReferenceApi.updateUnit>)
      : api.post<ReplyOf<typeof ReferenceApi.createUnit>>('/units', unit),
  saveLeader: (leader: { id?: number; name: string }) =>
    leader.id
      ? api.patch<ReplyOf<typeof ReferenceApi.updateLeader>>(`/leaders/${leader.id}`, {
          name: leader.name,
        } satisfies BodyOf<typeof ReferenceApi.updateLeader>)
      : api.post<ReplyOf<typeof ReferenceApi.createLeader>>('/leaders', leader),
  users: () => api.get<ReplyOf<typeof UsersApi.list>>('/users'),
  saveUser: (id: number | undefined, body: BodyOf<typeof UsersApi.create> | BodyOf<typeof UsersApi.update>) =>
    id
      ? api.patch<ReplyOf<typeof UsersApi.update>>(`/users/${id}`, body)
      : api.post<ReplyOf<typeof UsersApi.create>>('/users', body),
  unlockUser: (id: number) => api.post<ReplyOf<typeof UsersApi.unlock>>(`/users/${id}/unlock`, {}),
};

export const tasks = {
  list: (query: TaskQuery, signal?: AbortSignal) => api.get<ReplyOf<typeof TasksApi.list>>('/tasks', query, signal),
  detail: (id: number) => api.get<ReplyOf<typeof TasksApi.detail>>(`/tasks/${id}`),
  close: (id: number, reason: string) =>
    api.post<ReplyOf<typeof TasksApi.close>>(`/tasks/${id}/close`, { reason } satisfies BodyOf<typeof TasksApi.close>),
  reopen: (id: number) => api.post<ReplyOf<typeof TasksApi.reopen>>(`/tasks/${id}/reopen`),
};

export const reports = {
  get: (id: number) => api.get<ReplyOf<typeof ReportsApi.get>>(`/reports/${id}`),
  save: (id: number, text: string, version: number) =>
    api.put<ReplyOf<typeof ReportsApi.save>>(`/reports/${id}`, {
      text,
      version,
    } satisfies BodyOf<typeof ReportsApi.save>),
  submit: (id: number, version: number) =>
    api.post<ReplyOf<typeof ReportsApi.submit>>(`/reports/${id}/submit`, {
      version,
    } satisfies BodyOf<typeof ReportsApi.submit>),
  approve: (id: number, comment?: string) =>
    api.post<ReplyOf<typeof ReportsApi.approve>>(`/reports/${id}/approve`, {
      comment,
    } satisfies BodyOf<typeof ReportsApi.approve>),
  return: (id: number, comment: string) =>
    api.post<ReplyOf<typeof ReportsApi.sendBack>>(`/reports/${id}/return`, {
      comment,
    } satisfies BodyOf<typeof ReportsApi.sendBack>),
  override: (id: number, status: Status | null, reason: string) =>
    api.post<ReplyOf<typeof ReportsApi.override>>(`/reports/${id}/override`, {
      status,
      reason,
    } satisfies BodyOf<typeof ReportsApi.override>),
  bulk: (ids: number[], action: ReportsApi.BulkAction, comment?: string) =>
    api.post<ReplyOf<typeof ReportsApi.bulk>>('/reports/bulk', {
      ids,
      action,
      comment,
    } satisfies BodyOf<typeof ReportsApi.bulk>),
  comment: (id: number, body: string) =>
    api.post<ReplyOf<typeof ReportsApi.comment>>(`/reports/${id}/comments`, {
      body,
    } satisfies BodyOf<typeof ReportsApi.comment>),
  attach: (id: number, file: File) => api.upload<ReplyOf<typeof ReportsApi.attach>>(`/reports/${id}/attachments`, file),
  removeAttachment: (attachmentId: number) =>
    api.del<ReplyOf<typeof ReportsApi.detach>>(`/attachments/${attachmentId}`),
  uploadLimit: () => api.get<ReplyOf<typeof SettingsApi.get>>('/settings'),
  review: (query: QueryOf<typeof ReportsApi.review>) => api.get<ReplyOf<typeof ReportsApi.review>>('/review', query),
};

export const cycle = {
  acknowledge: (periodId: number, taskIds?: number[]) =>
    api.post<ReplyOf<typeof CycleApi.acknowledge>>(
      `/periods/${periodId}/acknowledge`,
      (taskIds ? { taskIds } : {}) satisfies BodyOf<typeof CycleApi.acknowledge>,
    ),
  acknowledgements: (periodId: number) =>
    api.get<ReplyOf<typeof CycleApi.acknowledgements>>(`/periods/${periodId}/acknowledgements`),
  extensions: (query: QueryOf<typeof CycleApi.extensions>) =>
    api.get<ReplyOf<typeof CycleApi.extensions>>('/extensions', query),
  requestExtension: (body: BodyOf<typeof CycleApi.requestExtension>) =>
    api.post<ReplyOf<typeof CycleApi.requestExtension>>('/extensions', body),
  decideExtension: (id: number, approve: boolean, comment?: string) =>
    api.post<ReplyOf<typeof CycleApi.decideExtension>>(`/extensions/${id}/decide`, {
      approve,
      comment,
    } satisfies BodyOf<typeof CycleApi.decideExtension>),
  overdue: (query: QueryOf<typeof CycleApi.overdue>) => api.get<ReplyOf<typeof CycleApi.overdue>>('/overdue', query),
  /** One reminder per unit reminded (a repeat within a minute is the earlier one). */
  remind: (body: BodyOf<typeof CycleApi.remind>) => api.post<ReplyOf<typeof CycleApi.remind>>('/reminders', body),
  reminders: (query: QueryOf<typeof CycleApi.reminders> = {}) =>
    api.get<ReplyOf<typeof CycleApi.reminders>>('/reminders', query),
  markRead: (id: number) => api.post<ReplyOf<typeof CycleApi.markReminderRead>>(`/reminders/${id}/read`),
  scores: (query: QueryOf<typeof CycleApi.scores>) => api.get<ReplyOf<typeof CycleApi.scores>>('/scores', query),
};

export const dashboard = {
  get: (query: DashboardQuery) => firstScreen.dashboard(query).get(),
  trend: (planId: number, query: Omit<QueryOf<typeof DashboardApi.trend>, 'planId'> = {}) =>
    firstScreen.trend(planId, query).get(),
};

export const publish = {
  diff: (planId: number, from: string, to: string) =>
    api.get<ReplyOf<typeof PublishApi.diff>>('/diff', { planId, from, to } satisfies QueryOf<typeof PublishApi.diff>),
};

export const imports = {
  /** `columns`: the person's roles for the columns, by position (`seq,target,units,progress`);
   * `sheet`: the worksheet of a workbook to read (by default the first with tasks). */
  preview: (file: File, columns?: string, sheet?: string) =>
    api.upload<ReplyOf<typeof ImportsApi.preview>>('/imports/preview', file, {
      ...(columns ? { columns } : {}),
      ...(sheet ? { sheet } : {}),
    }),
  /** Tasks possibly edited; `unitAliases`: names unified with another spelling, kept as aliases. */
  confirm: (body: BodyOf<typeof ImportsApi.confirm>) =>
    api.post<ReplyOf<typeof ImportsApi.confirm>>('/imports/confirm', body),
};

export const audit = {
  list: (query: QueryOf<typeof SystemApi.audit>) => api.get<ReplyOf<typeof SystemApi.audit>>('/audit', query),
};

/** 系统管理: notification channels and their deliveries, API tokens, settings (admin only but GET /settings). */
export const system = {
  channels: () => api.get<ReplyOf<typeof ChannelsApi.list>>('/channels'),
  createChannel: (body: BodyOf<typeof ChannelsApi.create>) =>
    api.post<ReplyOf<typeof ChannelsApi.create>>('/channels', body),
  updateChannel: (id: number, patch: BodyOf<typeof ChannelsApi.update>) =>
    api.patch<ReplyOf<typeof ChannelsApi.update>>(`/channels/${id}`, patch),
  deleteChannel: (id: number) => api.del<ReplyOf<typeof ChannelsApi.remove>>(`/channels/${id}`),
  deliveries: (channelId?: number) =>
    api.get<ReplyOf<typeof ChannelsApi.deliveries>>('/deliveries', {
      channelId,
    } satisfies QueryOf<typeof ChannelsApi.deliveries>),
  tokens: () => api.get<ReplyOf<typeof TokensApi.list>>('/tokens'),
  createToken: (body: BodyOf<typeof TokensApi.create>) => api.post<ReplyOf<typeof TokensApi.create>>('/tokens', body),
  revokeToken: (id: number) => api.del<ReplyOf<typeof TokensApi.revoke>>(`/tokens/${id}`),
  settings: () => api.get<ReplyOf<typeof SettingsApi.get>>('/settings'),
  saveSettings: (patch: BodyOf<typeof SettingsApi.put>) => api.put<ReplyOf<typeof SettingsApi.put>>('/settings', patch),
};

/** Lists may come as an array or a page; the UI wants the array. */
export function itemsOf<T>(value: T[] | { items: T[] } | undefined): T[] {
  if (!value) return [];
  return Array.isArray(value) ? value : value.items;
}
