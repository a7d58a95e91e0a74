import { DEMO_FINDINGS_EN } from '../findings/index.ts';
import { DEMO_SAMPLING_EN } from '../sampling/index.ts';
import type { NewEngagementFields } from '../../shared/engagement.ts';
import { declaredBy, type DemoData, type DemoMember, type DemoSite } from './demo-data.ts';
import { DEMO_FIELDWORK_EN } from './demo-fieldwork-en.ts';
import { demoBreak, type DemoPlan } from './demo-plan.ts';

/**
 * The English demo: a fictional managed-service provider (Kestrel, in Manchester) as a lead auditor
 * of a fictional British CB (Meridian) meets it at a stage 2 audit, at the end of day 1.
 */
export const DEMO_ENGAGEMENT: NewEngagementFields = {
  client_name: 'Kestrel Data Services Ltd',
  client_address: '14 Wharfside Way, Salford Quays, Manchester M50 3XP, United Kingdom',
  audit_type: 'stage2',
  standard_edition: '20000-1:2018+A1:2024',
  certification_body: 'Meridian Assurance Certification Ltd',
  criteria:
    'ISO/IEC 20000-1:2018 + Amd 1:2024; Kestrel SMS manual v4.2 and the documented information it references; ' +
    'customer service agreements in scope; applicable legal and contractual requirements',
  objectives:
    'Evaluate the implementation and effectiveness of the service management system, including the climate-change ' +
    'determinations of 4.1 and 4.2; confirm the SMS meets all requirements of ISO/IEC 20000-1; determine whether ' +
    'certification can be recommended.',
  scope:
    'The service management system supporting the delivery of managed hosting, 24x7 service desk and managed ' +
    'backup services to business customers in the UK and Ireland, from Manchester (head office and data centre), ' +
    'Leeds (service desk) and the Dublin customer office.',
  time_zone: 'Europe/London',
  start_date: '2026-12-07',
  end_date: '2026-12-10',
  client_representative: 'Priya Shah, Head of Service Management (SMS owner)',
  client_contact: 'p.shah@kestrel-data.example · +44 161 555 0142',
  audit_language: 'en',
  transferred_from: '',
  combination: 'combined',
  other_standards: 'ISO/IEC 27001:2022',
  team_notified_on: '2026-11-16',
};

/** Each member declared no conflict of interest for Kestrel when the team was proposed. */
const DECLARED_ON = '2026-11-13';

export const DEMO_SITES: readonly DemoSite[] = [
  {
    name: 'Manchester head office',
    address: '14 Wharfside Way, Salford Quays, Manchester M50 3XP',
    country: 'United Kingdom',
    kind: 'central',
    in_scope: 1,
    headcount: 140,
    activities: 'SMS management, service level and business relationship management, change advisory board, supplier management',
  },
  {
    name: 'Manchester data centre (MDC1)',
    address: 'Unit 6, Trafford Park Road, Manchester M17 1HH',
    country: 'United Kingdom',
    kind: 'permanent',
    in_scope: 1,
    headcount: 35,
    activities: 'Managed hosting operations, capacity and availability management, release deployment, backup operations',
  },
  {
    name: 'Leeds service desk',
    address: '3rd floor, 40 Wellington Street, Leeds LS1 2DE',
    country: 'United Kingdom',
    kind: 'permanent',
    in_scope: 1,
    headcount: 60,
    activities: '24x7 service desk: incident and service request management, first-line problem logging',
  },
  {
    name: 'Dublin customer office',
    address: '2 Grand Canal Square, Dublin D02 A342',
    country: 'Ireland',
    kind: 'permanent',
    in_scope: 1,
    headcount: 12,
    activities: 'Business relationship management and service reporting for Irish customers',
  },
];

