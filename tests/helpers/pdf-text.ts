import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One page's text as pdf.js reads it: the pieces in drawing order, each with its angle (0 = level). */
export interface PdfPageText {
  readonly text: string;
  readonly pieces: readonly { readonly text: string; readonly angleDeg: number }[];
}

/**
 * The text of every page of a PDF, read in this process by pdf.js (no system tool): tests check what
 * each page prints — a draft's watermark is a piece drawn at an angle.
 */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPageText[]> {
  const loading = getDocument({ data: bytes.slice(), useWorkerFetch: false, disableFontFace: true, verbosity: 0 });
  try {
    const pdf = await loading.promise;
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent();
      const pieces = content.items.flatMap((item) =>
        'str' in item && item.str ? [{ text: item.str, angleDeg: Math.round((Math.atan2(item.transform[1] as number, item.transform[0] as number) * 180) / Math.PI) }] : [],
      );
      pages.push({ text: pieces.map((piece) => piece.text).join(' '), pieces });
    }
    return pages;
  } finally {
    await loading.destroy();
  }
}
