/** The audit report as the main thread and other capabilities see it. */
export { reportCapability, type ReportOptions } from './report-capability.ts';
export type { ReportGateCheck } from './report-gate.ts';
export {
  REPORT_DRAFT_KIND,
  REPORT_KIND,
  REVIEW_PACKAGE_KIND,
  ReportExporter,
  type ReportExportRequest,
  type ReportExportResult,
  type ReviewPackageRequest,
  type ReviewPackageResult,
} from './report-export.ts';
