// The plan and period a user last looked at, remembered in the browser so that boot.ts can request
// a returning user's dashboard data before the page's code has run.
const BOOT_KEY = 'duban.boot';

export function rememberBootIds(planId: number, periodId: number): void {
  try {
    localStorage.setItem(BOOT_KEY, JSON.stringify({ planId, periodId }));
  } catch {
    /* private mode: no prefetch next time */
  }
}

export function bootIds(): { planId: number; periodId: number } | null {
  try {
    const v = JSON.parse(localStorage.getItem(BOOT_KEY) ?? 'null') as { planId?: unknown; periodId?: unknown } | null;
    return v && typeof v.planId === 'number' && typeof v.periodId === 'number'
      ? { planId: v.planId, periodId: v.periodId }
      : null;
  } catch {
    return null;
  }
}
