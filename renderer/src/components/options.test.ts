import { describe, expect, it } from 'vitest';
import { withStoredValue } from './options.ts';

describe('a Select showing a stored value this version does not know', () => {
  const roles = [
    { value: 'lead', label: 'Audit team leader' },
    { value: 'auditor', label: 'Auditor' },
  ];

  it('adds the stored value as it is, so the field is not shown empty', () => {
    expect(withStoredValue(roles, 'co_auditor')).toEqual([...roles, { value: 'co_auditor', label: 'co_auditor' }]);
  });

  it('leaves known values and empty ones alone', () => {
    expect(withStoredValue(roles, 'lead')).toEqual(roles);
    expect(withStoredValue(roles, null)).toEqual(roles);
    expect(withStoredValue(roles, '')).toEqual(roles);
  });
});
