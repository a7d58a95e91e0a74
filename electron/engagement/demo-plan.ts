import type { PlanSessionKind } from '../../shared/plan/plan-kinds.ts';
import type { EngagementService } from './engagement-service.ts';

export interface DemoSession {
  /** How the demo's fieldwork names this session (its outcome, notebook, answers), when it does. */
  readonly key?: string;
  readonly day: string;
  readonly start: string;
  readonly end: string;
  readonly kind: PlanSessionKind;
  readonly title: string;
  /** A place of the plan (DemoPlan.places), 'remote', or null (a break). */
  readonly where: string | null;
  /** Team members by initials. */
  readonly team: readonly string[];
  /** Pack process keys, or clause numbers (digits first). */
  readonly topics: readonly string[];
  readonly auditees: readonly (readonly [name: string, role: string])[];
}

/** The demo's plan: its sessions, the sites they are held at, and how remote sessions run. */
export interface DemoPlan {
  /** Place → the start of the site's name. */
  readonly places: Readonly<Record<string, string>>;
  readonly remote: { readonly tool: string; readonly identityCheck: string; readonly fallback: string };
  readonly sessions: readonly DemoSession[];
}

/** A break in the plan (lunch): nobody, nowhere, no topic. */
export const demoBreak = (day: string, start: string, end: string): DemoSession => ({ day, start, end, kind: 'break', title: '', where: null, team: [], topics: [], auditees: [] });

/**
 * Writes the demo's plan through the service, like the lead would in the Plan section, and returns
 * the ids of the sessions the fieldwork names (by their key).
 */
export async function planDemo(service: EngagementService, handle: string, plan: DemoPlan): Promise<ReadonlyMap<string, string>> {
  const team = await service.listRows(handle, 'team_member');
  const sites = await service.listRows(handle, 'site');
  const member = (initials: string) => String(team.find((row) => row.initials === initials)!.id);
  const place = (where: string) => String(sites.find((row) => String(row.name).startsWith(plan.places[where]!))!.id);
  const keyed = new Map<string, string>();
  for (const session of plan.sessions) {
    const remote = session.where === 'remote';
    const row = await service.createRow(handle, 'plan_session', {
      day: session.day,
      start_time: session.start,
      end_time: session.end,
      kind: session.kind,
      title: session.title,
      site_id: session.where && !remote ? place(session.where) : null,
      remote: remote ? 1 : 0,
      remote_tool: remote ? plan.remote.tool : '',
      identity_check: remote ? plan.remote.identityCheck : '',
      remote_fallback: remote ? plan.remote.fallback : '',
    });
    const id = String(row.id);
    if (session.key) keyed.set(session.key, id);
    for (const who of session.team) await service.createRow(handle, 'plan_session_member', { session_id: id, team_member_id: member(who) });
    for (const topic of session.topics) await service.createRow(handle, 'plan_session_topic', { session_id: id, kind: /^\d/.test(topic) ? 'clause' : 'process', topic });
    for (const [name, role] of session.auditees) await service.createRow(handle, 'plan_session_auditee', { session_id: id, name, role });
  }
  return keyed;
}
