// Text in the PDF's font: cut between Chinese and Latin, and the font's proportional forms asked for
// exactly where the font has them (pdfkit shapes text with features afresh every time, so not for
// every Latin word).
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { WORKER_DIR } from '../../tests/helpers/temp.ts';
import { builtFontDir, readPdfFonts } from './pdf-fonts.ts';
import { PROPORTIONAL_FORMS, scriptSegments } from './pdf-text.ts';
import { CJK } from './theme.ts';

const fonts = readPdfFonts(builtFontDir(WORKER_DIR));

describe('text in the PDF', () => {
  it('cuts text between Chinese and Latin, quotes going with the letters they touch', () => {
    expect(scriptSegments('client’s plan')).toEqual([{ text: 'client’s plan', latin: true }]);
    expect(scriptSegments('审核“计划”')).toEqual([{ text: '审核“计划”', latin: false }]);
    expect(scriptSegments('ISO/IEC 20000-1 的结合审核')).toEqual([
      { text: 'ISO/IEC 20000-1', latin: true },
      { text: ' 的结合审核', latin: false },
    ]);
  });

  it('asks for proportional forms exactly where the font draws a character otherwise (outside Chinese)', () => {
    const pdf = new PDFDocument({ autoFirstPage: false });
    pdf.registerFont('regular', Buffer.from(fonts.regular));
    pdf.font('regular').fontSize(10);
    const changed: string[] = [];
    const asked: string[] = [];
    const codes = [...Array.from({ length: 0x3000 - 0x20 }, (_, i) => 0x20 + i), ...Array.from({ length: 0x10000 - 0xfe00 }, (_, i) => 0xfe00 + i)];
    for (const code of codes) {
      const char = String.fromCodePoint(code);
      if (CJK.test(char) || (code >= 0xd800 && code < 0xe000)) continue;
      if (Math.abs(pdf.widthOfString(char) - pdf.widthOfString(char, { features: ['pwid'] })) > 1e-6) changed.push(char);
      if (char.match(PROPORTIONAL_FORMS)) asked.push(char);
    }
    expect(changed).toEqual(asked);
    expect('client’s “plan” … ― ∕'.match(PROPORTIONAL_FORMS)).toEqual(['’', '“', '”', '…', '―', '∕']);
  });
});
