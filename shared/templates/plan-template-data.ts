import type { PlanDocumentInput, PlanSessionInput } from '../documents/plan-input.ts';
import type { TeamRole } from '../engagement.ts';
import { templateWriting, type TemplateWriting } from './template-writing.ts';

/**
 * The audit plan as a CB template sees it: PlanDocumentInput turned into the names of
 * plan-placeholders.ts (a test holds the two equal, name for name). Only plain values: texts,
 * true/false for conditions, lists of records for repeating sections; no functions, nothing the
 * template could call. Built with null prototypes, so a template asking for {constructor} or
 * {__proto__} finds nothing (the filler's resolver reads own properties only, too).
 *
 * The input's labels (audit type, roles) are already in the document's language: build the input in
 * the template's language. Dates, numbers and lists are written here, in `language`.
 */

export type TemplateValue = string | boolean | readonly TemplateRecord[];
export interface TemplateRecord {
  readonly [name: string]: TemplateValue;
}

/** The team roles listed as auditors, as technical experts and as accompanying persons (ISO/IEC 17021-1 9.2.2). */
const AUDITOR_ROLES: readonly TeamRole[] = ['lead', 'auditor', 'trainee'];
const EXPERT_ROLES: readonly TeamRole[] = ['technical_expert'];
const ACCOMPANYING_ROLES: readonly TeamRole[] = ['observer', 'interpreter', 'guide'];
const SPECIAL_AUDIT_TYPES: readonly string[] = ['scope_extension', 'short_notice', 'special'];

export const record = (entries: Record<string, TemplateValue>): TemplateRecord => Object.assign(Object.create(null) as Record<string, TemplateValue>, entries);

const byDayAndTime = (a: PlanSessionInput, b: PlanSessionInput): number =>
  a.day < b.day ? -1 : a.day > b.day ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0;

/** What the audit plan and the audit report both say of the engagement (report-template-data.ts uses it too). */
export type EngagementFacts = Pick<PlanDocumentInput, 'document' | 'certificationBody' | 'client' | 'audit' | 'team' | 'auditorDays'>;

/**
 * The names the plan's and the report's templates share, first part: the document, the CB, the
 * client, the audit (without the plan's session flags).
 */
export function engagementFields(input: EngagementFacts, write: TemplateWriting): Record<string, TemplateValue> {
  const type = input.audit.type;
  return {
    'document.reference': input.document.reference,
    'document.revision': String(input.document.revision),
    'document.issuedOn': write.dateOfInstant(input.document.issuedAt, input.audit.timeZone),
    'document.issuedBy': input.document.issuedBy,

    'cb.name': input.certificationBody.name,
    'cb.address': input.certificationBody.address,
    'cb.accreditations': write.list(input.certificationBody.accreditations),
    'cb.cncaApprovalNumber': input.certificationBody.cncaApprovalNumber ?? '',
    'cb.cnasAccreditationNumber': input.certificationBody.cnasAccreditationNumber ?? '',

    'client.name': input.client.name,
    'client.address': input.client.address,
    'client.representative': input.client.representative,
    'client.contact': input.client.contact,
    'client.creditCode': input.client.creditCode ?? '',

    'audit.type': input.audit.typeLabel,
    'audit.typeCode': type,
    'audit.standard': input.audit.standard,
    'audit.criteria': input.audit.criteria,
    'audit.objectives': input.audit.objectives,
    'audit.scope': input.audit.scope,
    'audit.startDate': write.date(input.audit.startDate),
    'audit.endDate': write.date(input.audit.endDate),
    'audit.dates': write.dateRange(input.audit.startDate, input.audit.endDate),
    'audit.startDateIso': input.audit.startDate,
    'audit.endDateIso': input.audit.endDate,
    'audit.timeZone': input.audit.timeZone,
    'audit.language': input.audit.language,
    'audit.combination': input.audit.combination,
    'audit.isStage1': type === 'stage1',
    'audit.isStage2': type === 'stage2',
    'audit.isSurveillance': type === 'surveillance1' || type === 'surveillance2',
    'audit.isRecertification': type === 'recertification',
    'audit.isSpecial': SPECIAL_AUDIT_TYPES.includes(type),
    'audit.isCombined': input.audit.combination !== '',
  };
}

