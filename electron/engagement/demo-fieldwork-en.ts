import type { DemoFieldwork } from './demo-fieldwork-data.ts';

/*
 * The English demo's fieldwork at the end of day 1 (7 Dec 2026), as the lead's file holds it once Rajesh's
 * copy is merged: the opening meeting held with its attendance and points, the day's sessions as
 * they ran (the opening extended, the morning sessions starting late, a remote session cut short), the notebook of the morning and afternoon
 * with people, documents, records and clauses marked, Rajesh's answers for clause 7 and the
 * relationship processes, an on-screen sample of SLAs, and one conclusion drafted. Helen (the lead,
 * at this computer) has taken notes but answered nothing yet: the Fieldwork screen starts with her.
 */

/** The SLA register as Joanne exported it from ServiceNow (14 active SLAs, the three sampled among them). */
const SLA_REGISTER_CSV = [
  'Number,Customer,Status,Start,Last review,Review interval (months),Owner',
  'SLA-HBB-2026,Harbour Bank plc,Active,2026-02-03,2026-02-03,12,Joanne Kerr',
  'SLA-KGI-2025,Kingfisher Insurance,Active,2025-06-01,2026-05-28,12,Joanne Kerr',
  'SLA-NWR-2023,Northwind Retail Ltd,Active,2023-03-01,2023-03-14,12,Joanne Kerr',
  'SLA-AHC-2024,Ashdown Health Clinics,Active,2024-01-15,2026-01-12,12,Tom Reid',
  'SLA-BLS-2025,Blue Line Shipping,Active,2025-04-01,2026-03-30,12,Tom Reid',
  'SLA-CCC-2024,Cedar County Council,Active,2024-09-01,2026-08-27,12,Joanne Kerr',
  'SLA-DRP-2025,Delta Rail Parts,Active,2025-10-01,2025-10-01,12,Tom Reid',
  'SLA-EFS-2024,Eastfield Schools Trust,Active,2024-08-15,2026-08-10,12,Tom Reid',
  'SLA-GLW-2025,Glenwood Law LLP,Active,2025-01-10,2026-01-08,12,Joanne Kerr',
  'SLA-HVM-2024,Hillview Manufacturing,Active,2024-05-01,2026-04-29,12,Tom Reid',
  'SLA-LKP-2026,Lakeport Pharmacies,Active,2026-07-01,2026-07-01,12,Joanne Kerr',
  'SLA-MRT-2025,Meridian Travel,Active,2025-11-01,2025-11-01,12,Tom Reid',
  'SLA-OAK-2024,Oakridge Energy,Active,2024-03-01,2026-02-26,12,Joanne Kerr',
  'SLA-RVL-2025,Riverside Logistics,Active,2025-09-15,2025-09-15,12,Tom Reid',
].join('\r\n');

