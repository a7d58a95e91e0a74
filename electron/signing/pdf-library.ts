import type * as LibPdf from '@libpdf/core';

/**
 * @libpdf/core (1.3 MB) is loaded when something is signed or a .p12 imported, not when a host starts:
 * every start of the app and of each test host would parse it for nothing. It stays outside the
 * bundles (scripts/build.mjs `external`) and is imported from node_modules on first use.
 */
export type PdfLibrary = typeof LibPdf;

let loading: Promise<PdfLibrary> | null = null;

export function pdfLibrary(): Promise<PdfLibrary> {
  loading ??= import('@libpdf/core');
  return loading;
}
