import { chooseEngagementPack, packToCopy, shippedPacks } from '../packs/index.ts';
import type { NewEngagementFields, Site, SiteFields, TeamMemberFields } from '../../shared/engagement.ts';
import { md1Population, md1RandomOrder, md1SitesFromRows } from '../../shared/sampling/md1-sample.ts';
import { fieldworkDemo } from './demo-fieldwork.ts';
import { addDemoFindings } from '../findings/index.ts';
import { addDemoSampling } from '../sampling/index.ts';
import { planDemo } from './demo-plan.ts';
import { demoProfileToCopy } from './demo-profile.ts';
import type { EngagementService, OpenedEngagement } from './engagement-service.ts';

/**
 * The demo engagement: a fictional managed-service provider as a lead auditor would meet it at a
 * stage 2 audit. Later capabilities add their part (plan, checklist answers, samples, findings).
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
const declared = (name: string, registration: string) =>
  ({ registration_number: registration, no_conflict: 1, conflict_note: '', declared_on: '2026-11-13', declared_by: name }) as const;

type DemoSite = Omit<SiteFields, 'engagement_id' | 'sample_basis' | 'sample_reason'>;
type DemoMember = Omit<TeamMemberFields, 'engagement_id'>;

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
  { actor_id: null, name: 'Helen Marsh', initials: 'HM', role: 'lead', email: 'h.marsh@meridian-cert.example', ...declared('Helen Marsh', 'IRCA 1204871') },
  { actor_id: null, name: 'Rajesh Iyer', initials: 'RI', role: 'auditor', email: 'r.iyer@meridian-cert.example', ...declared('Rajesh Iyer', 'IRCA 1311592') },
  { actor_id: null, name: 'Tomasz Nowak', initials: 'TN', role: 'technical_expert', email: 't.nowak@meridian-cert.example', ...declared('Tomasz Nowak', '') },
  { actor_id: null, name: 'Aoife Byrne', initials: 'AB', role: 'observer', email: 'a.byrne@meridian-cert.example', ...declared('Aoife Byrne', '') },
];

/** Writes the demo engagement to `file` through the service, like a user would. */
export async function createDemoEngagement(service: EngagementService, file: string): Promise<OpenedEngagement> {
  const opened = await service.create(file, DEMO_ENGAGEMENT);
  for (const site of DEMO_SITES) await service.createRow(opened.handle, 'site', { ...site });
  for (const member of DEMO_TEAM) await service.createRow(opened.handle, 'team_member', { ...member });
  await chooseEngagementPack(service, opened.handle, packToCopy(shippedPacks()[0]!));
  await service.change(opened.handle, 'chooseProfile', demoProfileToCopy());
  await prepareDemo(service, opened.handle);
  await planDemo(service, opened.handle);
  await fieldworkDemo(service, opened.handle);
  await addDemoFindings(service, opened.handle);
  await addDemoSampling(service, opened.handle);
  return { ...opened, summary: await service.summary(opened.handle) };
}

/** The demo's seed for the MD 1 draw: fixed, so every demo draws the same site (as a report would let anyone check). */
const DEMO_SEED = 'kestrel-stage2-2026';

/** The preparation a lead would have done before stage 2: scope, services, other parties, stage 1, the site sample. */
async function prepareDemo(service: EngagementService, handle: string): Promise<void> {
  await service.updateEngagement(handle, {
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
  });
  await service.createRow(handle, 'earlier_audit', {
    audit_type: 'stage1',
    start_date: '2026-10-12',
    end_date: '2026-10-13',
    covered_clauses: '4–10 (documented information, readiness)',
    covered_processes: 'Document review; internal audit and management review records',
    covered_sites: 'Manchester head office',
    notes: 'Ready for stage 2. Areas of concern: the capacity plan was last updated in 2025; the supplier review of the colocation provider is overdue.',
  });
  const services = [];
  for (const values of DEMO_SERVICES) services.push(await service.createRow(handle, 'service', { ...values }));
  const [hosting, desk, backup] = services.map((row) => row.id as string) as [string, string, string];
  const covered: [string, string][] = [
    [hosting, 'capacity'], [hosting, 'availability'], [hosting, 'change'], [hosting, 'release-deployment'], [hosting, 'configuration'],
    [desk, 'incident'], [desk, 'service-request'], [desk, 'problem'], [desk, 'service-level'],
    [backup, 'continuity'], [backup, 'information-security'], [backup, 'supplier'],
  ];
  for (const [service_id, process_key] of covered) await service.createRow(handle, 'service_process', { service_id, process_key });
  await service.createRow(handle, 'other_party', {
    name: 'Northern Power Colocation Ltd',
    kind: 'external_supplier',
    operates_element: 'component',
    operates: 'Data centre power, cooling and physical security of MDC1',
    service_id: hosting,
    control: 'Contract with SLA; monthly service reviews; annual supplier review (overdue, raised at stage 1)',
  });
  await service.createRow(handle, 'other_party', {
    name: 'Kestrel Group IT Security',
    kind: 'internal_supplier',
    operates_element: 'process',
    operates: 'Information security management (group function)',
    service_id: null,
    control: 'Internal agreement with OLAs; quarterly security reports to the SMS owner',
  });
  await drawDemoSample(service, handle);
}

// Categories: the known IT-service categories by key (shared/scope/service-categories.ts), anything else as typed.
const DEMO_SERVICES = [
  { name: 'Managed hosting', description: 'Hosting of customer systems in MDC1 with 99.95 % availability', customers: 'Business customers in the UK and Ireland', locations: 'Manchester data centre', categories: 'operation-maintenance; Cloud hosting' },
  { name: '24x7 service desk', description: 'Single point of contact for incidents and service requests', customers: 'Business customers and their end users', locations: 'Leeds service desk', categories: 'call-centre-service-desk' },
  { name: 'Managed backup', description: 'Daily backup with 35-day retention and restore on request', customers: 'Business customers in the UK and Ireland', locations: 'Manchester data centre', categories: 'operation-maintenance; data-processing' },
] as const;

/** The MD 1 sample as a lead would draw it: the central function, the random site, one chosen with its reason. */
async function drawDemoSample(service: EngagementService, handle: string): Promise<void> {
  const sites = (await service.listRows(handle, 'site')) as unknown as Site[];
  const population = md1Population(md1SitesFromRows(sites));
  const permutation = md1RandomOrder(population, DEMO_SEED);
  const drawn = permutation.order[0]!;
  const chosen = permutation.order.find((id) => id !== drawn && sites.find((site) => site.id === id)?.name.startsWith('Manchester'))
    ?? permutation.order[1]!;
  for (const site of sites) {
    const basis = population.centralIds.includes(site.id) ? 'central' : site.id === drawn ? 'random' : site.id === chosen ? 'chosen' : 'none';
    const reason = basis === 'chosen' ? 'Hosting operations: highest risk, and the capacity concern raised at stage 1' : '';
    if (basis !== 'none') await service.updateRow(handle, 'site', site.id, { sample_basis: basis, sample_reason: reason });
  }
  await service.updateEngagement(handle, { md1_seed: DEMO_SEED, md1_inputs_hash: permutation.inputsHash });
}
