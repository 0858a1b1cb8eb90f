// Every /api route module, registered under the /api prefix by app.ts.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/db.js';
import type { BackoffPolicy } from '../../store/sessions.js';
import type { SessionPolicy } from '../auth/plugin.js';
import type { OidcClient } from '../auth/oidc.js';
import { accountImportRoutes } from './accounts/account-import.js';
import { unitAccountRoutes } from './accounts/unit-accounts.js';
import { authRoutes } from './auth/auth.js';
import { signInRoutes } from './auth/oidc.js';
import { channelRoutes } from './channels/channels.js';
import { cycleRoutes } from './cycle/cycle.js';
import { dashboardRoutes } from './dashboard/dashboard.js';
import { importRoutes } from './imports/imports.js';
import { instructionRoutes } from './instructions/instructions.js';
import type { PdfExportOptions } from './publish/pdf.js';
import { publishRoutes } from './publish/publish.js';
import { referenceRoutes } from './reference/reference.js';
import { reportRoutes } from './reports/reports.js';
import { settingsRoutes } from './settings/settings.js';
import { overdueDeskRoutes } from './supervision/overdue-desk.js';
import { supervisionRoutes } from './supervision/supervision.js';
import { testClockRoutes } from './supervision/test-clock.js';
import { systemRoutes } from './system/system.js';
import { taskRoutes } from './tasks/tasks.js';
import { tokenRoutes } from './tokens/tokens.js';
import { userRoutes } from './users/users.js';

export interface RouteOptions {
  backoff: BackoffPolicy;
  session: SessionPolicy;
  maxImportBytes: number;
  /** Import previews parsed at once (each in its own worker thread). */
  maxParallelPreviews: number;
  /** Local user names and passwords allowed. */
  passwordLogin: boolean;
  /** Single sign-on, when configured. */
  oidc: OidcClient | null;
  /** PDF export's printer and queue limits (publish/pdf.ts). */
  pdf?: PdfExportOptions;
}

export async function registerApiRoutes(api: FastifyInstance, store: Store, options: RouteOptions): Promise<void> {
  await api.register(systemRoutes(store));
  await api.register(authRoutes(store, options));
  await api.register(signInRoutes(store, options));
  await api.register(userRoutes(store, options.backoff));
  await api.register(tokenRoutes(store));
  await api.register(settingsRoutes(store));
  await api.register(referenceRoutes(store));
  await api.register(taskRoutes(store));
  await api.register(reportRoutes(store));
  await api.register(cycleRoutes(store));
  await api.register(dashboardRoutes(store));
  await api.register(publishRoutes(store, { pdf: options.pdf }));
  await api.register(channelRoutes(store));
  await api.register(importRoutes(store, options));
  await api.register(supervisionRoutes(store));
  await api.register(overdueDeskRoutes(store));
  await api.register(instructionRoutes(store));
  await api.register(testClockRoutes());
  await api.register(unitAccountRoutes(store));
  await api.register(accountImportRoutes(store));
}
