import path from 'node:path';
import type { ImportFilesView } from '../../shared/contract/team-views.ts';
import { newRowId } from '../../shared/ids.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { utcInstant } from '../../shared/time.ts';
import type { JobContext } from '../jobs/job-context.ts';
import { defineCapability } from '../store/capability.ts';
import type { CopyResult, EngagementContext } from '../store/engagement-context.ts';
import { listConflicts, type Decision } from '../store/merge/decisions.ts';
import { tableAuthors } from './authors.ts';
import { mergePackage, type ImportSummary } from './merge.ts';
import { importFiles, packageFiles, type PackageBlob } from './package-blobs.ts';
import { memberCopyFileMeta, newMemberCopyMeta } from './member-copy.ts';
import { memberCopyMeta, replicaHeads, type MemberCopyMeta } from './package-build.ts';
import { copyMemberBlobs } from './member-copy-blobs.ts';
import { IncomingBlobs } from './incoming-blobs.ts';
import { IncomingPopulations } from './incoming-populations.ts';
import { copyMemberPopulations } from './member-copy-populations.ts';
import { importReturnPackage, writeReturnPackage } from './package-transfer.ts';
import { sniffPackageVersion } from './package-v2/index.ts';
import { merging } from './received-file-errors.ts';
import { readIncoming, type IncomingPackage } from './team-files.ts';

export interface MemberCopyRequest {
  readonly memberId: string;
  readonly destination: string;
  readonly issuedBy: string;
  /** The issuer's name, recorded in the copy so the member's screens can name the lead. */
  readonly issuedByName: string;
}

export interface ExportPackageRequest {
  readonly destination: string;
  readonly passphrase: string | null;
  /** Carry the evidence files attached in this copy since it was issued. */
  readonly includeFiles: boolean;
  readonly createdBy: { actorId: string; name: string; initials: string };
}

export interface ImportRequest {
  readonly source: string;
  readonly passphrase: string | null;
  readonly importedBy: string;
}

export type ImportPreview = ImportSummary & {
  readonly files: ImportFilesView;
  readonly kind: 'package' | 'member_copy';
  readonly encrypted: boolean;
  readonly fileName: string;
  readonly sha256: string;
};

export interface TeamOverview {
  readonly memberCopyOf: MemberCopyMeta | null;
  readonly memberCopies: {
    id: string;
    member_id: string;
    member_name: string;
    issued_at: string;
    issued_by: string;
    file_name: string;
    sha256: string;
  }[];
  readonly imports: {
    id: string;
    imported_at: string;
    source_kind: string;
    source_name: string;
    source_actor_id: string;
    source_actor_name: string;
    entries_added: number;
    fields_changed: number;
    conflicts_opened: number;
  }[];
  readonly openConflicts: number;
  /** What a package with evidence files would carry. */
  readonly packageFiles: { count: number; bytes: number };
  readonly actors: { actorId: string; name: string }[];
}

const importOptions = (incoming: IncomingPackage, request: ImportRequest, dryRun: boolean) => ({
  dryRun,
  importedBy: request.importedBy,
  sourceKind: incoming.kind,
  sourceName: incoming.fileName,
  sha256: incoming.sha256,
});

const previewOf = (summary: ImportSummary, incoming: IncomingPackage, files: ImportFilesView): ImportPreview => ({
  ...summary,
  files,
  kind: incoming.kind,
  encrypted: incoming.encrypted,
  fileName: incoming.fileName,
  sha256: incoming.sha256,
});

const sizeOf = ({ files, blobs }: { files: number; blobs: readonly PackageBlob[] }): { count: number; bytes: number } => ({ count: files, bytes: blobs.reduce((sum, blob) => sum + blob.size, 0) });

