// The sign-in sheet from an engagement: who it pre-prints (attendance, else the plan), the meeting as
// it ran, the export recorded as its own kind — and the files read back by real clients: our PDF by
// pdftotext, the .docx converted by LibreOffice headless and read by pdftotext too. Without the tools
// (a developer's machine) the real-client part is skipped, saying why; in CI they are installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DocumentRenderer } from '../documents/index.ts';
import { createDemoEngagement } from '../engagement/demo-engagement.ts';
import type { EngagementService } from '../engagement/engagement-service.ts';
import { docxParagraphs } from '../../tests/helpers/docx-text.ts';
import { startTestService } from '../../tests/helpers/services.ts';
import { tempDir, WORKER_DIR } from '../../tests/helpers/temp.ts';
import { freeRows, SIGN_IN_ROWS } from '../../shared/plan/sign-in-sheet-input.ts';
import { SignInSheetExporter } from './sign-in-export.ts';

const renderers: DocumentRenderer[] = [];
afterEach(async () => {
  for (const renderer of renderers.splice(0)) await renderer.close();
});

const OPTIONS = { revision: 1, issuedAt: '2026-12-06T17:30:00.000Z', issuedBy: 'Helen Marsh' } as const;

async function demo(service: EngagementService, dir: string) {
  const { handle } = await createDemoEngagement(service, path.join(dir, 'demo.iso20k'));
  const sessions = await service.listRows(handle, 'plan_session');
  const of = (kind: string) => String(sessions.find((session) => session.kind === kind)!.id);
  return { handle, opening: of('opening'), closing: of('closing'), audit: of('audit') };
}

