import type Database from 'better-sqlite3';
import { AREA_OF_CONCERN } from '../../shared/findings/finding-kinds.ts';
import { StoreError } from '../../shared/store-errors.ts';
import { findingBriefs } from '../findings/worker.ts';
import type { EngagementStore } from '../store/engagement-store.ts';
import type { Typing } from './closing-view.ts';
import { checkSignatureImage } from './member-signature.ts';

export interface AcknowledgementInput {
  readonly findingId: string;
  readonly status: 'signed' | 'declined';
  readonly signerName: string;
  readonly signerRole: string;
  /** A PNG data URL drawn on the pad (signed); ignored when declined. */
  readonly signature: string;
  readonly declinedReason: string;
}

/**
 * The auditee's acknowledgement of a nonconformity at the closing meeting, checked before it is
 * stored: the finding is live and a nonconformity; a signature has a signer and something drawn
 * (SIGNATURE_EMPTY otherwise); a refusal has its reason. Who recorded it is the typing member,
 * resolved in the main process, and when is the worker's clock. One row per finding (natural key):
 * signing again replaces the acknowledgement.
 */
export function acknowledgeNonconformity(store: EngagementStore, db: Database.Database, typing: Typing, input: AcknowledgementInput, now: string): string {
  const brief = findingBriefs(db).find((candidate) => candidate.id === input.findingId);
  if (!brief) throw new StoreError('FINDING_NOT_FOUND', 'The finding is not in this engagement', { id: input.findingId });
  // A grade the profile no longer defines stays a nonconformity (never dropped); an area of concern is not one.
  if ((!brief.isNonconformity && brief.gradeInfo !== null) || brief.grade === AREA_OF_CONCERN) throw new StoreError('INVALID_VALUE', 'Only a nonconformity is acknowledged by the auditee', { field: 'finding_id' });
  const name = input.signerName.trim();
  const reason = input.declinedReason.trim();
  if (input.status === 'signed') {
    if (!name) throw new StoreError('INVALID_VALUE', 'A signature needs the name of the person signing', { field: 'signer_name' });
    checkSignatureImage(input.signature);
  } else if (!reason) {
    throw new StoreError('INVALID_VALUE', 'A refusal to sign needs the reason given', { field: 'declined_reason' });
  }
  return store.createRow('nc_acknowledgement', {
    engagement_id: store.engagementId,
    finding_id: input.findingId,
    status: input.status,
    signer_name: name,
    signer_role: input.signerRole.trim(),
    signature: input.status === 'signed' ? input.signature : '',
    declined_reason: input.status === 'declined' ? reason : '',
    recorded_at: now,
    recorded_by: typing.memberId,
  });
}
