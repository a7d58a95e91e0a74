import { textLanguagesFor } from '../languages.ts';
/**
 * A checklist pack (format 1): the types of resources/checklists/checklist-pack.schema.json. Pure data,
 * shared by the services (validation, library, engagement copy) and the renderer (browse, lenses,
 * search). Ids are stable across pack versions: answers and sample results are keyed by them.
 */

export const PACK_FORMAT = 'audit-workbench-checklist-pack';
export const PACK_FORMAT_VERSION = 1;

/** One text in several languages: BCP 47 tag → text. The pack's default language is always present. */
export type LocalizedText = Readonly<Record<string, string>>;

/** What a question looks at; a clause-8 process is covered when every aspect has a question. */
export const QUESTION_ASPECTS = ['policy-plan', 'operation', 'records', 'measurement', 'improvement'] as const;
export type QuestionAspect = (typeof QUESTION_ASPECTS)[number];

export interface ChecklistQuestion {
  readonly id: string;
  readonly aspect?: QuestionAspect;
  readonly text: LocalizedText;
  /** What good looks like. */
  readonly guidance?: LocalizedText;
  /** What auditors commonly find wrong. */
  readonly weaknesses?: LocalizedText;
  /** Typical objective evidence. */
  readonly evidence?: readonly LocalizedText[];
}

export interface SamplingAttribute {
  readonly id: string;
  readonly text: LocalizedText;
}

/** A kind of record to sample for a process and what to test on each sampled record. */
export interface SamplingPlan {
  readonly id: string;
  readonly record: LocalizedText;
  readonly hint?: LocalizedText;
  readonly attributes: readonly SamplingAttribute[];
}

export interface ChecklistClause {
  readonly id: string;
  readonly number: string;
  readonly title: LocalizedText;
  readonly parent: string | null;
  /** What the clause requires, in the pack author's own words. */
  readonly summary?: LocalizedText;
  readonly processTags?: readonly string[];
  readonly questions?: readonly ChecklistQuestion[];
  readonly sampling?: readonly SamplingPlan[];
}

export interface PackProcess {
  readonly key: string;
  readonly clause: string;
}

export interface LensItem {
  readonly id: string;
  readonly number?: string;
  readonly title: LocalizedText;
  /** This pack's clause ids the item maps onto. */
  readonly clauses: readonly string[];
  readonly note?: LocalizedText;
}

export interface LensGroup {
  readonly id: string;
  readonly number?: string;
  readonly title: LocalizedText;
  readonly items: readonly LensItem[];
}

/** Another way to read the checklist (an older edition's structure): a view, never audit criteria. */
export interface PackLens {
  readonly id: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly groups: readonly LensGroup[];
}

export interface PackSelection {
  readonly id: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly clauses: readonly string[];
}

export interface PackStandard {
  readonly designation: string;
  readonly edition: string;
  readonly amendments?: readonly string[];
  readonly criteria: string;
}

export interface ChecklistPack {
  readonly $schema?: string;
  readonly format: typeof PACK_FORMAT;
  readonly formatVersion: typeof PACK_FORMAT_VERSION;
  readonly id: string;
  readonly version: string;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly publisher?: string;
  readonly releasedOn?: string;
  readonly standard: PackStandard;
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  readonly processes: readonly PackProcess[];
  readonly clauses: readonly ChecklistClause[];
  readonly lenses?: readonly PackLens[];
  readonly selections?: readonly PackSelection[];
}

/** The text in `language`, else the pack's default language, else any. */
export function textIn(text: LocalizedText | undefined, language: string, fallback: string): string {
  if (!text) return '';
  for (const tag of textLanguagesFor(language)) if (text[tag] !== undefined) return text[tag];
  return text[fallback] ?? Object.values(text)[0] ?? '';
}

/** "id@version": how a pack version is named everywhere (library, engagement, usage). */
export function packKey(pack: { readonly id: string; readonly version: string }): string {
  return `${pack.id}@${pack.version}`;
}
