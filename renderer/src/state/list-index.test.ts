import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listIndex } from './list-index.ts';

interface Row {
  readonly id: string;
  readonly group: string;
  readonly value: number;
}

/** Group → id → value, built by the index under test. */
const rules = () => {
  let builds = 0;
  const index = listIndex<Row, Map<string, Map<string, number>>>({
    create: () => {
      builds++;
      return new Map();
    },
    add: (map, row) => {
      if (!map.has(row.group)) map.set(row.group, new Map());
      map.get(row.group)!.set(row.id, row.value);
    },
    remove: (map, row) => {
      const inGroup = map.get(row.group);
      if (inGroup?.get(row.id) !== row.value) return;
      inGroup.delete(row.id);
      if (!inGroup.size) map.delete(row.group);
    },
  });
  return { index, builds: () => builds };
};

const rebuilt = (list: readonly Row[]): Map<string, Map<string, number>> => {
  const map = new Map<string, Map<string, number>>();
  for (const row of list) {
    if (!map.has(row.group)) map.set(row.group, new Map());
    map.get(row.group)!.set(row.id, row.value);
  }
  return map;
};

const plain = (map: Map<string, Map<string, number>>) => [...map].map(([group, ids]) => [group, [...ids].sort()] as const).sort((a, b) => a[0].localeCompare(b[0]));

/** The changes the stores make (row-list.ts): replace one row, append one, filter one out, or reload all. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 3 }), group: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ kind: fc.constant('append' as const), value: fc.integer({ min: 0, max: 3 }), group: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('reload' as const) }),
);

describe('listIndex: an index followed from version to version', () => {
  it('equals an index rebuilt from scratch after any sequence of the stores’ changes', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
        const { index } = rules();
        let list: Row[] = [];
        let next = 0;
        for (const step of changes) {
          if (step.kind === 'edit' && list.length) {
            const at = step.at % list.length;
            list = list.map((row, i) => (i === at ? { ...row, value: step.value, group: step.group } : row));
          } else if (step.kind === 'append') list = [...list, { id: `r${next++}`, group: step.group, value: step.value }];
          else if (step.kind === 'remove' && list.length) {
            const at = step.at % list.length;
            list = list.filter((_, i) => i !== at);
          } else if (step.kind === 'reload') list = list.map((row) => ({ ...row }));
          expect(plain(index(list))).toEqual(plain(rebuilt(list)));
        }
      }),
    );
  });

  it('patches a one-row change instead of rebuilding, and rebuilds when many rows changed', () => {
    const { index, builds } = rules();
    let list: Row[] = Array.from({ length: 1000 }, (_, i) => ({ id: `r${i}`, group: String(i % 7), value: i }));
    index(list);
    list = list.map((row, i) => (i === 500 ? { ...row, value: -1 } : row));
    expect(index(list).get('3')!.get('r500')).toBe(-1);
    list = [...list, { id: 'new', group: 'x', value: 1 }];
    expect(index(list).get('x')!.get('new')).toBe(1);
    list = list.filter((row) => row.id !== 'r0');
    expect(index(list).get('0')!.has('r0')).toBe(false);
    expect(builds()).toBe(1);
    list = list.map((row) => ({ ...row }));
    index(list);
    expect(builds()).toBe(2);
  });

  it('rebuilds for a list older than the last one it saw', () => {
    const { index } = rules();
    const first: Row[] = [{ id: 'a', group: 'g', value: 1 }];
    const second = [...first, { id: 'b', group: 'g', value: 2 }];
    index(first);
    index(second);
    expect([...index(first).get('g')!.keys()]).toEqual(['a']);
  });
});
