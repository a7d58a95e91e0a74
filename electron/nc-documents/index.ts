/** The NC forms and the closing meeting record as the main thread and other capabilities see them. */
export { ncDocumentsCapability } from './nc-documents-capability.ts';
export {
  CLOSING_RECORD_KIND,
  NC_FORM_KIND,
  NcDocumentExporter,
  perNonconformityFile,
  type ClosingRecordRequest,
  type NcFormFile,
  type NcFormsRequest,
  type NcFormsResult,
} from './nc-document-export.ts';
