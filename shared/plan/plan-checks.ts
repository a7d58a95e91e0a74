import type { AuditType, TeamRole } from '../engagement.ts';
import { instantOf } from './local-time.ts';
import type { PlanSessionKind, PlanTopicKind } from './plan-kinds.ts';
import { requiredUnits, unitCovered, type CoverageUnit, type PackOutline } from './plan-coverage.ts';

/**
 * An auditor-day is 8 hours of one auditor's time (ISO/IEC 20000-6 follows IAF MD 5 here); planned
 * time is counted in minutes and compared with the CB's allocation in the same unit, exactly.
 */
export const MINUTES_PER_AUDITOR_DAY = 8 * 60;

/** Roles whose time counts as audit time (20000-6 9.1.4: not observers, trainees, experts, guides, interpreters). */
const COUNTED_ROLES: readonly TeamRole[] = ['lead', 'auditor'];

export interface PlanCheckInput {
  readonly auditType: AuditType;
  readonly startDate: string;
  readonly endDate: string;
  readonly timeZone: string;
  readonly sessions: readonly {
    readonly id: string;
    readonly day: string;
    readonly start: string;
    readonly end: string;
    readonly kind: PlanSessionKind;
    readonly siteId: string | null;
    readonly remote: boolean;
    readonly remoteTool: string;
    readonly identityCheck: string;
  }[];
  readonly team: readonly { readonly id: string; readonly name: string; readonly role: TeamRole }[];
  readonly members: readonly { readonly sessionId: string; readonly memberId: string }[];
  readonly auditees: readonly { readonly sessionId: string; readonly name: string }[];
  readonly topics: readonly { readonly sessionId: string; readonly kind: PlanTopicKind; readonly topic: string }[];
  /** Sites of the MD 1 sample (visited): central function, drawn, chosen. */
  readonly sampledSites: readonly { readonly id: string; readonly name: string }[];
  readonly pack: PackOutline | null;
  /** The surveillance selection's clause numbers (the engagement's, else the pack's). */
  readonly surveillanceClauses: readonly string[];
  /** The CB's allocation in auditor-days; null when not recorded. */
  readonly allocation: { readonly onSite: number | null; readonly remote: number | null };
}

export const PLAN_ISSUE_CODES = [
  'SESSION_TIME_INVALID',
  'SESSION_ENDS_BEFORE_START',
  'SESSION_TIME_SKIPPED',
  'SESSION_OUTSIDE_DATES',
  'MEMBER_DOUBLE_BOOKED',
  'AUDITEE_DOUBLE_BOOKED',
  'NO_AUDITOR',
  'ACCOMPANYING_ALONE',
  'REMOTE_WITHOUT_MEANS',
  'NO_OPENING_MEETING',
  'NO_CLOSING_MEETING',
  'NOT_COVERED',
  'SITE_NOT_VISITED',
  'TIME_BELOW_ALLOCATION',
  'TIME_ABOVE_ALLOCATION',
] as const;
export type PlanIssueCode = (typeof PLAN_ISSUE_CODES)[number];

export interface PlanIssue {
  readonly code: PlanIssueCode;
  readonly severity: 'error' | 'warning';
  /** The sessions it concerns (empty for the plan as a whole). */
  readonly sessionIds: readonly string[];
  readonly params: Readonly<Record<string, string | number | readonly string[]>>;
}

export interface PlanCheck {
  readonly issues: readonly PlanIssue[];
  readonly coverage: { readonly required: readonly CoverageUnit[]; readonly missing: readonly CoverageUnit[] };
  /** Planned auditor time of lead and auditors, in minutes. */
  readonly planned: { readonly onSite: number; readonly remote: number };
}

interface Timed {
  readonly id: string;
  readonly day: string;
  readonly from: number;
  readonly to: number;
}

