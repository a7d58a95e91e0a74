import { PHOTO_POLICIES } from '../cb-profile/profile.ts';

/** How a file came to the evidence: chosen or dropped, a pasted screenshot, a photo (camera roll). */
export const EVIDENCE_FILE_KINDS = ['file', 'screenshot', 'photo'] as const;
export type EvidenceFileKind = (typeof EVIDENCE_FILE_KINDS)[number];

/** The CB photo policy applied when the file was attached ('none': not a JPEG or PNG, nothing to handle). */
export const METADATA_POLICIES = ['none', ...PHOTO_POLICIES] as const;
export type MetadataPolicy = (typeof METADATA_POLICIES)[number];
