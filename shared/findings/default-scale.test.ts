import { describe, expect, it } from 'vitest';
import defaultProfile from '../../resources/cb-profiles/default.json' with { type: 'json' };
import { DEFAULT_FINDINGS_PROFILE } from './default-scale.ts';

describe('the findings defaults without a chosen profile', () => {
  it('are the shipped default profile’s grades, numbering and recommendations', () => {
    expect(DEFAULT_FINDINGS_PROFILE.grades).toEqual(defaultProfile.grades);
    expect(DEFAULT_FINDINGS_PROFILE.findingNumbering).toEqual(defaultProfile.findingNumbering);
    expect(DEFAULT_FINDINGS_PROFILE.recommendations).toEqual(defaultProfile.recommendations);
  });
});
