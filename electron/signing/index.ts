// Signed reports (issue 19): what the router and the report's export import. A plain list of re-exports.
export type { SigningKey } from './signing-key.ts';
export { SigningService, type UnlockedSigner } from './signing-service.ts';
export { signPdf, type PdfSignatureOptions } from './pdf-signature.ts';
export { signDocx, docxSignatureFileNames, type DocxSignature } from './docx-signature.ts';
export { verifyCmsDetached, verifyPdf, verifyDocxSignature } from '../../resources/verify.mjs';
export type { CmsVerification, PdfVerification, PdfSignatureVerification, DocxVerification, SignerCertificate } from '../../resources/verify.mjs';
