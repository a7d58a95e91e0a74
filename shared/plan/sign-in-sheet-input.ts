import type { CbProfile } from '../cb-profile/profile.ts';
import { textIn } from '../checklist/pack.ts';
import { attendeeRowLines } from '../documents/sign-in-document.ts';
import type { SignInAttendee, SignInSheetInput } from '../documents/sign-in-input.ts';
import type { TeamRole } from '../engagement.ts';
import type { ATTENDANCE_TABLE } from '../tables/fieldwork-records-tables.ts';
import type { RowOf } from '../tables/table.ts';
import { DOCUMENT_LABELS } from './document-labels.ts';
import { planReference, standardName, type PlanDocumentOptions, type PlanSource } from './plan-document-input.ts';
import { outcomeFacts, ranAs, type SessionOutcomeRow } from './session-outcomes.ts';

export type AttendanceRow = RowOf<typeof ATTENDANCE_TABLE>;

/** The plan's rows plus what the meeting recorded: attendance and outcomes (live rows). */
export interface SignInSource extends PlanSource {
  readonly attendance: readonly AttendanceRow[];
  readonly outcomes: readonly SessionOutcomeRow[];
}

/** Rows of two lines one A4 page holds under the details: the attendees, then free rows up to this. */
export const SIGN_IN_ROWS = 11;
/** Free rows at the least, however many are expected. */
export const SIGN_IN_FREE_ROWS = 3;

/**
 * The free rows after the attendees: what is left of the page (a long job title takes a taller row),
 * so the sheet stays one page while at least one free row fits; when the attendees alone fill the
 * page, SIGN_IN_FREE_ROWS on the next.
 */
export function freeRows(attendees: readonly SignInAttendee[]): number {
  const used = attendees.reduce((sum, attendee) => sum + attendeeRowLines(attendee), 0);
  const room = Math.floor((SIGN_IN_ROWS * 2 - used) / 2);
  return room >= 1 ? room : SIGN_IN_FREE_ROWS;
}

/** The order the team is listed in: those who audit first (as the plan lists them). */
const ROLE_ORDER: readonly TeamRole[] = ['lead', 'auditor', 'technical_expert', 'trainee', 'observer', 'interpreter', 'guide'];

/** The certification body's name in the document's language (its profile), else the engagement's. */
export function bodyName(profile: CbProfile | null, language: string, fallback: string): string {
  const name = profile?.certificationBody?.name;
  return (name && profile ? textIn(name, language, profile.defaultLanguage) : '') || fallback;
}

/**
 * Who the sheet pre-prints for a meeting: the attendance recorded for it (all but the absent,
 * the audit team first) or, before any is recorded, the team members in the session and the
 * session's auditees from the plan.
 */
export function expectedAttendees(
  source: Pick<SignInSource, 'engagement' | 'team' | 'rows' | 'attendance' | 'profile'>,
  sessionId: string,
  language: PlanDocumentOptions['language'],
): SignInAttendee[] {
  const labels = DOCUMENT_LABELS[language];
  const body = bodyName(source.profile, language, source.engagement.certification_body);
  const team = [...source.team].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  const recorded = source.attendance.filter((row) => row.session_id === sessionId && row.presence !== 'absent');
  if (recorded.length) {
    const rank = (name: string): number => {
      const index = team.findIndex((member) => member.name.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase());
      return index === -1 ? team.length : index;
    };
    return recorded
      .map((row, index) => ({ row, index }))
      .sort((a, b) => rank(a.row.name) - rank(b.row.name) || a.index - b.index)
      .map(({ row }) => ({ name: row.name, role: row.role, organization: row.organization, remote: row.presence === 'remote' }));
  }
  const inSession = new Set(source.rows.members.filter((link) => link.session_id === sessionId).map((link) => link.team_member_id));
  const members = team.filter((member) => inSession.has(member.id)).map((member) => ({ name: member.name, role: labels.role[member.role], organization: body, remote: false }));
  const seen = new Set<string>();
  const auditees = source.rows.auditees
    .filter((auditee) => auditee.session_id === sessionId)
    .filter((auditee) => {
      const key = auditee.name.trim().toLocaleLowerCase();
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((auditee) => ({ name: auditee.name.trim(), role: auditee.role, organization: source.engagement.client_name, remote: false }));
  return [...members, ...auditees];
}

/**
 * The sign-in sheet of an opening or closing meeting, in the document's language: null when the
 * session does not exist or is not such a meeting. The date and times are those it ran at when the
 * outcome records them, else the plan's. Pure: the export and the tests build it alike.
 */
export function signInSheetInput(source: SignInSource, sessionId: string, options: PlanDocumentOptions): SignInSheetInput | null {
  const session = source.rows.sessions.find((candidate) => candidate.id === sessionId);
  if (!session || (session.kind !== 'opening' && session.kind !== 'closing')) return null;
  const { engagement, profile, pack } = source;
  const language = options.language;
  const labels = DOCUMENT_LABELS[language];
  const outcome = source.outcomes.find((row) => row.session_id === sessionId);
  const planned = { id: session.id, day: session.day, start: session.start_time, end: session.end_time, kind: session.kind, remote: session.remote === 1 };
  const ran = ranAs(planned, outcome ? outcomeFacts(outcome) : undefined);
  const site = session.site_id ? source.sites.find((candidate) => candidate.id === session.site_id) : undefined;
  const place = site ? [site.name, [site.address, site.country].filter((part) => part.trim()).join(', ')].filter((part) => part.trim()).join(', ') : null;
  const remote = ran ? ran.place === 'remote' : session.remote === 1;
  const attendees = expectedAttendees(source, sessionId, language);

  return {
    document: { language, reference: planReference(engagement), revision: options.revision, issuedAt: options.issuedAt, issuedBy: options.issuedBy },
    certificationBody: { name: bodyName(profile, language, engagement.certification_body), logoDataUrl: profile?.logo ?? null },
    client: { name: engagement.client_name, address: engagement.client_address },
    audit: {
      typeLabel: labels.auditType[engagement.audit_type],
      standard: standardName(pack, engagement),
      timeZone: engagement.time_zone,
    },
    meeting: {
      kind: session.kind,
      title: session.title.trim() || labels.session[session.kind],
      day: ran?.day ?? session.day,
      start: ran?.start ?? session.start_time,
      end: ran?.end ?? session.end_time,
      place: remote ? null : place,
      remoteTool: remote ? session.remote_tool : null,
    },
    attendees,
    blankRows: freeRows(attendees),
  };
}