/** The names the plan's and the report's templates share, second part: the lead, the auditor-days allocated and planned. */
export function leadAndAuditorDaysFields(input: EngagementFacts, write: TemplateWriting): Record<string, TemplateValue> {
  const lead = input.team.find((member) => member.role === 'lead');
  const auditorDays = input.auditorDays;
  const amount = (value: number | null): string => (value === null ? '' : write.number(value));
  return {
    'lead.name': lead?.name ?? '',
    'lead.registrationNumber': lead?.registrationNumber ?? '',

    'auditorDays.allocatedOnSite': amount(auditorDays.allocatedOnSite),
    'auditorDays.allocatedRemote': amount(auditorDays.allocatedRemote),
    'auditorDays.allocatedTotal': auditorDays.allocatedOnSite === null && auditorDays.allocatedRemote === null ? '' : amount(hundredths((auditorDays.allocatedOnSite ?? 0) + (auditorDays.allocatedRemote ?? 0))),
    'auditorDays.plannedOnSite': amount(auditorDays.plannedOnSite),
    'auditorDays.plannedRemote': amount(auditorDays.plannedRemote),
    'auditorDays.plannedTotal': amount(hundredths(auditorDays.plannedOnSite + auditorDays.plannedRemote)),
    'auditorDays.justification': auditorDays.justification,
  };
}

export function planTemplateData(input: PlanDocumentInput, language: string = input.document.language): TemplateRecord {
  const write = templateWriting(language);
  const sessions = [...input.sessions].sort(byDayAndTime);
  const days = [...new Set(sessions.map((session) => session.day))];
  const dayNumber = (day: string): string => String(days.indexOf(day) + 1);
  const sessionRecords = sessions.map((session) => sessionRecord(session, input, write, dayNumber(session.day)));
  const worked = sessions.filter((session) => session.kind !== 'break');

  return record({
    ...engagementFields(input, write),
    'audit.isRemote': worked.length > 0 && worked.every((session) => session.remote !== null),
    'audit.hasRemoteSessions': sessions.some((session) => session.remote !== null),
    'audit.hasOnSiteSessions': sessions.some(isOnSite),
    ...leadAndAuditorDaysFields(input, write),

    confidentiality: input.confidentiality,

    sessions: sessionRecords,
    days: days.map((day) => record({ ...dayFields(day, write, dayNumber(day)), sessions: sessionRecords.filter((session) => session.dayIso === day) })),
    team: input.team.map((member) =>
      record({ name: member.name, role: member.roleLabel, roleCode: member.role, registrationNumber: member.registrationNumber, isLead: member.role === 'lead' }),
    ),
    sites: input.sites.map((site) => record({ name: site.name, address: site.address, kind: site.kind, visit: site.visit, isVisited: site.visit !== '' })),
    services: input.services.map((service) => record({ name: service.name, description: service.description })),
  });
}

/** Sums of hundredths without binary noise (0.1 + 0.2 is 0.30000000000000004). */
export const hundredths = (value: number): number => Math.round(value * 100) / 100;

const isOnSite = (session: PlanSessionInput): boolean => session.remote === null && session.siteName !== null;

function dayFields(day: string, write: TemplateWriting, number: string): Record<string, string> {
  return { day: write.date(day), dayIso: day, weekday: write.weekday(day), dayNumber: number };
}

function sessionRecord(session: PlanSessionInput, input: PlanDocumentInput, write: TemplateWriting, dayNumber: string): TemplateRecord {
  const present = input.team.filter((member) => session.teamMemberIds.includes(member.id));
  const names = (roles: readonly TeamRole[]) => write.list(present.filter((member) => roles.includes(member.role)).map((member) => member.name));
  return record({
    ...dayFields(session.day, write, dayNumber),
    start: session.start,
    end: session.end,
    time: `${session.start}–${session.end}`,
    title: session.title,
    kind: session.kind,
    site: session.siteName ?? '',
    processes: write.list(session.processes),
    clauses: write.list(session.clauses),
    services: write.list(session.services),
    auditees: write.list(session.auditees.map((auditee) => write.withRole(auditee.name, auditee.role))),
    auditors: names(AUDITOR_ROLES),
    experts: names(EXPERT_ROLES),
    accompanying: names(ACCOMPANYING_ROLES),
    people: write.list(present.map((member) => write.withRole(member.name, member.roleLabel))),
    remoteTool: session.remote?.tool ?? '',
    remoteIdentityCheck: session.remote?.identityCheck ?? '',
    remoteFallback: session.remote?.fallback ?? '',
    notes: session.notes,
    isRemote: session.remote !== null,
    isOnSite: isOnSite(session),
    isOpening: session.kind === 'opening',
    isClosing: session.kind === 'closing',
    isBreak: session.kind === 'break',
  });
}