export const DEMO_TEAM: readonly DemoMember[] = [
  { actor_id: null, name: 'Helen Marsh', initials: 'HM', role: 'lead', email: 'h.marsh@meridian-cert.example', ...declaredBy('Helen Marsh', 'IRCA 1204871', DECLARED_ON) },
  { actor_id: null, name: 'Rajesh Iyer', initials: 'RI', role: 'auditor', email: 'r.iyer@meridian-cert.example', ...declaredBy('Rajesh Iyer', 'IRCA 1311592', DECLARED_ON) },
  { actor_id: null, name: 'Tomasz Nowak', initials: 'TN', role: 'technical_expert', email: 't.nowak@meridian-cert.example', ...declaredBy('Tomasz Nowak', '', DECLARED_ON) },
  { actor_id: null, name: 'Aoife Byrne', initials: 'AB', role: 'observer', email: 'a.byrne@meridian-cert.example', ...declaredBy('Aoife Byrne', '', DECLARED_ON) },
];

const PRIYA = ['Priya Shah', 'Head of Service Management (SMS owner)'] as const;
const MARK = ['Mark Ellis', 'Managing Director'] as const;
const LENA = ['Lena Fischer', 'Data centre operations lead'] as const;
const TOM = ['Tom Rigby', 'Service desk manager'] as const;
const ALL = ['HM', 'RI', 'TN', 'AB'];

/**
 * The stage 2 plan as a lead would draw it up: four days that visit every site (the sample's
 * random part differs from demo to demo: the site ids are new each time, so the plan does not depend
 * on which one is drawn), every process and clause covered, the technical expert beside the lead at
 * the data centre, the document review remote.
 */
const DEMO_PLAN: DemoPlan = {
  places: { hq: 'Manchester head', dc: 'Manchester data', leeds: 'Leeds', dublin: 'Dublin' },
  remote: {
    tool: 'Microsoft Teams, screen sharing of the client’s tools',
    identityCheck: 'Camera on; staff badge shown at the start',
    fallback: 'Phone bridge; the session moves on site the next morning',
  },
  sessions: [
    { key: 'opening', day: '2026-12-07', start: '09:00', end: '09:30', kind: 'opening', title: '', where: 'hq', team: ALL, topics: [], auditees: [PRIYA, MARK] },
    { key: 'context', day: '2026-12-07', start: '09:30', end: '12:30', kind: 'audit', title: 'Context, leadership and planning of the SMS', where: 'hq', team: ['HM', 'AB'], topics: ['4', '5', '6'], auditees: [MARK, PRIYA] },
    { key: 'docs', day: '2026-12-07', start: '09:30', end: '12:30', kind: 'audit', title: 'Document review: SMS manual and documented information', where: 'remote', team: ['RI'], topics: ['7'], auditees: [['Dev Anand', 'SMS coordinator']] },
    demoBreak('2026-12-07', '12:30', '13:15'),
    { key: 'portfolio', day: '2026-12-07', start: '13:15', end: '17:00', kind: 'audit', title: 'Service portfolio: delivery, planning, catalogue, assets and configuration', where: 'hq', team: ['HM', 'AB'], topics: ['service-delivery', 'service-planning', 'service-catalogue', 'asset', 'configuration', '8.1'], auditees: [PRIYA, ['Dev Anand', 'SMS coordinator']] },
    { key: 'relationship', day: '2026-12-07', start: '13:15', end: '17:00', kind: 'audit', title: 'Relationship and agreement: business relationship, service levels, budgeting, demand', where: 'remote', team: ['RI'], topics: ['business-relationship', 'service-level', 'budgeting-accounting', 'demand'], auditees: [['Joanne Kerr', 'Service level manager']] },
    { day: '2026-12-08', start: '09:00', end: '12:30', kind: 'audit', title: 'Change, design and transition, release and deployment at the data centre', where: 'dc', team: ['HM', 'TN'], topics: ['change', 'design-transition', 'release-deployment'], auditees: [['Sam Okafor', 'Change manager'], LENA] },
    { day: '2026-12-08', start: '09:00', end: '12:30', kind: 'audit', title: 'Suppliers and other parties', where: 'hq', team: ['RI'], topics: ['supplier', 'other-parties'], auditees: [['Ravi Patel', 'Supplier manager']] },
    demoBreak('2026-12-08', '12:30', '13:15'),
    { day: '2026-12-08', start: '13:15', end: '17:00', kind: 'audit', title: 'Capacity, availability, continuity and information security', where: 'dc', team: ['HM', 'TN'], topics: ['capacity', 'availability', 'continuity', 'information-security'], auditees: [LENA, ['Owen Price', 'Information security manager']] },
    { day: '2026-12-08', start: '13:15', end: '17:00', kind: 'audit', title: 'Competence, awareness and communication', where: 'hq', team: ['RI'], topics: ['7'], auditees: [['Hannah Cole', 'HR business partner']] },
    { day: '2026-12-09', start: '09:00', end: '12:30', kind: 'audit', title: 'Incident and service request management at the service desk', where: 'leeds', team: ['RI', 'AB'], topics: ['incident', 'service-request'], auditees: [TOM] },
    { day: '2026-12-09', start: '09:00', end: '12:30', kind: 'audit', title: 'Problem management', where: 'leeds', team: ['HM'], topics: ['problem'], auditees: [['Nadia Hussain', 'Problem manager']] },
    demoBreak('2026-12-09', '12:30', '13:15'),
    { day: '2026-12-09', start: '13:15', end: '17:00', kind: 'audit', title: 'Audit trail: from a major incident to its problem, change and release', where: 'leeds', team: ['HM', 'RI'], topics: ['incident', 'problem', 'change'], auditees: [TOM, ['Nadia Hussain', 'Problem manager']] },
    { day: '2026-12-10', start: '09:00', end: '12:30', kind: 'audit', title: 'Performance evaluation and improvement: monitoring, internal audit, management review, corrective action', where: 'hq', team: ['HM'], topics: ['9', '10'], auditees: [PRIYA, ['Chris Dunn', 'Quality and improvement lead']] },
    { day: '2026-12-10', start: '09:00', end: '12:30', kind: 'audit', title: 'Business relationship and service reporting for Irish customers', where: 'dublin', team: ['RI'], topics: ['business-relationship', 'service-level'], auditees: [['Aisling Murphy', 'Customer relationship manager, Ireland']] },
    demoBreak('2026-12-10', '12:30', '13:15'),
    // The auditor is on the way back from Dublin: the lead reviews with the expert and the observer.
    { day: '2026-12-10', start: '13:15', end: '15:30', kind: 'other', title: 'Audit team review: conclusions and findings', where: 'hq', team: ['HM', 'TN', 'AB'], topics: [], auditees: [] },
    { day: '2026-12-10', start: '15:30', end: '16:30', kind: 'closing', title: '', where: 'hq', team: ALL, topics: [], auditees: [PRIYA, MARK] },
  ],
};

