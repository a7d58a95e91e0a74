import { z } from 'zod';
import { returnPackageSchema, type ReturnPackage } from '../package-schema.ts';

/**
 * The constants and the section schemas of return packages version 2 (the byte layout is described
 * at the top of write.ts). Both sides import them from here so writer and reader cannot drift.
 */

export const V2_MAGIC = Buffer.from('AW20RPK2', 'latin1');
export const PACKAGE_V2_FORMAT_VERSION = 2;

export const MODE_PLAIN = 0;
export const MODE_PASSPHRASE = 1;

export const SALT_BYTES = 16;
/** Nonce = prefix (7) ‖ segment counter (u32 BE) ‖ last-segment flag (1): 12 bytes, GCM's own size. */
export const NONCE_PREFIX_BYTES = 7;
export const TAG_BYTES = 16;
/** Magic + mode, and for mode 1 the salt and the nonce prefix: the AAD of every segment. */
export const PLAIN_HEADER_BYTES = V2_MAGIC.length + 1;
export const SEALED_HEADER_BYTES = PLAIN_HEADER_BYTES + SALT_BYTES + NONCE_PREFIX_BYTES;

const MiB = 1024 * 1024;
/** Plaintext (gzip output) per sealed segment: what a reader holds before the tag lets it go on. */
export const SEGMENT_SIZE = MiB;
/** Raw bytes of a blob or bulk section per D frame. */
export const DATA_FRAME_SIZE = MiB;
/** JSON per E frame (an entry larger than this travels alone in its frame). */
export const ENTRIES_FRAME_BYTES = 4 * MiB;

/**
 * What a reader accepts whatever the writer's settings: a length beyond these is damage (or a
 * crafted file), refused before anything is buffered. Writers' sizes are checked against them.
 */
export const MAX_SEGMENT_SIZE = 16 * MiB;
/** Compressor and decompressor output chunk: larger than zlib's 16 KiB default, fewer trips to the thread pool. */
export const GZIP_CHUNK_SIZE = 256 * 1024;
export const MAX_DATA_FRAME_SIZE = 16 * MiB;

export const FRAME = {
  header: 0x48, // 'H'
  entries: 0x45, // 'E'
  blobStart: 0x42, // 'B'
  data: 0x44, // 'D'
  blobEnd: 0x62, // 'b'
  bulkStart: 0x55, // 'U'
  bulkEnd: 0x75, // 'u'
  end: 0x5a, // 'Z'
} as const;
export type FrameKind = (typeof FRAME)[keyof typeof FRAME];
export const FRAME_HEADER_BYTES = 5;

/**
 * Largest payload per frame kind. E: one entry may carry two values of up to MAX_VALUE_CHARS
 * (a whole checklist pack), so its frame may be far above ENTRIES_FRAME_BYTES; 512 MiB is about
 * the longest string V8 can make anyway, so JSON.parse could not take more.
 */
export const MAX_PAYLOAD: Readonly<Record<FrameKind, number>> = {
  [FRAME.header]: 64 * MiB,
  [FRAME.entries]: 512 * MiB,
  [FRAME.blobStart]: 64 * 1024,
  [FRAME.data]: MAX_DATA_FRAME_SIZE,
  [FRAME.blobEnd]: 0,
  [FRAME.bulkStart]: 16 * MiB,
  [FRAME.bulkEnd]: 0,
  [FRAME.end]: 64 * 1024,
};

export function isFrameKind(kind: number): kind is FrameKind {
  return Object.hasOwn(MAX_PAYLOAD, kind);
}

export function frameHeader(kind: FrameKind, length: number): Buffer {
  const head = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  head[0] = kind;
  head.writeUInt32BE(length, 1);
  return head;
}

export function segmentNonce(prefix: Buffer, counter: number, last: boolean): Buffer {
  const nonce = Buffer.allocUnsafe(NONCE_PREFIX_BYTES + 5);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(counter, NONCE_PREFIX_BYTES);
  nonce[NONCE_PREFIX_BYTES + 4] = last ? 1 : 0;
  return nonce;
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const byteCount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** An evidence file's bytes, named by their SHA-256 (the blob store's key). */
export const blobSummarySchema = z.object({ sha256, size: byteCount, mediaType: z.string().min(1).max(255) }).strict();
/** Immutable bulk data (a sampling population): what it is, which row it belongs to, its bytes' hash. */
export const bulkSummarySchema = z.object({ kind: z.string().min(1).max(100), id: z.string().min(1).max(100), size: byteCount, sha256 }).strict();
/** The U frame: the summary and whatever the section's owner needs to read it back (columns, encoding). */
export const bulkStartSchema = bulkSummarySchema.extend({ meta: z.unknown() }).strict();

export const sectionsSchema = z
  .object({
    entries: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    blobs: z.array(blobSummarySchema),
    bulk: z.array(bulkSummarySchema),
  })
  .strict();

/** The H frame: a v1 package without its entries, plus what the sections hold. */
export const packageV2HeaderSchema = returnPackageSchema
  .omit({ entries: true })
  .extend({ formatVersion: z.literal(PACKAGE_V2_FORMAT_VERSION), sections: sectionsSchema })
  .strict();

export const endFrameSchema = z.object({ frames: z.number().int().min(0), sha256 }).strict();

export type BlobSummary = z.infer<typeof blobSummarySchema>;
export type BulkSummary = z.infer<typeof bulkSummarySchema>;
export type BulkStart = BulkSummary & { readonly meta: unknown };
export type PackageV2Sections = z.infer<typeof sectionsSchema>;
export type PackageV2Header = z.infer<typeof packageV2HeaderSchema>;
/** What the caller gives the writer: a v1 package's fields without format, version and entries. */
export type PackageV2HeaderFields = Omit<ReturnPackage, 'format' | 'formatVersion' | 'entries'>;
