/** Fieldwork as the main thread sees it. */
export type { AnswerPatch, ChecklistAnswer, TypingMember } from './answers.ts';
