import type Database from 'better-sqlite3';
import { checkProfile } from '../../shared/cb-profile/profile-validate.ts';
import type { ChecklistPack } from '../../shared/checklist/pack.ts';
import type { Engagement, Site, TeamMember } from '../../shared/engagement.ts';
import type { PlanSource } from '../../shared/plan/plan-document-input.ts';
import { sessionOrder, type PlanRows } from '../../shared/plan/plan-rows.ts';
import { currentPack } from '../packs/worker.ts';
import { currentProfile } from '../profiles/worker.ts';
import type { EngagementStore } from '../store/engagement-store.ts';

// Like electron/plan/plan-source.ts (a capability imports another only through its index), but with
// every session: a closing meeting added on the day is still the closing meeting.
/** The engagement, team, sites, the plan's sessions (all of them: the closing meeting may have been added on the day), profile and pack. */
export function readDocumentSource(store: EngagementStore, db: Database.Database): PlanSource {
  const rows = <T>(table: string) => store.listRows(table) as unknown as T[];
  const packRow = currentPack(db);
  const profileRow = currentProfile(db);
  const profile = profileRow ? checkProfile(JSON.parse(profileRow.content) as unknown) : null;
  return {
    engagement: store.getRow('engagement', store.engagementId) as unknown as Engagement,
    sites: rows<Site>('site'),
    team: rows<TeamMember>('team_member'),
    services: rows('service'),
    rows: {
      sessions: rows<PlanRows['sessions'][number]>('plan_session').sort(sessionOrder),
      topics: rows('plan_session_topic'),
      services: rows('plan_session_service'),
      members: rows('plan_session_member'),
      auditees: rows('plan_session_auditee'),
    },
    profile: profile?.ok ? profile.profile : null,
    pack: packRow ? (JSON.parse(packRow.content) as ChecklistPack) : null,
  };
}
