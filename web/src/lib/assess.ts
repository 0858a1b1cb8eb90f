// The live assessment in the report form: the same pure `assess/` module the server uses,
// loaded into its own chunk only when a form opens. If the module is not in the tree
// (it is built by another part of the project), the form asks the server (`POST /api/assess`).
import type * as ReportsApi from '@duban/domain/api/reports';
import type { BodyOf, ReplyOf } from '@duban/domain/api/shared';
import { api } from '../api/client';
import type { Assessment } from '../api/types';
import { parsePeriod } from '@duban/domain/period';
import type { Period } from '@duban/domain/period';

interface AssessModule {
  assessTask: (
    input: { target: string; progress: string; deadline?: string | null },
    options: { period?: Period | null },
  ) => Assessment;
}

// A glob (not a plain import) so the build still succeeds while src/assess/index.ts is absent. Globs are
// not imports: written relative, because an alias that failed to match would silently drop the module.
const loaders = import.meta.glob<AssessModule>('../../../src/assess/index.ts');

let modulePromise: Promise<AssessModule | null> | null = null;
function loadModule(): Promise<AssessModule | null> {
  const load = Object.values(loaders)[0];
  modulePromise ??= load
    ? load()
        .then((m) => (typeof m.assessTask === 'function' ? m : null))
        .catch(() => null)
    : Promise.resolve(null);
  return modulePromise;
}

/** Assesses a report against its task's target (and the task's own deadline, 完成时限, when it has one). */
export type Assessor = (target: string, progress: string, deadline?: string | null) => Assessment;

/** A synchronous assessor for one period, or null when only the server can assess. */
export async function browserAssessor(periodLabel: string): Promise<Assessor | null> {
  const mod = await loadModule();
  if (!mod) return null;
  const period = parsePeriod(periodLabel);
  return (target, progress, deadline) => mod.assessTask({ target, progress, deadline }, { period });
}

/** The server's assessment, for when the browser module is not available. */
export function serverAssess(
  target: string,
  progress: string,
  periodLabel: string,
  deadline?: string | null,
): Promise<Assessment> {
  return api.post<ReplyOf<typeof ReportsApi.assess>>('/assess', {
    target,
    progress,
    period: periodLabel,
    ...(deadline ? { deadline } : {}),
  } satisfies BodyOf<typeof ReportsApi.assess>);
}
