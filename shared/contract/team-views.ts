/** What the Team section shows: copies issued, imports, previews and conflicts (plain JSON). */

export interface MemberCopyOfView {
  readonly memberName: string;
  readonly issuedAt: string;
  readonly issuedByName: string;
}

export interface MemberCopyView {
  readonly id: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly issuedAt: string;
  readonly fileName: string;
  readonly sha256: string;
}

export interface ImportRecordView {
  readonly id: string;
  readonly importedAt: string;
  readonly sourceKind: 'package' | 'member_copy' | string;
  readonly sourceName: string;
  readonly actorName: string;
  readonly entriesAdded: number;
  readonly fieldsChanged: number;
  readonly conflictsOpened: number;
}

export interface TeamOverviewView {
  readonly memberCopyOf: MemberCopyOfView | null;
  readonly memberCopies: MemberCopyView[];
  readonly imports: ImportRecordView[];
  readonly openConflicts: number;
  /** What "include evidence files" would add to a return package: files attached in this copy since it was issued. */
  readonly packageFiles: PackageFilesView;
}

export interface PackageFilesView {
  readonly count: number;
  readonly bytes: number;
}

/** Evidence files in an import: carried by the package, new to this engagement, and named but not carried. */
export interface ImportFilesView {
  readonly inPackage: number;
  readonly inPackageBytes: number;
  /** Of those, files this engagement did not have yet. */
  readonly newHere: number;
  /** Files the package's entries attach whose bytes neither the package nor this engagement has. */
  readonly heldBack: number;
  /** Who holds them (the members who attached them). */
  readonly heldBy: string[];
}

export interface ImportPreviewView {
  readonly fileName: string;
  readonly kind: 'package' | 'member_copy';
  readonly encrypted: boolean;
  readonly sha256: string;
  readonly sourceActorName: string;
  readonly entriesAdded: number;
  readonly entriesAlreadyPresent: number;
  readonly rowsAdded: number;
  readonly fieldsChanged: number;
  readonly conflictsOpened: number;
  readonly conflictsOpen: number;
  readonly clockAheadMs: number;
  readonly files: ImportFilesView;
}

export interface ConflictCandidateView {
  readonly replicaId: string;
  readonly seq: number;
  readonly value: unknown;
  readonly actorName: string;
  readonly wallTime: string;
  readonly shown: boolean;
  readonly clockAhead: boolean;
}

export interface ConflictItemView {
  readonly entity: string;
  readonly rowId: string;
  readonly field: string;
  readonly rowLabel: string;
  readonly candidates: ConflictCandidateView[];
}

/** Who wrote something, and when (the writer's wall clock). */
export interface AuthorView {
  readonly actorName: string;
  readonly wallTime: string;
  /** Written from this installation. */
  readonly byMe: boolean;
}

/** Who last changed a field. */
export interface FieldAuthorView extends AuthorView {
  readonly field: string;
}

/** One row of a table edited as rows: who added it, and who changed which fields since. */
export interface RowAuthorsView {
  readonly rowId: string;
  readonly added: AuthorView;
  /** Only fields written again after the row was added (a field still as added is the adder's). */
  readonly changed: FieldAuthorView[];
}
