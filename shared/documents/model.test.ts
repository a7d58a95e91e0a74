import { describe, expect, it } from 'vitest';
import { cell, contentWidthMm, contentsOf, heading, lines, paragraph, resolveWidthsMm } from './model.ts';
import { readImageDataUrl } from './image.ts';

describe('document model', () => {
  it('resolves fixed and fractional widths to the same millimetres for every renderer', () => {
    expect(resolveWidthsMm([{ mm: 22 }, { fraction: 0.5 }, { fraction: 0.5 }], 174)).toEqual([22, 76, 76]);
    expect(resolveWidthsMm([{ fraction: 1 }, { fraction: 3 }], 100)).toEqual([25, 75]);
    expect(contentWidthMm({ size: 'A4', orientation: 'portrait', marginsMm: { top: 20, right: 18, bottom: 20, left: 18 } })).toBe(174);
  });

  it('writes a contents list from the headings', () => {
    const blocks = [heading(1, 'One'), paragraph('text'), heading(2, 'One.a'), heading(3, 'deep'), heading(1, 'Two')];
    expect(contentsOf(blocks, 'Contents').entries).toEqual([
      { level: 1, text: 'One' },
      { level: 2, text: 'One.a' },
      { level: 1, text: 'Two' },
    ]);
  });

  it('splits typed text into lines and builds cells', () => {
    expect(lines('a\nb\r\nc\n')).toEqual([[{ text: 'a' }], [{ text: 'b' }], [{ text: 'c' }]]);
    expect(cell('x', 3)).toEqual({ lines: [[{ text: 'x' }]], span: 3 });
    expect(cell([{ text: 'y', bold: true }])).toEqual({ lines: [[{ text: 'y', bold: true }]] });
  });
});

describe('document images', () => {
  const png1x1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DwnwEKGBkAAA8ABQH4bGqxAAAAAElFTkSuQmCC';

  it('reads a PNG data URL and its size', () => {
    const reading = readImageDataUrl(png1x1);
    expect(reading.ok && { type: reading.image.type, w: reading.image.widthPx, h: reading.image.heightPx }).toEqual({ type: 'png', w: 2, h: 1 });
  });

  it.each([
    ['https://cb.example/logo.png', 'remote'],
    ['http://169.254.169.254/logo.png', 'remote'],
    ['//cb.example/logo.png', 'remote'],
    ['file:///etc/passwd', 'remote'],
    ['/home/lead/logo.png', 'not-data-url'],
    ['C:\\logo.png', 'not-data-url'],
    ['data:image/svg+xml;base64,PHN2Zy8+', 'unsupported-type'],
    ['data:image/png;base64,AAAA', 'unreadable'],
  ])('refuses %s (%s)', (source, problem) => {
    expect(readImageDataUrl(source)).toEqual({ ok: false, problem });
  });
});
