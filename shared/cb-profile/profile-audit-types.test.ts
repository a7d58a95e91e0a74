import { describe, expect, it } from 'vitest';
import { OFFERED_AUDIT_TYPES } from '../engagement.ts';
import { PROFILE_AUDIT_TYPES } from './profile.ts';

describe('the audit types a CB profile words', () => {
  it('are exactly the audit types an engagement offers (format 1 froze its own copy)', () => {
    // If the engagement offers a new type, profile format 1 cannot word it: that needs format 2.
    expect([...PROFILE_AUDIT_TYPES].sort()).toEqual([...OFFERED_AUDIT_TYPES].sort());
  });
});
