// A filled CB template read by real clients (issue 14, Tests): LibreOffice headless converts the
// filled .docx (English and Chinese, one batched call, its own profile folder) to PDF without error,
// and pdftotext finds the client, every session with its auditors, and the Chinese text. As for the
// app's own documents (documents-real-clients.test.ts), CI installs both tools (.ci/run) and a missing
// one fails there; on a machine without them the suite is skipped, saying why.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillPlanTemplate } from '../../electron/templates/template-check.ts';
import type { PlanDocumentInput } from '../../shared/documents/plan-input.ts';
import { SAMPLE_PLAN_INPUT } from '../../shared/templates/plan-sample.ts';
import { cbPlanTemplate, chinesePlan } from '../fixtures/template-files.ts';

const has = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const missing = ['soffice', 'pdftotext'].filter((tool) => !has(tool));
const run = missing.length === 0 || process.env.CI ? describe : describe.skip;
if (missing.length && !process.env.CI) console.warn(`templates-real-clients: skipped here, ${missing.join(' and ')} not installed (apt-get install libreoffice-writer-nogui poppler-utils)`);

const CASES: readonly { name: string; language: 'en' | 'zh-Hans'; input: PlanDocumentInput }[] = [
  { name: 'filled-en', language: 'en', input: SAMPLE_PLAN_INPUT },
  { name: 'filled-zh', language: 'zh-Hans', input: chinesePlan() },
];

/** The PDF's text with all white space removed: table cells wrap, and a wrap must not hide a name. */
const pdfText = (file: string): string => {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (result.error) throw new Error(`pdftotext could not run (${result.error.message}): install poppler-utils`);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.replace(/\s+/g, '');
};
const squeeze = (text: string): string => text.replace(/\s+/g, '');

run('a filled CB template read by LibreOffice and pdftotext', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-templates-'));
  const converted = path.join(folder, 'pdf');
  // LibreOffice's own profile for this run, removed afterwards: never the user's, never shared with another run.
  const profile = path.join(os.tmpdir(), `lo-${randomUUID()}`);
  let conversion: { status: number | null; stderr: string; error?: Error };

  beforeAll(async () => {
    for (const { name, language, input } of CASES) {
      const fill = await fillPlanTemplate(cbPlanTemplate(language), input, language);
      if (!fill.ok) throw new Error(`not filled: ${JSON.stringify(fill.check.issues)}`);
      fs.writeFileSync(path.join(folder, `${name}.docx`), fill.bytes);
    }
    // One call for both files, with a profile folder of its own (no clash with an office already running).
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', converted, ...CASES.map(({ name }) => path.join(folder, `${name}.docx`))],
      { encoding: 'utf8', timeout: 240_000 },
    );
    conversion = { status: result.status, stderr: result.stderr ?? '', error: result.error };
  }, 300_000);
  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  });

  it('LibreOffice converts both filled templates to PDF without error', () => {
    expect(conversion.error?.message, 'soffice could not run: install libreoffice-writer-nogui').toBeUndefined();
    expect(conversion.status, conversion.stderr).toBe(0);
    for (const { name } of CASES) expect(fs.statSync(path.join(converted, `${name}.pdf`)).size).toBeGreaterThan(1000);
  });

  it.each(CASES)('pdftotext finds the client, every session with its auditors, the team ($name)', ({ name, input }) => {
    const text = pdfText(path.join(converted, `${name}.pdf`));
    expect(text).toContain(squeeze(input.client.name));
    expect(text).toContain(squeeze(input.certificationBody.name));
    // Row by row: each session's title comes before its auditors, and the auditors before the next session's title.
    let from = 0;
    for (const session of [...input.sessions].sort((a, b) => (a.day + a.start < b.day + b.start ? -1 : 1))) {
      const title = text.indexOf(squeeze(session.title), from);
      expect(title, session.title).toBeGreaterThanOrEqual(0);
      from = title;
      for (const member of input.team.filter((m) => session.teamMemberIds.includes(m.id))) {
        expect(text.indexOf(squeeze(member.name), from), `${session.title}: ${member.name}`).toBeGreaterThan(title);
      }
    }
    for (const member of input.team) expect(text).toContain(squeeze(member.name));
  });

  it('the Chinese template keeps its Chinese text: labels, dates, the client', () => {
    const text = pdfText(path.join(converted, 'filled-zh.pdf'));
    for (const expected of ['审核计划', '受审核组织', '北风信息技术服务有限公司', '2027年3月15日至16日', '远程审核活动按IAFMD4实施。', '王丽、李强、张敏']) expect(text).toContain(expected);
  });
});
