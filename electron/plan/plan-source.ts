import type Database from 'better-sqlite3';
import { checkProfile } from '../../shared/cb-profile/profile-validate.ts';
import type { ChecklistPack } from '../../shared/checklist/pack.ts';
import type { Engagement, Site, TeamMember } from '../../shared/engagement.ts';
import type { PlanSource } from '../../shared/plan/plan-document-input.ts';
import { addedSessions, plannedRows, sessionOrder, type PlanRows } from '../../shared/plan/plan-rows.ts';
import { currentPack } from '../packs/worker.ts';
import { currentProfile } from '../profiles/worker.ts';
import type { EngagementStore } from '../store/engagement-store.ts';

/**
 * Everything the plan's documents read, from the open engagement: live rows, the engagement's own
 * copies of its checklist pack and CB profile (a copy that no longer passes this version's checks
 * is left out rather than trusted). `asPlanned` false keeps the sessions added on the day: the closing
 * meeting's documents need the closing meeting however it was added.
 */
export function readPlanSource(store: EngagementStore, db: Database.Database, { asPlanned = true }: { asPlanned?: boolean } = {}): PlanSource {
  const rows = <T>(table: string) => store.listRows(table) as unknown as T[];
  const packRow = currentPack(db);
  const profileRow = currentProfile(db);
  const profile = profileRow ? checkProfile(JSON.parse(profileRow.content) as unknown) : null;
  const plan: PlanRows = {
    sessions: rows<PlanRows['sessions'][number]>('plan_session').sort(sessionOrder),
    topics: rows('plan_session_topic'),
    services: rows('plan_session_service'),
    members: rows('plan_session_member'),
    auditees: rows('plan_session_auditee'),
  };
  return {
    engagement: store.getRow('engagement', store.engagementId) as unknown as Engagement,
    sites: rows<Site>('site'),
    team: rows<TeamMember>('team_member'),
    services: rows('service'),
    // The documents show the plan as planned: sessions added on the day belong to the report.
    rows: asPlanned ? plannedRows(plan, addedSessions(rows<{ session_id: string; status: string }>('session_outcome'))) : plan,
    profile: profile?.ok ? profile.profile : null,
    pack: packRow ? (JSON.parse(packRow.content) as ChecklistPack) : null,
  };
}
