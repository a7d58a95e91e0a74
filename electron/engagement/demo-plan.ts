import type { PlanSessionKind } from '../../shared/plan/plan-kinds.ts';
import type { EngagementService } from './engagement-service.ts';

type Who = 'HM' | 'RI' | 'TN' | 'AB';
type Where = 'hq' | 'dc' | 'leeds' | 'dublin' | 'remote' | null;

interface DemoSession {
  readonly day: string;
  readonly start: string;
  readonly end: string;
  readonly kind: PlanSessionKind;
  readonly title: string;
  readonly where: Where;
  readonly team: readonly Who[];
  /** Pack process keys, or clause numbers (digits first). */
  readonly topics: readonly string[];
  readonly auditees: readonly (readonly [name: string, role: string])[];
}

const PRIYA = ['Priya Shah', 'Head of Service Management (SMS owner)'] as const;
const MARK = ['Mark Ellis', 'Managing Director'] as const;
const LENA = ['Lena Fischer', 'Data centre operations lead'] as const;
const TOM = ['Tom Rigby', 'Service desk manager'] as const;
const ALL: readonly Who[] = ['HM', 'RI', 'TN', 'AB'];
const lunch = (day: string): DemoSession => ({ day, start: '12:30', end: '13:15', kind: 'break', title: '', where: null, team: [], topics: [], auditees: [] });

/**
 * The demo's stage 2 plan as a lead would draw it up: four days that visit every site (the sample's
 * random part differs from demo to demo: the site ids are new each time, so the plan does not depend
 * on which one is drawn), every process and clause covered, the technical expert beside the lead at
 * the data centre, the document review remote.
 */
const DEMO_PLAN: readonly DemoSession[] = [
  { day: '2026-12-07', start: '09:00', end: '09:30', kind: 'opening', title: '', where: 'hq', team: ALL, topics: [], auditees: [PRIYA, MARK] },
  { day: '2026-12-07', start: '09:30', end: '12:30', kind: 'audit', title: 'Context, leadership and planning of the SMS', where: 'hq', team: ['HM', 'AB'], topics: ['4', '5', '6'], auditees: [MARK, PRIYA] },
  { day: '2026-12-07', start: '09:30', end: '12:30', kind: 'audit', title: 'Document review: SMS manual and documented information', where: 'remote', team: ['RI'], topics: ['7'], auditees: [['Dev Anand', 'SMS coordinator']] },
  lunch('2026-12-07'),
  { day: '2026-12-07', start: '13:15', end: '17:00', kind: 'audit', title: 'Service portfolio: delivery, planning, catalogue, assets and configuration', where: 'hq', team: ['HM', 'AB'], topics: ['service-delivery', 'service-planning', 'service-catalogue', 'asset', 'configuration', '8.1'], auditees: [PRIYA, ['Dev Anand', 'SMS coordinator']] },
  { day: '2026-12-07', start: '13:15', end: '17:00', kind: 'audit', title: 'Relationship and agreement: business relationship, service levels, budgeting, demand', where: 'remote', team: ['RI'], topics: ['business-relationship', 'service-level', 'budgeting-accounting', 'demand'], auditees: [['Joanne Kerr', 'Service level manager']] },
  { day: '2026-12-08', start: '09:00', end: '12:30', kind: 'audit', title: 'Change, design and transition, release and deployment at the data centre', where: 'dc', team: ['HM', 'TN'], topics: ['change', 'design-transition', 'release-deployment'], auditees: [['Sam Okafor', 'Change manager'], LENA] },
  { day: '2026-12-08', start: '09:00', end: '12:30', kind: 'audit', title: 'Suppliers and other parties', where: 'hq', team: ['RI'], topics: ['supplier', 'other-parties'], auditees: [['Ravi Patel', 'Supplier manager']] },
  lunch('2026-12-08'),
  { day: '2026-12-08', start: '13:15', end: '17:00', kind: 'audit', title: 'Capacity, availability, continuity and information security', where: 'dc', team: ['HM', 'TN'], topics: ['capacity', 'availability', 'continuity', 'information-security'], auditees: [LENA, ['Owen Price', 'Information security manager']] },
  { day: '2026-12-08', start: '13:15', end: '17:00', kind: 'audit', title: 'Competence, awareness and communication', where: 'hq', team: ['RI'], topics: ['7'], auditees: [['Hannah Cole', 'HR business partner']] },
  { day: '2026-12-09', start: '09:00', end: '12:30', kind: 'audit', title: 'Incident and service request management at the service desk', where: 'leeds', team: ['RI', 'AB'], topics: ['incident', 'service-request'], auditees: [TOM] },
  { day: '2026-12-09', start: '09:00', end: '12:30', kind: 'audit', title: 'Problem management', where: 'leeds', team: ['HM'], topics: ['problem'], auditees: [['Nadia Hussain', 'Problem manager']] },
  lunch('2026-12-09'),
  { day: '2026-12-09', start: '13:15', end: '17:00', kind: 'audit', title: 'Audit trail: from a major incident to its problem, change and release', where: 'leeds', team: ['HM', 'RI'], topics: ['incident', 'problem', 'change'], auditees: [TOM, ['Nadia Hussain', 'Problem manager']] },
  { day: '2026-12-10', start: '09:00', end: '12:30', kind: 'audit', title: 'Performance evaluation and improvement: monitoring, internal audit, management review, corrective action', where: 'hq', team: ['HM'], topics: ['9', '10'], auditees: [PRIYA, ['Chris Dunn', 'Quality and improvement lead']] },
  { day: '2026-12-10', start: '09:00', end: '12:30', kind: 'audit', title: 'Business relationship and service reporting for Irish customers', where: 'dublin', team: ['RI'], topics: ['business-relationship', 'service-level'], auditees: [['Aisling Murphy', 'Customer relationship manager, Ireland']] },
  lunch('2026-12-10'),
  // The auditor is on the way back from Dublin: the lead reviews with the expert and the observer.
  { day: '2026-12-10', start: '13:15', end: '15:30', kind: 'other', title: 'Audit team review: conclusions and findings', where: 'hq', team: ['HM', 'TN', 'AB'], topics: [], auditees: [] },
  { day: '2026-12-10', start: '15:30', end: '16:30', kind: 'closing', title: '', where: 'hq', team: ALL, topics: [], auditees: [PRIYA, MARK] },
];

