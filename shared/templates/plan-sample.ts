import type { PlanDocumentInput } from '../documents/plan-input.ts';

/**
 * A fictional audit plan with every value present (a remote session, a break, a trainee, two sites),
 * filled into a template on trial by the check, so a template the check passes is one the fill
 * accepts; also a preview's data. The names are invented.
 */
export const SAMPLE_PLAN_INPUT: PlanDocumentInput = {
  document: { language: 'en', reference: 'NWS-S2-2027', revision: 1, issuedAt: '2027-02-15T09:30:00Z', issuedBy: 'Dana Example' },
  certificationBody: {
    name: 'Example Certification Ltd',
    address: '1 Example Road, Exampletown',
    accreditations: ['UKAS 0000'],
    cncaApprovalNumber: null,
    cnasAccreditationNumber: null,
    logoDataUrl: null,
  },
  client: { name: 'Northwind IT Services Ltd', address: '2 Harbour Street, Exampleport', representative: 'Sam Client', contact: 'Sam Client, +44 20 0000 0000', creditCode: null },
  audit: {
    type: 'stage2',
    typeLabel: 'Stage 2',
    standard: 'ISO/IEC 20000-1:2018',
    criteria: 'ISO/IEC 20000-1:2018 and the client’s SMS documentation',
    objectives: 'To evaluate the implementation and effectiveness of the service management system.',
    scope: 'The SMS supporting managed hosting services delivered from Exampleport.',
    startDate: '2027-03-15',
    endDate: '2027-03-16',
    timeZone: 'Europe/London',
    language: 'English',
    combination: '',
  },
  sites: [
    { name: 'Exampleport head office', address: '2 Harbour Street, Exampleport', kind: 'Central', visit: 'Central function' },
    { name: 'Data centre North', address: '9 Ridge Way, Exampleport', kind: 'Permanent', visit: '' },
  ],
  services: [{ name: 'Managed hosting', description: 'Hosting and operation of customer platforms' }],
  team: [
    { id: 'lead', name: 'Dana Example', role: 'lead', roleLabel: 'Lead auditor', registrationNumber: 'REG-0001' },
    { id: 'auditor', name: 'Lee Example', role: 'auditor', roleLabel: 'Auditor', registrationNumber: 'REG-0002' },
    { id: 'trainee', name: 'Kim Example', role: 'trainee', roleLabel: 'Trainee', registrationNumber: '' },
  ],
  sessions: [
    session('s1', '2027-03-15', '09:00', '09:30', 'opening', 'Opening meeting', ['lead', 'auditor', 'trainee']),
    { ...session('s2', '2027-03-15', '09:30', '12:30', 'audit', 'Service level management', ['lead', 'trainee']), processes: ['Service level management'], clauses: ['8.3.3'] },
    session('s3', '2027-03-15', '12:30', '13:30', 'break', 'Lunch', []),
    {
      ...session('s4', '2027-03-16', '09:00', '11:00', 'audit', 'Incident management (remote)', ['auditor']),
      siteName: null,
      remote: { tool: 'Video call', identityCheck: 'Camera on, badge shown', fallback: 'Telephone, then on site' },
    },
    session('s5', '2027-03-16', '15:00', '16:00', 'closing', 'Closing meeting', ['lead', 'auditor', 'trainee']),
  ],
  auditorDays: { allocatedOnSite: 3, allocatedRemote: 0.5, plannedOnSite: 3, plannedRemote: 0.5, justification: '' },
  confidentiality: 'Information obtained during the audit is kept confidential.',
};

function session(id: string, day: string, start: string, end: string, kind: PlanDocumentInput['sessions'][number]['kind'], title: string, team: readonly string[]): PlanDocumentInput['sessions'][number] {
  return {
    id,
    day,
    start,
    end,
    kind,
    title,
    siteName: 'Exampleport head office',
    remote: null,
    processes: [],
    clauses: [],
    services: ['Managed hosting'],
    auditees: [{ name: 'Sam Client', role: 'Service manager' }],
    teamMemberIds: team,
    notes: '',
  };
}
