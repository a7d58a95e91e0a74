/** Record sampling as the main thread and other capabilities see it (issue 20). */
export { samplingCapability } from './sampling-capability.ts';
export type { DrawRequest } from './sample-draw.ts';
export type { PopulationImportRequest } from './population-import.ts';
