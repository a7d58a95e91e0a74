import fs from 'node:fs';
import path from 'node:path';
import { DocumentError } from './document-error.ts';
import type { PdfFonts } from './pdf-render.ts';

/**
 * The PDF font shipped with the app: Noto Sans SC (SIL Open Font License 1.1) from the npm package
 * @expo-google-fonts/noto-sans-sc. `npm run build` copies the two weights and the licence from the
 * package into dist/fonts/ (scripts/build.mjs), beside dist/workers/, so the packaged app carries two
 * files instead of the package's nine weights.
 */
export const PDF_FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
export const PDF_FONT_FILES = {
  regular: '400Regular/NotoSansSC_400Regular.ttf',
  bold: '700Bold/NotoSansSC_700Bold.ttf',
  licence: 'LICENSE_FONT',
} as const;

/** Where the build puts the fonts: dist/fonts beside dist/workers. */
export function builtFontDir(workerDir: string): string {
  return path.resolve(workerDir, '../fonts');
}

/** The file name a font has in dist/fonts (its package sub-folder dropped). */
export const builtFontName = (file: string): string => path.basename(file);

/** Reads the two weights from a folder that has them by their built names. */
export function readPdfFonts(fontDir: string): PdfFonts {
  const read = (file: string): Uint8Array => {
    const full = path.join(fontDir, builtFontName(file));
    try {
      return new Uint8Array(fs.readFileSync(full));
    } catch {
      throw new DocumentError('DOCUMENT_FONT_MISSING', `The PDF font ${full} is missing: run npm run build (it copies the fonts into dist/fonts).`, { path: full });
    }
  };
  return { regular: read(PDF_FONT_FILES.regular), bold: read(PDF_FONT_FILES.bold) };
}
