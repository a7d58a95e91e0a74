// The sign-in sheet's model (shared/documents/sign-in-document.ts): the engagement, the meeting and a
// numbered row to sign for each person expected plus free rows, in both languages.
import { describe, expect, it } from 'vitest';
import { fixedText } from '../../../shared/documents/fixed-text.ts';
import { documentTexts, paragraph, type DocumentModel, type Inline, type TableBlock } from '../../../shared/documents/model.ts';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../shared/documents/plan-input.ts';
import { attendeeRowLines, signInSheetDocument } from '../../../shared/documents/sign-in-document.ts';
import type { SignInSheetInput } from '../../../shared/documents/sign-in-input.ts';

const text = (content: Inline): string => content.map((part) => part.text).join('');

function sheet(language: DocumentLanguage, meeting: Partial<SignInSheetInput['meeting']> = {}): SignInSheetInput {
  return {
    document: { language, reference: 'S2-2026-1a2b3c4d', revision: 3, issuedAt: '2026-12-06T17:30:00.000Z', issuedBy: 'Helen Marsh' },
    certificationBody: { name: 'Meridian Assurance Certification Ltd', logoDataUrl: null },
    client: { name: 'Kestrel Data Services Ltd', address: '4 Quay Street\nManchester M3 3JE' },
    audit: { typeLabel: language === 'en' ? 'Stage 2 audit (initial certification)' : '第二阶段审核（初次认证）', standard: 'ISO/IEC 20000-1:2018 + Amd 1:2024', timeZone: 'Europe/London' },
    meeting: { kind: 'opening', title: language === 'en' ? 'Opening meeting' : '首次会议', day: '2026-12-07', start: '09:00', end: '09:30', place: 'Manchester head office, 4 Quay Street', remoteTool: null, ...meeting },
    attendees: [
      { name: 'Helen Marsh', role: language === 'en' ? 'Audit team leader' : '审核组长', organization: 'Meridian Assurance Certification Ltd', remote: false },
      { name: '王芳', role: '信息安全经理', organization: 'Kestrel Data Services Ltd', remote: false },
      { name: 'Mark Ellis', role: 'Managing Director', organization: 'Kestrel Data Services Ltd', remote: true },
    ],
    blankRows: 13,
  };
}

const table = (document: DocumentModel): TableBlock => document.blocks.find((block): block is TableBlock => block.kind === 'table')!;
const keyValue = (document: DocumentModel, key: string): string[] => {
  for (const block of document.blocks) if (block.kind === 'keyValue') for (const row of block.rows) if (row.key === key) return row.value.map(text);
  return [];
};

describe.each(DOCUMENT_LANGUAGES)('the sign-in sheet in %s', (language) => {
  const input = sheet(language);
  const document = signInSheetDocument(input);
  const t = fixedText(language);

  it('is one A4 portrait page identified by the engagement and the meeting', () => {
    expect(document.identity).toMatchObject({ kind: 'sign-in-sheet', title: t('signIn.title'), reference: input.document.reference, revision: 3, language });
    expect(document.page).toMatchObject({ size: 'A4', orientation: 'portrait' });
    expect(document.blocks[0]).toEqual({ kind: 'title', title: t('signIn.title'), subtitle: t('signIn.subtitle', { meeting: input.meeting.title, client: input.client.name }) });
    expect(document.running.headerRight).toContain(input.meeting.title);
    expect(keyValue(document, t('signIn.client'))).toEqual(['Kestrel Data Services Ltd', '4 Quay Street, Manchester M3 3JE']);
    expect(keyValue(document, t('signIn.meeting'))).toEqual([input.meeting.title]);
    expect(keyValue(document, t('signIn.date'))[0]).toBe(language === 'en' ? 'Monday 7 Dec 2026, 09:00–09:30 local time (Europe/London)' : '2026年12月7日（星期一） 09:00–09:30（当地时间，Europe/London）');
    expect(keyValue(document, t('signIn.place'))).toEqual(['Manchester head office, 4 Quay Street']);
    expect(document.running.headerRight).toContain(input.document.reference);
  });

  it('numbers a row for each person expected, then the free rows, with room to sign', () => {
    const rows = table(document).rows;
    expect(table(document).columns.map((column) => column.header)).toEqual(['number', 'name', 'role', 'organization', 'signature', 'time'].map((column) => t(`signIn.col.${column}` as 'signIn.col.name')));
    expect(rows).toHaveLength(3 + 13);
    expect(rows.map((row) => text(row.cells[0]!.lines[0]!))).toEqual(Array.from({ length: 16 }, (_, index) => String(index + 1)));
    expect(rows.slice(0, 3).map((row) => [text(row.cells[1]!.lines[0]!), text(row.cells[2]!.lines[0]!), text(row.cells[3]!.lines[0]!)])).toEqual(
      input.attendees.map((attendee) => [attendee.name, attendee.role, attendee.organization]),
    );
    // The remote attendee cannot sign the paper: the sheet says so.
    expect(text(rows[2]!.cells[4]!.lines[0]!)).toBe(t('signIn.attendedRemotely'));
    // Every other signature cell is two lines high; the free rows print nothing but their number.
    for (const row of [...rows.slice(0, 2), ...rows.slice(3)]) expect(row.cells[4]!.lines).toHaveLength(2);
    for (const row of rows.slice(3)) expect(row.cells.slice(1).flatMap((item) => item.lines.map(text)).join('').trim()).toBe('');
  });

  it('says how the sheet is used, in the document’s language only', () => {
    const all = documentTexts(document).join('\n');
    expect(all).toContain(t('signIn.intro'));
    expect(all).toContain(t('signIn.note'));
    expect(document.blocks.at(-1)).toEqual(paragraph(t('signIn.note'), { tone: 'note' }));
    if (language === 'zh-Hans') expect(all).not.toMatch(/Sign-in|Signature|Organization/);
  });

  it('names the remote tool in place of a site for a remote meeting', () => {
    const remote = signInSheetDocument(sheet(language, { place: null, remoteTool: 'Microsoft Teams' }));
    expect(keyValue(remote, t('signIn.place'))).toEqual([t('signIn.remote', { tool: 'Microsoft Teams' })]);
    expect(keyValue(signInSheetDocument(sheet(language, { place: null, remoteTool: '' })), t('signIn.place'))).toEqual([t('signIn.remoteNoTool')]);
  });
});

describe('the height of an attendee’s row, for sizing the free rows', () => {
  it('is two lines for a short entry, more for a long title, in Latin and in Chinese', () => {
    const person = (name: string, role: string, organization: string) => ({ name, role, organization, remote: false });
    expect(attendeeRowLines(person('Helen Marsh', 'Audit team leader', 'Meridian'))).toBe(2);
    expect(attendeeRowLines(person('Priya Shah', 'Head of Service Management (SMS owner) and deputy managing director', 'Kestrel'))).toBeGreaterThanOrEqual(3);
    expect(attendeeRowLines(person('王芳', '运维主管', '凯斯特数据服务有限公司'))).toBe(2);
    expect(attendeeRowLines(person('王芳', '信息技术服务管理体系负责人兼运维部经理', '凯斯特数据服务有限公司'))).toBeGreaterThanOrEqual(3);
  });
});
