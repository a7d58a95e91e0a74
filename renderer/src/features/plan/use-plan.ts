import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import type { Site, TeamMember } from '../../../../shared/engagement.ts';
import { checkPlan } from '../../../../shared/plan/plan-checks.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import type { Service } from '../scope/scope-types.ts';
import { planCheckInput } from '../../../../shared/plan/plan-check-input.ts';
import { sessionOrder, type PlanRows } from './plan-types.ts';

const EMPTY: PlanRows = { sessions: [], topics: [], services: [], members: [], auditees: [] };

/**
 * The plan of the open engagement: its sessions and links, the roster, services and pack they refer
 * to, and the checks — recomputed from scratch after every change (a pure function, a few ms).
 */
export function usePlan() {
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const engagement = current.engagement!;
  const [rows, setRows] = useState<PlanRows>(EMPTY);
  const [sites, setSites] = useState<Site[]>([]);
  const [team, setTeam] = useState<TeamMember[]>([]);
  const [services, setServices] = useState<Service[]>([]);
  const [pack, setPack] = useState<ChecklistPack | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    const list = (table: string) => invoke('rows:list', { engagementHandle: handle, table });
    Promise.all([
      list('plan_session'),
      list('plan_session_topic'),
      list('plan_session_service'),
      list('plan_session_member'),
      list('plan_session_auditee'),
      list('service'),
      invoke('engagement:roster', { engagementHandle: handle }),
    ]).then(([sessions, topics, sessionServices, members, auditees, serviceRows, roster]) => {
      setRows({
        sessions: ([...sessions] as unknown as PlanRows['sessions'][number][]).sort(sessionOrder),
        topics: topics as unknown as PlanRows['topics'],
        services: sessionServices as unknown as PlanRows['services'],
        members: members as unknown as PlanRows['members'],
        auditees: auditees as unknown as PlanRows['auditees'],
      });
      setServices(serviceRows as unknown as Service[]);
      setSites(roster.sites as Site[]);
      setTeam(roster.team as TeamMember[]);
      setLoaded(true);
    }, setError);
  }, [handle]);
  useEffect(reload, [reload]);
  useEffect(() => {
    invoke('engagement:checklist', { engagementHandle: handle }).then((view) => setPack(view?.pack ?? null), setError);
  }, [handle]);

  const check = useMemo(() => checkPlan(planCheckInput(engagement, sites, team, rows, pack)), [engagement, sites, team, rows, pack]);

  return { handle, readOnly: current.readOnly, engagement, rows, sites, team, services, pack, check, loaded, error, setError, reload };
}

export type Plan = ReturnType<typeof usePlan>;
