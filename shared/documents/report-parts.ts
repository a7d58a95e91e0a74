/**
 * The report's sections on who, what, where and when (17021-1 9.4.8 items 1–7, 9, 10, 14): the
 * certification body and the client, the audit, its scope with services, sites and period, the audit
 * team and accompanying persons, the dates, places and auditor-days as the audit ran, and the
 * deviations from the plan. Stage 1 and the full report share them.
 */
import { isCalendarDate } from '../time.ts';
import { formatDateRange, formatDateWithWeekday, joinList, timeZoneOffsetText } from './format.ts';
import { teamShortNames } from './plan-document.ts';
import { cell, heading, line, paragraph, run, type Block, type Inline, type TableBlock, type TableRow } from './model.ts';
import type { ReportDay, ReportInput } from './report-input.ts';
import { asks, facts, noneSentence, typed, type ReportContext, type ReportSection } from './report-frame.ts';

/** Who, what, where and when: the sections the stage 1 report and the full report share, in order. */
export function auditFactsSections(ctx: ReportContext): ReportSection[] {
  return [partiesSection(ctx), auditSection(ctx), scopeSection(ctx), teamSection(ctx), datesSection(ctx), deviationsSection(ctx)];
}

function partiesSection(ctx: ReportContext): ReportSection {
  const { input, t } = ctx;
  const body = input.certificationBody;
  const client = input.client;
  // A Chinese CB's report always shows these two rows, saying "Not recorded" rather than leaving them out.
  const creditCode = asks(ctx, 'unified-social-credit-code') ? (client.creditCode ?? '') : client.creditCode;
  const licence = asks(ctx, 'business-licence-scope-check') ? (client.businessLicenceCheck ?? '') : client.businessLicenceCheck;
  return [
    t('report.section.parties'),
    [
      // Two tables, each headed by its party's name in bold.
      facts(ctx, [
        [t('report.parties.bodyName'), [[run(body.name, { bold: true })]]],
        [t('report.parties.address'), body.address],
        [t('report.parties.accreditation'), body.accreditations.length ? body.accreditations.map(line) : null],
        [t('report.parties.cncaApproval'), body.cncaApprovalNumber],
        [t('report.parties.cnasAccreditation'), body.cnasAccreditationNumber],
      ]),
      facts(ctx, [
        [t('report.parties.clientName'), [[run(client.name, { bold: true })]]],
        [t('report.parties.address'), client.address],
        [t('report.parties.representative'), client.representative],
        [t('report.parties.contact'), client.contact],
        [t('report.parties.creditCode'), creditCode],
        [t('report.parties.licenceCheck'), licence],
      ]),
    ],
  ];
}

function auditSection(ctx: ReportContext): ReportSection {
  const { input, t, language } = ctx;
  const audit = input.audit;
  return [
    t('report.section.audit'),
    [
      facts(ctx, [
        [t('report.audit.type'), [[run(audit.typeLabel, { bold: true })]]],
        [t('report.audit.standard'), audit.standard],
        [t('report.audit.criteria'), audit.criteria],
        [t('report.audit.objectives'), audit.objectives],
        [t('report.audit.combination'), audit.combination.trim() || t('report.audit.notCombined')],
        [t('report.audit.language'), audit.language],
        [t('report.audit.dates'), formatDateRange(audit.startDate, audit.endDate, language)],
        [t('report.audit.reference'), audit.reference],
      ]),
    ],
  ];
}

function scopeSection(ctx: ReportContext): ReportSection {
  const { input, t } = ctx;
  const audit = input.audit;
  const otherLanguage = asks(ctx, 'scope-in-two-languages') || audit.scopeOtherLanguage.trim() ? audit.scopeOtherLanguage : null;
  return [
    t('report.section.scope'),
    [
      facts(ctx, [
        [t('report.scope.statement'), audit.scope],
        [t('report.scope.otherLanguage'), otherLanguage],
        // Stage 1 samples no records, so it has no period to state.
        [t('report.scope.period'), audit.period.trim() || (audit.type === 'stage1' ? null : t('report.scope.noPeriod'))],
      ]),
      heading(2, t('report.scope.services')),
      ...servicesBlocks(ctx),
      heading(2, t('report.scope.sites')),
      ...sitesBlocks(ctx),
    ],
  ];
}

/**
 * The services in scope: each with its description and, under it, its business category; the scope
 * verification beside it — said once under the table when every service had the same one, so the
 * column keeps only what was seen.
 */
