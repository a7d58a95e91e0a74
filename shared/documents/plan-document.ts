/**
 * The audit plan as the certification body sends it to the client (ISO/IEC 17021-1 9.2.3): who
 * audits whom, against what, where, when, for how long, in which language, and on what terms
 * (confidentiality, the right to object to team members). A pure function of `PlanDocumentInput`.
 */
import type { TeamRole } from '../engagement.ts';
import { isIanaTimeZone } from '../time.ts';
import { FIXED_TEXTS, fixedText } from './fixed-text.ts';
import { formatDate, formatDateWithWeekday, formatDuration, formatInstant, formatNumber, joinList, minutesOf, pageNumberParts } from './format.ts';
import {
  cell,
  contentsOf,
  heading,
  line,
  lines,
  paragraph,
  run,
  title,
  type Block,
  type DocumentModel,
  type Inline,
  type KeyValueBlock,
  type TableBlock,
  type TableRow,
} from './model.ts';
import type { PlanDocumentInput, PlanSessionInput } from './plan-input.ts';

/** Roles that audit (17021-1: the audit team); the others accompany it. */
const AUDITING_ROLES: readonly TeamRole[] = ['lead', 'auditor', 'technical_expert', 'trainee'];
/** Plans longer than this many audit days get a contents list after the title. */
const CONTENTS_FROM_DAYS = 3;

type Member = PlanDocumentInput['team'][number];

export function planDocument(input: PlanDocumentInput): DocumentModel {
  const language = input.document.language;
  const t = fixedText(language);
  const timeZone = isIanaTimeZone(input.audit.timeZone) ? input.audit.timeZone : 'UTC';
  const shortNames = teamShortNames(input.team);
  const days = scheduleDays(input.sessions);

  const sections: [string, Block[]][] = [
    [t('plan.section.parties'), [partiesTable(input)]],
    [t('plan.section.audit'), [auditTable(input)]],
    [t('plan.section.sites'), sitesBlocks(input)],
    [t('plan.section.services'), servicesBlocks(input)],
    [t('plan.section.team'), teamBlocks(input, shortNames)],
    [t('plan.section.schedule'), scheduleBlocks(input, days, shortNames)],
    [t('plan.section.auditTime'), auditTimeBlocks(input)],
    [t('plan.section.confidentiality'), [paragraph(input.confidentiality.trim() || t('plan.confidentialityDefault'))]],
    [t('plan.section.notes'), notesBlocks(input)],
  ];
  const body = sections.flatMap(([text, blocks], index) => [heading(1, `${index + 1}  ${text}`), ...blocks]);
  const contents = days.length >= CONTENTS_FROM_DAYS ? [contentsOf(body, t('engine.contents'), 2)] : [];

  return {
    identity: {
      kind: 'audit-plan',
      title: t('plan.title'),
      reference: input.document.reference,
      revision: input.document.revision,
      issuedAt: input.document.issuedAt,
      issuedBy: input.document.issuedBy,
      language,
    },
    branding: { bodyName: input.certificationBody.name, logoDataUrl: input.certificationBody.logoDataUrl },
    page: { size: 'A4', orientation: 'portrait', marginsMm: { top: 32, right: 18, bottom: 22, left: 18 } },
    running: {
      headerRight: [t('plan.title'), input.document.reference, t('engine.revision', { revision: input.document.revision })].join('  |  '),
      footerLeft: `${t('engine.issued', { date: formatInstant(input.document.issuedAt, timeZone, language), name: input.document.issuedBy })}  |  ${t('engine.confidential')}`,
      pageNumber: pageNumberParts(FIXED_TEXTS[language]['engine.pageNumber']),
    },
    blocks: [title(t('plan.title'), t('plan.subtitle', { client: input.client.name, auditType: input.audit.typeLabel })), ...contents, ...body],
  };
}

// ——— Sections ———

function keyValue(rows: [string, string | readonly Inline[] | null][]): KeyValueBlock {
  return {
    kind: 'keyValue',
    keyWidth: { fraction: 0.3 },
    rows: rows.flatMap(([key, value]) => (value === null ? [] : [{ key, value: typeof value === 'string' ? lines(value) : value }])),
  };
}

