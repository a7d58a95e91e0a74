/** The NC forms and the closing meeting record as the main thread and other capabilities see them. */
export { ncDocumentsCapability } from './nc-documents-capability.ts';
