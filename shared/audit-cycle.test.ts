import { describe, expect, it } from 'vitest';
import { nextAuditType } from './audit-cycle.ts';
import { AUDIT_TYPES, OFFERED_AUDIT_TYPES } from './engagement.ts';

describe('the next audit of a cycle', () => {
  it('follows stage 1, stage 2, two surveillances and recertification, then starts the next cycle', () => {
    const walk = ['stage1'] as string[];
    for (let i = 0; i < 5; i++) walk.push(nextAuditType(walk.at(-1) as 'stage1')!);
    expect(walk).toEqual(['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification', 'surveillance1']);
  });

  it('suggests nothing after a special audit, and only audit types a new engagement may have', () => {
    expect(nextAuditType('scope_extension')).toBeNull();
    expect(nextAuditType('short_notice')).toBeNull();
    expect(nextAuditType('special')).toBeNull();
    for (const type of AUDIT_TYPES) {
      const next = nextAuditType(type);
      if (next) expect(OFFERED_AUDIT_TYPES).toContain(next);
    }
  });
});