describe('the sign-in sheet of a meeting', () => {
  it('pre-prints the team in the session and the plan’s auditees until attendance is recorded, then the attendance', async () => {
    const service = await startTestService();
    const { handle, opening, closing, audit } = await demo(service, tempDir());
    // The closing meeting (day 4) is not recorded in the demo: the plan's people are pre-printed.
    const planned = await service.call(handle, 'signInSheetInput', closing, { ...OPTIONS, language: 'en' });
    expect(planned.meeting).toMatchObject({ kind: 'closing', title: 'Closing meeting', day: '2026-12-10', start: '15:30', end: '16:30', remoteTool: null });
    expect(planned.meeting.place).toMatch(/^Manchester head office/);
    expect(planned.attendees.map((attendee) => [attendee.name, attendee.role, attendee.organization])).toEqual([
      ['Helen Marsh', 'Audit team leader', 'Meridian Assurance Certification Ltd'],
      ['Rajesh Iyer', 'Auditor', 'Meridian Assurance Certification Ltd'],
      ['Tomasz Nowak', 'Technical expert', 'Meridian Assurance Certification Ltd'],
      ['Aoife Byrne', 'Observer', 'Meridian Assurance Certification Ltd'],
      ['Priya Shah', 'Head of Service Management (SMS owner)', 'Kestrel Data Services Ltd'],
      ['Mark Ellis', 'Managing Director', 'Kestrel Data Services Ltd'],
    ]);
    // Priya Shah's long title takes a taller row: one free row fewer keeps the sheet on one page.
    expect(planned.blankRows).toBe(freeRows(planned.attendees));
    expect(planned.attendees.length + planned.blankRows).toBe(SIGN_IN_ROWS - 1);
    const zh = await service.call(handle, 'signInSheetInput', closing, { ...OPTIONS, language: 'zh-Hans' });
    expect(zh.meeting.title).toBe('末次会议');
    expect(zh.attendees[0]!.role).toBe('审核组长');

    // The opening meeting as the demo recorded it on day 1: its attendance (the team first, two remote), longer than planned.
    const held = await service.call(handle, 'signInSheetInput', opening, { ...OPTIONS, language: 'en' });
    expect(held.meeting).toMatchObject({ kind: 'opening', title: 'Opening meeting', day: '2026-12-07', start: '09:00', end: '09:40' });
    expect(held.attendees.map((attendee) => [attendee.name, attendee.organization, attendee.remote])).toEqual([
      ['Helen Marsh', 'Meridian Assurance Certification', false],
      ['Rajesh Iyer', 'Meridian Assurance Certification', true],
      ['Tomasz Nowak', 'Meridian Assurance Certification', false],
      ['Aoife Byrne', 'Meridian Assurance Certification', false],
      ['Mark Ellis', 'Kestrel Data Services', false],
      ['Priya Shah', 'Kestrel Data Services', false],
      ['Dev Anand', 'Kestrel Data Services', false],
      ['Lena Fischer', 'Kestrel Data Services', true],
    ]);
    expect(held.blankRows).toBe(freeRows(held.attendees));

    // Attendance recorded at the closing meeting: the absent are left out, the remote marked, the team first; the meeting moved.
    await service.createRow(handle, 'attendance', { session_id: closing, name: 'Priya Shah', role: 'SMS owner', organization: 'Kestrel Data Services Ltd', presence: 'present' });
    await service.createRow(handle, 'attendance', { session_id: closing, name: 'Mark Ellis', role: 'Managing Director', organization: 'Kestrel Data Services Ltd', presence: 'absent' });
    await service.createRow(handle, 'attendance', { session_id: closing, name: '王芳', role: '运维主管', organization: 'Kestrel Data Services Ltd', presence: 'remote' });
    await service.createRow(handle, 'attendance', { session_id: closing, name: 'Helen Marsh', role: 'Audit team leader', organization: 'Meridian', presence: 'present' });
    await service.createRow(handle, 'session_outcome', { session_id: closing, status: 'moved', actual_day: '2026-12-10', actual_start: '15:50', actual_end: '16:50', reason: 'Managing Director delayed' });
    const recorded = await service.call(handle, 'signInSheetInput', closing, { ...OPTIONS, language: 'en' });
    expect(recorded.attendees.map((attendee) => [attendee.name, attendee.remote])).toEqual([
      ['Helen Marsh', false],
      ['Priya Shah', false],
      ['王芳', true],
    ]);
    expect(recorded.blankRows).toBe(SIGN_IN_ROWS - 3);
    expect(recorded.meeting).toMatchObject({ start: '15:50', end: '16:50' });
    // The opening meeting's sheet is its own: nothing of the closing meeting's attendance on it.
    expect((await service.call(handle, 'signInSheetInput', opening, { ...OPTIONS, language: 'en' })).attendees).toHaveLength(8);

    await expect(service.call(handle, 'signInSheetInput', audit, { ...OPTIONS, language: 'en' })).rejects.toMatchObject({ code: 'INVALID_VALUE' });
    await expect(service.call(handle, 'signInSheetInput', 'no-such-session', { ...OPTIONS, language: 'en' })).rejects.toMatchObject({ code: 'ROW_NOT_FOUND' });
  });

  it('exports as its own kind in the register, each export the next revision with its SHA-256', async () => {
    const service = await startTestService();
    const dir = tempDir();
    const { handle, opening, closing } = await demo(service, dir);
    const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
    renderers.push(renderer);
    const exporter = new SignInSheetExporter(service, renderer);
    const pdf = await exporter.export(handle, { sessionId: opening, format: 'pdf', language: 'en', file: path.join(dir, 'opening.pdf') });
    expect(fs.readFileSync(pdf.file).subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await exporter.export(handle, { sessionId: closing, format: 'docx', language: 'zh-Hans', file: path.join(dir, 'closing.docx') });
    const text = (await docxParagraphs(new Uint8Array(fs.readFileSync(docx.file)))).body.join('\n');
    expect(text).toContain('签到表');
    expect(text).toContain('末次会议');
    expect(text).toContain('Priya Shah');
    const register = await service.call(handle, 'listExports', 'sign-in-sheet');
    expect(register.map((row) => [row.kind, row.revision, row.format, row.language, row.sha256])).toEqual([
      ['sign-in-sheet', 2, 'docx', 'zh-Hans', docx.sha256],
      ['sign-in-sheet', 1, 'pdf', 'en', pdf.sha256],
    ]);
    // The plan's own revisions are not touched.
    expect(await service.call(handle, 'nextRevision', 'audit-plan')).toBe(1);
    expect(await service.call(handle, 'verifyChain')).toMatchObject({ ok: true });
  });
});

const has = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const missing = ['soffice', 'pdftotext'].filter((tool) => !has(tool));
const real = missing.length === 0 || process.env.CI ? describe : describe.skip;
if (missing.length && !process.env.CI) console.warn(`sign-in sheet: real clients skipped here, ${missing.join(' and ')} not installed (apt-get install libreoffice-writer-nogui poppler-utils)`);

function pdfText(file: string): { text: string; pages: number } {
  const result = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (result.error) throw new Error(`pdftotext could not run (${result.error.message}): install poppler-utils`);
  expect(result.status, result.stderr).toBe(0);
  return { text: result.stdout, pages: result.stdout.split('\f').filter((page) => page.trim()).length };
}

real('the sign-in sheet read by pdftotext and LibreOffice', () => {
  // Kept for the whole suite (tests/helpers' tempDir is emptied after each test).
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-sign-in-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('prints on one A4 page with the names, in English and in Chinese (Noto Sans SC), from our PDF and LibreOffice’s', async () => {
    const service = await startTestService();
    const { handle, opening, closing } = await demo(service, tempDir());
    await service.createRow(handle, 'attendance', { session_id: closing, name: '王芳', role: '运维主管', organization: '凯斯特数据服务有限公司', presence: 'present' });
    await service.createRow(handle, 'attendance', { session_id: closing, name: 'Priya Shah', role: 'SMS owner', organization: 'Kestrel Data Services Ltd', presence: 'present' });
    await service.createRow(handle, 'attendance', { session_id: closing, name: 'Helen Marsh', role: 'Audit team leader', organization: 'Meridian Assurance Certification Ltd', presence: 'present' });
    const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
    renderers.push(renderer);
    const exporter = new SignInSheetExporter(service, renderer);
    for (const language of ['en', 'zh-Hans'] as const) {
      for (const format of ['pdf', 'docx'] as const) await exporter.export(handle, { sessionId: closing, format, language, file: path.join(folder, `sheet-${language}.${format}`) });
    }
    // The demo's opening meeting: its eight attendees recorded on day 1, two of them remote.
    for (const format of ['pdf', 'docx'] as const) await exporter.export(handle, { sessionId: opening, format, language: 'en', file: path.join(folder, `opening-en.${format}`) });
    const converted = path.join(folder, 'libreoffice');
    const conversion = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(folder, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', converted, path.join(folder, 'sheet-en.docx'), path.join(folder, 'sheet-zh-Hans.docx'), path.join(folder, 'opening-en.docx')],
      { encoding: 'utf8', timeout: 240_000 },
    );
    expect(conversion.error?.message, 'soffice could not run: install libreoffice-writer-nogui').toBeUndefined();
    expect(conversion.status, conversion.stderr).toBe(0);

    for (const file of [path.join(folder, 'sheet-en.pdf'), path.join(converted, 'sheet-en.pdf')]) {
      const { text, pages } = pdfText(file);
      expect(pages, file).toBe(1);
      for (const expected of ['Sign-in sheet', 'Closing meeting', 'Kestrel Data Services Ltd', 'Helen Marsh', 'Priya Shah', '王芳', 'Signature', 'Page 1 of 1']) expect(text, `${expected} in ${file}`).toContain(expected);
      // The free rows are numbered on to the last (the footer's issue time, "Issued … 12:07", left out: it is not a row).
      const rows = text.split('\n').filter((line) => !line.trimStart().startsWith('Issued ')).join('\n');
      expect(rows).toMatch(new RegExp(`\\b${SIGN_IN_ROWS}\\b`));
      expect(rows).not.toMatch(new RegExp(`\\b${SIGN_IN_ROWS + 1}\\b`));
    }
    for (const file of [path.join(folder, 'sheet-zh-Hans.pdf'), path.join(converted, 'sheet-zh-Hans.pdf')]) {
      const { text, pages } = pdfText(file);
      expect(pages, file).toBe(1);
      for (const expected of ['签到表', '末次会议', '受审核方', '姓名', '签字', '签到时间', '审核组长', '凯斯特数据服务有限公司', '王芳', 'Helen Marsh', '第 1 页，共 1 页']) expect(text, `${expected} in ${file}`).toContain(expected);
    }
    // Eight attendees, one with a three-line title: the free rows shrink so the sheet stays one page.
    for (const file of [path.join(folder, 'opening-en.pdf'), path.join(converted, 'opening-en.pdf')]) {
      const { text, pages } = pdfText(file);
      expect(pages, file).toBe(1);
      for (const expected of ['Opening meeting', '09:00–09:40', 'Helen Marsh', 'Rajesh Iyer', 'Aoife Byrne', 'Mark Ellis', 'Dev Anand', 'Lena Fischer', 'Attends remotely']) expect(text, `${expected} in ${file}`).toContain(expected);
      expect(text.match(/Attends remotely/g), file).toHaveLength(2);
    }
  }, 300_000);
});
