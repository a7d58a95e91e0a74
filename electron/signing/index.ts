// The signing formats (issue 19): what handlers import. Keep this a plain list of re-exports.
export type { SigningKey } from './signing-key.ts';
export { signDetached } from './cms-detached.ts';
export { signPdf, type PdfSignatureOptions } from './pdf-signature.ts';
export { signDocx, docxSignatureFileNames, certificateSummary, type DocxSignature } from './docx-signature.ts';
export { verifyCmsDetached, verifyPdf, verifyDocxSignature } from '../../resources/verify.mjs';
export type { CmsVerification, PdfVerification, PdfSignatureVerification, DocxVerification, SignerCertificate } from '../../resources/verify.mjs';
