import { describe, expect, it } from 'vitest';
import { isUuid, naturalRowId, newRowId } from './ids.ts';

describe('row ids', () => {
  it('makes time-ordered UUIDv7 ids for rows without a natural key', () => {
    const ids = Array.from({ length: 50 }, () => newRowId());
    expect(ids.every((id) => isUuid(id, 7))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });

  it('derives the same UUIDv5 for the same natural key in every copy, and different ones otherwise', () => {
    const engagement = newRowId();
    const a = naturalRowId(engagement, 'response', ['8.5.1-Q2', 'actor-1']);
    expect(isUuid(a, 5)).toBe(true);
    expect(naturalRowId(engagement, 'response', ['8.5.1-Q2', 'actor-1'])).toBe(a);
    expect(naturalRowId(engagement, 'response', ['8.5.1-Q2', 'actor-2'])).not.toBe(a);
    expect(naturalRowId(newRowId(), 'response', ['8.5.1-Q2', 'actor-1'])).not.toBe(a);
    // The separator keeps ["a b", "c"] and ["a", "b c"] apart.
    expect(naturalRowId(engagement, 't', ['a b', 'c'])).not.toBe(naturalRowId(engagement, 't', ['a', 'b c']));
  });
});
