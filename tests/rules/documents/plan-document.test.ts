// The audit plan's model (shared/documents/plan-document.ts): every item ISO/IEC 17021-1 9.2.3 asks a
// plan to show is in it, in both languages, found by walking the model's blocks.
import { describe, expect, it } from 'vitest';
import { documentTexts, type Block, type DocumentModel, type Inline } from '../../../shared/documents/model.ts';
import { formatDate } from '../../../shared/documents/format.ts';
import { fixedText } from '../../../shared/documents/fixed-text.ts';
import { planDocument, teamShortNames } from '../../../shared/documents/plan-document.ts';
import { DOCUMENT_LANGUAGES, type PlanDocumentInput } from '../../../shared/documents/plan-input.ts';
import { largePlanInput, samplePlanInput } from '../../fixtures/plan-documents.ts';

const text = (content: Inline): string => content.map((part) => part.text).join('');

/** The value lines of the key–value row labelled `key`, wherever it is. */
function valueOf(document: DocumentModel, key: string): string[] {
  for (const block of document.blocks) {
    if (block.kind !== 'keyValue') continue;
    const row = block.rows.find((candidate) => candidate.key === key);
    if (row) return row.value.map(text);
  }
  return [];
}

/** The blocks between the level-1 heading that ends with `title` and the next one. */
function section(document: DocumentModel, title: string): Block[] {
  const start = document.blocks.findIndex((block) => block.kind === 'heading' && block.level === 1 && block.text.endsWith(title));
  if (start < 0) return [];
  const next = document.blocks.findIndex((block, index) => index > start && block.kind === 'heading' && block.level === 1);
  return document.blocks.slice(start + 1, next < 0 ? undefined : next);
}

function sectionText(document: DocumentModel, title: string): string {
  return documentTexts({ ...document, blocks: section(document, title), branding: { bodyName: '', logoDataUrl: null }, running: { headerRight: '', footerLeft: '', pageNumber: [] } }).join('\n');
}

