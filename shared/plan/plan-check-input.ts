import type { ChecklistPack } from '../checklist/pack.ts';
import type { Engagement, Site, TeamMember } from '../engagement.ts';
import type { PlanCheckInput } from './plan-checks.ts';
import { surveillanceSelection, type PackOutline } from './plan-coverage.ts';
import type { PlanRows } from './plan-rows.ts';

/** The checklist pack as the plan's coverage needs it. */
export function packOutline(pack: ChecklistPack | null): PackOutline | null {
  if (!pack) return null;
  const number = new Map(pack.clauses.map((clause) => [clause.id, clause.number]));
  return {
    processes: pack.processes.map((process) => ({ key: process.key, clause: number.get(process.clause) ?? process.clause })),
    clauses: pack.clauses.map((clause) => clause.number),
  };
}

/** The pack's surveillance selection (its first selection), as clause numbers. */
export function packSurveillanceClauses(pack: ChecklistPack | null): string[] {
  if (!pack?.selections?.length) return [];
  const number = new Map(pack.clauses.map((clause) => [clause.id, clause.number]));
  return pack.selections[0]!.clauses.map((id) => number.get(id) ?? id);
}

/** Everything the plan checks read, from the engagement's rows (live sessions only). */
export function planCheckInput(engagement: Engagement, sites: readonly Site[], team: readonly TeamMember[], rows: PlanRows, pack: ChecklistPack | null): PlanCheckInput {
  const live = new Set(rows.sessions.map((session) => session.id));
  return {
    auditType: engagement.audit_type,
    startDate: engagement.start_date,
    endDate: engagement.end_date,
    timeZone: engagement.time_zone,
    sessions: rows.sessions.map((session) => ({
      id: session.id,
      day: session.day,
      start: session.start_time,
      end: session.end_time,
      kind: session.kind,
      siteId: session.site_id,
      remote: session.remote === 1,
      remoteTool: session.remote_tool,
      identityCheck: session.identity_check,
    })),
    team: team.map((member) => ({ id: member.id, name: member.name, role: member.role })),
    members: rows.members.filter((link) => live.has(link.session_id)).map((link) => ({ sessionId: link.session_id, memberId: link.team_member_id })),
    auditees: rows.auditees.filter((link) => live.has(link.session_id)).map((link) => ({ sessionId: link.session_id, name: link.name })),
    topics: rows.topics.filter((link) => live.has(link.session_id)).map((link) => ({ sessionId: link.session_id, kind: link.kind, topic: link.topic })),
    sampledSites: sites.filter((site) => site.in_scope === 1 && site.sample_basis !== 'none').map((site) => ({ id: site.id, name: site.name })),
    pack: packOutline(pack),
    surveillanceClauses: surveillanceSelection(engagement.surveillance_clauses, packSurveillanceClauses(pack)),
    allocation: { onSite: engagement.allocated_onsite_days, remote: engagement.allocated_remote_days },
  };
}
