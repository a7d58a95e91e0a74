/** The audit report as the main thread and other capabilities see it. */
export { reportCapability, type ReportOptions } from './report-capability.ts';
