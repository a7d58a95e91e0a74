import { describe, expect, it } from 'vitest';
import { auditDatesInOrder, auditDayCount } from './engagement-rules.ts';

describe('engagement rules', () => {
  it('counts audit days with both ends included', () => {
    expect(auditDayCount('2026-12-07', '2026-12-10')).toBe(4);
    expect(auditDayCount('2026-12-07', '2026-12-07')).toBe(1);
    expect(auditDayCount('2026-12-10', '2026-12-07')).toBe(0);
    expect(auditDayCount('', '2026-12-07')).toBe(0);
  });

  it('flags a last day before the first', () => {
    expect(auditDatesInOrder('2026-12-07', '2026-12-06')).toBe(false);
    expect(auditDatesInOrder('2026-12-07', '2026-12-07')).toBe(true);
    expect(auditDatesInOrder('2026-12-07', 'not yet')).toBe(true);
  });
});
