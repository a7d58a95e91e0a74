/** What the engagement worker needs of the fieldwork capability: its operations. */
export { fieldworkCapability } from './fieldwork-capability.ts';
/** Who is typing in this file (the sampling capability draws samples as them). */
export { typingMember } from './answers.ts';
