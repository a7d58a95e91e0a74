import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ImportFilesView } from '../../shared/contract/team-views.ts';
import { StoreError } from '../../shared/store-errors.ts';
import type { JobContext } from '../jobs/job-context.ts';
import type { BlobStore } from '../store/blob-store.ts';
import type { CopyResult } from '../store/engagement-context.ts';
import { IncomingBlobs } from './incoming-blobs.ts';
import { IncomingPopulations } from './incoming-populations.ts';
import { checkPackageFits, mergePackage, type ImportOptions, type ImportSummary } from './merge.ts';
import { importFiles, packageBlobs } from './package-blobs.ts';
import { buildPackage } from './package-build.ts';
import { populationSections } from './package-populations.ts';
import type { ReturnPackage } from './package-schema.ts';
import { readPackageV2, writePackageV2, type PackageV2Header } from './package-v2/index.ts';
import { merging } from './received-file-errors.ts';

/** A job's cancel as an AbortSignal for the package streams (checked at every progress report). */
function cancelSignal(context: JobContext): { signal: AbortSignal; check(): void } {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    check: () => {
      if (context.cancelled && !controller.signal.aborted) controller.abort(new StoreError('JOB_CANCELLED', 'The job was cancelled', { jobId: context.jobId }));
    },
  };
}

export interface PackageOut {
  readonly base: Record<string, number>;
  readonly createdBy: { actorId: string; name: string; initials: string };
  readonly includeFiles: boolean;
  readonly passphrase: string | null;
}

/**
 * Writes a return package v2: the entries beyond the copy's base, then — when the member chooses —
 * the evidence files attached since, streamed from the content store one chunk at a time, then the
 * records of every sampling population whose entry is in the package (always: a population without
 * its records cannot be sampled or verified), streamed from the population store a page at a time.
 */
export async function writeReturnPackage(db: Database.Database, blobs: BlobStore, context: JobContext, destination: string, out: PackageOut): Promise<CopyResult> {
  const { entries, ...header } = buildPackage(db, out.base, out.createdBy);
  const files = out.includeFiles ? packageBlobs(db, out.base) : [];
  const cancel = cancelSignal(context);
  const populations = await populationSections(db, out.base, async () => {
    context.throwIfCancelled();
    await context.checkpoint();
  });
  const written = await writePackageV2(
    destination,
    header,
    entries,
    files.map((file) => ({ sha256: file.sha256, size: file.size, mediaType: file.mediaType || 'application/octet-stream', read: () => blobs.chunks(file.sha256) })),
    populations,
    {
      passphrase: out.passphrase,
      signal: cancel.signal,
      onProgress: (done, total) => {
        cancel.check();
        context.progress(done, total, 'package');
      },
    },
  );
  return { path: destination, sha256: written.sha256, size: written.size };
}

export interface IncomingV2 {
  readonly summary: ImportSummary;
  readonly files: ImportFilesView;
  readonly encrypted: boolean;
  readonly sha256: string;
  readonly fileName: string;
}

/**
 * Reads a return package v2 and merges it, all or nothing: the package is checked against this
 * engagement as soon as its header is read (before any file is stored), evidence files this
 * engagement lacks stream into incomplete uploads, sampling populations' records this engagement
 * lacks stream into incomplete entries (checked against their population's content hash, ordered),
 * and one final transaction applies the entries and makes the files and records visible. A preview
 * reads and verifies everything (the records' hashes too) and stores nothing.
 */
export async function importReturnPackage(
  db: Database.Database,
  blobs: BlobStore,
  context: JobContext,
  source: string,
  passphrase: string | null,
  options: Omit<ImportOptions, 'sha256' | 'sourceName' | 'sourceKind'>,
): Promise<IncomingV2> {
  const incoming = new IncomingBlobs(blobs, !options.dryRun);
  const cancel = cancelSignal(context);
  const populations = new IncomingPopulations(db, !options.dryRun, async () => {
    context.throwIfCancelled();
    await context.checkpoint();
  });
  let header: PackageV2Header | null = null;
  let entries: ReturnPackage['entries'] = [];
  try {
    const read = await readPackageV2(
      source,
      passphrase,
      {
        header: (h) => {
          checkPackageFits(db, h);
          header = h;
        },
        entries: (list) => {
          entries = list;
          populations.useEntries(list);
        },
        blobStart: (blob) => (incoming.start(blob.sha256, blob.mediaType) ? 'store' : 'skip'),
        blobData: (chunk) => incoming.data(chunk),
        blobEnd: () => incoming.end(),
        // Sampling populations' records (issue 20); any other kind comes from a newer app.
        bulkStart: (section) => populations.sectionStart(section, header?.minAppVersion ?? ''),
        bulkData: (chunk) => populations.data(chunk),
        bulkEnd: () => populations.end(),
      },
      {
        signal: cancel.signal,
        onProgress: (done, total) => {
          cancel.check();
          context.progress(done, total, 'read');
        },
      },
    );
    const h = read.header;
    const pkg: ReturnPackage = { ...h, format: h.format, formatVersion: h.formatVersion, entries };
    const mergeOptions: ImportOptions = { ...options, sourceKind: 'package', sourceName: path.basename(source), sha256: read.sha256 };
    context.progress(1, 1, 'merge');
    const summary = merging(() => incoming.finishWith(() => populations.finishWith(() => mergePackage(db, pkg, mergeOptions))));
    if (options.dryRun) await incoming.discard();
    await populations.discard();
    return {
      summary,
      files: importFiles(db, pkg, h.sections.blobs.map((blob) => ({ sha256: blob.sha256, size: blob.size, mediaType: blob.mediaType })), incoming.newHere),
      encrypted: read.encrypted,
      sha256: read.sha256,
      fileName: path.basename(source),
    };
  } catch (error) {
    await incoming.discard();
    await populations.discard();
    throw error;
  }
}
