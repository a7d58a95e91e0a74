// The audit report's model (shared/documents/report-document.ts, stage1-report-document.ts): every
// ISO/IEC 17021-1 9.4.8 item the reference lists is in it, in both languages, found by walking the
// model; empty content prints what an auditor writes, never a blank heading; the stage 1 report has
// its own parts; DRAFT only on a draft; photos and drawn signatures as images.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_TEXTS, fixedText, type FixedTextKey } from '../../../shared/documents/fixed-text.ts';
import { formatDate, formatDateWithWeekday } from '../../../shared/documents/format.ts';
import { documentTexts, type Block, type DocumentModel, type FormBlock, type HeadingBlock, type ImageBlock, type TableBlock } from '../../../shared/documents/model.ts';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../shared/documents/plan-input.ts';
import { auditReportDocument, reportDocument } from '../../../shared/documents/report-document.ts';
import type { ReportInput } from '../../../shared/documents/report-input.ts';
import { stage1ReportDocument } from '../../../shared/documents/stage1-report-document.ts';
import { fullReportInput, largeReportInput, minimalReportInput, stage1ReportInput } from '../../fixtures/report-inputs.ts';

const headings = (document: DocumentModel, level?: 1 | 2 | 3): string[] =>
  document.blocks.filter((block): block is HeadingBlock => block.kind === 'heading' && (level === undefined || block.level === level)).map((block) => block.text);

/** The blocks between the level-1 heading that ends with `title` and the next one. */
function section(document: DocumentModel, title: string): Block[] {
  const start = document.blocks.findIndex((block) => block.kind === 'heading' && block.level === 1 && block.text.endsWith(title));
  if (start < 0) return [];
  const next = document.blocks.findIndex((block, index) => index > start && block.kind === 'heading' && block.level === 1);
  return document.blocks.slice(start + 1, next < 0 ? undefined : next);
}

const textsOf = (document: DocumentModel, blocks: readonly Block[]): string =>
  documentTexts({ ...document, blocks, branding: { bodyName: '', logoDataUrl: null }, running: { headerRight: '', footerLeft: '', pageNumber: [] }, watermark: undefined }).join('\n');

/** The tables of the findings section (one per finding). */
const findingTables = (document: DocumentModel): TableBlock[] =>
  section(document, FIXED_TEXTS[document.identity.language]['report.section.findings']).filter((block): block is TableBlock => block.kind === 'table');

/** A heading followed by nothing, or straight by a heading of its level or above: what a report must never print. */
function blankHeadings(document: DocumentModel): string[] {
  return document.blocks.flatMap((block, index) => {
    if (block.kind !== 'heading') return [];
    const next = document.blocks.slice(index + 1).find((candidate) => candidate.kind !== 'pageBreak');
    return !next || (next.kind === 'heading' && next.level <= block.level) ? [block.text] : [];
  });
}

const FULL_SECTIONS: readonly FixedTextKey[] = [
  'report.section.summary',
  'report.section.parties',
  'report.section.audit',
  'report.section.scope',
  'report.section.team',
  'report.section.dates',
  'report.section.deviations',
  'report.section.results',
  'report.section.findings',
  'report.section.earlier',
  'report.section.conclusions',
  'report.section.disclaimer',
  'report.section.signatures',
];

/** Stage 1: the same summary and audit facts, its own four parts instead of results, findings and earlier NCs, the same end. */
const STAGE1_SECTIONS: readonly FixedTextKey[] = [
  ...FULL_SECTIONS.slice(0, 7),
  'report.section.documentReview',
  'report.section.readiness',
  'report.section.concerns',
  'report.section.stage2Plan',
  ...FULL_SECTIONS.slice(10),
];

const numbered = (language: DocumentLanguage, keys: readonly FixedTextKey[]): string[] => keys.map((key, index) => `${index + 1}  ${FIXED_TEXTS[language][key]}`);

/**
 * Every text of the input a reader must find in the report: each string, line by line, except what
 * is not printed as typed (ids, keys, dates and instants — printed formatted —, images, the
 * engagement's own reference, the profile's field names).
 */
