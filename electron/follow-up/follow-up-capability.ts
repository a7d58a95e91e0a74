import type { FollowUpView, LinkedFilePreview, LinkedImportResult } from '../../shared/contract/follow-up-views.ts';
import { defineCapability } from '../store/capability.ts';
import type { EngagementContext } from '../store/engagement-context.ts';
import { followUpView, moveCorrectiveAction, type MoveInput, type TypingMemberInput } from './corrective-actions.ts';
import { importLinked, linkedFromDb, previewLinked, readLinkedFile, type LinkedEngagement } from './linked-file.ts';

/** Corrective actions through to closure and earlier nonconformities (issue 17), in the engagement worker. */
export const followUpCapability = defineCapability({
  name: 'follow-up',
  calls: (engagement: EngagementContext) => ({
    /** One move of a nonconformity's corrective action with its history row, as `memberId`. */
    moveCorrectiveAction: (memberId: string | null, input: MoveInput) => moveCorrectiveAction(engagement.store(), memberId, input),
    followUpView: (typing: TypingMemberInput): FollowUpView => followUpView(engagement.db(), typing),
    /** This engagement's nonconformities for another engagement that links it (the file is open here, so read through this worker). */
    linkedEngagement: (fileName: string): LinkedEngagement => linkedFromDb(engagement.db(), fileName),
    /** An earlier engagement file that is not open: read from a private copy (in a worker with no engagement of its own). */
    readLinkedFile: (file: string): LinkedEngagement => readLinkedFile(file),
    previewLinked: (linked: LinkedEngagement, file: string): LinkedFilePreview => previewLinked(engagement.store(), linked, file),
    importLinked: (linked: LinkedEngagement, auditLabel: string, confirmOtherClient: boolean): LinkedImportResult =>
      importLinked(engagement.store(), linked, auditLabel, confirmOtherClient),
  }),
  jobs: () => ({}),
});
