import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** Evidence files: the upload channel (begin / chunk / commit / abort), the list, pieces for previews. */
export function registerEvidenceHandlers(router: Router, deps: RouterDeps): void {
  const { service } = deps;

  router.register('evidence:files', ({ engagementHandle }) => service.call(engagementHandle, 'evidenceFiles'));
  router.register('evidence:beginUpload', ({ engagementHandle, fileName, byteSize, mediaType }) => service.call(engagementHandle, 'beginUpload', fileName, byteSize, mediaType));
  // A chunk is committed in the worker as it arrives; the engagement is marked for the next rolling backup at commit only.
  router.register('evidence:uploadChunk', ({ engagementHandle, uploadId, seq, data }) => service.call(engagementHandle, 'uploadChunk', uploadId, seq, data));
  router.register('evidence:commitUpload', async ({ engagementHandle, uploadId, evidenceId, newEvidence, fileKind, photographyPermittedBy, caption }) => {
    const typing = await service.call(engagementHandle, 'typingMember');
    return service.change(engagementHandle, 'commitUpload', { uploadId, evidenceId, newEvidence, fileKind, photographyPermittedBy, caption, memberId: typing.memberId });
  });
  router.register('evidence:abortUpload', ({ engagementHandle, uploadId }) => service.call(engagementHandle, 'abortUpload', uploadId));
  router.register('evidence:readFile', ({ engagementHandle, fileId, copy, offset, length }) => service.call(engagementHandle, 'readEvidenceFile', fileId, copy, offset, length));
}
