import { fillText, fixedText } from '../documents/fixed-text.ts';
import { formatDate } from '../documents/format.ts';
import { teamShortNames } from '../documents/plan-document.ts';
import type { DocumentLanguage, PlanDocumentInput } from '../documents/plan-input.ts';
import type { ReportDay, ReportDeviation, ReportSite } from '../documents/report-input.ts';
import { actualTime } from '../plan/actual-time.ts';
import { DOCUMENT_LABELS } from '../plan/document-labels.ts';
import type { PlanDocumentOptions } from '../plan/plan-document-input.ts';
import { MINUTES_PER_AUDITOR_DAY } from '../plan/plan-checks.ts';
import type { PlanSession } from '../plan/plan-rows.ts';
import { outcomeFacts, placeOf, ranAs, type OutcomeFacts, type PlannedSession, type TimePlace } from '../plan/session-outcomes.ts';
import { REPORT_LABELS, type SessionChange } from './report-labels.ts';
import type { ReportSource } from './report-source.ts';
import { joiningFor } from './report-wording.ts';

/**
 * The audit as it ran (17021-1 9.4.8 items 7 and 10): the days with their activities, the deviations
 * from the plan with their reasons, which sites were visited and how, and the auditor-days held.
 * Sessions come from the plan with those added on the day; outcomes say how each ran. Pure.
 */

const plannedOf = (session: PlanSession): PlannedSession => ({ id: session.id, day: session.day, start: session.start_time, end: session.end_time, kind: session.kind, remote: session.remote === 1 });

interface Ran {
  readonly session: PlanSession;
  readonly day: string;
  readonly start: string;
  readonly end: string;
  readonly place: TimePlace;
}

/**
 * Every working session that took place (breaks and cancelled sessions left out): as its outcome
 * records it, or — nothing recorded yet — as planned, since the plan is then the best record of where
 * and when the team worked (the completeness gate asks for the outcomes; the actual auditor-days count
 * only what is recorded).
 */
function sessionsAsRun(source: ReportSource, outcomes: ReadonlyMap<string, OutcomeFacts>): Ran[] {
  const ran: Ran[] = [];
  for (const session of source.rows.sessions) {
    if (session.kind === 'break') continue;
    const outcome = outcomes.get(session.id);
    if (outcome?.status === 'cancelled') continue;
    const planned = plannedOf(session);
    const held = ranAs(planned, outcome) ?? { day: planned.day, start: planned.start, end: planned.end, place: placeOf(planned, 'as_planned') };
    ran.push({ session, ...held });
  }
  return ran;
}

/** The days of audit activities as they ran, each with its first start and last end and its activities in time order. */
function reportDays(source: ReportSource, ran: readonly Ran[], plan: PlanDocumentInput, options: PlanDocumentOptions): ReportDay[] {
  const labels = REPORT_LABELS[options.language];
  const sessionLabels = DOCUMENT_LABELS[options.language].session;
  const siteName = new Map(source.sites.map((site) => [site.id, site.name]));
  const shortNames = teamShortNames(plan.team);
  const members = new Map<string, Set<string>>();
  for (const link of source.rows.members) {
    const set = members.get(link.session_id) ?? new Set<string>();
    set.add(link.team_member_id);
    members.set(link.session_id, set);
  }
  const order = new Map(plan.team.map((member, index) => [member.id, index]));
  const byDay = new Map<string, ReportDay['activities'][number][]>();
  for (const run of ran) {
    const remote = run.place === 'remote';
    const tool = run.session.remote_tool.trim();
    const activity = {
      start: run.start,
      end: run.end,
      title: run.session.title.trim() || sessionLabels[run.session.kind],
      place: remote ? (tool ? fillText(labels.remotePlace, { tool }) : labels.remotePlaceNoTool) : run.session.site_id ? (siteName.get(run.session.site_id) ?? '') : '',
      remote,
      team: [...(members.get(run.session.id) ?? [])]
        .filter((id) => order.has(id))
        .sort((a, b) => order.get(a)! - order.get(b)!)
        .map((id) => shortNames.get(id)!),
    };
    const list = byDay.get(run.day);
    if (list) list.push(activity);
    else byDay.set(run.day, [activity]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, activities]) => {
      const sorted = activities.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
      return { day, start: sorted[0]!.start, end: sorted.reduce((last, activity) => (activity.end > last ? activity.end : last), sorted[0]!.end), auditorDays: 0, activities: sorted };
    });
}

const STATUS_CHANGES: ReadonlySet<string> = new Set(['moved', 'shortened', 'extended', 'cancelled', 'added']);
const PLACE_CHANGE: Readonly<Record<TimePlace, SessionChange>> = { onSite: 'heldOnSite', remote: 'heldRemotely', offSite: 'heldOffSite' };

