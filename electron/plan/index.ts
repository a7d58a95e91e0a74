/** The audit plan as the main thread sees it: its export. */
export { PlanExporter, type PlanExportRequest, type PlanExportResult } from './plan-export.ts';
export { profilePlanTemplates, templateView } from './plan-templates.ts';