function printedTexts(input: ReportInput): string[] {
  const skipKeys = new Set(['id', 'item', 'topic', 'kind', 'role', 'type', 'language', 'key', 'gradeKey', 'dataUrl', 'signature', 'logoDataUrl', 'requiredFields', 'issuedAt', 'reference', 'timeZone']);
  const out: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (skipKeys.has(key) || key.endsWith('Key')) return;
    if (typeof value === 'string') {
      // Dates are printed formatted; an acknowledgement's status is printed in words.
      if (/^\d{4}-\d{2}-\d{2}$/.test(value) || (key === 'status' && (value === 'signed' || value === 'declined'))) return;
      // A deviation's planned and held times are printed as the day over the times.
      if ((key === 'planned' || key === 'actual') && / \d{2}:\d{2}–\d{2}:\d{2}$/.test(value)) {
        out.push(value.slice(0, value.lastIndexOf(' ')), value.slice(value.lastIndexOf(' ') + 1));
        return;
      }
      out.push(...value.split('\n').map((part) => part.trim()).filter(Boolean));
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object') for (const [name, child] of Object.entries(value)) walk(child, name);
  };
  walk(input, '');
  return [...new Set(out)];
}

describe.each(DOCUMENT_LANGUAGES)('the audit report in %s (17021-1 9.4.8)', (language) => {
  const input = fullReportInput(language);
  const document = auditReportDocument(input);
  const t = fixedText(language);
  const all = documentTexts(document).join('\n');
  const statement = (item: string) => input.statements.find((entry) => entry.item === item)!;

  // The reference's list, item by item: the texts each must show.
  const items: [string, string[]][] = [
    ['1 the certification body', [input.certificationBody.name, input.certificationBody.address, ...input.certificationBody.accreditations, ...[input.certificationBody.cncaApprovalNumber, input.certificationBody.cnasAccreditationNumber].filter((value): value is string => value !== null)]],
    ['2 the client and its representative', [input.client.name, ...input.client.address.split('\n'), input.client.representative, t('report.parties.representative')]],
    ['3 the type of audit', [input.audit.typeLabel, t('report.audit.type')]],
    ['4 the audit criteria', [input.audit.criteria, t('report.audit.criteria')]],
    ['5 the audit objectives', [...input.audit.objectives.split('\n'), t('report.audit.objectives')]],
    ['6 the scope: services, sites, the audit period', [input.audit.scope, input.audit.period, ...input.services.map((service) => service.name), ...input.services.map((service) => service.category), ...input.sites.map((site) => site.name), ...input.sites.map((site) => site.reason), t('report.scope.notVisited')]],
    ['7 deviations from the plan and why', input.deviations.flatMap((deviation) => [deviation.session, deviation.change, deviation.reason])],
    ['8 significant issues affecting the programme', [statement('significant_issues').title, t('report.conclusions.verdict', { verdict: statement('significant_issues').verdict })]],
    ['9 the team, roles, registration numbers and accompanying persons apart', [...input.team.map((member) => member.name), ...input.team.map((member) => member.roleLabel), ...input.team.flatMap((member) => (member.registrationNumber ? [member.registrationNumber] : [])), t('report.team.accompanying')]],
    ['10 dates and places, on site and remote, planned and actual auditor-days', [...input.days.map((day) => formatDateWithWeekday(day.day, language)), ...input.days.flatMap((day) => day.activities.map((activity) => activity.place)), t('report.days.planned'), t('report.days.actual'), t('report.days.row'), '4.6', '0.3']],
    ['11 results and findings with evidence', [...input.results.map((result) => result.title), ...input.results.flatMap((result) => result.evidence), ...input.results.flatMap((result) => result.records.map((record) => record.reference)), ...input.findingGroups.flatMap((group) => group.findings.map((finding) => finding.number)), ...input.findingGroups.map((group) => t('report.findings.group', { grade: group.gradeName, count: group.findings.length }))]],
    ['12 significant changes since the last audit', [statement('significant_changes').title, statement('significant_changes').text]],
    ['13 unresolved issues and diverging opinions', [statement('unresolved_issues').title, t('report.conclusions.opinions'), input.unresolvedOpinions[0]!.auditeeView, input.unresolvedOpinions[0]!.teamResponse]],
    ['14 combined, joint or integrated', [t('report.audit.combination'), input.audit.combination]],
    ['15 the sampling disclaimer', [t('report.disclaimer.sampling')]],
    ['16 the recommendation, subject to the CB’s decision', [input.recommendation!.text, t('report.summary.subjectToDecision', { body: input.certificationBody.name })]],
    ['17 control of certification documents and marks', [statement('marks_control').title, statement('marks_control').text]],
    ['18 verification of corrective actions on earlier nonconformities', [...input.earlierNcs.map((nc) => nc.number), ...input.earlierNcs.map((nc) => nc.effectiveness), ...input.earlierNcs.map((nc) => nc.clientAction)]],
    ['conformity and effectiveness, internal audit, management review', ['conformity_effectiveness', 'internal_audit', 'management_review'].flatMap((item) => [statement(item).title, statement(item).text])],
    ['scope appropriate and objectives met', ['scope_appropriate', 'objectives_met'].flatMap((item) => [statement(item).title, t('report.conclusions.verdict', { verdict: statement(item).verdict })])],
    ['remote auditing: extent and effectiveness', [statement('remote_auditing').title, statement('remote_auditing').text, t('report.conclusions.remoteFactsTools', { remote: 1, held: 13, tools: input.remote.tools[0]! }), ...input.remote.notes]],
    ['surveillance items', input.surveillance.flatMap((entry) => [entry.item, entry.entry])],
  ];

  it.each(items)('shows item %s', (_item, expected) => {
    for (const text of expected) expect(all, text).toContain(text);
  });

  it('has every section, numbered in order, then the photo annex', () => {
    expect(headings(document, 1)).toEqual([...numbered(language, FULL_SECTIONS), t('report.section.photos')]);
    const contents = document.blocks.find((block) => block.kind === 'contents');
    expect(contents && contents.kind === 'contents' ? contents.entries.map((entry) => entry.text) : []).toEqual(headings(document, 1));
    expect(blankHeadings(document)).toEqual([]);
  });

  it('prints every text of the input (a round trip)', () => {
    const missing = printedTexts(input).filter((text) => !all.includes(text));
    expect(missing).toEqual([]);
  });

  it('opens with a cover of the key facts and a summary with the recommendation as the team’s', () => {
    expect(document.blocks[0]).toMatchObject({ kind: 'title', title: t('report.title') });
    expect(document.identity).toMatchObject({ kind: 'audit-report', title: t('report.title'), revision: 1, language });
    expect(document.running.headerRight).toContain(input.audit.reference);
    expect(document.running.pageNumber).toContainEqual({ field: 'pages' });
    const summary = textsOf(document, section(document, t('report.section.summary')));
    expect(summary).toContain(input.recommendation!.text);
    expect(summary).toContain(t('report.summary.subjectToDecision', { body: input.certificationBody.name }));
    for (const count of input.findingCounts) expect(summary).toContain(count.gradeName);
    // Nonconformities and other findings are totalled apart; good practice is noted, not counted.
    expect(summary).toContain(t('report.findings.totalNonconformities'));
    const praised = reportDocument({ ...input, findingCounts: [...input.findingCounts, { gradeName: 'Good practice', count: 1, kind: 'good_practice' }] });
    const praisedSummary = textsOf(praised, section(praised, t('report.section.summary')));
    expect(praisedSummary).toContain(t('report.findings.goodPracticeNoted', { grade: 'Good practice', count: 1 }));
    const table = section(praised, t('report.section.summary')).find((block): block is TableBlock => block.kind === 'table' && block.columns[0]!.header === t('report.findings.grade'))!;
    expect(textsOf(praised, [table])).not.toContain('Good practice');
    expect(summary).toContain(statement('conformity_effectiveness').text);
    expect(summary).toContain(t('report.summary.responseDue', { date: formatDate('2027-10-16', language) }));
  });

  it('gives the checklist’s outcome as one compact table for all topics, not every question', () => {
    const results = section(document, t('report.section.results'));
    const overviews = results.filter((block): block is TableBlock => block.kind === 'table' && block.columns.some((column) => column.header === t('report.results.questions')));
    expect(overviews).toHaveLength(1);
    expect(overviews[0]!.rows).toHaveLength(input.results.length + 1);
    const total = input.results.reduce((sum, result) => sum + result.checklist.questions, 0);
    expect(overviews[0]!.rows.at(-1)!.cells.flatMap((cell) => cell.lines.flatMap((line) => line.map((part) => part.text)))).toContain(String(total));
  });

  it('shows the five-point grid for the processes that have one, and the audit trail step by step', () => {
    const grids = section(document, t('report.section.results')).filter((block): block is TableBlock => block.kind === 'table' && block.columns[0]!.header === t('report.results.grid'));
    const recorded = (result: ReportInput['results'][number]) => result.grid!.some((point) => point.ratingKey !== 'not_assessed' || point.note.trim());
    expect(grids).toHaveLength(input.results.filter((result) => result.grid && recorded(result)).length);
    // A grid nobody filled in is one sentence, not eight rows of "Not assessed".
    const blank = input.results.map((result) => (result.grid ? { ...result, grid: result.grid.map((point) => ({ ...point, ratingKey: 'not_assessed' as const, note: '' })) } : result));
    const unfilled = reportDocument({ ...input, results: blank });
    const results = section(unfilled, t('report.section.results'));
    expect(results.filter((block) => block.kind === 'table' && block.columns[0]!.header === t('report.results.grid'))).toEqual([]);
    expect(textsOf(unfilled, results)).toContain(t('report.results.gridNotRecorded'));
    for (const step of input.trails[0]!.steps) expect(all).toContain(step.record);
  });

  it('states each finding in full, grouped by grade, nonconformities with acknowledgement and due dates', () => {
    const findings = textsOf(document, section(document, t('report.section.findings')));
    const nc = input.findingGroups[0]!.findings[0]!;
    for (const text of [...nc.requirement.split('\n'), ...nc.evidence.split('\n'), nc.notFulfilled, t('report.findings.notFulfilled'), t('report.findings.acknowledgement'), formatDate(nc.responseDue!, language), formatDate(nc.verificationDue!, language), t('report.findings.repeatValue', { number: nc.repeatOf })]) {
      expect(findings).toContain(text);
    }
    const groupHeadings = headings(document, 2).filter((text) => input.findingGroups.some((group) => text.startsWith(group.gradeName)));
    expect(groupHeadings).toEqual(input.findingGroups.map((group) => t('report.findings.group', { grade: group.gradeName, count: group.findings.length })));
    // Each finding is a table headed by its number and grade, its statement row shaded.
    const cards = findingTables(document);
    expect(cards.map((card) => card.columns.map((column) => column.header))).toEqual(input.findingGroups.flatMap((group) => group.findings.map((finding) => [finding.number, group.gradeName])));
    expect(cards[0]!.rows.filter((row) => row.tone === 'emphasis').map((row) => row.cells[0]!.lines[0]![0]!.text)).toEqual([t('report.findings.notFulfilled')]);
  });

  it('prints the signatories’ drawn signatures', () => {
    const signatures = section(document, t('report.section.signatures')).filter((block): block is FormBlock => block.kind === 'form');
    const images = signatures.flatMap((form) => form.rows.flatMap((row) => (row.kind === 'fields' ? row.fields.flatMap((box) => (box.image ? [box.image] : [])) : [])));
    expect(images.map((image) => image.dataUrl)).toEqual(input.signatories.map((person) => person.signature));
    expect(textsOf(document, signatures)).toContain(input.signatories[0]!.name);
  });

  it('prints the digital signature the issued file carries: signer, role, the claimed UTC time, the fingerprint unbroken in its pairs (issue 19)', () => {
    const fingerprint = Array.from({ length: 32 }, (_, index) => (index * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');
    const digitalSignature = { signer: 'Helen Marsh', organisation: 'Meridian Assurance Certification Ltd', role: t('report.sign.lead'), signedAt: '2026-12-10T16:42:05Z', fingerprint, format: 'pdf' as const, signatureFile: '' };
    const signed = reportDocument({ ...input, digitalSignature });
    const texts = textsOf(signed, section(signed, t('report.section.signatures')));
    expect(texts).toContain(t('report.sign.digital'));
    expect(texts).toContain(t('report.sign.digitalPdf', { format: 'PDF', method: 'CMS, CAdES-detached' }));
    expect(texts).toContain('Helen Marsh (Meridian Assurance Certification Ltd)');
    expect(texts).toContain(t('report.sign.timeValue', { time: language === 'en' ? '10 Dec 2026 16:42' : '2026年12月10日 16:42', zone: 'UTC' }));
    const pairs = fingerprint.split(':');
    expect(texts).toContain(`${pairs.slice(0, 16).join(':')}:\n${pairs.slice(16).join(':')}`);
    // Word: the detached signature's file is named.
    expect(documentTexts(reportDocument({ ...input, digitalSignature: { ...digitalSignature, format: 'docx', signatureFile: 'Kestrel report.docx.p7s' } })).join('\n')).toContain(t('report.sign.digitalDocx', { format: 'Word', file: 'Kestrel report.docx.p7s' }));
    // Never on a draft, and not when unsigned.
    expect(documentTexts(reportDocument({ ...input, draft: true, digitalSignature })).join('\n')).not.toContain(t('report.sign.digital'));
    expect(all).not.toContain(t('report.sign.fingerprint', { algorithm: 'SHA-256' }));
  });

  it('puts each photo in the annex as an image of at most 160 × 100 mm with its caption', () => {
    const images = document.blocks.filter((block): block is ImageBlock => block.kind === 'image');
    expect(images).toHaveLength(input.photos.length);
    images.forEach((image, index) => {
      expect(image).toMatchObject({ dataUrl: input.photos[index]!.dataUrl, maxWidthMm: 160, maxHeightMm: 100, widthPx: input.photos[index]!.widthPx });
      expect(image.caption).toContain(input.photos[index]!.caption);
    });
    const noPhotos = reportDocument({ ...input, photos: [] });
    expect(noPhotos.blocks.some((block) => block.kind === 'image')).toBe(false);
    expect(headings(noPhotos, 1)).not.toContain(t('report.section.photos'));
  });

  it('is marked DRAFT on every page only when it is a draft', () => {
    expect(document.watermark).toBeUndefined();
    expect(all).not.toContain(t('report.cover.draft'));
    const draft = reportDocument(fullReportInput(language, { draft: true }));
    expect(draft.watermark).toBe(language === 'en' ? 'DRAFT' : '草稿');
    expect(documentTexts(draft).join('\n')).toContain(t('report.cover.draft'));
    const draftTexts = documentTexts(draft).join('\n');
    expect(draftTexts).toContain(t('report.draftLine', { revision: 1, date: '', name: '' }).split(',')[0]!.split('，')[0]!);
    // A draft is not issued: neither the cover nor the footer says "Issued … by …", and nobody has signed it.
    expect(draft.running.footerLeft).toMatch(language === 'en' ? /^Draft of revision 1, / : /^第 1 版草稿，/);
    const cover = draft.blocks.find((block) => block.kind === 'keyValue');
    expect(cover?.kind === 'keyValue' && cover.rows.map((row) => row.key)).not.toContain(t('report.cover.issued'));
    const signatures = section(draft, t('report.section.signatures')).filter((block): block is FormBlock => block.kind === 'form');
    expect(signatures.flatMap((form) => form.rows.flatMap((row) => (row.kind === 'fields' ? row.fields.filter((box) => box.image) : [])))).toEqual([]);
  });
});

describe('what the CB’s profile asks beyond 17021-1 (Chinese practice)', () => {
  const chinese = fullReportInput('zh-Hans');
  const zh = documentTexts(reportDocument(chinese)).join('\n');
  const t = fixedText('zh-Hans');

  it('a Chinese CB’s report shows the credit code, the licence check, categories, CCAA numbers, times, both scope languages and the no-penalties statement', () => {
    for (const text of [
      t('report.parties.creditCode'),
      chinese.client.creditCode!,
      t('report.parties.licenceCheck'),
      chinese.client.businessLicenceCheck!,
      t('report.scope.categoryValue', { category: chinese.services[0]!.category }),
      t('report.team.registration'),
      'CCAA 2026-N1ITSM-1234567',
      t('report.days.timesTitle'),
      t('report.scope.otherLanguage'),
      chinese.audit.scopeOtherLanguage,
      '自上次审核以来无行政处罚、重大事件或投诉',
    ])
      expect(zh, text).toContain(text);
    expect(zh).not.toContain('不合格');
  });

  it('asked for and not recorded, a field says so rather than disappearing', () => {
    const input: ReportInput = { ...chinese, client: { ...chinese.client, creditCode: null, businessLicenceCheck: null }, statements: chinese.statements.filter((entry) => entry.item !== 'no_penalties') };
    const document = reportDocument(input);
    const parties = textsOf(document, section(document, t('report.section.parties')));
    expect(parties).toContain(`${t('report.parties.creditCode')}\n${t('report.notRecorded')}`);
    expect(parties).toContain(`${t('report.parties.licenceCheck')}\n${t('report.notRecorded')}`);
    expect(headings(document, 2)).toContain(t('report.conclusions.noPenalties'));
  });

  it('an English CB that asks for none of them shows none of them', () => {
    const en = documentTexts(reportDocument(fullReportInput('en'))).join('\n');
    const tEn = fixedText('en');
    for (const key of ['report.parties.creditCode', 'report.parties.licenceCheck', 'report.scope.otherLanguage', 'report.conclusions.noPenalties'] as const) expect(en).not.toContain(tEn(key));
  });
});

describe.each(DOCUMENT_LANGUAGES)('an empty report in %s', (language) => {
  const t = fixedText(language);
  const document = reportDocument(minimalReportInput(language));
  const all = documentTexts(document).join('\n');

  it('still has every section, each saying what an auditor writes for nothing', () => {
    expect(headings(document, 1)).toEqual(numbered(language, FULL_SECTIONS));
    expect(blankHeadings(document)).toEqual([]);
    const none: FixedTextKey[] = [
      'report.summary.noRecommendation',
      'report.findings.none',
      'report.scope.noServices',
      'report.scope.noSites',
      'report.team.noTeam',
      'report.team.noAccompanying',
      'report.dates.none',
      'report.deviations.none',
      'report.results.none',
      'report.trails.none',
      'report.earlier.none',
      'report.conclusions.noOpinions',
      'report.disclaimer.sampling',
    ];
    for (const key of none) expect(all, key).toContain(t(key));
    expect(all).toContain(t('report.disclaimer.confidentiality', { body: t('report.theBody'), client: t('report.theClient') }));
  });

  it('leaves room for the lead to sign by hand and draws no image', () => {
    expect(document.blocks.some((block) => block.kind === 'image')).toBe(false);
    const form = section(document, t('report.section.signatures')).find((block): block is FormBlock => block.kind === 'form')!;
    expect(form.rows.filter((row) => row.kind === 'fields')).toHaveLength(2);
    expect(textsOf(document, [form])).toContain(t('report.sign.lead'));
  });
});

describe('any part of the report left empty', () => {
  const base = fullReportInput('en');
  const emptiable = ['services', 'sites', 'team', 'days', 'deviations', 'statements', 'findingGroups', 'results', 'trails', 'earlierNcs', 'unresolvedOpinions', 'surveillance', 'photos', 'signatories'] as const;

  it('keeps every section and never prints a heading with nothing under it', () => {
    fc.assert(
      fc.property(fc.subarray([...emptiable]), fc.boolean(), (emptied, recommendation) => {
        const input = { ...base, ...Object.fromEntries(emptied.map((name) => [name, []])), recommendation: recommendation ? base.recommendation : null } as ReportInput;
        const document = auditReportDocument(input);
        expect(headings(document, 1).slice(0, FULL_SECTIONS.length)).toEqual(numbered('en', FULL_SECTIONS));
        expect(blankHeadings(document)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the stage 1 report', () => {
  const input = stage1ReportInput();
  const document = auditReportDocument(input);
  const t = fixedText('en');
  const all = documentTexts(document).join('\n');
  const stage1 = input.stage1!;

  it('is chosen for a stage 1 audit, with its own parts in order', () => {
    expect(document.identity.title).toBe(t('report.stage1Title'));
    expect(document.blocks[0]).toMatchObject({ kind: 'title', title: t('report.stage1Title') });
    expect(headings(document, 1)).toEqual(numbered('en', STAGE1_SECTIONS));
    expect(blankHeadings(document)).toEqual([]);
  });

  it('shows the document review, readiness per area, areas of concern and the stage 2 plan', () => {
    for (const entry of stage1.documentReview) for (const text of [entry.document, entry.adequacy]) expect(all).toContain(text);
    for (const entry of stage1.readiness) for (const text of [entry.area, entry.status]) expect(all).toContain(text);
    expect(all).toContain(stage1.overall);
    for (const finding of input.findingGroups[0]!.findings) for (const text of [finding.number, finding.evidence, finding.notFulfilled]) expect(all).toContain(text);
    expect(all).toContain(stage1.stage2.focus);
    expect(all).toContain('7–10 Dec 2026');
    // An area of concern is labelled as one; stage 1 states no period of records; the readiness is said once.
    const concernTables = section(document, t('report.section.concerns')).filter((block): block is TableBlock => block.kind === 'table');
    expect(concernTables.flatMap((table) => table.rows.map((row) => row.cells[0]!.lines[0]![0]!.text))).toContain(input.findingGroups[0]!.gradeName);
    expect(all).not.toContain(t('report.scope.period'));
    expect(all.split(stage1.overall).length - 1).toBe(input.recommendation?.text === stage1.overall ? 2 : 1);
    expect(all).toContain(t('report.days.value', { days: 8 }));
    // Without remote time the auditor-days table has its on-site row only.
    const onSiteOnly = reportDocument({ ...fullReportInput('en'), auditorDays: { allocatedOnSite: 4, allocatedRemote: null, plannedOnSite: 4, plannedRemote: 0, justification: '', actualOnSite: 4.5, actualRemote: 0 } });
    const table = section(onSiteOnly, fixedText('en')('report.section.dates')).find((block): block is TableBlock => block.kind === 'table' && block.columns[1]?.header === fixedText('en')('report.days.allocated'))!;
    expect(table.rows.map((row) => row.cells[0]!.lines[0]![0]!.text)).toEqual([fixedText('en')('report.days.onSite')]);
    expect(textsOf(onSiteOnly, [table])).toContain('4.5');
    expect(all).toContain(input.recommendation!.text);
  });

  it('has no results, findings or earlier nonconformities sections of a full report', () => {
    for (const key of ['report.section.findings', 'report.section.earlier'] as const) expect(headings(document, 1).some((text) => text.endsWith(t(key)))).toBe(false);
  });

  it.each(DOCUMENT_LANGUAGES)('empty, in %s, still says what is missing under every heading', (language) => {
    const empty = stage1ReportDocument(minimalReportInput(language, 'stage1'));
    const texts = documentTexts(empty).join('\n');
    const tl = fixedText(language);
    expect(headings(empty, 1)).toEqual(numbered(language, STAGE1_SECTIONS));
    expect(blankHeadings(empty)).toEqual([]);
    for (const key of ['report.stage1.noDocuments', 'report.stage1.noReadiness', 'report.stage1.noOverall', 'report.stage1.noConcerns', 'report.stage1.noStage2Plan'] as const) expect(texts, key).toContain(tl(key));
  });
});

describe('the speed goal’s report', () => {
  it('lays out 300 findings, 30 topics of 50 answers, 40 records and 100 photos', () => {
    const input = largeReportInput();
    const document = reportDocument(input);
    expect(findingTables(document).filter((table) => /-\d{3}$/.test(table.columns[0]!.header))).toHaveLength(300);
    expect(document.blocks.filter((block) => block.kind === 'image')).toHaveLength(100);
    const records = input.results.reduce((sum, result) => sum + result.records.length, 0);
    expect(records).toBe(40);
    expect(blankHeadings(document)).toEqual([]);
  });
});
