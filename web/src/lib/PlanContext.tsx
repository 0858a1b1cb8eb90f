// The plan (年度计划) and its periods that every page works on. The server offers a unit or a leader
// only the plans they have tasks in; the chosen plan is remembered per user in localStorage (another
// account on the same browser keeps its own), and the default is the newest plan offered. The
// default period is the open one (or the newest), as most work is there.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { firstScreen, reference } from '../api/endpoints';
import type { PeriodRow, Plan } from '../api/types';
import { useMe } from '../auth/AuthContext';
import { rememberBootIds } from './boot-ids';
import { useLoad } from './useLoad';

interface PlanState {
  plans: Plan[];
  plan: Plan | null;
  setPlanId: (id: number) => void;
  periods: PeriodRow[];
  /** The open period (newest open) or else the newest period. */
  currentPeriod: PeriodRow | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

const PlanContext = createContext<PlanState | null>(null);
// A session always belongs to an account (id); only API tokens, which the web app never uses, have none.
const storageKey = (userId: number | null) => `duban.planId.${userId ?? 'token'}`;

export function PlanProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const STORAGE_KEY = storageKey(me.id);
  const plansLoad = useLoad(
    () => reference.plans(),
    [],
    true,
    () => firstScreen.plans().peek(),
  );
  const [chosen, setChosen] = useState<number | null>(() => Number(localStorage.getItem(STORAGE_KEY)) || null);
  const plans = plansLoad.data ?? [];
  const plan =
    plans.find((p) => p.id === chosen) ?? [...plans].sort((a, b) => b.year - a.year || b.id - a.id)[0] ?? null;
  const periodsLoad = useLoad(
    () => reference.periods(plan!.id),
    [plan?.id],
    plan !== null,
    () => (plan ? firstScreen.periods(plan.id).peek() : undefined),
  );
  const periods = plan ? (periodsLoad.data ?? []) : [];
  const currentPeriod = periods.find((p) => p.state === 'open') ?? periods[0] ?? null;
  useEffect(() => {
    if (plan && currentPeriod) rememberBootIds(plan.id, currentPeriod.id);
  }, [plan, currentPeriod]);

  const setPlanId = useCallback(
    (id: number) => {
      localStorage.setItem(STORAGE_KEY, String(id));
      setChosen(id);
    },
    [STORAGE_KEY],
  );
  const { reload: reloadPlans } = plansLoad;
  const { reload: reloadPeriods } = periodsLoad;
  const reload = useCallback(() => {
    reloadPlans();
    reloadPeriods();
  }, [reloadPlans, reloadPeriods]);

  useEffect(() => {
    if (plan && chosen !== plan.id && chosen !== null && plans.length > 0) localStorage.removeItem(STORAGE_KEY);
  }, [plan, chosen, plans.length, STORAGE_KEY]);

  const value = useMemo<PlanState>(
    () => ({
      plans,
      plan,
      setPlanId,
      periods,
      currentPeriod,
      loading: plansLoad.loading || (plan !== null && periodsLoad.loading && !periodsLoad.data),
      error: plansLoad.error ?? periodsLoad.error,
      reload,
    }),
    [
      plans,
      plan,
      setPlanId,
      periods,
      currentPeriod,
      plansLoad.loading,
      plansLoad.error,
      periodsLoad.loading,
      periodsLoad.data,
      periodsLoad.error,
      reload,
    ],
  );
  return <PlanContext.Provider value={value}>{children}</PlanContext.Provider>;
}

export function usePlan(): PlanState {
  const state = useContext(PlanContext);
  if (!state) throw new Error('usePlan outside PlanProvider');
  return state;
}