/** Writes the demo's plan through the service, like the lead would in the Plan section. */
export async function planDemo(service: EngagementService, handle: string): Promise<void> {
  const team = await service.listRows(handle, 'team_member');
  const sites = await service.listRows(handle, 'site');
  const member = (initials: Who) => String(team.find((row) => row.initials === initials)!.id);
  const site = (prefix: string) => String(sites.find((row) => String(row.name).startsWith(prefix))!.id);
  const places: Record<Exclude<Where, 'remote' | null>, string> = { hq: site('Manchester head'), dc: site('Manchester data'), leeds: site('Leeds'), dublin: site('Dublin') };
  for (const plan of DEMO_PLAN) {
    const remote = plan.where === 'remote';
    const session = await service.createRow(handle, 'plan_session', {
      day: plan.day,
      start_time: plan.start,
      end_time: plan.end,
      kind: plan.kind,
      title: plan.title,
      site_id: plan.where && !remote ? places[plan.where] : null,
      remote: remote ? 1 : 0,
      remote_tool: remote ? 'Microsoft Teams, screen sharing of the client’s tools' : '',
      identity_check: remote ? 'Camera on; staff badge shown at the start' : '',
      remote_fallback: remote ? 'Phone bridge; the session moves on site the next morning' : '',
    });
    const id = String(session.id);
    for (const who of plan.team) await service.createRow(handle, 'plan_session_member', { session_id: id, team_member_id: member(who) });
    for (const topic of plan.topics) await service.createRow(handle, 'plan_session_topic', { session_id: id, kind: /^\d/.test(topic) ? 'clause' : 'process', topic });
    for (const [name, role] of plan.auditees) await service.createRow(handle, 'plan_session_auditee', { session_id: id, name, role });
  }
}
