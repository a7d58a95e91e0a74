import type { PhotoPolicy } from '../../shared/cb-profile/profile.ts';
import type { AttachedView } from '../../shared/contract/evidence-channels.ts';
import type { EvidenceFileKind } from '../../shared/evidence/evidence-file-kinds.ts';
import { EVIDENCE_LIMITS, isPhotoFormat, type FileFormat } from '../../shared/evidence/file-format.ts';
import type { EvidenceKind } from '../../shared/fieldwork/fieldwork-kinds.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { EVIDENCE_FILE_TABLE } from '../../shared/tables/evidence-file-tables.ts';
import { EVIDENCE_ITEM_TABLE } from '../../shared/tables/fieldwork-records-tables.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { typedRow } from '../store/typed-rows.ts';
import { fileView } from './evidence-files.ts';
import { handlePhoto, imageSizeOf, reportCopy } from './photo/index.ts';
import type { Uploads } from './uploads.ts';

export interface AttachRequest {
  readonly uploadId: string;
  readonly evidenceId: string | null;
  readonly newEvidence: { readonly title: string; readonly kind: EvidenceKind } | null;
  readonly fileKind: EvidenceFileKind;
  readonly photographyPermittedBy: string;
  readonly caption: string;
  /** The typing team member (null in a lead's file not yet linked to a member). */
  readonly memberId: string | null;
}

/** Formats whose pixel size is read from the header (to refuse an absurd one) and that a preview shows as an image. */
const IMAGE_FORMATS: readonly FileFormat[] = ['jpeg', 'png', 'gif', 'bmp'];

/**
 * Makes a finished upload an evidence file. JPEG and PNG pass through the CB's photo policy first:
 * the stored bytes are the policy's (the original, with its location, is deleted before this
 * returns and never leaves in a copy), and a report-sized copy is made once. Then ONE transaction
 * makes the blobs visible, creates the reference if asked and the file's row with its change-log entries.
 */
export async function attachUpload(engagement: EngagementContext, uploads: Uploads, policy: PhotoPolicy, request: AttachRequest): Promise<AttachedView> {
  const store = engagement.store();
  if (store.readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
  if (request.evidenceId === null && request.newEvidence === null) throw new StoreError('INVALID_VALUE', 'Say which evidence reference the file belongs to');
  if (request.evidenceId !== null) store.getRow('evidence_item', request.evidenceId);
  const upload = await uploads.complete(request.uploadId);
  const blobs = engagement.blobs();
  let ids = [request.uploadId];
  try {
    let dimensions: { width: number; height: number } | null = null;
    let photo: ReturnType<typeof handlePhoto> | null = null;
    let reportId: string | null = null;
    if (IMAGE_FORMATS.includes(upload.format) && upload.declaredSize <= EVIDENCE_LIMITS.maxPhotoBytes) {
      const original = blobs.uploadBytes(request.uploadId);
      // Refuses an absurd declared size (EVIDENCE_IMAGE_TOO_LARGE) from the header, before anything decodes.
      const size = imageSizeOf(original, upload.fileName);
      dimensions = { width: size.width, height: size.height };
      if (isPhotoFormat(upload.format)) {
        photo = handlePhoto(original, upload.format, policy, upload.fileName);
        if (!photo.bytes.equals(original)) {
          // The stored file is the policy's: the original's chunks go now (secure_delete zeroes them).
          const stripped = blobs.put(photo.bytes, upload.mediaType);
          await blobs.abort(request.uploadId);
          ids = [stripped];
        }
        reportId = blobs.put(await reportCopy(photo.bytes, upload.fileName), 'image/jpeg');
        ids.push(reportId);
      }
    } else if (isPhotoFormat(upload.format)) {
      throw new StoreError('EVIDENCE_FILE_TOO_LARGE', 'A photo is larger than its limit', {
        fileName: upload.fileName,
        size: upload.declaredSize,
        limit: EVIDENCE_LIMITS.maxPhotoBytes,
      });
    }
    uploads.done(request.uploadId);
    return blobs.finish(ids, ([stored, report]) => {
      const evidenceId =
        request.evidenceId ?? store.createRow('evidence_item', { engagement_id: store.engagementId, title: request.newEvidence!.title, kind: request.newEvidence!.kind });
      const fileId = store.createRow('evidence_file', {
        engagement_id: store.engagementId,
        evidence_id: evidenceId,
        sha256: stored!.sha256,
        file_name: upload.fileName,
        media_type: upload.mediaType,
        byte_size: stored!.byteSize,
        file_kind: request.fileKind,
        width: photo?.width ?? dimensions?.width ?? null,
        height: photo?.height ?? dimensions?.height ?? null,
        metadata_policy: photo ? policy : 'none',
        metadata_removed: photo ? photo.removed.join(',') : '',
        report_sha256: report?.sha256 ?? null,
        team_member_id: request.memberId,
        captured_at: photo?.capturedAt ?? '',
        capture_latitude: photo?.latitude ?? null,
        capture_longitude: photo?.longitude ?? null,
        photography_permitted_by: request.photographyPermittedBy,
        caption: request.caption,
      });
      const row = typedRow(EVIDENCE_FILE_TABLE, store.getRow('evidence_file', fileId));
      return {
        file: fileView(row, new Set([stored!.sha256, ...(report ? [report.sha256] : [])]), null),
        evidence: typedRow(EVIDENCE_ITEM_TABLE, store.getRow('evidence_item', evidenceId)),
        deduplicated: stored!.existed,
        nameChanged: upload.nameChanged,
        removed: photo?.removed ?? [],
        warnings: photo?.warnings ?? [],
      };
    });
  } catch (error) {
    uploads.done(request.uploadId);
    for (const id of ids) await blobs.abort(id).catch(() => undefined);
    throw error;
  }
}