/**
 * The demo's certification body: a fictional CB built on the shipped default — its name,
 * accreditation and deadlines, numbering with the audit's code, the five-point process grid, photos
 * kept as proof of presence.
 */
const MERIDIAN = {
  id: 'demo.meridian',
  version: '2026.1.0',
  title: { en: 'Meridian Assurance Certification — ISO/IEC 20000-1 (demo)', 'zh-Hans': 'Meridian Assurance Certification — ISO/IEC 20000-1（演示）' },
  description: {
    en: 'The fictional certification body of the demo engagement. Majors and minors: a correction and corrective-action plan within 30 days, verified within 90 days. No audit-time table: import your own certification body’s profile for real audits.',
    'zh-Hans': '演示项目中虚构的认证机构。严重和轻微不符合：30 天内提交纠正和纠正措施计划，90 天内完成验证。不含审核时间表：实际审核请导入您所在认证机构的配置。',
  },
  releasedOn: '2026-09-01',
  // A British CB reports in English; its profile's texts are in both languages for its auditors.
  reportLanguages: ['en'],
  certificationBody: {
    name: { en: 'Meridian Assurance Certification Ltd' },
    address: { en: '8 Castle Quay, Nottingham NG7 1FW, United Kingdom' },
    website: 'meridian-cert.example',
    accreditations: [{ body: 'Fictional accreditation body (demo)', number: 'DEMO-20000-001' }],
  },
  deadlines: {
    major: { responseDays: 30, verificationDays: 90 },
    minor: { responseDays: 30, verificationDays: 90 },
  },
  findingNumbering: { pattern: '{audit}-{grade}-{seq:2}', sequence: 'per-grade', appliesTo: 'all-grades' },
  fivePointProcessGrid: true,
  photoPolicy: 'keep-capture-time-and-location',
  requiredReportFields: ['auditor-days-with-times'],
} as const satisfies DemoData['profile'];

