import { describe, expect, it } from 'vitest';
import { findingLabel } from './finding-label.ts';

describe('a finding’s label', () => {
  it('is the final number once given, the provisional id before', () => {
    expect(findingLabel({ finalNumber: 'MIN-02', provisionalSeq: 3, raisedByInitials: 'DA' })).toBe('MIN-02');
    expect(findingLabel({ finalNumber: '', provisionalSeq: 3, raisedByInitials: 'DA' })).toBe('DA-P3');
    expect(findingLabel({ finalNumber: '', provisionalSeq: 1, raisedByInitials: ' ' })).toBe('?-P1');
  });
});
