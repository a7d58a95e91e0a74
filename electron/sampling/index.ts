/** Record sampling as the main thread and other capabilities see it (issue 20). */
export { samplingCapability } from './sampling-capability.ts';
export type { DrawRequest } from './sample-draw.ts';
export type { PopulationImportRequest } from './population-import.ts';
/** The demo engagement's incident sample, in English and in Chinese. */
export { addDemoSampling, demoIncidentExport, type DemoSamplingData } from './demo-sampling.ts';
export { DEMO_SAMPLING_EN } from './demo-sampling-en.ts';
export { DEMO_SAMPLING_ZH } from './demo-sampling-zh.ts';
/** What a received population needs to be checked and ordered like an imported one (team: return packages v2). */
export { PopulationContentHash } from './population-content.ts';
export { buildOrders, StrataCollector, stratumColumns } from './population-orders.ts';
export { RecordIds } from './record-ids.ts';
