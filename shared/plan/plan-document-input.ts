import type { CbProfile } from '../cb-profile/profile.ts';
import type { ChecklistPack } from '../checklist/pack.ts';
import { textIn } from '../checklist/pack.ts';
import { fillText } from '../documents/fixed-text.ts';
import type { DocumentLanguage, PlanDocumentInput, PlanSessionInput } from '../documents/plan-input.ts';
import type { Engagement, Site, TeamMember } from '../engagement.ts';
import type { SERVICE_TABLE } from '../tables/preparation-tables.ts';
import type { RowOf } from '../tables/table.ts';
import { DOCUMENT_LABELS } from './document-labels.ts';
import { planCheckInput } from './plan-check-input.ts';
import { checkPlan, MINUTES_PER_AUDITOR_DAY } from './plan-checks.ts';
import type { PlanRows } from './plan-rows.ts';
import { topicLabel } from './topic-label.ts';

/** Everything of the engagement the plan document reads (live rows). */
export interface PlanSource {
  readonly engagement: Engagement;
  readonly sites: readonly Site[];
  readonly team: readonly TeamMember[];
  readonly services: readonly RowOf<typeof SERVICE_TABLE>[];
  readonly rows: PlanRows;
  readonly profile: CbProfile | null;
  readonly pack: ChecklistPack | null;
}

export interface PlanDocumentOptions {
  readonly language: DocumentLanguage;
  readonly revision: number;
  readonly issuedAt: string;
  readonly issuedBy: string;
}

/** The language's name in the document's language ("English", "中文"), or the tag when Intl does not know it. */
function languageName(tag: string, language: DocumentLanguage): string {
  if (!tag) return '';
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The reference printed in every header: the certificate number when there is one, the audit and its year. */
export function planReference(engagement: Engagement): string {
  const code = { stage1: 'S1', stage2: 'S2', surveillance1: 'SA1', surveillance2: 'SA2', recertification: 'RC', special: 'SP', scope_extension: 'SX', short_notice: 'SN', transfer: 'TR' }[engagement.audit_type];
  const audit = `${code}-${engagement.start_date.slice(0, 4)}`;
  return engagement.certificate_number ? `${engagement.certificate_number} ${audit}` : `${audit}-${engagement.id.slice(0, 8)}`;
}

/** The standard as documents name it: the pack's designation, edition and amendments, else the engagement's edition. */
export function standardName(pack: ChecklistPack | null, engagement: Engagement): string {
  return pack ? `${pack.standard.designation}:${pack.standard.edition}${pack.standard.amendments?.length ? ` + ${pack.standard.amendments.join(' + ')}` : ''}` : engagement.standard_edition;
}

/**
 * The audit plan's content from the engagement, in the document's language: names instead of ids,
 * labels instead of codes, the CB from the engagement's own copy of its profile, planned auditor
 * time as the plan's checks count it. Pure: the export and the tests build it alike.
 */
export function planDocumentInput(source: PlanSource, options: PlanDocumentOptions): PlanDocumentInput {
  const { engagement, profile, pack } = source;
  const language = options.language;
  const labels = DOCUMENT_LABELS[language];
  const localized = (text: Readonly<Record<string, string>> | undefined): string => (text && profile ? textIn(text, language, profile.defaultLanguage) : '');
  const body = profile?.certificationBody;
  const live = new Set(source.rows.sessions.map((session) => session.id));
  const of = <T extends { session_id: string }>(list: readonly T[], id: string) => list.filter((link) => link.session_id === id && live.has(id));
  const serviceName = new Map(source.services.map((service) => [service.id, service.name]));
  const siteName = new Map(source.sites.map((site) => [site.id, site.name]));
  const planned = checkPlan(planCheckInput(engagement, source.sites, source.team, source.rows, pack)).planned;
  const combination = engagement.combination === 'single' ? '' : fillText(labels[engagement.combination], { standards: engagement.other_standards });

  const sessions: PlanSessionInput[] = source.rows.sessions.map((session) => ({
    id: session.id,
    day: session.day,
    start: session.start_time,
    end: session.end_time,
    kind: session.kind,
    title: session.title.trim() || labels.session[session.kind],
    siteName: session.remote ? null : (session.site_id ? (siteName.get(session.site_id) ?? null) : null),
    remote: session.remote ? { tool: session.remote_tool, identityCheck: session.identity_check, fallback: session.remote_fallback } : null,
    processes: of(source.rows.topics, session.id).filter((topic) => topic.kind === 'process').map((topic) => topicLabel('process', topic.topic, pack, language)),
    clauses: of(source.rows.topics, session.id).filter((topic) => topic.kind === 'clause').map((topic) => topicLabel('clause', topic.topic, pack, language)),
    services: of(source.rows.services, session.id).map((link) => serviceName.get(link.service_id) ?? '').filter(Boolean),
    auditees: of(source.rows.auditees, session.id).map((auditee) => ({ name: auditee.name, role: auditee.role })),
    teamMemberIds: [...new Set(of(source.rows.members, session.id).map((link) => link.team_member_id))],
    notes: session.notes,
  }));

  return {
    document: { language, reference: planReference(engagement), revision: options.revision, issuedAt: options.issuedAt, issuedBy: options.issuedBy },
    certificationBody: {
      name: localized(body?.name) || engagement.certification_body,
      address: localized(body?.address),
      accreditations: (body?.accreditations ?? []).map((item) => `${item.body} ${item.number}`),
      cncaApprovalNumber: body?.cncaApprovalNumber ?? null,
      cnasAccreditationNumber: body?.cnasAccreditationNumber ?? null,
      logoDataUrl: profile?.logo ?? null,
    },
    client: {
      name: engagement.client_name,
      address: engagement.client_address,
      representative: engagement.client_representative,
      contact: engagement.client_contact,
      creditCode: profile?.requiredReportFields.includes('unified-social-credit-code') && engagement.client_credit_code ? engagement.client_credit_code : null,
    },
    audit: {
      type: engagement.audit_type,
      typeLabel: labels.auditType[engagement.audit_type],
      standard: standardName(pack, engagement),
      criteria: engagement.criteria,
      objectives: engagement.objectives,
      scope: engagement.sms_scope || engagement.scope,
      startDate: engagement.start_date,
      endDate: engagement.end_date,
      timeZone: engagement.time_zone,
      language: languageName(engagement.audit_language, language),
      combination,
    },
    sites: source.sites
      .filter((site) => site.in_scope === 1)
      .map((site) => ({
        name: site.name,
        address: [site.address, site.country].filter(Boolean).join(', '),
        kind: labels.siteKind[site.kind as keyof typeof labels.siteKind] ?? site.kind,
        visit: site.sample_basis === 'none' ? '' : fillText(labels.visit[site.sample_basis], { reason: site.sample_reason }),
      })),
    services: source.services.map((service) => ({ name: service.name, description: service.description })),
    team: source.team.map((member) => ({
      id: member.id,
      name: member.name,
      role: member.role,
      roleLabel: labels.role[member.role],
      registrationNumber: member.registration_number,
    })),
    sessions,
    auditorDays: {
      allocatedOnSite: engagement.allocated_onsite_days,
      allocatedRemote: engagement.allocated_remote_days,
      plannedOnSite: Math.round((planned.onSite / MINUTES_PER_AUDITOR_DAY) * 100) / 100,
      plannedRemote: Math.round((planned.remote / MINUTES_PER_AUDITOR_DAY) * 100) / 100,
      justification: engagement.allocation_justification,
    },
    confidentiality: '',
  };
}
