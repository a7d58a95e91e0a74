import type Database from 'better-sqlite3';
import { PHOTO_POLICIES, type PhotoPolicy } from '../../shared/cb-profile/profile.ts';
import type { EvidenceFilesView, EvidenceFileView } from '../../shared/contract/evidence-channels.ts';
import { EVIDENCE_LIMITS } from '../../shared/evidence/file-format.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { EVIDENCE_FILE_TABLE } from '../../shared/tables/evidence-file-tables.ts';
import type { RowOf } from '../../shared/tables/table.ts';
import { currentProfile } from '../profiles/worker.ts';
import { MAX_CHUNK_BYTES } from '../store/blob-store.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { typedRow } from '../store/typed-rows.ts';

type EvidenceFileRow = RowOf<typeof EVIDENCE_FILE_TABLE>;

/** The CB profile's photo policy; strip everything while the engagement has no profile (the safe default). */
export function photoPolicyOf(db: Database.Database): { policy: PhotoPolicy; fromProfile: boolean } {
  const profile = currentProfile(db);
  if (!profile) return { policy: 'strip-metadata', fromProfile: false };
  const policy = (JSON.parse(profile.content) as { photoPolicy?: unknown }).photoPolicy;
  return (PHOTO_POLICIES as readonly unknown[]).includes(policy) ? { policy: policy as PhotoPolicy, fromProfile: true } : { policy: 'strip-metadata', fromProfile: false };
}

/** Team members' names by id: who attached a file, who holds its bytes. */
function memberNames(db: Database.Database): Map<string, string> {
  return new Map((db.prepare('SELECT id, name FROM team_member').all() as { id: string; name: string }[]).map((m) => [m.id, m.name]));
}

export function fileView(row: EvidenceFileRow, present: ReadonlySet<string>, heldBy: string | null): EvidenceFileView {
  const here = present.has(row.sha256);
  return { row, present: here, reportPresent: row.report_sha256 !== null && present.has(row.report_sha256), heldBy: here ? null : heldBy };
}

/** Every live attached file with whether its bytes are in this copy, and the policy and limits the screen states. */
export function evidenceFiles(engagement: EngagementContext): EvidenceFilesView {
  const db = engagement.db();
  const rows = engagement
    .store()
    .listRows('evidence_file')
    .map((row) => typedRow(EVIDENCE_FILE_TABLE, row));
  const present = engagement.blobs().present(rows.flatMap((row) => (row.report_sha256 ? [row.sha256, row.report_sha256] : [row.sha256])));
  const names = memberNames(db);
  const { policy, fromProfile } = photoPolicyOf(db);
  return {
    files: rows.map((row) => fileView(row, present, (row.team_member_id && names.get(row.team_member_id)) || null)),
    photoPolicy: policy,
    policyFromProfile: fromProfile,
    limits: { maxFileBytes: EVIDENCE_LIMITS.maxFileBytes, maxPhotoBytes: EVIDENCE_LIMITS.maxPhotoBytes, chunkBytes: MAX_CHUNK_BYTES },
  };
}

/** A piece of an attached file (its original or its report copy), for a preview. */
export function readEvidenceFile(engagement: EngagementContext, fileId: string, copy: 'original' | 'report', offset: number, length: number): { data: string; total: number } {
  const row = typedRow(EVIDENCE_FILE_TABLE, engagement.store().getRow('evidence_file', fileId));
  const sha256 = copy === 'report' ? row.report_sha256 : row.sha256;
  const blobs = engagement.blobs();
  const info = sha256 ? blobs.info(sha256) : null;
  if (!sha256 || !info) {
    const holder = row.team_member_id ? memberNames(engagement.db()).get(row.team_member_id) : undefined;
    throw new StoreError('EVIDENCE_FILE_NOT_HERE', 'This file is not stored in this copy', { heldBy: holder ?? '', fileName: row.file_name });
  }
  return { data: blobs.read(sha256, offset, length).toString('base64'), total: info.byteSize };
}
