/**
 * Return packages, version 2: a streamed container (header, entries, blobs, bulk sections, end
 * frame) read and written in bounded memory. The byte layout is described at the top of write.ts.
 */
export { readPackageV2, type PackageV2Summary, type PackageV2Visitor, type ReadPackageV2Options } from './read.ts';
export { sniffPackageVersion } from './sniff.ts';
export {
  writePackageV2,
  type BlobSource,
  type BulkSource,
  type ByteSource,
  type CountedEntries,
  type PackageV2Entries,
  type WritePackageV2Options,
  type WrittenPackage,
} from './write.ts';
export {
  DATA_FRAME_SIZE,
  ENTRIES_FRAME_BYTES,
  PACKAGE_V2_FORMAT_VERSION,
  SEGMENT_SIZE,
  type BlobSummary,
  type BulkStart,
  type BulkSummary,
  type PackageV2Header,
  type PackageV2HeaderFields,
  type PackageV2Sections,
} from './format.ts';