/** Member copies out, return packages back, imports with a preview, conflicts decided. */
export const teamCapability = defineCapability({
  name: 'team',
  calls: (engagement: EngagementContext) => ({
    /** The Team section's facts: whose copy this is, copies issued, imports done, open conflicts. */
    teamOverview(): TeamOverview {
      const db = engagement.db();
      return {
        memberCopyOf: memberCopyMeta(db),
        memberCopies: db.prepare('SELECT * FROM member_copy ORDER BY issued_at DESC').all() as TeamOverview['memberCopies'],
        imports: db.prepare('SELECT * FROM import_record ORDER BY imported_at DESC').all() as TeamOverview['imports'],
        openConflicts: db.prepare('SELECT COUNT(*) FROM conflict').pluck().get() as number,
        packageFiles: sizeOf(packageFiles(db, memberCopyMeta(db)?.base ?? {})),
        actors: db.prepare('SELECT DISTINCT source_actor_id AS actorId, source_actor_name AS name FROM import_record').all() as TeamOverview['actors'],
      };
    },
    listConflicts: () => listConflicts(engagement.db()),
    decideConflicts: (decisions: Decision[]): number => engagement.store().decideConflicts(decisions),
    /** Who added each row of a table and who changed its fields since, for the row editors. */
    tableAuthors: (entity: string) => tableAuthors(engagement.db(), entity),
  }),
  jobs: (engagement: EngagementContext) => {
    /** A package v2 streams; a v1 package or a member copy is read whole (what they always were). */
    const importAny = async (context: JobContext, request: ImportRequest, dryRun: boolean): Promise<ImportPreview> => {
      const db = engagement.db();
      context.progress(0, 1, 'read');
      if ((await sniffPackageVersion(request.source)) === 2) {
        const read = await importReturnPackage(db, engagement.blobs(), context, request.source, request.passphrase, { dryRun, importedBy: request.importedBy });
        return { ...read.summary, files: read.files, kind: 'package', encrypted: read.encrypted, fileName: read.fileName, sha256: read.sha256 };
      }
      const incoming = readIncoming(request.source, request.passphrase);
      context.throwIfCancelled();
      context.progress(1, 2, dryRun ? 'preview' : 'merge');
      const blobs = new IncomingBlobs(engagement.blobs(), !dryRun);
      // A member copy's populations come with their records, staged and checked like a package's.
      const populations = new IncomingPopulations(db, !dryRun, async () => {
        context.throwIfCancelled();
        await context.checkpoint();
      });
      populations.useEntries(incoming.pkg.entries);
      try {
        if (incoming.kind === 'member_copy') {
          await copyMemberBlobs(request.source, blobs, context);
          await copyMemberPopulations(request.source, populations, context);
        }
        const summary = merging(() => blobs.finishWith(() => populations.finishWith(() => mergePackage(db, incoming.pkg, importOptions(incoming, request, dryRun)))));
        if (dryRun) await blobs.discard();
        await populations.discard();
        return previewOf(summary, incoming, importFiles(db, incoming.pkg, [], blobs.newHere));
      } catch (error) {
        await blobs.discard();
        await populations.discard();
        throw error;
      }
    };
    return {
    /**
     * A member copy: like "Save a copy", plus the member, the base (every replica's head when the
     * backup finished) and the oldest app that can read it, recorded in the copy; the lead's file
     * keeps a record of the issue.
     */
    async makeMemberCopy(context: JobContext, request: MemberCopyRequest): Promise<CopyResult> {
      const store = engagement.store();
      const member = store.getRow('team_member', request.memberId);
      let meta: MemberCopyMeta | null = null;
      const result = await engagement.copyOut(context, request.destination, {
        fileMeta: () => {
          meta = newMemberCopyMeta({
            memberCopyId: newRowId(),
            memberId: request.memberId,
            memberName: String(member.name),
            issuedAt: utcInstant(),
            issuedBy: request.issuedBy,
            issuedByName: request.issuedByName,
            base: replicaHeads(engagement.db()),
          });
          return memberCopyFileMeta(meta);
        },
      });
      const issued = meta as MemberCopyMeta | null;
      if (issued && !store.readOnly) {
        engagement
          .db()
          .prepare(
            `INSERT INTO member_copy (id, member_id, member_name, issued_at, issued_by, file_name, base_heads, sha256)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(issued.memberCopyId, issued.memberId, issued.memberName, issued.issuedAt, issued.issuedBy, path.basename(result.path), JSON.stringify(issued.base), result.sha256);
      }
      return result;
    },

    /**
     * The return package (version 2): everything this copy has beyond its base, optionally
     * encrypted, with the evidence files attached since when the member chooses.
     */
    async exportPackage(context: JobContext, request: ExportPackageRequest): Promise<CopyResult> {
      const db = engagement.db();
      await engagement.requireIntact(context);
      context.progress(0, 1, 'package');
      const result = await writeReturnPackage(db, engagement.blobs(), context, request.destination, {
        base: memberCopyMeta(db)?.base ?? {},
        createdBy: request.createdBy,
        includeFiles: request.includeFiles,
        passphrase: request.passphrase,
      });
      engagement.markShipped();
      return result;
    },

    /** What importing would add, change and put in conflict: the real merge, rolled back. */
    async previewImport(context: JobContext, request: ImportRequest): Promise<ImportPreview> {
      // The preview is the real merge rolled back: it needs a connection that may write.
      if (engagement.store().readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
      return importAny(context, request, true);
    },

    /** Imports a return package or member copy: staged and checked, then joined in one transaction. */
    async importFrom(context: JobContext, request: ImportRequest): Promise<ImportPreview> {
      const store = engagement.store();
      if (store.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
      const preview = await importAny(context, request, false);
      store.afterImport();
      context.progress(2, 2, 'done');
      return preview;
    },
  };
  },
});
