import type { ChecklistPack } from '../checklist/pack.ts';

/** What the Checklist library and an engagement's checklist screens see. */

export interface PackCountsView {
  readonly clauses: number;
  readonly questions: number;
  readonly processes: number;
  readonly samplingPlans: number;
  readonly attributes: number;
}

export interface PackUsageView {
  readonly engagementId: string;
  readonly clientName: string;
  /** The engagement file as the user names it. */
  readonly file: string;
}

export interface LibraryPackView {
  readonly key: string;
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly criteria: string;
  readonly publisher: string;
  readonly source: 'shipped' | 'imported';
  readonly sha256: string;
  readonly addedAt: string | null;
  readonly counts: PackCountsView;
  /** Engagements seen on this computer that audit against this pack version. */
  readonly usedBy: readonly PackUsageView[];
}

export interface PackLibraryView {
  readonly packs: readonly LibraryPackView[];
  /** Files in the library folder that no longer read as packs (damaged, edited by hand). */
  readonly unreadable: readonly { readonly file: string; readonly problem: string }[];
}

export interface PackIssueView {
  readonly line?: number;
  readonly row?: number;
  readonly column?: string;
  readonly path?: string;
  readonly message: string;
}

export type PackImportView =
  | { readonly status: 'imported' | 'already-present'; readonly pack: LibraryPackView }
  | { readonly status: 'refused'; readonly fileName: string; readonly issues: readonly PackIssueView[]; readonly more: number };

export interface EngagementPackView {
  readonly key: string;
  readonly packId: string;
  readonly version: string;
  readonly title: string;
  readonly sha256: string;
  readonly addedAt: string;
  /** A newer version of the same pack in this computer's library (the engagement keeps its copy). */
  readonly newerInLibrary: string | null;
}

export interface EngagementChecklistView {
  readonly info: EngagementPackView;
  readonly pack: ChecklistPack;
}