/** The sessions that did not run as planned, in plan order: moved, shortened, extended, cancelled, added on the day, or held elsewhere than planned. */
function deviations(source: ReportSource, outcomes: ReadonlyMap<string, OutcomeFacts>, options: PlanDocumentOptions): ReportDeviation[] {
  const labels = REPORT_LABELS[options.language];
  const sessionLabels = DOCUMENT_LABELS[options.language].session;
  const t = fixedText(options.language);
  const when = (day: string, start: string, end: string) => `${formatDate(day, options.language)} ${t('time.range', { start, end })}`;
  const list: ReportDeviation[] = [];
  for (const session of source.rows.sessions) {
    const outcome = outcomes.get(session.id);
    if (session.kind === 'break' || !outcome) continue;
    const planned = plannedOf(session);
    const ran = ranAs(planned, outcome);
    const changes: SessionChange[] = [];
    if (STATUS_CHANGES.has(outcome.status)) changes.push(outcome.status as SessionChange);
    // An added session has no plan to differ from; the others changed place when held elsewhere.
    if (ran && outcome.status !== 'added' && ran.place !== placeOf(planned, 'as_planned')) changes.push(PLACE_CHANGE[ran.place]);
    if (!changes.length) continue;
    list.push({
      session: session.title.trim() || sessionLabels[session.kind],
      planned: outcome.status === 'added' ? '' : when(planned.day, planned.start, planned.end),
      change: changes.map((change) => labels.sessionChange[change]).join(labels.changeSeparator),
      actual: ran ? when(ran.day, ran.start, ran.end) : '',
      reason: outcome.reason,
    });
  }
  return mergedDeviations(list, options.language);
}

/**
 * Sessions that changed alike (the two parallel sessions that both started ten minutes late after a
 * longer opening meeting, for the same reason) make one row naming them all, not a row each.
 */
function mergedDeviations(list: readonly ReportDeviation[], language: DocumentLanguage): ReportDeviation[] {
  const merged: ReportDeviation[] = [];
  for (const deviation of list) {
    const at = merged.findIndex((row) => row.planned === deviation.planned && row.change === deviation.change && row.actual === deviation.actual && row.reason.trim() === deviation.reason.trim());
    if (at >= 0) merged[at] = { ...merged[at]!, session: `${merged[at]!.session}${joiningFor(`${merged[at]!.session}${deviation.session}`, language).sessionSeparator}${deviation.session}` };
    else merged.push(deviation);
  }
  return merged;
}

/**
 * The sites of the scope (as the plan lists them), visited or not: visited when the sample took it
 * or a session was held there; how (on site, remote, both) from the sessions held; why from the
 * sample (central function, drawn at random, chosen with the reason), or why not.
 */
function reportSites(source: ReportSource, ran: readonly Ran[], plan: PlanDocumentInput, options: PlanDocumentOptions): ReportSite[] {
  const labels = REPORT_LABELS[options.language];
  const places = new Map<string, Set<TimePlace>>();
  for (const run of ran) {
    if (!run.session.site_id) continue;
    const set = places.get(run.session.site_id) ?? new Set<TimePlace>();
    set.add(run.place);
    places.set(run.session.site_id, set);
  }
  // planDocumentInput lists the sites in scope, in the rows' order.
  const inScope = source.sites.filter((site) => site.in_scope === 1);
  return plan.sites.map((planned, at) => {
    const site = inScope[at]!;
    const held = places.get(site.id) ?? new Set<TimePlace>();
    const onSite = held.has('onSite');
    const remote = held.has('remote');
    const visited = site.sample_basis !== 'none' || held.size > 0;
    return {
      name: planned.name,
      address: planned.address,
      kind: planned.kind,
      visited,
      reason: planned.visit || (visited ? '' : labels.notVisited),
      mode: onSite && remote ? labels.visitMode.both : onSite ? labels.visitMode.onSite : remote ? labels.visitMode.remote : '',
    };
  });
}

const auditorDays = (minutes: number): number => Math.round((minutes / MINUTES_PER_AUDITOR_DAY) * 100) / 100;

export interface AsRan {
  readonly days: ReportDay[];
  readonly deviations: ReportDeviation[];
  readonly sites: ReportSite[];
  /** Lead and auditors' time as held, in auditor-days (`actualTime`, the plan's arithmetic). */
  readonly actualOnSite: number;
  readonly actualRemote: number;
}

export function asRan(source: ReportSource, plan: PlanDocumentInput, options: PlanDocumentOptions): AsRan {
  const outcomes = new Map(source.outcomes.map((row) => [row.session_id, outcomeFacts(row)]));
  const ran = sessionsAsRun(source, outcomes);
  const time = actualTime({
    timeZone: source.engagement.time_zone,
    sessions: source.rows.sessions.map(plannedOf),
    members: source.rows.members.map((link) => ({ sessionId: link.session_id, memberId: link.team_member_id })),
    team: source.team.map((member) => ({ id: member.id, role: member.role })),
    outcomes: [...outcomes.values()],
    allocation: { onSite: source.engagement.allocated_onsite_days, remote: source.engagement.allocated_remote_days },
  });
  const perDay = new Map(time.days.map((day) => [day.day, auditorDays(day.actual.onSite + day.actual.remote)]));
  return {
    days: reportDays(source, ran, plan, options).map((day) => ({ ...day, auditorDays: perDay.get(day.day) ?? 0 })),
    deviations: deviations(source, outcomes, options),
    sites: reportSites(source, ran, plan, options),
    actualOnSite: auditorDays(time.totals.actual.onSite),
    actualRemote: auditorDays(time.totals.actual.remote),
  };
}
