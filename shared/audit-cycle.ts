import type { AuditType } from './engagement.ts';

/**
 * The audit that usually follows another in a three-year certification cycle (ISO/IEC 17021-1 9.1.3,
 * 9.6): stage 1 → stage 2 → surveillance 1 → surveillance 2 → recertification → surveillance 1 of
 * the next cycle. A special audit does not move the cycle, so nothing is suggested after one; the
 * lead always chooses (a CB may add a surveillance, or a client may move to another CB).
 */
const NEXT: Partial<Record<AuditType, AuditType>> = {
  stage1: 'stage2',
  stage2: 'surveillance1',
  surveillance1: 'surveillance2',
  surveillance2: 'recertification',
  recertification: 'surveillance1',
  // A transfer (older files) was the first audit under this CB: the cycle goes on from there.
  transfer: 'surveillance1',
};

export function nextAuditType(previous: AuditType): AuditType | null {
  return NEXT[previous] ?? null;
}
