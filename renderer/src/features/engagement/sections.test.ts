// The engagement window's section keys: Alt+1 … Alt+0 by position, a letter of its own past the tenth.
import { describe, expect, it } from 'vitest';
import { SECTIONS, sectionKey, sectionShortcut } from './sections.ts';

describe('section shortcuts', () => {
  it('gives the first ten their digit, sampling and the report their letters, and no key twice', () => {
    const keys = SECTIONS.map((_, index) => sectionShortcut(index));
    expect(keys.slice(0, 10)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']);
    expect(sectionKey(10)).toBeNull();
    expect(SECTIONS[10]!.id).toBe('sampling');
    expect(keys[10]).toBe('S');
    expect(SECTIONS[11]!.id).toBe('report');
    expect(keys[11]).toBe('R');
    expect(new Set(keys.map((key) => key?.toLowerCase())).size).toBe(SECTIONS.length);
    expect(keys.every((key) => key !== null)).toBe(true);
  });
});
