// /api/health and /api/audit.
import { Type, type Static } from '@sinclair/typebox';
import { Answers, Page, Paging, StringEnum, Strict } from './shared.js';

export const Health = Type.Object({ ok: Type.Boolean(), db: StringEnum(['sqlite', 'postgres'] as const) });
export type Health = Static<typeof Health>;

/** One row of the audit log (append-only): who did what to which object, with its state before and after. */
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  /** The user (null for an API token or the system). */
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  /** `username`, `token:NAME` or `system`. */
  actorName: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const health = { tags: ['system'], summary: '健康检查', response: Answers(Health) };

export const audit = {
  tags: ['admin'],
  summary: '审计日志',
  querystring: Strict({
    entity: Type.Optional(Type.String({ maxLength: 50 })),
    entityId: Type.Optional(Type.String({ maxLength: 50 })),
    actorId: Type.Optional(Type.Integer({ minimum: 1 })),
    action: Type.Optional(Type.String({ maxLength: 50 })),
    from: Type.Optional(Type.String({ maxLength: 40 })),
    to: Type.Optional(Type.String({ maxLength: 40 })),
    ...Paging,
  }),
  response: Answers(Page(AuditEntry)),
};
