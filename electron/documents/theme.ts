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
} as const;

/**
 * Fonts named in the .docx (nothing is embedded): Arial for Latin text, which Word has and LibreOffice
 * replaces with the metric-compatible Liberation Sans; for Chinese, Microsoft YaHei, which every
 * Windows and Office for Mac has, while LibreOffice falls back to an installed CJK font (Noto Sans CJK
 * SC on Debian) — docs/ARCHITECTURE.md "Documents".
 */
export const DOCX_FONTS = { latin: 'Arial', eastAsia: 'Microsoft YaHei' } as const;

export const MM_PER_PT = 25.4 / 72;
export const ptFromMm = (mm: number): number => mm / MM_PER_PT;
