import { describe, expect, it } from 'vitest';
import { BAD_TEMPLATES, cbPlanTemplate, templateWithHyperlink } from '../../tests/fixtures/template-files.ts';
import { zipFiles } from '../../tests/helpers/zip-writer.ts';
import { inspectDocx, TEMPLATE_FILE_LIMITS } from './docx-package.ts';
import { inflateEntry, zipEntries } from './zip-reader.ts';
import { templateFileIssues } from './index.ts';

describe('the template file check', () => {
  it('passes a real template and returns its body, header and footer', () => {
    const inspected = inspectDocx(cbPlanTemplate(), 'full');
    expect(inspected.ok).toBe(true);
    if (!inspected.ok) return;
    expect(inspected.contentParts.map((part) => part.name)).toEqual(['word/document.xml', 'word/header1.xml', 'word/footer1.xml']);
    expect(inspected.contentParts[0]!.xml).toContain('{client.name}');
    expect(templateFileIssues(cbPlanTemplate('zh-Hans'))).toEqual([]);
  });

  it('keeps a hyperlink to a website (it opens only when clicked)', () => {
    expect(inspectDocx(templateWithHyperlink(), 'full')).toMatchObject({ ok: true });
  });

  it.each(BAD_TEMPLATES.filter((bad) => bad.quick).map((bad) => [bad.name, bad] as const))('refuses %s, in the quick check too', (_name, bad) => {
    const bytes = bad.bytes();
    for (const depth of ['light', 'full'] as const) {
      const inspected = inspectDocx(bytes, depth);
      expect(inspected.ok, depth).toBe(false);
      if (inspected.ok) continue;
      expect(inspected.issues, depth).toContainEqual(expect.objectContaining({ code: bad.code, ...(bad.params ? { params: expect.objectContaining(bad.params) } : {}) }));
    }
  });

  it.each(BAD_TEMPLATES.filter((bad) => !bad.quick && ['EXTERNAL_CONTENT', 'CORRUPT'].includes(bad.code)).map((bad) => [bad.name, bad] as const))('refuses %s in the full check', (_name, bad) => {
    const inspected = inspectDocx(bad.bytes(), 'full');
    expect(inspected.ok).toBe(false);
    if (!inspected.ok) expect(inspected.issues).toContainEqual(expect.objectContaining({ code: bad.code, params: expect.objectContaining(bad.params ?? {}) }));
  });

  it('says how large a file over the limit is', () => {
    const bytes = BAD_TEMPLATES.find((bad) => bad.name === '50 MB of images')!.bytes();
    expect(templateFileIssues(bytes)).toEqual([{ code: 'TEMPLATE_TOO_LARGE', params: { bytes: bytes.length, maxBytes: TEMPLATE_FILE_LIMITS.fileBytes } }]);
  });

  it('refuses a zip bomb from its directory, before inflating anything', () => {
    const bomb = BAD_TEMPLATES.find((bad) => bad.code === 'CONTENT_TOO_LARGE')!.bytes();
    expect(bomb.length).toBeLessThan(TEMPLATE_FILE_LIMITS.fileBytes);
    // The bomb's first deflate block made invalid (block type 11, which deflate reserves): any inflating
    // now fails, so the same refusal from the damaged bomb proves the directory alone decided.
    const entry = zipEntries(bomb).find((candidate) => candidate.name === 'word/media/bomb.png')!;
    const local = entry.localHeaderOffset;
    const damaged = Buffer.from(bomb);
    damaged[local + 30 + damaged.readUInt16LE(local + 26) + damaged.readUInt16LE(local + 28)] = 0b111;
    expect(() => inflateEntry(damaged, entry)).toThrow(expect.objectContaining({ reason: 'bad-data' }));
    for (const bytes of [bomb, damaged]) {
      expect(templateFileIssues(bytes)).toEqual([{ code: 'CONTENT_TOO_LARGE', params: { bytes: expect.any(Number), maxBytes: TEMPLATE_FILE_LIMITS.contentBytes } }]);
    }
  });

  it('inflates no more than an entry declares (a bomb hiding its size stops at the declared size)', () => {
    const bytes = zipFiles([{ name: 'a.bin', data: Buffer.alloc(50 * 1024 * 1024), declaredSize: 10 }]);
    const [entry] = zipEntries(bytes);
    expect(() => inflateEntry(bytes, entry!)).toThrow(expect.objectContaining({ reason: 'declared-size-wrong' }));
  });
});
