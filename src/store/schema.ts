// Row types of every table, as Kysely sees them. Domain types live in src/domain; mappers
// in the store files turn rows into them (TaskRow → Task).
import type { Generated } from 'kysely';
import type { Role } from '../domain/roles.js';
import type { SupervisionLevel, SupervisionState } from '../domain/supervision.js';

type Id = Generated<number>;
type Flag = Generated<number>; // 0 | 1

export interface UnitsTable {
  id: Id;
  name: string;
  parent_id: number | null;
  /** Official order (序列), null when unknown. */
  position?: number | null;
  created_at: string;
}
/** Another name of a unit, kept when units are merged (migration 0010). */
export interface UnitAliasesTable {
  name: string;
  unit_id: number;
  created_at: string;
}
export interface LeadersTable {
  id: Id;
  name: string;
  title: string | null;
  created_at: string;
}
export interface UsersTable {
  id: Id;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  unit_id: number | null;
  leader_id: number | null;
  disabled: Flag;
  created_at: string;
  updated_at: string;
}
export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}
export interface LoginAttemptsTable {
  key: string;
  failures: number;
  /** Unused since 0008 (the window decides); kept so older databases migrate without a rewrite. */
  locked_until: string | null;
  updated_at: string;
  /** When the current count of failures began (migration 0008). */
  window_started_at: string | null;
}
export interface OidcPendingTable {
  state: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  created_at: string;
}
export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: number;
  created_at: string;
}
export interface ApiTokensTable {
  id: Id;
  name: string;
  token_hash: string;
  role: Role;
  unit_id: number | null;
  leader_id: number | null;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
export interface PlansTable {
  id: Id;
  region: string;
  year: number;
  title: string;
  created_at: string;
}
export interface ThemesTable {
  id: Id;
  plan_id: number;
  name: string;
  position: number;
}
export interface CategoriesTable {
  id: Id;
  theme_id: number;
  name: string;
  position: number;
}
export interface TasksTable {
  id: Id;
  plan_id: number;
  seq: number;
  theme_id: number | null;
  category_id: number | null;
  target: string;
  deadline: string | null;
  notes: string | null;
  closed_at: string | null;
  closed_by: number | null;
  created_at: string;
  updated_at: string;
}
export interface TaskLeadersTable {
  task_id: number;
  leader_id: number;
  position: number;
}
export interface TaskUnitsTable {
  task_id: number;
  unit_id: number;
  role: 'lead' | 'co';
  position: number;
}
export interface PeriodsTable {
  id: Id;
  plan_id: number;
  label: string;
  start_date: string;
  end_date: string;
  due_date: string | null;
  state: 'open' | 'closed';
  created_at: string;
}
export type ReportState = 'draft' | 'submitted' | 'returned' | 'approved';
export interface ReportsTable {
  id: Id;
  task_id: number;
  period_id: number;
  state: ReportState;
  text: string;
  version: number;
  author_id: number | null;
  machine_status: string;
  status: string;
  reason: string;
  assessment: string;
  override_status: string | null;
  override_reason: string | null;
  override_by: number | null;
  override_at: string | null;
  review_comment: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface ReportVersionsTable {
  id: Id;
  report_id: number;
  version: number;
  state: ReportState;
  text: string;
  status: string;
  assessment: string;
  author_id: number | null;
  created_at: string;
}
export interface CommentsTable {
  id: Id;
  report_id: number;
  author_id: number | null;
  body: string;
  created_at: string;
}
export interface AttachmentsTable {
  id: Id;
  report_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: number | null;
  /** The API token that uploaded the file (tokens have no user id). */
  uploaded_by_token: number | null;
  created_at: string;
}
export interface AcknowledgementsTable {
  id: Id;
  task_id: number;
  period_id: number;
  unit_id: number;
  user_id: number | null;
  created_at: string;
}
export interface ExtensionsTable {
  id: Id;
  task_id: number;
  period_id: number;
  unit_id: number;
  requested_by: number | null;
  reason: string;
  requested_due: string;
  state: 'pending' | 'approved' | 'refused';
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
  created_at: string;
}
export interface RemindersTable {
  id: Id;
  task_id: number;
  period_id: number;
  unit_id: number;
  sent_by: number | null;
  message: string;
  /** The date by which the unit is asked to answer (YYYY-MM-DD). */
  reply_by?: string | null;
  created_at: string;
  read_at: string | null;
}
export interface NotificationChannelsTable {
  id: Id;
  name: string;
  kind: 'webhook' | 'dingtalk' | 'wecom';
  url: string;
  secret: string | null;
  events: string;
  enabled: Flag;
  created_at: string;
}
export interface NotificationDeliveriesTable {
  id: Id;
  channel_id: number;
  event: string;
  payload: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
}
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}
export interface ImportsTable {
  id: Id;
  plan_id: number;
  period_id: number | null;
  file_name: string;
  sha256: string;
  summary: string;
  imported_by: number | null;
  created_at: string;
}
export interface AuditLogTable {
  id: Id;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

export type { SupervisionLevel, SupervisionState };
export interface SupervisionCountersTable {
  year: number;
  last: number;
}
export interface SupervisionNoticesTable {
  id: Id;
  plan_id: number;
  year: number;
  number: number;
  unit_id: number;
  level: SupervisionLevel;
  initial_level: SupervisionLevel;
  state: SupervisionState;
  title: string;
  body: string;
  feedback_required: string;
  deadline: string;
  escalations: Generated<number>;
  escalated_at: string | null;
  feedback: string | null;
  answered_at: string | null;
  answered_by: number | null;
  signed_at: string | null;
  signed_by: number | null;
  decision_comment: string | null;
  decided_at: string | null;
  decided_by: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
export interface SupervisionEvidenceTable {
  id: Id;
  notice_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: number | null;
  created_at: string;
}
export interface SupervisionNoticeTasksTable {
  notice_id: number;
  task_id: number;
}
export type InstructionState = 'open' | 'acknowledged' | 'answered';
export interface InstructionsTable {
  id: Id;
  task_id: number;
  leader_id: number;
  author_id: number | null;
  body: string;
  state: InstructionState;
  acknowledged_at: string | null;
  acknowledged_by: number | null;
  answer: string | null;
  answered_at: string | null;
  answered_by: number | null;
  answered_by_role: 'unit' | 'admin' | null;
  /** The report whose submission carried the answer (migration 0011). */
  answer_report_id: number | null;
  created_at: string;
}

export interface DB {
  units: UnitsTable;
  unit_aliases: UnitAliasesTable;
  leaders: LeadersTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  oidc_pending: OidcPendingTable;
  user_identities: UserIdentitiesTable;
  api_tokens: ApiTokensTable;
  plans: PlansTable;
  themes: ThemesTable;
  categories: CategoriesTable;
  tasks: TasksTable;
  task_leaders: TaskLeadersTable;
  task_units: TaskUnitsTable;
  periods: PeriodsTable;
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  comments: CommentsTable;
  attachments: AttachmentsTable;
  acknowledgements: AcknowledgementsTable;
  extensions: ExtensionsTable;
  reminders: RemindersTable;
  notification_channels: NotificationChannelsTable;
  notification_deliveries: NotificationDeliveriesTable;
  settings: SettingsTable;
  imports: ImportsTable;
  audit_log: AuditLogTable;
  supervision_counters: SupervisionCountersTable;
  supervision_notices: SupervisionNoticesTable;
  supervision_notice_tasks: SupervisionNoticeTasksTable;
  supervision_evidence: SupervisionEvidenceTable;
  instructions: InstructionsTable;
}
