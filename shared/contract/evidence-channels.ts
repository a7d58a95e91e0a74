import { z } from 'zod';
import type { PhotoPolicy } from '../cb-profile/profile.ts';
import { EVIDENCE_FILE_KINDS } from '../evidence/evidence-file-kinds.ts';
import { EVIDENCE_KINDS } from '../fieldwork/fieldwork-kinds.ts';
import type { EVIDENCE_FILE_TABLE } from '../tables/evidence-file-tables.ts';
import type { EVIDENCE_ITEM_TABLE } from '../tables/fieldwork-records-tables.ts';
import type { RowOf } from '../tables/table.ts';
import { channel } from './channel.ts';
import { handleSchema } from './schemas.ts';

/** One attached file as the screens show it: the row, whether its bytes are in this copy, and who holds them if not. */
export interface EvidenceFileView {
  readonly row: RowOf<typeof EVIDENCE_FILE_TABLE>;
  /** The bytes are stored in this copy of the engagement. */
  readonly present: boolean;
  /** The ≤ 1,600 px copy for documents is stored (photos and screenshots). */
  readonly reportPresent: boolean;
  /** When the bytes are not here: the team member who attached them (their package came without files). */
  readonly heldBy: string | null;
}

export interface EvidenceFilesView {
  readonly files: EvidenceFileView[];
  /** The CB profile's photo policy (strip-metadata when the engagement has no profile yet). */
  readonly photoPolicy: PhotoPolicy;
  readonly policyFromProfile: boolean;
  readonly limits: { readonly maxFileBytes: number; readonly maxPhotoBytes: number; readonly chunkBytes: number };
}

export interface UploadStartedView {
  readonly uploadId: string;
  /** The name the file is stored under (folders, control characters and excess length removed). */
  readonly fileName: string;
  readonly nameChanged: boolean;
}

export interface AttachedView {
  readonly file: EvidenceFileView;
  readonly evidence: RowOf<typeof EVIDENCE_ITEM_TABLE>;
  /** The same bytes were already stored (attached elsewhere or earlier): kept once. */
  readonly deduplicated: boolean;
  readonly nameChanged: boolean;
  /** What the photo policy removed (gps, exif, xmp, …) and what could not be read (exif-unreadable). */
  readonly removed: string[];
  readonly warnings: string[];
}

export interface FilePieceView {
  /** base64 of at most 1 MiB. */
  readonly data: string;
  readonly total: number;
}

const rowId = z.string().min(1).max(100);
/** base64 of 1 MiB. */
const MAX_CHUNK_BASE64 = Math.ceil((1024 * 1024) / 3) * 4;

/** Evidence files (issue 16): streamed uploads attached to evidence references, and reading them back. */
export const EVIDENCE_CHANNELS = {
  'evidence:files': channel<EvidenceFilesView>()(z.object({ engagementHandle: handleSchema }).strict()),
  /** Starts an upload; refuses an empty file or one over the limit before any byte is sent. */
  'evidence:beginUpload': channel<UploadStartedView>()(
    z
      .object({
        engagementHandle: handleSchema,
        fileName: z.string().max(2000),
        byteSize: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        mediaType: z.string().max(200),
      })
      .strict(),
  ),
  /** One chunk (≤ 1 MiB, base64), in order from 0; each is committed as it arrives. */
  'evidence:uploadChunk': channel<{ readonly received: number }>()(
    z
      .object({
        engagementHandle: handleSchema,
        uploadId: rowId,
        seq: z.number().int().min(0),
        data: z.string().max(MAX_CHUNK_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/),
      })
      .strict(),
  ),
  /** Makes the file visible, attached to an evidence reference (an existing one or a new one), in one transaction. */
  'evidence:commitUpload': channel<AttachedView>()(
    z
      .object({
        engagementHandle: handleSchema,
        uploadId: rowId,
        evidenceId: rowId.nullable(),
        /** A new reference when evidenceId is null. */
        newEvidence: z.object({ title: z.string().trim().min(1).max(500), kind: z.enum(EVIDENCE_KINDS) }).strict().nullable(),
        fileKind: z.enum(EVIDENCE_FILE_KINDS),
        photographyPermittedBy: z.string().max(300),
        caption: z.string().max(1000),
      })
      .strict(),
  ),
  'evidence:abortUpload': channel<null>()(z.object({ engagementHandle: handleSchema, uploadId: rowId }).strict()),
  /** A piece of a stored file (the original or its report copy) for a preview. */
  'evidence:readFile': channel<FilePieceView>()(
    z
      .object({
        engagementHandle: handleSchema,
        fileId: rowId,
        copy: z.enum(['original', 'report']),
        offset: z.number().int().min(0),
        length: z.number().int().min(1).max(1024 * 1024),
      })
      .strict(),
  ),
} as const;
