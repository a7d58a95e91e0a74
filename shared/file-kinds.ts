/**
 * The kinds of file the user picks and their name endings, for both sides: the platform checks
 * names with them, the renderer's picker lists and names files with them.
 */
export type FileKind = 'engagement' | 'package' | 'import' | 'checklist' | 'profile' | 'word' | 'pdf' | 'zip' | 'keystore' | 'certificate' | 'signed' | 'export';

/** An engagement file (one SQLite database per engagement). */
export const ENGAGEMENT_EXTENSION = '.iso20k';
/** A team member's return package. */
export const PACKAGE_EXTENSION = '.iso20k-return';
/** A checklist pack: our JSON format, or a certification body's sheet (.xls is named, then refused with advice). */
export const PACK_FILE_EXTENSIONS = ['.json', '.csv', '.xlsx', '.xls'] as const;

/** The file name endings each kind of file may have. */
export function extensionsOf(kind: FileKind): string[] {
  if (kind === 'engagement') return [ENGAGEMENT_EXTENSION];
  if (kind === 'package') return [PACKAGE_EXTENSION];
  if (kind === 'checklist') return [...PACK_FILE_EXTENSIONS];
  if (kind === 'profile') return ['.json'];
  // Documents the app exports (and a CB's Word template): .docx, never the macro-enabled .docm.
  if (kind === 'word') return ['.docx'];
  if (kind === 'pdf') return ['.pdf'];
  // The technical-review package (issue 18).
  if (kind === 'zip') return ['.zip'];
  // Signed reports (issue 19): the CB's PKCS#12 key store, a certificate (PEM or DER), a signed report
  // to verify (a PDF, or a Word file whose detached signature lies beside it, or that signature itself).
  if (kind === 'keystore') return ['.p12', '.pfx'];
  if (kind === 'certificate') return ['.pem', '.crt', '.cer'];
  if (kind === 'signed') return ['.pdf', '.docx', '.p7s'];
  // Record sampling (issue 20): the client's export of its ITSM tool (any delimiter, or a workbook).
  if (kind === 'export') return ['.csv', '.tsv', '.txt', '.xlsx'];
  return [ENGAGEMENT_EXTENSION, PACKAGE_EXTENSION];
}

/** The ending a saved file gets (a checklist is exported as JSON; 'import' saves nothing, the first). */
export const extensionFor = (kind: FileKind): string => extensionsOf(kind)[0]!;