function servicesBlocks(ctx: ReportContext): Block[] {
  const { input, t } = ctx;
  if (!input.services.length) return [noneSentence(ctx, 'report.scope.noServices')];
  const withCategory = asks(ctx, 'cnca-category-codes') || input.services.some((service) => service.category.trim());
  const verifications = new Set(input.services.map((service) => service.verification.trim()));
  const common = verifications.size === 1 ? [...verifications][0]! : '';
  const category = (text: string): Inline[] => (withCategory ? [[run(t('report.scope.categoryValue', { category: text.trim() || t('report.notRecorded') }), { italic: true })]] : []);
  const verification = (service: ReportInput['services'][number]): Inline[] => {
    const note = typed(service.verificationNote);
    if (common) return note.length ? note : [line(t('engine.none'))];
    return [[run(service.verification.trim() || t('report.notRecorded'), { bold: true })], ...note];
  };
  const table: TableBlock = {
    kind: 'table',
    columns: [
      { header: t('report.scope.service'), width: { fraction: 0.5 } },
      { header: common ? t('report.scope.verificationNote') : t('report.scope.verification'), width: { fraction: 0.5 } },
    ],
    rows: input.services.map((service) => ({
      cells: [cell([[run(service.name, { bold: true })], ...typed(service.description), ...category(service.category)]), cell(verification(service))],
    })),
  };
  return common ? [table, paragraph(t('report.scope.verifiedAll', { verification: common }))] : [table];
}

function sitesBlocks(ctx: ReportContext): Block[] {
  const { input, t } = ctx;
  if (!input.sites.length) return [noneSentence(ctx, 'report.scope.noSites')];
  // Visited sites first, then those of the scope the sample left out, each with why.
  const ordered = [...input.sites.filter((site) => site.visited), ...input.sites.filter((site) => !site.visited)];
  const visited = input.sites.filter((site) => site.visited).length;
  return [
    {
      kind: 'table',
      columns: [
        { header: t('report.scope.site'), width: { fraction: 0.36 } },
        { header: t('report.scope.siteKind'), width: { fraction: 0.15 } },
        { header: t('report.scope.siteVisit'), width: { fraction: 0.16 } },
        { header: t('report.scope.siteReason'), width: { fraction: 0.33 } },
      ],
      rows: ordered.map(
        (site): TableRow => ({
          tone: site.visited ? 'normal' : 'muted',
          cells: [
            cell([[run(site.name, { bold: true })], ...typed(site.address)]),
            cell(site.kind.trim() || t('engine.none')),
            cell(site.visited ? site.mode.trim() || t('report.scope.visited') : t('report.scope.notVisited')),
            cell(site.reason.trim() || t('report.notRecorded')),
          ],
        }),
      ),
    },
    paragraph(t('report.scope.sitesCount', { visited, total: input.sites.length }), { tone: 'note' }),
  ];
}

function teamSection(ctx: ReportContext): ReportSection {
  const { input, t } = ctx;
  const withNumbers = asks(ctx, 'ccaa-registration-numbers') || input.team.some((member) => member.registrationNumber.trim());
  const table = (members: ReportInput['team'], numbers: boolean): TableBlock => ({
    kind: 'table',
    columns: [
      { header: t('report.team.name'), width: { fraction: 0.34 } },
      { header: t('report.team.role'), width: { fraction: 0.36 } },
      ...(numbers ? [{ header: t('report.team.registration'), width: { fraction: 0.3 } }] : []),
    ],
    rows: members.map((member) => ({
      cells: [
        cell([[run(member.name, { bold: member.role === 'lead' })]]),
        cell(member.roleLabel),
        ...(numbers ? [cell(member.registrationNumber.trim() || (member.accompanying ? t('engine.none') : t('report.notRecorded')))] : []),
      ],
    })),
  });
  // The lead first, then the auditors in the order the team lists them.
  const auditing = [...input.team.filter((member) => !member.accompanying)].sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'));
  const accompanying = input.team.filter((member) => member.accompanying);
  const blocks: Block[] = auditing.length ? [table(auditing, withNumbers)] : [noneSentence(ctx, 'report.team.noTeam')];
  blocks.push(heading(2, t('report.team.accompanying')));
  if (accompanying.length) blocks.push(table(accompanying, false), paragraph(t('report.team.accompanyingNote'), { tone: 'note' }));
  else blocks.push(noneSentence(ctx, 'report.team.noAccompanying'));
  return [t('report.section.team'), blocks];
}

