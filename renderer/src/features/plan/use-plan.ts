import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import type { Site, TeamMember } from '../../../../shared/engagement.ts';
import { checkPlan } from '../../../../shared/plan/plan-checks.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { engagementPack } from '../../state/engagement-pack.ts';
import type { Service } from '../scope/scope-types.ts';
import { planCheckInput } from '../../../../shared/plan/plan-check-input.ts';
import type { PlanRows } from './plan-types.ts';
import { addedSessions, plannedRows } from '../../../../shared/plan/plan-rows.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';

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
    invoke('plan:load', { engagementHandle: handle }).then((view) => {
      setRows({ sessions: view.sessions, topics: view.topics, services: view.services, members: view.members, auditees: view.auditees });
      setServices(view.serviceRows as Service[]);
      setSites(view.sites as Site[]);
      setTeam(view.team as TeamMember[]);
      setLoaded(true);
    }, setError);
  }, [handle]);
  useEffect(reload, [reload]);
  const packId = engagement.checklist_pack_id;
  useEffect(() => {
    engagementPack(handle, packId).then(setPack, setError);
  }, [handle, packId]);

  // The checks and the planned time read the plan as planned: a session added on the day is not planned time.
  const outcomes = useFieldworkRecords((s) => s.records?.session_outcome);
  const planned = useMemo(() => plannedRows(rows, addedSessions(outcomes ?? [])), [rows, outcomes]);
  const check = useMemo(() => checkPlan(planCheckInput(engagement, sites, team, planned, pack)), [engagement, sites, team, planned, pack]);

  return { handle, readOnly: current.readOnly, engagement, rows, sites, team, services, pack, check, loaded, error, setError, reload };
}

export type Plan = ReturnType<typeof usePlan>;
