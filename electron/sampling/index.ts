/** Record sampling as the main thread and other capabilities see it (issue 20). */
export { samplingCapability } from './sampling-capability.ts';
export type { DrawRequest } from './sample-draw.ts';
export type { PopulationImportRequest } from './population-import.ts';
export { addDemoSampling, demoIncidentExport, DEMO_INCIDENT_SEED } from './demo-sampling.ts';
/** What a received population needs to be checked and ordered like an imported one (team: return packages v2). */
export { PopulationContentHash } from './population-content.ts';
export { buildOrders, StrataCollector, stratumColumns } from './population-orders.ts';
