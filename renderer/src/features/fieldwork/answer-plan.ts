import { useEffect, useMemo, useState } from 'react';
import type { PlanLoadView } from '../../../../shared/contract/plan-views.ts';
import type { Site, TeamMember } from '../../../../shared/engagement.ts';
import type { PlanMember, PlanSession, PlanTopic } from '../../../../shared/plan/plan-rows.ts';
import { sessionOrder } from '../../../../shared/plan/plan-rows.ts';
import { invoke } from '../../contract/client.ts';

export interface AnswerPlan {
  /** The plan's sessions in plan order (day, start, end). */
  readonly sessions: readonly PlanSession[];
  readonly topics: readonly PlanTopic[];
  readonly members: readonly PlanMember[];
  readonly sites: readonly Site[];
  readonly team: readonly TeamMember[];
  readonly sessionById: ReadonlyMap<string, PlanSession>;
  readonly loaded: boolean;
}

const EMPTY: PlanLoadView = { sessions: [], topics: [], services: [], members: [], auditees: [], sites: [], team: [], serviceRows: [] };

/** What the checklist needs of the plan and roster (one `plan:load`): sessions, what they cover, who is in them, sites, the team. */
export function useAnswerPlan(handle: string, onError: (error: unknown) => void): AnswerPlan {
  const [view, setView] = useState<PlanLoadView>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    invoke('plan:load', { engagementHandle: handle }).then((loadedView) => {
      setView(loadedView);
      setLoaded(true);
    }, onError);
  }, [handle, onError]);
  return useMemo(() => {
    const sessions = [...view.sessions].sort(sessionOrder);
    return {
      sessions,
      topics: view.topics,
      members: view.members,
      sites: view.sites,
      team: view.team,
      sessionById: new Map(sessions.map((session) => [session.id, session])),
      loaded,
    };
  }, [view, loaded]);
}