function partiesTable(input: PlanDocumentInput): KeyValueBlock {
  const t = fixedText(input.document.language);
  const { client, certificationBody: body } = input;
  return keyValue([
    [t('plan.client'), [[run(client.name, { bold: true })]]],
    [t('plan.clientAddress'), client.address],
    [t('plan.clientRepresentative'), client.representative],
    [t('plan.clientContact'), client.contact],
    [t('plan.creditCode'), client.creditCode],
    [t('plan.certificationBody'), [[run(body.name, { bold: true })]]],
    [t('plan.bodyAddress'), body.address || null],
    [t('plan.accreditation'), body.accreditations.length ? body.accreditations.map(line) : null],
    [t('plan.cncaApproval'), body.cncaApprovalNumber],
    [t('plan.cnasAccreditation'), body.cnasAccreditationNumber],
    [t('plan.reference'), input.document.reference],
  ]);
}

function auditTable(input: PlanDocumentInput): KeyValueBlock {
  const language = input.document.language;
  const t = fixedText(language);
  const { audit } = input;
  const start = formatDate(audit.startDate, language);
  const end = formatDate(audit.endDate, language);
  const dayCount = calendarDaysInclusive(audit.startDate, audit.endDate);
  const dates = audit.startDate === audit.endDate ? t('plan.datesOneDay', { start }) : t('plan.datesRange', { start, end, days: dayCount });
  return keyValue([
    [t('plan.auditType'), [[run(audit.typeLabel, { bold: true })]]],
    [t('plan.standard'), audit.standard],
    [t('plan.criteria'), audit.criteria],
    [t('plan.objectives'), audit.objectives],
    [t('plan.scope'), audit.scope],
    [t('plan.dates'), dates],
    [t('plan.timeZone'), t('plan.timeZoneValue', { timeZone: audit.timeZone })],
    [t('plan.language'), audit.language],
    [t('plan.combination'), audit.combination.trim() ? audit.combination : null],
  ]);
}

function sitesBlocks(input: PlanDocumentInput): Block[] {
  const language = input.document.language;
  const t = fixedText(language);
  const visited = input.sites.filter((site) => site.visit.trim());
  const notVisited = input.sites.filter((site) => !site.visit.trim());
  const blocks: Block[] = [];
  if (visited.length) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: t('plan.site'), width: { fraction: 0.24 } },
        { header: t('plan.siteAddress'), width: { fraction: 0.3 } },
        { header: t('plan.siteKind'), width: { fraction: 0.14 } },
        { header: t('plan.siteVisit'), width: { fraction: 0.32 } },
      ],
      rows: visited.map((site) => ({ cells: [cell([[run(site.name, { bold: true })]]), cell(site.address), cell(site.kind), cell(site.visit)] })),
    });
  } else {
    blocks.push(paragraph(t('plan.noSites')));
  }
  if (notVisited.length) blocks.push(paragraph(t('plan.sitesNotVisited', { sites: joinList(notVisited.map((site) => site.name), language) }), { tone: 'note' }));
  return blocks;
}

function servicesBlocks(input: PlanDocumentInput): Block[] {
  const t = fixedText(input.document.language);
  if (!input.services.length) return [paragraph(t('plan.noServices'))];
  return [
    {
      kind: 'table',
      columns: [
        { header: t('plan.service'), width: { fraction: 0.35 } },
        { header: t('plan.serviceDescription'), width: { fraction: 0.65 } },
      ],
      rows: input.services.map((service) => ({ cells: [cell([[run(service.name, { bold: true })]]), cell(service.description || t('engine.none'))] })),
    },
  ];
}

function teamBlocks(input: PlanDocumentInput, shortNames: ReadonlyMap<string, string>): Block[] {
  const t = fixedText(input.document.language);
  const rank = (role: TeamRole): number => (AUDITING_ROLES.includes(role) ? AUDITING_ROLES.indexOf(role) : AUDITING_ROLES.length);
  const ordered = [...input.team].sort((a, b) => rank(a.role) - rank(b.role));
  const table = (members: readonly Member[]): TableBlock => ({
    kind: 'table',
    columns: [
      { header: t('plan.memberName'), width: { fraction: 0.3 } },
      { header: t('plan.memberRole'), width: { fraction: 0.26 } },
      { header: t('plan.memberRegistration'), width: { fraction: 0.26 } },
      { header: t('plan.memberShort'), width: { fraction: 0.18 } },
    ],
    rows: members.map((member) => ({
      cells: [
        cell([[run(member.name, { bold: member.role === 'lead' })]]),
        cell(member.roleLabel),
        cell(member.registrationNumber.trim() || t('engine.none')),
        cell(shortNames.get(member.id) ?? ''),
      ],
    })),
  });
  const auditing = ordered.filter((member) => AUDITING_ROLES.includes(member.role));
  const accompanying = ordered.filter((member) => !AUDITING_ROLES.includes(member.role));
  const blocks: Block[] = [table(auditing)];
  if (accompanying.length) blocks.push(heading(2, t('plan.section.accompanying')), table(accompanying), paragraph(t('plan.accompanyingNote'), { tone: 'note' }));
  return blocks;
}

