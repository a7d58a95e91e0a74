import { describe, expect, it } from 'vitest';
import { entryStructure, sameKey, STRUCTURE_LIMITS } from './notebook-structure.ts';

describe('entryStructure', () => {
  it('makes people, records under the topic, documents and clauses, each once', () => {
    const made = entryStructure('@Jane Smith; #CHG-1 and #CHG-1 again, [[Policy]] [[policy]] §8.5.1 §8.5.1 @王海伦，变更经理', 'change');
    expect(made).toEqual({
      people: [
        { name: 'Jane Smith', role: null },
        { name: '王海伦', role: '变更经理' },
      ],
      records: [{ ref: 'CHG-1', topic: 'change' }],
      documents: [{ title: 'Policy' }],
      clauses: ['8.5.1'],
      skipped: [],
    });
  });

  it('takes a person’s role from a later mention when the first gives none', () => {
    expect(entryStructure('@Jane Smith; later @jane smith, CAB chair.', null).people).toEqual([{ name: 'Jane Smith', role: 'CAB chair' }]);
  });

  it('reports records with no topic and marks longer than their table takes, and makes nothing of them', () => {
    const longName = `@${'A'.repeat(STRUCTURE_LIMITS.name + 1)}`;
    const longTitle = `[[${'t'.repeat(STRUCTURE_LIMITS.title + 1)}]]`;
    const made = entryStructure(`#CHG-1 ${longName}; ${longTitle}`, null);
    expect(made.people).toEqual([]);
    expect(made.records).toEqual([]);
    expect(made.documents).toEqual([]);
    expect(made.skipped.map((skip) => [skip.kind, skip.reason])).toEqual([
      ['record', 'no_topic'],
      ['person', 'too_long'],
      ['document', 'too_long'],
    ]);
  });

  it('a body with no mark, or only marks kept as text, makes nothing', () => {
    expect(entryStructure('C# tool; p.shah@x.example; \\#1; [[unclosed; § ', 'change')).toEqual({ people: [], records: [], documents: [], clauses: [], skipped: [] });
  });

  it('sameKey ignores case, spacing and Unicode composition', () => {
    expect(sameKey('  Change   Policy ')).toBe(sameKey('change policy'));
    expect(sameKey('Cafe\u0301')).toBe(sameKey('café'));
  });
});
