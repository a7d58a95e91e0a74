// Real clients read the documents (DESIGN.md "Testing"): LibreOffice headless converts the plan's
// .docx to PDF (one batched call, its own profile folder), and pdftotext finds the client, every
// session's auditors and the Chinese text in LibreOffice's PDFs and in ours. CI installs both
// (.ci/run: libreoffice-writer-nogui, poppler-utils): there a missing tool fails these tests; on a
// developer's machine without them they are skipped, saying why.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx, DocumentRenderer } from '../../electron/documents/index.ts';
import { joinList } from '../../shared/documents/format.ts';
import { planDocument, teamShortNames } from '../../shared/documents/plan-document.ts';
import { DOCUMENT_LANGUAGES, type DocumentLanguage, type PlanDocumentInput } from '../../shared/documents/plan-input.ts';
import { samplePlanInput } from '../fixtures/plan-documents.ts';
import os from 'node:os';
import { WORKER_DIR } from '../helpers/temp.ts';

const has = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const tools = { soffice: has('soffice'), pdftotext: has('pdftotext') };
const missing = Object.entries(tools).filter(([, present]) => !present).map(([name]) => name);
const run = missing.length === 0 || process.env.CI ? describe : describe.skip;
if (missing.length && !process.env.CI) console.warn(`documents-real-clients: skipped here, ${missing.join(' and ')} not installed (apt-get install libreoffice-writer-nogui poppler-utils)`);

function pdfText(file: string): string {
  const result = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (result.error) throw new Error(`pdftotext could not run (${result.error.message}): install poppler-utils`);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** Each audit session's line in the schedule: its time with its team (the first line of its row). */
function checkSessions(text: string, input: PlanDocumentInput, language: DocumentLanguage): void {
  const names = teamShortNames(input.team);
  const lines = text.split('\n');
  for (const session of input.sessions) {
    const time = `${session.start}–${session.end}`;
    const rows = lines.filter((line) => line.includes(time));
    expect(rows.length, `${time} ${session.title}`).toBeGreaterThan(0);
    if (session.kind !== 'audit') continue;
    const team = joinList(
      session.teamMemberIds.map((id) => names.get(id)!),
      language,
    );
    expect(
      rows.some((line) => line.includes(team)),
      `${time} ${session.title}: ${team} in\n${rows.join('\n')}`,
    ).toBe(true);
  }
  for (const member of input.team) expect(text).toContain(member.name);
  expect(text).toContain(input.client.name);
}

run('the audit plan read by LibreOffice and pdftotext', () => {
  // Kept for the whole suite (tests/helpers' tempDir is emptied after each test).
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-docs-'));
  const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
  const converted = path.join(folder, 'libreoffice');
  let conversion: { status: number | null; stderr: string; error?: Error };

  beforeAll(async () => {
    for (const language of DOCUMENT_LANGUAGES) {
      const model = planDocument(samplePlanInput(language));
      fs.writeFileSync(path.join(folder, `plan-${language}.docx`), await renderDocx(model));
      fs.writeFileSync(path.join(folder, `plan-${language}.pdf`), await renderer.pdf(model));
    }
    // One batched call for every .docx, with a profile folder of its own (no clash with a running office).
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(folder, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', converted, ...DOCUMENT_LANGUAGES.map((l) => path.join(folder, `plan-${l}.docx`))],
      { encoding: 'utf8', timeout: 240_000 },
    );
    conversion = { status: result.status, stderr: result.stderr ?? '', error: result.error };
  }, 300_000);
  afterAll(async () => {
    await renderer.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('LibreOffice converts every .docx to PDF without error', () => {
    expect(conversion.error?.message, 'soffice could not run: install libreoffice-writer-nogui').toBeUndefined();
    expect(conversion.status, conversion.stderr).toBe(0);
    expect(conversion.stderr).not.toMatch(/\berror\b/i);
    for (const language of DOCUMENT_LANGUAGES) expect(fs.statSync(path.join(converted, `plan-${language}.pdf`)).size).toBeGreaterThan(10_000);
  });

  it.each(DOCUMENT_LANGUAGES)('pdftotext finds the client, every session with its auditors, the page numbers (%s)', (language) => {
    const input = samplePlanInput(language);
    for (const file of [path.join(converted, `plan-${language}.pdf`), path.join(folder, `plan-${language}.pdf`)]) {
      const text = pdfText(file);
      checkSessions(text, input, language);
      expect(text).toMatch(language === 'en' ? /Page 1 of [2-9]/ : /第 1 页，共 [2-9] 页/);
    }
  });

  it('the Chinese plan shows its Chinese text in both PDFs', () => {
    const input = samplePlanInput('zh-Hans');
    for (const file of [path.join(converted, 'plan-zh-Hans.pdf'), path.join(folder, 'plan-zh-Hans.pdf')]) {
      const text = pdfText(file);
      for (const expected of ['审核计划', '审核目的', '审核准则', '审核范围', '审核组长', '首次会议', '末次会议', '受审核方', '认证机构', '人日', input.certificationBody.name, input.audit.scope.slice(0, 12)]) {
        expect(text, expected).toContain(expected);
      }
      expect(text).not.toContain('不合格');
    }
  });
});
