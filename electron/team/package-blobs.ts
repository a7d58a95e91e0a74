import type Database from 'better-sqlite3';

export interface PackageBlob {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
}

/**
 * The stored files a return package with evidence files carries: those of live files attached (or
 * changed) in this copy beyond its base — the lead has every file the copy was issued with — with
 * their report copies. Each blob once, in a stable order.
 */
export function packageBlobs(db: Database.Database, base: Record<string, number>): PackageBlob[] {
  return packageFiles(db, base).blobs;
}

/** What "include evidence files" would carry: the attached files (as the auditor counts them) and their blobs. */
export function packageFiles(db: Database.Database, base: Record<string, number>): { files: number; blobs: PackageBlob[] } {
  const touched = new Set(
    (db.prepare("SELECT row_id, replica_id, seq FROM change_log WHERE entity = 'evidence_file'").all() as { row_id: string; replica_id: string; seq: number }[])
      .filter((entry) => entry.seq > (base[entry.replica_id] ?? 0))
      .map((entry) => entry.row_id),
  );
  if (!touched.size) return { files: 0, blobs: [] };
  const stored = db.prepare('SELECT sha256, byte_size AS size, media_type AS mediaType FROM blob WHERE complete = 1 ORDER BY sha256').all() as PackageBlob[];
  const here = new Set(stored.map((blob) => blob.sha256));
  const files = (db.prepare('SELECT id, sha256, report_sha256 FROM evidence_file WHERE deleted = 0').all() as { id: string; sha256: string; report_sha256: string | null }[]).filter(
    (file) => touched.has(file.id) && here.has(file.sha256),
  );
  const hashes = new Set(files.flatMap((file) => (file.report_sha256 ? [file.sha256, file.report_sha256] : [file.sha256])));
  return { files: files.length, blobs: stored.filter((blob) => hashes.has(blob.sha256)) };
}

/** The files an import brings, and those its entries attach whose bytes neither side has ("held by"). */
export function importFiles(
  db: Database.Database,
  pkg: { readonly entries: readonly { entity: string; row_id: string; field: string; new_value: string | null }[]; readonly createdBy: { readonly name: string } },
  carried: readonly PackageBlob[],
  newHere: number,
): { inPackage: number; inPackageBytes: number; newHere: number; heldBack: number; heldBy: string[] } {
  const stored = new Set(db.prepare('SELECT sha256 FROM blob WHERE complete = 1').pluck().all() as string[]);
  const inPackage = new Set(carried.map((blob) => blob.sha256));
  const attached = new Map<string, { sha256?: string; member?: string }>();
  for (const entry of pkg.entries) {
    if (entry.entity !== 'evidence_file' || entry.new_value === null || (entry.field !== 'sha256' && entry.field !== 'team_member_id')) continue;
    const file = attached.get(entry.row_id) ?? {};
    const value = JSON.parse(entry.new_value) as string | null;
    if (entry.field === 'sha256' && value) file.sha256 = value;
    if (entry.field === 'team_member_id' && value) file.member = value;
    attached.set(entry.row_id, file);
  }
  const memberName = db.prepare('SELECT name FROM team_member WHERE id = ?').pluck();
  const missing = [...attached.values()].filter((file) => file.sha256 && !stored.has(file.sha256) && !inPackage.has(file.sha256));
  const heldBy = [...new Set(missing.map((file) => (file.member ? (memberName.get(file.member) as string | undefined) : undefined) ?? pkg.createdBy.name))];
  return {
    inPackage: carried.length,
    inPackageBytes: carried.reduce((sum, blob) => sum + blob.size, 0),
    newHere,
    heldBack: missing.length,
    heldBy,
  };
}