describe.each(DOCUMENT_LANGUAGES)('the audit plan in %s (17021-1 9.2.3)', (language) => {
  const input: PlanDocumentInput = samplePlanInput(language);
  const document = planDocument(input);
  const t = fixedText(language);
  const all = documentTexts(document).join('\n');

  it('is titled and identified: reference, revision, issue, page numbers', () => {
    expect(document.identity).toMatchObject({ kind: 'audit-plan', title: t('plan.title'), reference: input.document.reference, revision: 2, language });
    expect(document.blocks[0]).toEqual({ kind: 'title', title: t('plan.title'), subtitle: t('plan.subtitle', { client: input.client.name, auditType: input.audit.typeLabel }) });
    expect(document.running.headerRight).toContain(input.document.reference);
    expect(document.running.headerRight).toContain(t('engine.revision', { revision: 2 }));
    expect(document.running.footerLeft).toContain(input.document.issuedBy);
    expect(document.running.pageNumber).toContainEqual({ field: 'page' });
    expect(document.running.pageNumber).toContainEqual({ field: 'pages' });
    expect(document.branding).toEqual({ bodyName: input.certificationBody.name, logoDataUrl: input.certificationBody.logoDataUrl });
  });

  it('names the client and the certification body', () => {
    expect(valueOf(document, t('plan.client'))).toEqual([input.client.name]);
    expect(valueOf(document, t('plan.clientAddress'))).toEqual(input.client.address.split('\n'));
    expect(valueOf(document, t('plan.clientRepresentative'))).toEqual([input.client.representative]);
    expect(valueOf(document, t('plan.certificationBody'))).toEqual([input.certificationBody.name]);
    if (input.client.creditCode) expect(valueOf(document, t('plan.creditCode'))).toEqual([input.client.creditCode]);
    if (input.certificationBody.cnasAccreditationNumber) expect(valueOf(document, t('plan.cnasAccreditation'))).toEqual([input.certificationBody.cnasAccreditationNumber]);
  });

  it('states the objectives, criteria and scope', () => {
    expect(valueOf(document, t('plan.objectives'))).toEqual(input.audit.objectives.split('\n'));
    expect(valueOf(document, t('plan.criteria'))).toEqual([input.audit.criteria]);
    expect(valueOf(document, t('plan.scope'))).toEqual([input.audit.scope]);
    expect(valueOf(document, t('plan.auditType'))).toEqual([input.audit.typeLabel]);
    expect(valueOf(document, t('plan.standard'))).toEqual([input.audit.standard]);
  });

  it('gives the dates, the time zone and the audit language', () => {
    const [dates] = valueOf(document, t('plan.dates'));
    expect(dates).toContain(formatDate(input.audit.startDate, language));
    expect(dates).toContain(formatDate(input.audit.endDate, language));
    expect(valueOf(document, t('plan.timeZone'))[0]).toContain(input.audit.timeZone);
    expect(valueOf(document, t('plan.language'))).toEqual([input.audit.language]);
    if (input.audit.combination) expect(valueOf(document, t('plan.combination'))).toEqual([input.audit.combination]);
  });

  it('lists the sites visited with why, and those not visited', () => {
    const sites = sectionText(document, t('plan.section.sites'));
    for (const site of input.sites) {
      expect(sites).toContain(site.name);
      if (site.visit) expect(sites).toContain(site.visit);
      if (site.visit) expect(sites).toContain(site.address);
    }
  });

  it('lists the services in scope', () => {
    const services = sectionText(document, t('plan.section.services'));
    for (const service of input.services) expect(services).toContain(service.name);
  });

  it('names every team member and accompanying person with role and registration number', () => {
    const team = sectionText(document, t('plan.section.team'));
    for (const member of input.team) {
      expect(team).toContain(member.name);
      expect(team).toContain(member.roleLabel);
      if (member.registrationNumber) expect(team).toContain(member.registrationNumber);
    }
    expect(team).toContain(t('plan.section.accompanying'));
  });

  it('schedules every session day by day: times, place (site, or remote with tool), processes, clauses, auditees, team', () => {
    const schedule = section(document, t('plan.section.schedule'));
    const dayHeadings = schedule.filter((block) => block.kind === 'heading' && block.level === 2);
    expect(dayHeadings).toHaveLength(2);
    const tables = schedule.filter((block) => block.kind === 'table');
    expect(tables).toHaveLength(2);
    const names = teamShortNames(input.team);
    const rows = tables.flatMap((table) => table.rows.map((row) => row.cells.map((c) => c.lines.map(text).join('\n'))));
    expect(rows).toHaveLength(input.sessions.length);
    for (const session of input.sessions) {
      const row = rows.find((cells) => cells[0] === `${session.start}–${session.end}` && cells[1]!.includes(session.title));
      expect(row, session.title).toBeDefined();
      if (session.kind === 'break') continue;
      for (const clause of session.clauses) expect(row![1]).toContain(clause);
      for (const process of session.processes) expect(row![1]).toContain(process);
      if (session.remote) expect(row![2]).toContain(t('plan.remote', { tool: session.remote.tool }));
      else expect(row![2]).toContain(session.siteName);
      for (const auditee of session.auditees) expect(row![3]).toContain(auditee.name);
      if (session.kind === 'audit') for (const id of session.teamMemberIds) expect(row![4]).toContain(names.get(id));
    }
  });

  it('gives the on-site and remote time of each day and the auditor-days, allocated and planned', () => {
    const schedule = sectionText(document, t('plan.section.schedule'));
    // Parallel sessions count once: day 1 on site 09:00–12:30, 13:30–16:00, 16:30–17:00; remote 13:30–16:00.
    expect(schedule).toContain(t('plan.dayTotals', { onSite: language === 'en' ? '6 h 30 min' : '6小时30分钟', remote: language === 'en' ? '2 h 30 min' : '2小时30分钟' }));
    expect(schedule).toContain(t('plan.dayTotals', { onSite: language === 'en' ? '5 h 15 min' : '5小时15分钟', remote: language === 'en' ? '1 h 30 min' : '1小时30分钟' }));
    const time = sectionText(document, t('plan.section.auditTime'));
    expect(time).toContain(t('plan.days.onSite'));
    expect(time).toContain(t('plan.days.remote'));
    expect(time).toContain(t('plan.days.value', { days: '3.5' }));
    expect(time).toContain(t('plan.days.value', { days: '4.5' }));
    expect(time).toContain(input.auditorDays.justification);
  });

  it('states confidentiality and that the client may object to team members', () => {
    expect(sectionText(document, t('plan.section.confidentiality'))).toContain(t('plan.confidentialityDefault'));
    const notes = sectionText(document, t('plan.section.notes'));
    expect(notes).toContain(t('plan.objection'));
    expect(all).toContain(input.team.find((m) => m.role === 'lead')!.name);
  });

  it('keeps the CB’s own confidentiality statement when it has one', () => {
    const own = planDocument({ ...input, confidentiality: 'Our statement.' });
    expect(sectionText(own, t('plan.section.confidentiality'))).toBe('Our statement.');
  });
});

describe('the audit plan’s edge cases', () => {
  it('a long plan gets a contents list of its sections and days', () => {
    const document = planDocument(largePlanInput('en'));
    const contents = document.blocks.find((block) => block.kind === 'contents');
    expect(contents?.kind === 'contents' && contents.entries.filter((entry) => entry.level === 1)).toHaveLength(9);
    expect(contents?.kind === 'contents' && contents.entries.filter((entry) => entry.level === 2).length).toBeGreaterThanOrEqual(5);
    expect(planDocument(samplePlanInput('en')).blocks.some((block) => block.kind === 'contents')).toBe(false);
  });

  it('survives an empty plan, an unknown time zone and a session ending before it starts', () => {
    const input = samplePlanInput('en');
    const document = planDocument({
      ...input,
      audit: { ...input.audit, timeZone: 'Mars/Olympus', startDate: '2026-12-07', endDate: '2026-12-07' },
      sites: [],
      services: [],
      sessions: [{ ...input.sessions[1]!, start: '11:00', end: '10:00' }],
    });
    const all = documentTexts(document).join('\n');
    expect(all).toContain(fixedText('en')('plan.noSites'));
    expect(all).toContain(fixedText('en')('plan.noServices'));
    expect(all).toContain('(1 audit day)');
    expect(all).toContain('11:00–10:00');
  });

  it('names people by initials, Chinese names in full, and tells two alike apart', () => {
    const member = (id: string, name: string) => ({ id, name, role: 'auditor' as const, roleLabel: '', registrationNumber: '' });
    const names = teamShortNames([member('a', 'Anna Berg'), member('b', 'Adam Brown'), member('c', '李伟'), member('d', 'Jean-Luc Picard')]);
    expect([...names.values()]).toEqual(['AB', 'AB2', '李伟', 'JLP']);
  });
});
