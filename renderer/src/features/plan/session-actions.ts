import type { TeamMember } from '../../../../shared/engagement.ts';
import { minutesOf, timeOfDay } from '../../../../shared/plan/local-time.ts';
import { invoke } from '../../contract/client.ts';
import { useSaveStore } from '../../state/save-store.ts';
import type { PlanRows, PlanSession } from './plan-types.ts';


/**
 * Where a new session goes: the chosen day (else the first audit day), right after that day's last
 * session (else 09:00), one hour long; the lead auditor in it. The first session of an empty plan
 * is the opening meeting.
 */
export function newSessionValues(rows: PlanRows, day: string, team: readonly TeamMember[]): { values: Record<string, unknown>; leadId: string | null } {
  const ofDay = rows.sessions.filter((session) => session.day === day);
  const lastEnd = Math.max(...ofDay.map((session) => minutesOf(session.end_time) ?? 0), 9 * 60);
  const start = Math.min(lastEnd, 22 * 60);
  const opening = rows.sessions.length === 0;
  return {
    values: { day, start_time: timeOfDay(start), end_time: timeOfDay(start + (opening ? 30 : 60)), kind: opening ? 'opening' : 'audit', title: '' },
    leadId: team.find((member) => member.role === 'lead')?.id ?? null,
  };
}

/** Creates a session (pending edits saved first) and returns its id. */
export async function addSession(handle: string, values: Record<string, unknown>, memberIds: readonly string[]): Promise<string> {
  await useSaveStore.getState().flush();
  const row = await invoke('rows:create', { engagementHandle: handle, table: 'plan_session', values });
  for (const team_member_id of memberIds) {
    await invoke('rows:create', { engagementHandle: handle, table: 'plan_session_member', values: { session_id: row.id, team_member_id } });
  }
  return String(row.id);
}

/** A copy of a session with all it covers and everyone in it, right after it on the same day. */
export async function duplicateSession(handle: string, session: PlanSession, rows: PlanRows): Promise<string> {
  await useSaveStore.getState().flush();
  const length = (minutesOf(session.end_time) ?? 0) - (minutesOf(session.start_time) ?? 0);
  const start = minutesOf(session.end_time) ?? 9 * 60;
  const { id: _id, created_by: _c, updated_at: _u, updated_by: _b, deleted: _d, engagement_id: _e, ...fields } = session;
  const copy = await invoke('rows:create', {
    engagementHandle: handle,
    table: 'plan_session',
    values: { ...fields, start_time: timeOfDay(Math.min(start, 23 * 60)), end_time: timeOfDay(Math.min(start + Math.max(length, 15), 23 * 60 + 59)) },
  });
  const id = String(copy.id);
  const of = <T extends { session_id: string }>(list: readonly T[]) => list.filter((link) => link.session_id === session.id);
  for (const link of of(rows.topics)) await invoke('rows:create', { engagementHandle: handle, table: 'plan_session_topic', values: { session_id: id, kind: link.kind, topic: link.topic } });
  for (const link of of(rows.services)) await invoke('rows:create', { engagementHandle: handle, table: 'plan_session_service', values: { session_id: id, service_id: link.service_id } });
  for (const link of of(rows.members)) await invoke('rows:create', { engagementHandle: handle, table: 'plan_session_member', values: { session_id: id, team_member_id: link.team_member_id } });
  for (const link of of(rows.auditees)) await invoke('rows:create', { engagementHandle: handle, table: 'plan_session_auditee', values: { session_id: id, name: link.name, role: link.role } });
  return id;
}

/** A day moved by `days` (calendar arithmetic in UTC: the day is a date, not an instant). */
const shiftDay = (day: string, days: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * The session moved by whole days and/or minutes, keeping its length; null when it would leave
 * its day (before 00:00 or past 23:59) — the move is then not made.
 */
export function movedSession(session: PlanSession, days: number, minutes: number): { day: string; start_time: string; end_time: string } | null {
  const start = minutesOf(session.start_time);
  const end = minutesOf(session.end_time);
  if (start === null || end === null) return null;
  if (start + minutes < 0 || end + minutes > 23 * 60 + 59) return null;
  return { day: shiftDay(session.day, days), start_time: timeOfDay(start + minutes), end_time: timeOfDay(end + minutes) };
}

/** Moves a session (pending edits saved first). */
export async function moveSession(handle: string, session: PlanSession, days: number, minutes: number): Promise<boolean> {
  const moved = movedSession(session, days, minutes);
  if (!moved) return false;
  await useSaveStore.getState().flush();
  await invoke('rows:update', { engagementHandle: handle, table: 'plan_session', id: session.id, patch: moved });
  return true;
}
