/** What the engagement worker needs of this capability: its operations. */
export { ncDocumentsCapability } from './nc-documents-capability.ts';
