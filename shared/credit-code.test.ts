import { describe, expect, it } from 'vitest';
import { creditCodeProblem } from './credit-code.ts';

describe('the unified social credit code (GB 32100-2015)', () => {
  it('accepts valid codes (published examples), in any case, and an empty field', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91110000802100433B')).toBeNull();
    expect(creditCodeProblem('91350100m000100y43')).toBeNull();
    expect(creditCodeProblem('')).toBeNull();
  });

  it('names what is wrong: length, characters outside the set, the check character', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100I43')).toBe('characters'); // I is not used
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check');
    expect(creditCodeProblem('91350100M000100Y34')).toBe('check'); // two digits swapped
  });
});
