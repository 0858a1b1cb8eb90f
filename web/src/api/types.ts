// The shapes of the duban HTTP API as the web app reads them: the types of the API contract
// (src/domain/api, what the server validates, answers and documents at /api/docs), under the names
// the pages use. Types only (`import type`): TypeBox's schemas stay out of the web bundle.
import type { Assessment, Indicator, ParsedTable, Status, Task } from '@duban/domain';
import type { Session } from '@duban/domain/api/auth';
import type { Light, Named, Page, ReportState, Role } from '@duban/domain/api/shared';
import type { Channel, ChannelPatch, Delivery } from '@duban/domain/api/channels';
import type { Leader, Period, Unit } from '@duban/domain/api/reference';
import type { Settings } from '@duban/domain/api/settings';
import type { ApiToken } from '@duban/domain/api/tokens';
import type { User } from '@duban/domain/api/users';

export type { Assessment, Indicator, ParsedTable, Status, Task };
export type { Light, Named, Page, ReportState, Role };
export type { Me, SignInMethods } from '@duban/domain/api/auth';
export type { NewApiToken } from '@duban/domain/api/tokens';
export type { ChannelInput } from '@duban/domain/api/channels';
export type { Plan, Theme } from '@duban/domain/api/reference';
export type { AuditEntry } from '@duban/domain/api/system';
export type { Attachment, Comment, ReportDetail, ReportSummary } from '@duban/domain/api/report-shapes';
export type { BulkResult, ReportVersion, UploadedAttachment } from '@duban/domain/api/reports';
export type { BehindItem, Counts, Dashboard, GroupCounts, SearchHit, TrendPoint } from '@duban/domain/api/dashboard';
export type { ImportPreview, ImportSummary, ImportTask } from '@duban/domain/api/imports';
export type { Highlight, HighlightPart, TaskDetail, TaskListItem, TrailEntry } from '@duban/domain/api/tasks';
export type { Acknowledgement, Extension, OverdueTask, OverdueUnit, Reminder, Score } from '@duban/domain/api/cycle';
export type { GoneMove, PeriodDiff, StatusMove, TaskMove } from '@duban/domain/api/publish';

export type PeriodRow = Period;
/** A unit (`parentId`) or a leader (`title`) in the reference lists. */
export type UnitRow = Unit | Leader;
export type ChannelRow = Channel;
export type ChannelKind = Channel['kind'];
export type ChannelUpdate = ChannelPatch;
export type DeliveryRow = Delivery;
export type AppSettings = Settings;

export type AuthAnswer = Session;
export type UserRow = User;
/** An API token; the secret (`token`) only in the answer to its creation (NewApiToken). */
export type ApiTokenRow = ApiToken;
