// Real clients read the NC forms, the closing meeting record and a CB's NC-form template filled
// (issue 17): LibreOffice headless converts every .docx (one batched call, a fresh profile folder),
// pdftotext finds every NC number and the Chinese titles in LibreOffice's PDFs and in ours. Skipped
// on a machine without the tools, failing in CI (see documents-real-clients.test.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentRenderer, renderDocx } from '../../electron/documents/index.ts';
import { fillNcFormTemplate } from '../../electron/templates/template-check.ts';
import { closingRecordDocument } from '../../shared/documents/closing-record-document.ts';
import { ncFormsDocument } from '../../shared/documents/nc-form-document.ts';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../shared/documents/plan-input.ts';
import { cbNcFormTemplate, closingRecordInput, ncFormsInput } from '../fixtures/nc-documents.ts';
import { WORKER_DIR } from '../helpers/temp.ts';

const has = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const missing = ['soffice', 'pdftotext'].filter((tool) => !has(tool));
const run = missing.length === 0 || process.env.CI ? describe : describe.skip;
if (missing.length && !process.env.CI) console.warn(`nc-documents-real-clients: skipped here, ${missing.join(' and ')} not installed`);

function pdfText(file: string, layout = true): string {
  const result = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

const TITLES: Record<DocumentLanguage, { forms: string; record: string }> = { en: { forms: 'Nonconformity report', record: 'Closing meeting record' }, 'zh-Hans': { forms: '不符合报告', record: '末次会议记录' } };

run('NC forms and the closing meeting record read by LibreOffice and pdftotext', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-nc-docs-'));
  const renderer = new DocumentRenderer({ workerDir: WORKER_DIR });
  const converted = path.join(folder, 'libreoffice');
  const docx = (name: string) => path.join(folder, `${name}.docx`);
  const names = DOCUMENT_LANGUAGES.flatMap((language) => [`forms-${language}`, `record-${language}`, `template-${language}`]);
  let conversion: { status: number | null; stderr: string; error?: Error };

  beforeAll(async () => {
    for (const language of DOCUMENT_LANGUAGES) {
      const forms = ncFormsDocument(ncFormsInput(language));
      const record = closingRecordDocument(closingRecordInput(language));
      fs.writeFileSync(docx(`forms-${language}`), await renderDocx(forms));
      fs.writeFileSync(docx(`record-${language}`), await renderDocx(record));
      fs.writeFileSync(path.join(folder, `forms-${language}.pdf`), await renderer.pdf(forms));
      fs.writeFileSync(path.join(folder, `record-${language}.pdf`), await renderer.pdf(record));
      const filled = await fillNcFormTemplate(new Uint8Array(cbNcFormTemplate(language, 'all')), ncFormsInput(language), language);
      if (!filled.ok) throw new Error(`the CB template did not fill: ${JSON.stringify(filled.check.issues)}`);
      fs.writeFileSync(docx(`template-${language}`), filled.bytes);
    }
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(folder, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', converted, ...names.map(docx)],
      { encoding: 'utf8', timeout: 240_000 },
    );
    conversion = { status: result.status, stderr: result.stderr ?? '', error: result.error };
  }, 300_000);
  afterAll(async () => {
    await renderer.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('LibreOffice converts every .docx to PDF', () => {
    expect(conversion.error?.message).toBeUndefined();
    expect(conversion.status, conversion.stderr).toBe(0);
    for (const name of names) expect(fs.existsSync(path.join(converted, `${name}.pdf`)), name).toBe(true);
  });

  for (const language of DOCUMENT_LANGUAGES) {
    const numbers = ncFormsInput(language).forms.map((form) => form.number);
    it(`${language}: every NC number and the title in the NC forms, ours and LibreOffice's, one form per page`, () => {
      for (const file of [path.join(folder, `forms-${language}.pdf`), path.join(converted, `forms-${language}.pdf`)]) {
        const text = pdfText(file);
        expect(text).toContain(TITLES[language].forms);
        for (const number of numbers) expect(text, `${number} in ${file}`).toContain(number);
        // Each form starts on a page of its own: the page whose text holds a number's subtitle holds no other's.
        const pages = text.split('\f');
        for (const number of numbers) expect(pages.filter((page) => page.includes(`${number} — `)).length, number).toBe(1);
        if (language === 'zh-Hans') {
          for (const term of ['不符合事实', '纠正', '原因分析', '纠正措施', '受审核方代表签字', '审核组长', '公司盖章']) expect(text).toContain(term);
          expect(text).not.toContain('不合格');
        }
      }
    });
    it(`${language}: the closing meeting record names every finding and the acknowledgements`, () => {
      for (const file of [path.join(folder, `record-${language}.pdf`), path.join(converted, `record-${language}.pdf`)]) {
        const text = pdfText(file);
        expect(text).toContain(TITLES[language].record);
        for (const number of [...numbers, 'OBS-01']) expect(text, `${number} in ${file}`).toContain(number);
      }
    });
    it(`${language}: the CB's NC-form template, filled, reads in LibreOffice with every NC number`, () => {
      const text = pdfText(path.join(converted, `template-${language}.pdf`));
      for (const number of numbers) expect(text).toContain(number);
      // Read in reading order (not laid out: a long Chinese name wraps in its cell beside the next column's).
      expect(pdfText(path.join(converted, `template-${language}.pdf`), false).replace(/\s+/g, '')).toContain(ncFormsInput(language).client.name.replace(/\s+/g, ''));
    });
  }
});
