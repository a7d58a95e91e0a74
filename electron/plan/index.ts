/** The audit plan as the main thread sees it: its export, and the meetings' sign-in sheets. */
export { PlanExporter, type PlanExportRequest, type PlanExportResult } from './plan-export.ts';
export { SIGN_IN_SHEET_KIND, SignInSheetExporter, type SignInSheetRequest } from './sign-in-export.ts';