function datesSection(ctx: ReportContext): ReportSection {
  const { input, t } = ctx;
  // Local times with their UTC offset on the first audit day ("UTC+0", "UTC+8"), not the zone's IANA id.
  const offset = isCalendarDate(input.audit.startDate) ? timeZoneOffsetText(ctx.timeZone, input.audit.startDate) : input.audit.timeZone;
  const blocks: Block[] = [paragraph(t('report.dates.intro', { timeZone: offset }))];
  blocks.push(...(input.days.length ? [daysTable(ctx), ...initialsLegend(ctx)] : [noneSentence(ctx, 'report.dates.none')]));
  blocks.push(heading(2, t('report.days.title')), auditorDaysTable(ctx));
  blocks.push(...allocationNote(ctx));
  blocks.push(paragraph(t('report.days.note'), { tone: 'note' }));
  if (asks(ctx, 'auditor-days-with-times')) {
    blocks.push(heading(2, t('report.days.timesTitle')));
    blocks.push(input.days.length ? dayTimesTable(ctx) : noneSentence(ctx, 'report.dates.none'));
  }
  return [t('report.section.dates'), blocks];
}

function daysTable(ctx: ReportContext): TableBlock {
  const { input, t, language } = ctx;
  const rows: TableRow[] = input.days.flatMap((day: ReportDay): TableRow[] => [
    { tone: 'emphasis', cells: [cell([[run(t('report.dates.day', { date: formatDateWithWeekday(day.day, language), start: day.start, end: day.end }), { bold: true })]], 4)] },
    ...day.activities.map(
      (activity): TableRow => ({
        cells: [
          cell(t('time.range', { start: activity.start, end: activity.end })),
          cell(activity.title),
          cell([[run(activity.place.trim() || t('engine.none'), { bold: activity.remote })]]),
          cell(activity.team.length ? joinList(activity.team, language) : t('engine.none')),
        ],
      }),
    ),
  ]);
  return {
    kind: 'table',
    columns: [
      { header: t('report.dates.time'), width: { mm: 24 } },
      { header: t('report.dates.activity'), width: { fraction: 0.46 } },
      { header: t('report.dates.place'), width: { fraction: 0.32 } },
      { header: t('report.dates.team'), width: { fraction: 0.22 } },
    ],
    rows,
  };
}

/**
 * Who the initials in the schedule are ("HM Helen Marsh"), as the plan names them; Chinese names are
 * printed in full and need no key.
 */
function initialsLegend(ctx: ReportContext): Block[] {
  const { input, t, language } = ctx;
  const shortNames = teamShortNames(input.team);
  const used = new Set(input.days.flatMap((day) => day.activities.flatMap((activity) => activity.team)));
  const entries = input.team.flatMap((member) => {
    const short = shortNames.get(member.id);
    return short && used.has(short) && short !== member.name.trim() ? [t('report.dates.initial', { short, name: member.name.trim() })] : [];
  });
  return entries.length ? [paragraph(t('report.dates.legend', { list: joinList(entries, language) }), { tone: 'note' })] : [];
}

/** Auditor-days as the tables print them, the unit in the header: one decimal ("6.0", "0.8", "1.5"). */
export const auditorDaysNumber = (amount: number): string => (Math.round(amount * 10) / 10).toFixed(1);

/** Whether the audit had remote time at all: allocated, planned or held. */
const anyRemote = (days: ReportContext['input']['auditorDays']): boolean => (days.allocatedRemote ?? 0) > 0 || days.plannedRemote > 0 || days.actualRemote > 0;

