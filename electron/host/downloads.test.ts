import { describe, expect, it } from 'vitest';
import { DOWNLOAD_TTL_MS, Downloads } from './downloads.ts';

describe('download links', () => {
  it('work once, for a few minutes; a look (HEAD) does not use them up', () => {
    let now = 1_000;
    const downloads = new Downloads(() => now);
    const link = downloads.offer('/work/space/Kestrel audit plan rev 1.pdf');
    expect(link).toMatch(/^\/download\/[A-Za-z0-9_-]{24}\/Kestrel%20audit%20plan%20rev%201\.pdf$/);
    const id = link.split('/')[2]!;
    expect(downloads.peek(id)).toBe('/work/space/Kestrel audit plan rev 1.pdf');
    expect(downloads.take(id)).toBe('/work/space/Kestrel audit plan rev 1.pdf');
    expect(downloads.take(id)).toBeNull();

    const late = downloads.offer('/work/space/plan.docx').split('/')[2]!;
    now += DOWNLOAD_TTL_MS;
    expect(downloads.peek(late)).toBeNull();
    expect(downloads.take(late)).toBeNull();
    expect(downloads.take('not-a-link')).toBeNull();
  });

  it('give every offer its own unguessable id', () => {
    const downloads = new Downloads();
    const ids = new Set(Array.from({ length: 200 }, () => downloads.offer('/f.pdf').split('/')[2]));
    expect(ids.size).toBe(200);
  });
});