/** Every check of the plan at once: a pure function of the plan, recomputed after each edit. */
export function checkPlan(input: PlanCheckInput): PlanCheck {
  const issues: PlanIssue[] = [];
  const add = (code: PlanIssueCode, severity: PlanIssue['severity'], sessionIds: readonly string[], params: PlanIssue['params'] = {}) =>
    issues.push({ code, severity, sessionIds, params });
  const roles = new Map(input.team.map((member) => [member.id, member]));
  const membersOf = groupBy(input.members, (link) => link.sessionId, (link) => link.memberId);

  // Times: each session as an interval of real instants (daylight saving included).
  const timed: Timed[] = [];
  for (const session of input.sessions) {
    const from = instantOf(session.day, session.start, input.timeZone);
    const to = instantOf(session.day, session.end, input.timeZone);
    if (session.day < input.startDate || session.day > input.endDate) add('SESSION_OUTSIDE_DATES', 'error', [session.id], { day: session.day });
    if (!/^\d\d:\d\d$/.test(session.start) || !/^\d\d:\d\d$/.test(session.end)) add('SESSION_TIME_INVALID', 'error', [session.id]);
    else if (from === null || to === null) add('SESSION_TIME_SKIPPED', 'error', [session.id], { day: session.day, time: from === null ? session.start : session.end });
    else if (to <= from) add('SESSION_ENDS_BEFORE_START', 'error', [session.id], { start: session.start, end: session.end });
    else timed.push({ id: session.id, day: session.day, from, to });
  }
  const byId = new Map(input.sessions.map((session) => [session.id, session]));

  // People in two places at once.
  const overlaps = overlappingPairs(timed);
  const auditeesOf = groupBy(input.auditees, (link) => link.sessionId, (link) => normalName(link.name));
  for (const [a, b] of overlaps) {
    const shared = intersect(membersOf.get(a.id), membersOf.get(b.id));
    for (const memberId of shared) add('MEMBER_DOUBLE_BOOKED', 'error', [a.id, b.id], { name: roles.get(memberId)?.name ?? memberId, day: a.day });
    for (const name of intersect(auditeesOf.get(a.id), auditeesOf.get(b.id))) {
      const shown = input.auditees.find((link) => normalName(link.name) === name)!.name;
      add('AUDITEE_DOUBLE_BOOKED', 'warning', [a.id, b.id], { name: shown, day: a.day });
    }
  }

  // Who is in each working session.
  for (const session of input.sessions) {
    if (session.kind === 'break') continue;
    const members = (membersOf.get(session.id) ?? []).map((id) => roles.get(id)).filter((member) => member !== undefined);
    const counted = members.filter((member) => COUNTED_ROLES.includes(member.role));
    if (members.length === 0) add('NO_AUDITOR', 'warning', [session.id]);
    else if (counted.length === 0) add('ACCOMPANYING_ALONE', 'warning', [session.id], { names: members.map((member) => member.name) });
    if (session.remote && (!session.remoteTool.trim() || !session.identityCheck.trim())) add('REMOTE_WITHOUT_MEANS', 'warning', [session.id]);
  }

  if (input.sessions.length > 0) {
    if (!input.sessions.some((session) => session.kind === 'opening')) add('NO_OPENING_MEETING', 'warning', []);
    if (!input.sessions.some((session) => session.kind === 'closing')) add('NO_CLOSING_MEETING', 'warning', []);
  }

  // Coverage: what this audit type must cover, against the sessions' processes and clauses.
  const required = input.pack ? requiredUnits(input.auditType, input.pack, input.surveillanceClauses) : [];
  const topics = input.topics.filter((topic) => byId.get(topic.sessionId)?.kind !== 'break');
  const missing = required.filter((unit) => !unitCovered(unit, topics, input.pack!));
  if (missing.length) add('NOT_COVERED', 'warning', [], { units: missing.map((unit) => unit.key), count: missing.length });

  const visited = new Set(input.sessions.filter((session) => !session.remote && session.siteId).map((session) => session.siteId!));
  for (const site of input.sampledSites) if (!visited.has(site.id)) add('SITE_NOT_VISITED', 'warning', [], { site: site.name });

  // Auditor time against the CB's allocation, on-site and remote apart.
  const planned = { onSite: 0, remote: 0 };
  for (const interval of timed) {
    const session = byId.get(interval.id)!;
    if (session.kind === 'break') continue;
    const counted = (membersOf.get(session.id) ?? []).filter((id) => COUNTED_ROLES.includes(roles.get(id)?.role as TeamRole)).length;
    planned[session.remote ? 'remote' : 'onSite'] += (counted * (interval.to - interval.from)) / 60_000;
  }
  for (const part of ['onSite', 'remote'] as const) {
    const allocated = input.allocation[part];
    if (allocated === null) continue;
    const allocatedMinutes = Math.round(allocated * MINUTES_PER_AUDITOR_DAY);
    if (planned[part] < allocatedMinutes) add('TIME_BELOW_ALLOCATION', 'warning', [], { part, plannedMinutes: planned[part], allocatedMinutes });
    if (planned[part] > allocatedMinutes) add('TIME_ABOVE_ALLOCATION', 'warning', [], { part, plannedMinutes: planned[part], allocatedMinutes });
  }

  return { issues, coverage: { required, missing }, planned };
}

function normalName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/**
 * Values by key, each once: two copies that both add the same member to a session merge into two
 * link rows, and that member's time must still count once.
 */
function groupBy<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => string): Map<string, string[]> {
  const groups = new Map<string, Set<string>>();
  for (const item of items) {
    const set = groups.get(key(item));
    if (set) set.add(value(item));
    else groups.set(key(item), new Set([value(item)]));
  }
  return new Map([...groups].map(([group, values]) => [group, [...values]]));
}

function intersect(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] {
  if (!a || !b) return [];
  const other = new Set(b);
  return [...new Set(a)].filter((item) => other.has(item));
}

/** Pairs of sessions that overlap in time (touching ends do not): sorted sweep, so 80 sessions stay fast. */
function overlappingPairs(timed: readonly Timed[]): [Timed, Timed][] {
  const sorted = [...timed].sort((a, b) => a.from - b.from || a.to - b.to);
  const pairs: [Timed, Timed][] = [];
  const active: Timed[] = [];
  for (const current of sorted) {
    for (let i = active.length - 1; i >= 0; i--) if (active[i]!.to <= current.from) active.splice(i, 1);
    for (const open of active) pairs.push([open, current]);
    active.push(current);
  }
  return pairs;
}