export const DEMO_FIELDWORK_EN: DemoFieldwork = {
  day: '2026-12-07',
  organization: 'Kestrel Data Services',
  outcomes: [
    // The opening meeting: a little longer than planned.
    { session: 'opening', status: 'extended', start: '09:00', end: '09:40', mode: 'on_site', reason: 'The Managing Director asked how the combined ISO/IEC 27001 audit is reported.' },
    { session: 'context', status: 'shortened', start: '09:40', end: '12:30', mode: 'on_site', reason: 'Started after the longer opening meeting.' },
    { session: 'docs', status: 'shortened', start: '09:40', end: '12:30', mode: 'remote', reason: 'Started after the longer opening meeting.', remote: { effectiveness: 'effective', note: 'Screen sharing of SharePoint worked throughout; identities checked with staff badges on camera.' } },
    { session: 'portfolio', status: 'held', start: '13:15', end: '17:00', mode: 'on_site' },
    {
      session: 'relationship',
      status: 'shortened',
      start: '13:15',
      end: '16:15',
      mode: 'remote',
      reason: 'The service level manager was called to a customer escalation; budgeting and demand were covered from documents only and are revisited on day 4.',
      remote: { effectiveness: 'partly_effective', note: 'Screen sharing froze twice; the SLA reports were sent by e-mail during the session instead.' },
    },
  ],
  // Everyone at the opening meeting, every point confirmed.
  meetings: [
    {
      session: 'opening',
      attendance: [
        ['Helen Marsh', 'Audit team leader', 'Meridian Assurance Certification', 'present'],
        ['Rajesh Iyer', 'Auditor', 'Meridian Assurance Certification', 'remote'],
        ['Tomasz Nowak', 'Technical expert', 'Meridian Assurance Certification', 'present'],
        ['Aoife Byrne', 'Observer (auditor in training)', 'Meridian Assurance Certification', 'present'],
        ['Mark Ellis', 'Managing Director', 'Kestrel Data Services', 'present'],
        ['Priya Shah', 'Head of Service Management (SMS owner)', 'Kestrel Data Services', 'present'],
        ['Dev Anand', 'SMS coordinator', 'Kestrel Data Services', 'present'],
        ['Lena Fischer', 'Data centre operations lead', 'Kestrel Data Services', 'remote'],
      ],
      points: ['team_introduced', 'scope_confirmed', 'plan_confirmed', 'methods_and_sampling', 'communication', 'language', 'confidentiality', 'safety', 'finding_grades', 'termination_conditions', 'appeals_and_complaints'],
      notes: { safety: 'Data centre induction at MDC1 on day 2 before entering the hall.' },
    },
  ],
  evidence: [
    ['document', 'SMS context and interested parties register v2.3', 'v2.3', '2026-09-14', 'SharePoint / SMS / 04 Context', 'Priya Shah'],
    ['document', 'Service management policy v5', 'v5', '2026-02-02', 'Intranet, policies page', 'Mark Ellis'],
    ['document', 'SMS objectives 2026', '2026', '2026-01-20', 'SharePoint / SMS / 06 Planning', 'Priya Shah'],
    ['record', 'SMS risk and opportunity register', 'export of 7 Dec 2026', '2026-12-07', 'GRC tool, risk module', 'Priya Shah'],
    ['document', 'SMS manual v4.1', 'v4.1', '2026-06-30', 'SharePoint / SMS / 00 Manual', 'Dev Anand'],
    ['record', 'Document register with review dates', 'view of 7 Dec 2026', '2026-12-07', 'SharePoint document library', 'Dev Anand'],
    ['record', 'SLA register (status Active)', 'view of 7 Dec 2026', '2026-12-07', 'ServiceNow, contract management', 'Joanne Kerr'],
    ['record', 'Customer satisfaction survey results 2026', 'H1 2026', '2026-07-15', 'SharePoint / Customers', 'Joanne Kerr'],
  ],
  people: [
    ['Mark Ellis', 'Managing Director', 'context'],
    ['Priya Shah', 'Head of Service Management (SMS owner)', 'context'],
    ['Dev Anand', 'SMS coordinator', 'docs'],
    ['Dev Anand', 'SMS coordinator', 'portfolio'],
    ['Joanne Kerr', 'Service level manager', 'relationship'],
  ],
  entries: [
    { session: 'context', by: 'HM', time: '09:42', topic: '4', body: '@Mark Ellis, Managing Director explained how the context is reviewed: once a year before the management review. [[SMS context and interested parties register v2.3]] seen, last reviewed 14 Sept 2026; climate change considered as an issue for the data centre. §4.1 §4.2' },
    { session: 'context', by: 'HM', time: '10:20', topic: '5', body: 'Policy: [[Service management policy v5]] signed by Mark Ellis on 2 Feb 2026, on the intranet; staff at reception knew where to find it. Objectives in [[SMS objectives 2026]], each with a measure and an owner. §5.2 §6.2' },
    { session: 'context', by: 'HM', time: '11:35', topic: '6', body: '@Priya Shah, Head of Service Management (SMS owner) showed the [[SMS risk and opportunity register]]: 42 risks, 6 opportunities. Risk #R-17 (single power feed to MDC1): treatment due 31 Aug 2026, still open, no review recorded since. Follow up at the data centre tomorrow. §6.1' },
    { session: 'docs', by: 'RI', time: '09:50', topic: '7', body: '[[SMS manual v4.1]] walked through with @Dev Anand, SMS coordinator on Teams: structure follows clauses 4–10, references the process documents by number. §7.5.1' },
    { session: 'docs', by: 'RI', time: '11:05', topic: '7', body: 'Document control in SharePoint: [[Document register with review dates]] — 3 of 40 SMS documents past their review date (the oldest 5 months). Dev says reviews are chased by e-mail only. §7.5.3' },
    { session: 'portfolio', by: 'HM', time: '14:10', topic: 'service-catalogue', body: 'Catalogue entry #SC-2026-14 (Managed backup) gives no restore time; the SLA template promises restores within 4 hours. @Dev Anand, SMS coordinator to check which is current. §8.2.4' },
    { session: 'relationship', by: 'RI', time: '13:40', topic: 'service-level', body: '@Joanne Kerr, Service level manager ran the [[SLA register (status Active)]] on screen: 14 active SLAs. Chose three by judgment: the largest customer, the newest and the oldest. #SLA-NWR-2023 last reviewed March 2023, review interval 12 months. §8.3.3' },
    { session: 'relationship', by: 'RI', time: '15:20', topic: 'business-relationship', body: 'Satisfaction: [[Customer satisfaction survey results 2026]] — 31 responses, two complaints followed up with actions in the CRM. Joanne called away to an escalation at 16:15; budgeting and demand from documents only. §8.3.2' },
  ],
  records: [
    { topic: '6', ref: 'R-17', result: 'not_tested', note: 'Treatment overdue since 31 Aug 2026; to follow at MDC1.' },
    { topic: 'service-catalogue', ref: 'SC-2026-14', result: 'fail', note: 'No restore time, while the SLA template promises 4 hours.' },
  ],
  // Rajesh's answers: question → result and note (the rest of his processes not yet audited).
  answers: [
    {
      by: 'RI',
      session: 'docs',
      answers: [
        ['7.1-q01', 'conforming', 'Resource plan 2026 in the SMS manual; staffing of the service desk reviewed quarterly.'],
        ['7.1-q02', 'conforming', ''],
        ['7.2-q01', 'conforming', 'Competence matrix for the service desk and change roles seen.'],
        ['7.2-q02', 'conforming', ''],
        ['7.3-q01', 'conforming', 'Awareness sessions at induction; policy on the intranet.'],
        ['7.4-q01', 'conforming', 'Communication plan in the SMS manual, section 7.'],
        ['7.5.1-q01', 'conforming', 'SMS manual v4.1 covers the documented information 20000-1 requires.'],
        ['7.5.2-q01', 'conforming', ''],
        ['7.5.3-q01', 'conforming', 'Access to the SMS library restricted to the SMS group for editing.'],
        ['7.5.3-q02', 'observation', '3 of 40 SMS documents past their review date; reviews chased by e-mail only.', { evidence: ['Document register with review dates'] }],
        ['7.5.4-q01', 'conforming', ''],
        ['7.6-q01', 'conforming', 'Knowledge base in ServiceNow, articles reviewed by the service desk manager.'],
      ],
    },
    {
      by: 'RI',
      session: 'relationship',
      answers: [
        ['8.3.2-q01', 'conforming', 'Customers and their contacts listed in the CRM, relationship owners named.'],
        ['8.3.2-q02', 'conforming', 'Quarterly service reviews with the top 10 customers, minutes seen for Q3.'],
        ['8.3.2-q03', 'conforming', 'Satisfaction survey H1 2026 with 31 responses; actions in the CRM.'],
        ['8.3.2-q04', 'conforming', 'Two complaints in 2026, both closed with a reply to the customer.'],
        ['8.3.3-q01', 'nonconformity', 'SLA with Northwind Retail (SLA-NWR-2023) not reviewed since March 2023; the SLA states a 12-month review interval.', { evidence: ['SLA register (status Active)'], people: ['Joanne Kerr'] }],
        ['8.3.3-q02', 'conforming', 'Targets measurable in the two other SLAs sampled.'],
        ['8.3.3-q03', 'conforming', 'Monthly SLA reports issued on time for the three customers sampled.'],
        ['8.4.1-q01', 'conforming', 'Budget 2026 for the services in scope, from documents only (budget owner not available).'],
      ],
    },
  ],
  // The SLAs Rajesh looked at on Joanne's screen, with what he saw against the pack's attributes (8.3.3-s01).
  queries: [
    {
      topic: 'service-level',
      session: 'relationship',
      by: 'RI',
      query: 'SLA register in ServiceNow, filter: status = Active',
      populationCount: 14,
      periodFrom: '2025-12-01',
      periodTo: '2026-11-30',
      selection: 'Three by judgment: the largest customer, the newest and the oldest SLA',
      samplingPlan: '8.3.3-s01',
      evidence: 'SLA register (status Active)',
      records: [
        ['SLA-NWR-2023', 'fail', ['pass', 'pass', 'pass', 'pass', 'pass', 'fail'], 'Last review March 2023; the SLA states yearly reviews.'],
        ['SLA-HBB-2026', 'pass', ['pass', 'pass', 'pass', 'pass', 'pass', 'pass'], 'Signed 3 Feb 2026 by both parties.'],
        ['SLA-KGI-2025', 'pass', ['pass', 'pass', 'pass', 'pass', 'not_tested', 'pass'], 'Workload limits in the annex, not shown on screen.'],
      ],
    },
  ],
  // Screen sharing froze; Joanne e-mailed the register as CSV and Rajesh attached it to the reference.
  attachments: [{ evidence: 'SLA register (status Active)', by: 'RI', fileName: 'SLA register active 2026-12-07.csv', caption: 'Export e-mailed by Joanne Kerr during the session', text: SLA_REGISTER_CSV }],
  conclusions: [
    {
      topic: 'business-relationship',
      status: 'conforming',
      text:
        'Business relationship management is established and effective. Customers and their relationship owners are recorded in the CRM; ' +
        'quarterly service reviews are held with the ten largest customers (Q3 2026 minutes seen); the H1 2026 satisfaction survey (31 responses) ' +
        'and both complaints of 2026 were followed up with recorded actions. Interviewed: Joanne Kerr, Service level manager.',
    },
  ],
  statements: [],
};
