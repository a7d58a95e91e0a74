import type { MemberSignatureView } from '../../shared/contract/closing-views.ts';
import { StoreError } from '../../shared/store-errors.ts';
import type { EngagementStore } from '../store/engagement-store.ts';
import type { Typing } from './closing-view.ts';

const PNG = 'data:image/png;base64,';

/** A drawn signature is a PNG data URL with something in it; anything else is refused before it is stored. */
export function checkSignatureImage(image: string): void {
  if (image.trim() === '' || image === PNG) throw new StoreError('SIGNATURE_EMPTY', 'Nothing was drawn on the signature pad');
  if (!image.startsWith(PNG) || !/^[A-Za-z0-9+/]+={0,2}$/.test(image.slice(PNG.length))) {
    throw new StoreError('INVALID_VALUE', 'A signature must be a PNG image drawn on the pad', { field: 'signature' });
  }
}

/** The typing member's own signature (its row's natural key is the member, so each copy agrees on its id). */
export function mySignature(store: EngagementStore, typing: Typing): MemberSignatureView {
  if (!typing.memberId) return { memberId: null, memberName: null, signature: null };
  const row = store.listRows('member_signature').find((candidate) => candidate.team_member_id === typing.memberId);
  return {
    memberId: typing.memberId,
    memberName: typing.name,
    signature: row && String(row.signature) !== '' ? { id: String(row.id), image: String(row.signature), drawnAt: String(row.drawn_at) } : null,
  };
}

/** Draws or redraws the typing member's signature: created, or revived and replaced (one row per member). */
export function saveMySignature(store: EngagementStore, typing: Typing, image: string, now: string): MemberSignatureView {
  if (!typing.memberId) throw new StoreError('NOT_A_TEAM_MEMBER', 'Say which team member you are first');
  checkSignatureImage(image);
  store.createRow('member_signature', { engagement_id: store.engagementId, team_member_id: typing.memberId, signature: image, drawn_at: now });
  return mySignature(store, typing);
}