interface ScheduleDay {
  readonly day: string;
  readonly sessions: readonly PlanSessionInput[];
}

/** Sessions by day, each day's by start then end (the plan's order: no hand-made order). */
function scheduleDays(sessions: readonly PlanSessionInput[]): ScheduleDay[] {
  const byDay = new Map<string, PlanSessionInput[]>();
  for (const session of sessions) byDay.set(session.day, [...(byDay.get(session.day) ?? []), session]);
  return [...byDay.keys()].sort().map((day) => ({
    day,
    sessions: byDay.get(day)!.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.title.localeCompare(b.title)),
  }));
}

function scheduleBlocks(input: PlanDocumentInput, days: readonly ScheduleDay[], shortNames: ReadonlyMap<string, string>): Block[] {
  const language = input.document.language;
  const t = fixedText(language);
  const blocks: Block[] = [paragraph(t('plan.scheduleIntro', { timeZone: input.audit.timeZone }))];
  if (!days.length) return [...blocks, paragraph(t('plan.noSessions'))];
  days.forEach(({ day, sessions }, index) => {
    blocks.push(heading(2, t('plan.day', { number: index + 1, date: formatDateWithWeekday(day, language) })));
    blocks.push({
      kind: 'table',
      columns: [
        { header: t('plan.col.time'), width: { mm: 22 } },
        { header: t('plan.col.activity'), width: { fraction: 0.42 } },
        { header: t('plan.col.place'), width: { fraction: 0.22 } },
        { header: t('plan.col.auditees'), width: { fraction: 0.22 } },
        { header: t('plan.col.team'), width: { fraction: 0.14 } },
      ],
      rows: sessions.map((session) => sessionRow(input, session, shortNames)),
    });
    const audited = sessions.filter((session) => session.kind !== 'break');
    const minutes = (remote: boolean): number => elapsedMinutes(audited.filter((session) => (session.remote !== null) === remote));
    blocks.push(paragraph(t('plan.dayTotals', { onSite: formatDuration(minutes(false), language), remote: formatDuration(minutes(true), language) }), { tone: 'note' }));
  });
  return blocks;
}

/**
 * The time during which any of these sessions runs (parallel sessions counted once): what the day
 * asks of the client's site, or of its people on calls. A session that ends before it starts, or has
 * no valid time, adds nothing.
 */
