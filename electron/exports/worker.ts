/** What the engagement worker needs of the exports register: its operations. */
export { exportsCapability } from './exports-capability.ts';
