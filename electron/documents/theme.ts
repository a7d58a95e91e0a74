import { fitImageMm, type DocumentImage } from '../../shared/documents/image.ts';
import { A4_MM, type ImageBlock, type PageSetup } from '../../shared/documents/model.ts';

/**
 * How documents look, shared by the .docx and PDF renderers so both files look alike: sizes in
 * points, colours as hex RGB, distances in millimetres.
 */
export const THEME = {
  sizePt: { body: 9.5, note: 8, title: 20, subtitle: 12, h1: 13, h2: 10.5, h3: 10, running: 7.5, table: 8.5, contents: 9.5, formLabel: 7 },
  color: {
    text: '1F2933',
    accent: '17375E',
    muted: '5F6B7A',
    rule: 'AEB8C4',
    headerFill: 'DCE4EE',
    keyFill: 'F1F4F8',
    emphasisFill: 'EEF3F8',
    mutedText: '6B7280',
  },
  /** Space before and after, in points. */
  spacingPt: { paragraphAfter: 4, h1Before: 14, h1After: 6, h2Before: 10, h2After: 4, h3Before: 8, h3After: 3 },
  cellPaddingMm: { x: 1.6, y: 0.9 },
  ruleWidthPt: 0.5,
  logoHeightMm: 9,
  logoMaxWidthMm: 45,
  /** Distance of the running header's top and the footer's bottom from the page edge. */
  headerFromEdgeMm: 10,
  footerFromEdgeMm: 9,
  signatureRowMm: 14,
  lineHeight: 1.25,
  /** "DRAFT" across every page: light grey and see-through, so the text under it stays readable. */
  watermark: { color: '9AA5B1', opacity: 0.3, maxSizePt: 150 },
} as const;

/** Han, kana, hangul, CJK punctuation and full-width forms: what the font draws full width. */
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;

/**
 * The size an image block is printed at in both files: fitted into its box (no wider than the text),
 * keeping the picture's aspect — from the file's own pixel size, which requireImage has read.
 */
export function imageBlockSizeMm(image: DocumentImage, block: Pick<ImageBlock, 'maxWidthMm' | 'maxHeightMm'>, availableMm: number): { widthMm: number; heightMm: number } {
  return fitImageMm(image, block.maxHeightMm, Math.min(block.maxWidthMm, availableMm));
}

/** The sheet's width and height as it is printed (A4, turned for landscape). */
export function pageSizeMm(page: PageSetup): { width: number; height: number } {
  return page.orientation === 'portrait' ? { width: A4_MM.width, height: A4_MM.height } : { width: A4_MM.height, height: A4_MM.width };
}

/**
 * How large and at what angle the watermark is printed, the same in both files: along the page's
 * diagonal (bottom left to top right), about half its length, at most `maxSizePt` tall — the size
 * that fills the whole page turns two Chinese characters into a wall. `widthPt` × `heightPt` is the
 * box the .docx's WordArt shape stretches the text into (a Chinese character square, a Latin capital
 * 0.8 as wide as tall, as Word's own watermark estimates).
 */
export function watermarkLayout(text: string, page: PageSetup): { sizePt: number; widthPt: number; heightPt: number; angleDeg: number } {
  const { width, height } = pageSizeMm(page);
  const chars = [...text];
  // Width in ems: a Chinese character is one em, a Latin capital about 0.65, a space 0.3.
  const ems = Math.max(1, chars.reduce((sum, char) => sum + (CJK.test(char) ? 1 : /\s/.test(char) ? 0.3 : 0.65), 0));
  const sizePt = Math.round(Math.min(THEME.watermark.maxSizePt, (ptFromMm(Math.hypot(width, height)) * 0.55) / ems));
  const widthPt = Math.round(sizePt * ems);
  const boxEms = Math.max(1, chars.reduce((sum, char) => sum + (CJK.test(char) ? 1 : /\s/.test(char) ? 0.4 : 0.8), 0));
  return { sizePt, widthPt, heightPt: Math.round(widthPt / boxEms), angleDeg: Math.round((Math.atan2(height, width) * 180) / Math.PI) };
}

/**
 * Fonts named in the .docx (nothing is embedded): Arial for Latin text, which Word has and LibreOffice
 * replaces with the metric-compatible Liberation Sans; for Chinese, Microsoft YaHei, which every
 * Windows and Office for Mac has, while LibreOffice falls back to an installed CJK font (Noto Sans CJK
 * SC on Debian) — docs/ARCHITECTURE.md "Documents".
 */
export const DOCX_FONTS = { latin: 'Arial', eastAsia: 'Microsoft YaHei' } as const;

export const MM_PER_PT = 25.4 / 72;
export const ptFromMm = (mm: number): number => mm / MM_PER_PT;
