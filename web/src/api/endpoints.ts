// One typed function per API route the web app calls. Answers and bodies are typed from the API
// contract (src/domain/api: `ReplyOf<typeof Group.route>`, `BodyOf<…>`), so a server change that
// breaks a page fails the web app's typecheck.
import type * as AuthApi from '@duban/domain/api/auth';
import type { BodyOf, ReplyOf } from '@duban/domain/api/shared';
import type * as TokensApi from '@duban/domain/api/tokens';
import type * as UsersApi from '@duban/domain/api/users';
import { api, peekPrefetched, prefetchGet } from './client';
import type { Query } from './client';
import type {
  AppSettings,
  AuditEntry,
  BulkResult,
  ChannelInput,
  ChannelRow,
  Comment,
  Dashboard,
  DeliveryRow,
  Extension,
  ImportPreview,
  ImportSummary,
  Named,
  OverdueUnit,
  Page,
  PeriodDiff,
  PeriodRow,
  Plan,
  Reminder,
  ReportDetail,
  Score,
  Status,
  Task,
  TaskDetail,
  TaskListItem,
  Theme,
  TrendPoint,
  UnitRow,
} from './types';

export interface TaskQuery {
  planId?: number;
  periodId?: number;
  themeId?: number;
  categoryId?: number;
  leaderId?: number;
  unitId?: number;
  status?: Status;
  light?: string;
  q?: string;
  sort?: 'seq' | 'status' | 'unit' | 'updated';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

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

export type DashboardQuery = { planId: number; periodId?: number; leaderId?: number; unitId?: number };

export const firstScreen = {
  me: () => firstScreenGet<ReplyOf<typeof AuthApi.me>>('/auth/me'),
  plans: () => firstScreenGet<Plan[]>('/plans'),
  periods: (planId: number) => firstScreenGet<PeriodRow[]>(`/plans/${planId}/periods`),
  dashboard: (query: DashboardQuery) => firstScreenGet<Dashboard>('/dashboard', query),
  trend: (planId: number, query: { leaderId?: number; unitId?: number } = {}) =>
    firstScreenGet<TrendPoint[]>('/dashboard/trend', { planId, ...query }),
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
    api.post<PeriodRow>(`/plans/${planId}/periods`, { label, dueDate }),
  updatePeriod: (id: number, patch: { dueDate?: string; state?: 'open' | 'closed' }) =>
    api.patch<PeriodRow>(`/periods/${id}`, patch),
  themes: (planId: number) => api.get<Theme[]>(`/plans/${planId}/themes`),
  units: () => api.get<UnitRow[]>('/units'),
  leaders: () => api.get<UnitRow[]>('/leaders'),
  /** Merges units spelt two ways into `keepId`; their names stay as its aliases for later imports. */
  mergeUnits: (keepId: number, mergeIds: number[]) =>
    api.post<{ unit: Named; aliases: string[] }>(`/units/${keepId}/merge`, { mergeIds }),
  saveUnit: (unit: { id?: number; name: string; parentId?: number | null }) =>
    unit.id
      ? api.patch<Named>(`/units/${unit.id}`, { name: unit.name, parentId: unit.parentId })
      : api.post<Named>('/units', unit),
  saveLeader: (leader: { id?: number; name: string }) =>
    leader.id ? api.patch<Named>(`/leaders/${leader.id}`, { name: leader.name }) : api.post<Named>('/leaders', leader),
  users: () => api.get<ReplyOf<typeof UsersApi.list>>('/users'),
  saveUser: (id: number | undefined, body: BodyOf<typeof UsersApi.create> | BodyOf<typeof UsersApi.update>) =>
    id
      ? api.patch<ReplyOf<typeof UsersApi.update>>(`/users/${id}`, body)
      : api.post<ReplyOf<typeof UsersApi.create>>('/users', body),
  unlockUser: (id: number) => api.post<ReplyOf<typeof UsersApi.unlock>>(`/users/${id}/unlock`, {}),
};

export const tasks = {
  list: (query: TaskQuery, signal?: AbortSignal) =>
    api.get<Page<TaskListItem>>('/tasks', query as Record<string, string | number | undefined>, signal),
  detail: (id: number) => api.get<TaskDetail>(`/tasks/${id}`),
  close: (id: number, reason: string) => api.post(`/tasks/${id}/close`, { reason }),
  reopen: (id: number) => api.post(`/tasks/${id}/reopen`),
};

export const reports = {
  get: (id: number) => api.get<ReportDetail>(`/reports/${id}`),
  save: (id: number, text: string, version: number) => api.put<ReportDetail>(`/reports/${id}`, { text, version }),
  submit: (id: number, version: number) => api.post<ReportDetail>(`/reports/${id}/submit`, { version }),
  approve: (id: number, comment?: string) => api.post<ReportDetail>(`/reports/${id}/approve`, { comment }),
  return: (id: number, comment: string) => api.post<ReportDetail>(`/reports/${id}/return`, { comment }),
  override: (id: number, status: Status, reason: string) =>
    api.post<ReportDetail>(`/reports/${id}/override`, { status, reason }),
  bulk: (ids: number[], action: 'approve' | 'return', comment?: string) =>
    api.post<BulkResult>('/reports/bulk', { ids, action, comment }),
  comment: (id: number, body: string) => api.post<Comment>(`/reports/${id}/comments`, { body }),
  attach: (id: number, file: File) =>
    api.upload<{ id: number; fileName: string; mime: string; size: number }>(`/reports/${id}/attachments`, file),
  removeAttachment: (attachmentId: number) => api.del<{ ok: true }>(`/attachments/${attachmentId}`),
  uploadLimit: () => api.get<{ upload: { maxAttachmentMb: number } }>('/settings'),
  review: (query: { planId?: number; periodId?: number; state?: string }) =>
    api.get<Page<TaskListItem> | { items: TaskListItem[] }>('/review', query),
};

export const cycle = {
  acknowledge: (periodId: number, taskIds?: number[]) =>
    api.post<{ acknowledged: number }>(`/periods/${periodId}/acknowledge`, taskIds ? { taskIds } : {}),
  extensions: (query: { periodId?: number; state?: string }) => api.get<Extension[]>('/extensions', query),
  requestExtension: (body: { taskId: number; periodId: number; reason: string; requestedDue: string }) =>
    api.post<Extension>('/extensions', body),
  decideExtension: (id: number, approve: boolean, comment?: string) =>
    api.post<Extension>(`/extensions/${id}/decide`, { approve, comment }),
  overdue: (planId: number, periodId?: number) => api.get<OverdueUnit[]>('/overdue', { planId, periodId }),
  remind: (body: { taskId: number; periodId: number; unitId?: number; message?: string }) =>
    api.post<Reminder>('/reminders', body),
  reminders: (query: { periodId?: number; unread?: 1 }) => api.get<Reminder[]>('/reminders', query),
  markRead: (id: number) => api.post<{ ok: true }>(`/reminders/${id}/read`),
  scores: (planId: number, periodId?: number) => api.get<Score[]>('/scores', { planId, periodId }),
};

export const dashboard = {
  get: (query: DashboardQuery) => firstScreen.dashboard(query).get(),
  trend: (planId: number, query: { leaderId?: number; unitId?: number } = {}) => firstScreen.trend(planId, query).get(),
};

export const publish = {
  diff: (planId: number, from: string, to: string) => api.get<PeriodDiff>('/diff', { planId, from, to }),
};

export const imports = {
  /** `columns`: the person's roles for the columns, by position (`seq,target,units,progress`). */
  preview: (file: File, columns?: string) =>
    api.upload<ImportPreview>('/imports/preview', file, columns ? { columns } : {}),
  confirm: (body: {
    fileName: string;
    sha256: string;
    planTitle: string;
    region: string;
    year: number;
    period: string;
    tasks: Task[];
    /** Names unified with another spelling at import (`name` is the unit `unit`), kept as aliases. */
    unitAliases?: { name: string; unit: string }[];
  }) => api.post<ImportSummary>('/imports/confirm', body),
};

export const audit = {
  list: (query: {
    entity?: string;
    entityId?: string;
    actorId?: number;
    action?: string;
    from?: string;
    to?: string;
    page?: number;
    pageSize?: number;
  }) => api.get<Page<AuditEntry>>('/audit', query),
};

/** 系统管理: notification channels and their deliveries, API tokens, settings (admin only but GET /settings). */
export const system = {
  channels: () => api.get<ChannelRow[]>('/channels'),
  createChannel: (body: ChannelInput) => api.post<ChannelRow>('/channels', body),
  updateChannel: (id: number, patch: Partial<ChannelInput>) => api.patch<ChannelRow>(`/channels/${id}`, patch),
  deleteChannel: (id: number) => api.del<{ ok: true }>(`/channels/${id}`),
  deliveries: (channelId?: number) => api.get<DeliveryRow[]>('/deliveries', { channelId }),
  tokens: () => api.get<ReplyOf<typeof TokensApi.list>>('/tokens'),
  createToken: (body: BodyOf<typeof TokensApi.create>) => api.post<ReplyOf<typeof TokensApi.create>>('/tokens', body),
  revokeToken: (id: number) => api.del<ReplyOf<typeof TokensApi.revoke>>(`/tokens/${id}`),
  settings: () => api.get<AppSettings>('/settings'),
  saveSettings: (patch: { [K in keyof AppSettings]?: Partial<AppSettings[K]> }) =>
    api.put<AppSettings>('/settings', patch),
};

/** Lists may come as an array or a page; the UI wants the array. */
export function itemsOf<T>(value: T[] | { items: T[] } | undefined): T[] {
  if (!value) return [];
  return Array.isArray(value) ? value : value.items;
}