function elapsedMinutes(sessions: readonly PlanSessionInput[]): number {
  const intervals = sessions
    .flatMap((session) => {
      try {
        const start = minutesOf(session.start);
        const end = minutesOf(session.end);
        return end > start ? [[start, end] as const] : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = -1;
  for (const [start, end] of intervals) {
    if (end <= reached) continue;
    total += end - Math.max(start, reached);
    reached = end;
  }
  return total;
}

function sessionRow(input: PlanDocumentInput, session: PlanSessionInput, shortNames: ReadonlyMap<string, string>): TableRow {
  const language = input.document.language;
  const t = fixedText(language);
  const time = cell(t('time.range', { start: session.start, end: session.end }));
  if (session.kind === 'break') return { tone: 'muted', cells: [time, cell([[run(session.title, { italic: true })]], 4)] };

  const activity: Inline[] = [[run(session.title, { bold: true })]];
  if (session.processes.length) activity.push(line(t('plan.processes', { list: joinList(session.processes, language) })));
  if (session.clauses.length) activity.push(line(t('plan.clauses', { list: joinList(session.clauses, language) })));
  if (session.services.length) activity.push(line(t('plan.services', { list: joinList(session.services, language) })));
  if (session.notes.trim()) activity.push(...lines(session.notes).map((note) => note.map((part) => ({ ...part, italic: true }))));

  const place: Inline[] = session.remote
    ? [
        [run(t('plan.remote', { tool: session.remote.tool }), { bold: true })],
        ...(session.remote.identityCheck.trim() ? [line(t('plan.remoteIdentity', { text: session.remote.identityCheck }))] : []),
        ...(session.remote.fallback.trim() ? [line(t('plan.remoteFallback', { text: session.remote.fallback }))] : []),
      ]
    : [line(session.siteName ?? t('engine.none'))];

  const auditees: Inline[] = session.auditees.length
    ? session.auditees.map((auditee) => line(auditee.role.trim() ? t('plan.auditee', { name: auditee.name, role: auditee.role }) : auditee.name))
    : [line(t('engine.none'))];

  const auditingIds = input.team.filter((member) => AUDITING_ROLES.includes(member.role)).map((member) => member.id);
  const wholeTeam = auditingIds.length > 1 && auditingIds.every((id) => session.teamMemberIds.includes(id));
  const names = session.teamMemberIds.map((id) => shortNames.get(id)).filter((name): name is string => name !== undefined);
  const team: Inline[] = wholeTeam && session.kind !== 'audit' ? [line(t('plan.wholeTeam'))] : [line(names.length ? joinList(names, language) : t('engine.none'))];

  return {
    tone: session.kind === 'opening' || session.kind === 'closing' ? 'emphasis' : 'normal',
    cells: [time, cell(activity), cell(place), cell(auditees), cell(team)],
  };
}

function auditTimeBlocks(input: PlanDocumentInput): Block[] {
  const language = input.document.language;
  const t = fixedText(language);
  const days = input.auditorDays;
  const value = (amount: number | null): string =>
    amount === null ? t('plan.days.notStated') : amount === 1 ? t('plan.days.valueOne') : t('plan.days.value', { days: formatNumber(amount) });
  const allocatedTotal = days.allocatedOnSite === null && days.allocatedRemote === null ? null : (days.allocatedOnSite ?? 0) + (days.allocatedRemote ?? 0);
  const blocks: Block[] = [
    {
      kind: 'table',
      columns: [
        { header: t('plan.days.row'), width: { fraction: 0.3 } },
        { header: t('plan.days.allocated'), width: { fraction: 0.35 }, align: 'right' },
        { header: t('plan.days.planned'), width: { fraction: 0.35 }, align: 'right' },
      ],
      rows: [
        { cells: [cell(t('plan.days.onSite')), cell(value(days.allocatedOnSite)), cell(value(days.plannedOnSite))] },
        { cells: [cell(t('plan.days.remote')), cell(value(days.allocatedRemote)), cell(value(days.plannedRemote))] },
        {
          tone: 'emphasis',
          cells: [
            cell([[run(t('plan.days.total'), { bold: true })]]),
            cell([[run(value(allocatedTotal), { bold: true })]]),
            cell([[run(value(days.plannedOnSite + days.plannedRemote), { bold: true })]]),
          ],
        },
      ],
    },
  ];
  if (days.justification.trim()) blocks.push(paragraph(t('plan.days.justification', { text: days.justification.trim() })));
  blocks.push(paragraph(t('plan.days.note'), { tone: 'note' }));
  return blocks;
}

function notesBlocks(input: PlanDocumentInput): Block[] {
  const t = fixedText(input.document.language);
  const lead = input.team.find((member) => member.role === 'lead');
  return [
    { kind: 'list', items: [line(t('plan.objection')), line(t('plan.changes'))] },
    {
      kind: 'signatures',
      labels: {
        role: t('engine.signature.role'),
        name: t('engine.signature.name'),
        signature: t('engine.signature.signature'),
        date: t('engine.signature.date'),
      },
      signatories: [
        { role: t('plan.preparedBy'), name: lead?.name ?? '' },
        { role: t('plan.acknowledgedBy'), name: input.client.representative },
      ],
    },
  ];
}

// ——— Helpers ———

function calendarDaysInclusive(start: string, end: string): number {
  const ms = (date: string): number => Date.parse(`${date}T00:00:00Z`);
  const days = Math.round((ms(end) - ms(start)) / 86_400_000) + 1;
  return Number.isFinite(days) && days > 0 ? days : 1;
}

const HAN = /\p{Script=Han}/u;

/**
 * How the schedule names each person: a Chinese name in full (two or three characters), a Latin
 * name by its initials ("Anna Berg" → "AB"); a second "AB" becomes "AB2".
 */
export function teamShortNames(team: readonly Member[]): Map<string, string> {
  const result = new Map<string, string>();
  const used = new Map<string, number>();
  for (const member of team) {
    const name = member.name.trim();
    const base = HAN.test(name)
      ? name
      : name
          .split(/[\s-]+/)
          .filter(Boolean)
          .map((word) => word[0]!.toUpperCase())
          .join('') || '?';
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    result.set(member.id, count === 1 ? base : `${base}${count}`);
  }
  return result;
}
