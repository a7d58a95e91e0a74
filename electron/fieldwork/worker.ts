/** What the engagement worker needs of the fieldwork capability: its operations. */
export { fieldworkCapability } from './fieldwork-capability.ts';
