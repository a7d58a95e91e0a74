import type { AttachedView, EvidenceFilesView, FilePieceView, UploadStartedView } from '../../shared/contract/evidence-channels.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { attachUpload, type AttachRequest } from './attach.ts';
import { evidenceFiles, photoPolicyOf, readEvidenceFile } from './evidence-files.ts';
import { Uploads } from './uploads.ts';

/**
 * Evidence files in the worker (issue 16): streamed uploads (begin / chunk / commit / abort), the
 * CB's photo policy applied at commit, the files with whether their bytes are here, pieces for previews.
 */
export const evidenceCapability = defineCapability({
  name: 'evidence',
  calls: (engagement: EngagementContext) => {
    const uploads = new Uploads(() => engagement.blobs());
    return {
      evidenceFiles: (): EvidenceFilesView => evidenceFiles(engagement),
      beginUpload: (fileName: string, byteSize: number, mediaType: string): UploadStartedView => {
        if (engagement.store().readOnly) throw new StoreError('READ_ONLY', 'This engagement is open read-only');
        return uploads.begin(fileName, byteSize, mediaType);
      },
      uploadChunk: async (uploadId: string, seq: number, base64: string): Promise<{ received: number }> => ({
        received: await uploads.chunk(uploadId, seq, Buffer.from(base64, 'base64')),
      }),
      commitUpload: (request: AttachRequest): Promise<AttachedView> => attachUpload(engagement, uploads, photoPolicyOf(engagement.db()).policy, request),
      abortUpload: async (uploadId: string): Promise<null> => {
        await uploads.abort(uploadId);
        return null;
      },
      readEvidenceFile: (fileId: string, copy: 'original' | 'report', offset: number, length: number): FilePieceView =>
        readEvidenceFile(engagement, fileId, copy, offset, length),
    };
  },
  jobs: () => ({}),
});
