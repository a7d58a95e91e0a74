import type { EvidenceUse } from '../fieldwork/evidence-uses.ts';

/**
 * The technical-review package's evidence index: every evidence reference with where the audit used
 * it, and every file attached to one with its fingerprint, so a reviewer can match a file the client
 * kept to the one the team saw. Pure; the engagement worker reads the rows and the uses
 * (electron/report/evidence-index-source.ts).
 */

export interface EvidenceIndexReference {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly version: string;
  readonly date: string | null;
  readonly location: string;
  readonly shownBy: string;
  /** Where it is cited, each place once: "Checklist 8.5.1", "Finding MIN-01", "Record CHG-1042 (change)", "Notebook 2026-12-09", "Document review". */
  readonly usedIn: readonly string[];
}

export interface EvidenceIndexFile {
  readonly reference: string;
  readonly fileName: string;
  /** 'file', 'screenshot' or 'photo'. */
  readonly kind: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly size: number;
  readonly capturedAt: string;
}

export interface EvidenceIndex {
  readonly references: readonly EvidenceIndexReference[];
  readonly files: readonly EvidenceIndexFile[];
}

export interface EvidenceIndexSource {
  readonly items: readonly {
    readonly id: string;
    readonly kind: string;
    readonly title: string;
    readonly version: string;
    readonly evidence_date: string | null;
    readonly location: string;
    readonly shown_by: string;
  }[];
  readonly files: readonly {
    readonly evidence_id: string;
    readonly file_name: string;
    readonly file_kind: string;
    readonly media_type: string;
    readonly sha256: string;
    readonly byte_size: number;
    readonly captured_at: string;
  }[];
  /** Uses from answers, notebook entries, records seen and document reviews (`evidenceUses`). */
  readonly uses: ReadonlyMap<string, readonly EvidenceUse[]>;
  /** Findings citing a reference, by their label (number). */
  readonly findingLinks: readonly { readonly evidenceId: string; readonly finding: string }[];
}

function useLabel(use: EvidenceUse): string {
  switch (use.kind) {
    case 'answer':
      return `Checklist ${use.clauseNumber ?? use.questionId}`;
    case 'notebook':
      return `Notebook ${use.writtenAt.slice(0, 10)}`;
    case 'record':
      return `Record ${use.recordRef} (${use.topic})`;
    case 'document_review':
      return 'Document review';
  }
}

/** The index, references by title (then id), each file under its reference's title; files of a reference no longer there are left out. */
export function evidenceIndex(source: EvidenceIndexSource): EvidenceIndex {
  const findings = new Map<string, string[]>();
  for (const link of source.findingLinks) findings.set(link.evidenceId, [...(findings.get(link.evidenceId) ?? []), `Finding ${link.finding}`]);
  const items = [...source.items].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  const titles = new Map(items.map((item) => [item.id, item.title]));
  return {
    references: items.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      version: item.version,
      date: item.evidence_date,
      location: item.location,
      shownBy: item.shown_by,
      usedIn: [...new Set([...(findings.get(item.id) ?? []), ...(source.uses.get(item.id) ?? []).map(useLabel)])],
    })),
    files: source.files
      .filter((file) => titles.has(file.evidence_id))
      .map((file) => ({
        reference: titles.get(file.evidence_id)!,
        fileName: file.file_name,
        kind: file.file_kind,
        mediaType: file.media_type,
        sha256: file.sha256,
        size: file.byte_size,
        capturedAt: file.captured_at,
      }))
      .sort((a, b) => a.reference.localeCompare(b.reference) || a.fileName.localeCompare(b.fileName)),
  };
}
