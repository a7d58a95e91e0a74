import { describe, expect, it } from 'vitest';
import type { NcFollowUpView } from '../../../../shared/contract/follow-up-views.ts';
import { filterItems, localized, overLimit, stepKey } from './labels.ts';

const item = (state: NcFollowUpView['state'], overdue: Partial<NcFollowUpView['overdue']> = {}, effectiveness: 'effective' | 'not_effective' | 'not_assessed' = 'not_assessed') =>
  ({
    findingId: state,
    state,
    overdue: { response: false, action: false, verification: false, ...overdue },
    action: state === 'raised' ? null : { effectiveness },
  }) as unknown as NcFollowUpView;

describe('the follow-up list’s views', () => {
  const items = [item('raised', { response: true }), item('accepted', { action: true }), item('implemented'), item('closed'), item('verified', { verification: true }, 'not_effective')];

  it('filters all, open, overdue (any of response, planned action, verification) and closed', () => {
    expect(filterItems(items, 'all')).toHaveLength(5);
    expect(filterItems(items, 'open').map((i) => i.state)).toEqual(['raised', 'accepted', 'implemented', 'verified']);
    expect(filterItems(items, 'overdue').map((i) => i.state)).toEqual(['raised', 'accepted', 'verified']);
    expect(filterItems(items, 'closed').map((i) => i.state)).toEqual(['closed']);
  });

  it('names the next step after a verification by its result', () => {
    expect(stepKey(item('verified', {}, 'effective'))).toBe('verifiedEffective');
    expect(stepKey(item('verified', {}, 'not_effective'))).toBe('verifiedNotEffective');
    expect(stepKey(item('rejected'))).toBe('rejected');
  });

  it('words a profile grade in the interface language, and keeps a value over its limit off the save', () => {
    const name = { en: 'Minor nonconformity', 'zh-Hans': '轻微不符合' };
    expect(localized(name, 'zh-CN', 'minor')).toBe('轻微不符合');
    expect(localized(name, 'en', 'minor')).toBe('Minor nonconformity');
    expect(localized(null, 'en', 'ncmin-2019')).toBe('ncmin-2019');
    expect(overLimit('correction', 'x'.repeat(10_000))).toBe(false);
    expect(overLimit('correction', 'x'.repeat(1_048_576))).toBe(true);
  });
});