function auditorDaysTable(ctx: ReportContext): TableBlock {
  const { input, t } = ctx;
  const days = input.auditorDays;
  const value = (amount: number | null): Inline => (amount === null ? [run(t('report.days.notStated'), { italic: true })] : [run(auditorDaysNumber(amount))]);
  const allocatedTotal = days.allocatedOnSite === null && days.allocatedRemote === null ? null : (days.allocatedOnSite ?? 0) + (days.allocatedRemote ?? 0);
  const row = (label: string, allocated: number | null, planned: number, actual: number, total = false): TableRow => ({
    tone: total ? 'emphasis' : 'normal',
    cells: [[run(label)], value(allocated), value(planned), value(actual)].map((text) => cell([text.map((part) => ({ ...part, bold: total }))])),
  });
  // Without remote time there is one row, on site; no "Remote 0" and no total repeating it.
  const rows = anyRemote(days)
    ? [
        row(t('report.days.onSite'), days.allocatedOnSite, days.plannedOnSite, days.actualOnSite),
        row(t('report.days.remote'), days.allocatedRemote, days.plannedRemote, days.actualRemote),
        row(t('report.days.total'), allocatedTotal, days.plannedOnSite + days.plannedRemote, days.actualOnSite + days.actualRemote, true),
      ]
    : [row(t('report.days.onSite'), days.allocatedOnSite, days.plannedOnSite, days.actualOnSite)];
  return {
    kind: 'table',
    columns: [
      { header: t('report.days.row'), width: { fraction: 0.25 } },
      { header: t('report.days.allocated'), width: { fraction: 0.25 }, align: 'right' },
      { header: t('report.days.planned'), width: { fraction: 0.25 }, align: 'right' },
      { header: t('report.days.actual'), width: { fraction: 0.25 }, align: 'right' },
    ],
    rows,
  };
}

/**
 * Why the planned time differs from the time the CB allocated: the plan's justification, or that
 * none was recorded; nothing when they agree and the plan gives none.
 */
function allocationNote(ctx: ReportContext): Block[] {
  const { input, t } = ctx;
  const days = input.auditorDays;
  const justification = days.justification.trim();
  const allocated = days.allocatedOnSite === null && days.allocatedRemote === null ? null : (days.allocatedOnSite ?? 0) + (days.allocatedRemote ?? 0);
  const differs = allocated !== null && auditorDaysNumber(allocated) !== auditorDaysNumber(days.plannedOnSite + days.plannedRemote);
  if (justification) return [paragraph(t('report.days.justification', { text: justification }))];
  return differs ? [paragraph([run(t('report.days.noJustification'), { italic: true })])] : [];
}

/** CNCA: each audit day with its start and end as held and the auditor-days it counted. */
function dayTimesTable(ctx: ReportContext): TableBlock {
  const { input, t, language } = ctx;
  return {
    kind: 'table',
    columns: [
      { header: t('report.days.date'), width: { fraction: 1 } },
      { header: t('report.days.start'), width: { mm: 22 }, align: 'center' },
      { header: t('report.days.end'), width: { mm: 22 }, align: 'center' },
      { header: t('report.days.row'), width: { mm: 28 }, align: 'right' },
    ],
    rows: input.days.map((day) => ({ cells: [cell(formatDateWithWeekday(day.day, language)), cell(day.start), cell(day.end), cell(auditorDaysNumber(day.auditorDays))] })),
  };
}

/** "7 Dec 2026 09:00–09:30" as two lines, the day over the times, so the times never break. */
function dayAndTimes(text: string): Inline[] {
  const at = text.trim().lastIndexOf(' ');
  return at > 0 ? [line(text.trim().slice(0, at)), line(text.trim().slice(at + 1))] : [line(text.trim())];
}

function deviationsSection(ctx: ReportContext): ReportSection {
  const { input, t } = ctx;
  if (!input.deviations.length) return [t('report.section.deviations'), [noneSentence(ctx, 'report.deviations.none')]];
  const reason = (text: string): Inline => (text.trim() ? line(text.trim()) : [run(t('report.notRecorded'), { italic: true })]);
  return [
    t('report.section.deviations'),
    [
      {
        kind: 'table',
        columns: [
          // The planned and held times are wide enough for "7 Dec 2026 09:00–09:30" never to break inside the times.
          { header: t('report.deviations.session'), width: { fraction: 0.4 } },
          { header: t('report.deviations.planned'), width: { mm: 30 } },
          { header: t('report.deviations.change'), width: { fraction: 0.18 } },
          { header: t('report.deviations.actual'), width: { mm: 30 } },
          { header: t('report.deviations.reason'), width: { fraction: 0.42 } },
        ],
        rows: input.deviations.map((deviation) => ({
          cells: [
            cell([[run(deviation.session, { bold: true })]]),
            cell(dayAndTimes(deviation.planned)),
            cell(deviation.change),
            deviation.actual.trim() ? cell(dayAndTimes(deviation.actual)) : cell(t('engine.none')),
            cell([reason(deviation.reason)]),
          ],
        })),
      },
    ],
  ];
}
