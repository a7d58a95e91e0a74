import { EVIDENCE_FILE_KINDS, METADATA_POLICIES } from '../evidence/evidence-file-kinds.ts';
import { blob, editable, enumOf, fixed, integer, number, reference, text } from './field-types.ts';
import { defineTable } from './table.ts';

/*
 * Files and photos attached to evidence references (issue 16, migration 16). The bytes live in the
 * file's content store (blob / blob_chunk, by SHA-256, outside the change log); this row is what
 * merges: which file, attached to which reference, as what, with the photo's recorded fields.
 */
const owner = fixed('engagement_id', reference('engagement'));

/**
 * One file attached to one evidence reference. Natural key (reference, content): the same bytes
 * attached to the same reference in two copies are one row; attached to two references, two rows
 * over one stored blob. Removing it is a tombstone: the reference and the change log stay.
 */
export const EVIDENCE_FILE_TABLE = defineTable({
  name: 'evidence_file',
  class: 'mergeable',
  fields: [
    owner,
    fixed('evidence_id', reference('evidence_item')),
    fixed('sha256', blob()),
    /** The name it was attached under, cleaned (no folders, no control characters, ≤ 180 characters). */
    fixed('file_name', text(200, true)),
    fixed('media_type', text(100)),
    fixed('byte_size', integer({ min: 1 })),
    fixed('file_kind', enumOf(EVIDENCE_FILE_KINDS, 'file')),
    /** Pixels as stored (before the orientation tag turns them), for images. */
    fixed('width', integer({ min: 1, nullable: true })),
    fixed('height', integer({ min: 1, nullable: true })),
    fixed('metadata_policy', enumOf(METADATA_POLICIES, 'none')),
    /** What the policy removed from the bytes: codes such as gps, exif, xmp, comma-separated. */
    fixed('metadata_removed', text(200)),
    /** The ≤ 1,600 px copy made once for documents (photos and screenshots). */
    fixed('report_sha256', blob(true)),
    /** Who attached it (the typing team member). */
    fixed('team_member_id', reference('team_member', true)),
    /** When the photo says it was taken ('YYYY-MM-DDTHH:MM:SS', '+HH:MM' when it says its offset); editable. */
    editable('captured_at', text(40)),
    editable('capture_latitude', number({ nullable: true })),
    editable('capture_longitude', number({ nullable: true })),
    /** Who allowed the photograph (the auditee's representative), as the CB's policy asks. */
    editable('photography_permitted_by', text(300)),
    editable('caption', text(1000)),
  ],
  parents: [{ field: 'engagement_id', table: 'engagement' }],
  editing: 'rows',
  naturalKey: ['evidence_id', 'sha256'],
});

export const EVIDENCE_FILE_TABLES = [EVIDENCE_FILE_TABLE] as const;