/** The preparation a lead would have done before stage 2: scope, services, other parties, stage 1, the site sample. */
const PREPARATION: DemoData['preparation'] = {
  engagement: {
    sms_scope:
      'The SMS of Kestrel Data Services Ltd for the design, transition, delivery and improvement of managed hosting, ' +
      '24x7 service desk and managed backup services to business customers in the United Kingdom and Ireland.',
    certificate_wording: 'The service management system supporting the provision of managed hosting, 24x7 service desk and managed backup services to business customers.',
    // Meridian's audit (project) number: its finding numbers begin with it ({audit}-{grade}-{seq:2}).
    cb_audit_number: 'MCS-26-1187',
    md1_one_system: 1,
    md1_central_control: 1,
    md1_internal_audits: 1,
    // The auditor-days as Meridian's application review fixed them (its table is its own data).
    effective_personnel: 247,
    allocated_onsite_days: 7,
    allocated_remote_days: 1,
    allocation_justification:
      'Fixed by Meridian’s application review of 14 Oct 2026 from its audit-time table for 247 effective personnel, ' +
      'reduced for the combined ISO/IEC 27001 audit (one management system, shared processes); the document review on day 1 is remote.',
  },
  earlierAudits: [
    {
      audit_type: 'stage1',
      start_date: '2026-10-12',
      end_date: '2026-10-13',
      covered_clauses: '4–10 (documented information, readiness)',
      covered_processes: 'Document review; internal audit and management review records',
      covered_sites: 'Manchester head office',
      notes: 'Ready for stage 2. Areas of concern: the capacity plan was last updated in 2025; the supplier review of the colocation provider is overdue.',
    },
  ],
  services: [
    {
      name: 'Managed hosting',
      description: 'Hosting of customer systems in MDC1 with 99.95 % availability',
      customers: 'Business customers in the UK and Ireland',
      locations: 'Manchester data centre',
      categories: 'operation-maintenance; Cloud hosting',
      processes: ['capacity', 'availability', 'change', 'release-deployment', 'configuration'],
    },
    {
      name: '24x7 service desk',
      description: 'Single point of contact for incidents and service requests',
      customers: 'Business customers and their end users',
      locations: 'Leeds service desk',
      categories: 'call-centre-service-desk',
      processes: ['incident', 'service-request', 'problem', 'service-level'],
    },
    {
      name: 'Managed backup',
      description: 'Daily backup with 35-day retention and restore on request',
      customers: 'Business customers in the UK and Ireland',
      locations: 'Manchester data centre',
      categories: 'operation-maintenance; data-processing',
      processes: ['continuity', 'information-security', 'supplier'],
    },
  ],
  otherParties: [
    {
      name: 'Northern Power Colocation Ltd',
      kind: 'external_supplier',
      operates_element: 'component',
      operates: 'Data centre power, cooling and physical security of MDC1',
      service: 'Managed hosting',
      control: 'Contract with SLA; monthly service reviews; annual supplier review (overdue, raised at stage 1)',
    },
    {
      name: 'Kestrel Group IT Security',
      kind: 'internal_supplier',
      operates_element: 'process',
      operates: 'Information security management (group function)',
      service: null,
      control: 'Internal agreement with OLAs; quarterly security reports to the SMS owner',
    },
  ],
  // Fixed, so every demo draws the same site (as a report would let anyone check).
  md1: {
    seed: 'kestrel-stage2-2026',
    chosen: [
      { site: 'Manchester', reason: 'Hosting operations: highest risk, and the capacity concern raised at stage 1' },
      { site: 'Leeds', reason: '24x7 service desk: the most incidents and service requests, and the audit trail from a major incident on day 3' },
    ],
  },
};

export const DEMO_EN: DemoData = {
  language: 'en',
  fileName: 'Demo - Kestrel Data Services.iso20k',
  engagement: DEMO_ENGAGEMENT,
  sites: DEMO_SITES,
  team: DEMO_TEAM,
  profile: MERIDIAN,
  preparation: PREPARATION,
  plan: DEMO_PLAN,
  fieldwork: DEMO_FIELDWORK_EN,
  findings: DEMO_FINDINGS_EN,
  sampling: DEMO_SAMPLING_EN,
};
