import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingList, NO_FILTER, searchText, type FindingFilter, type FindingListOptions, type ListFinding } from './finding-list.ts';

const GRADE_ORDER = new Map([
  ['major', 1],
  ['minor', 2],
  ['observation', 3],
  ['improvement', 4],
]);

let seq = 0;
const finding = (fields: Partial<Omit<ListFinding, 'clauses' | 'sites'>> & { clauses?: string[]; sites?: string[] } = {}): ListFinding => {
  seq += 1;
  return {
    id: fields.id ?? `f${seq}`,
    label: fields.label ?? `HM-P${seq}`,
    finalNumber: fields.finalNumber ?? '',
    finalSeq: fields.finalSeq ?? null,
    raisedBy: fields.raisedBy ?? 'm-helen',
    raisedByInitials: fields.raisedByInitials ?? 'HM',
    provisionalSeq: fields.provisionalSeq ?? seq,
    grade: fields.grade ?? 'minor',
    process: fields.process ?? '',
    raisedOn: fields.raisedOn ?? '2026-12-08',
    updatedAt: fields.updatedAt ?? `2026-12-08T10:00:00.000Z-${String(seq).padStart(4, '0')}`,
    requirement: fields.requirement ?? '',
    evidence: fields.evidence ?? '',
    notFulfilled: fields.notFulfilled ?? '',
    procedure: fields.procedure ?? '',
    clauses: (fields.clauses ?? []).map((target) => ({ target })),
    sites: (fields.sites ?? []).map((target) => ({ target })),
  };
};

const options = (overrides: Partial<Omit<FindingListOptions, 'filter'>> & { filter?: Partial<FindingFilter> } = {}): FindingListOptions => ({
  sort: 'number',
  group: 'none',
  gradeOrder: GRADE_ORDER,
  openWarnings: new Map(),
  haystack: searchText,
  ...overrides,
  filter: { ...NO_FILTER, ...overrides.filter },
});
const ids = (groups: ReturnType<typeof findingList>) => groups.flatMap((group) => group.findings.map((f) => f.id));

describe('the findings list', () => {
  const a = finding({ id: 'a', grade: 'minor', clauses: ['8.5.1.3'], process: 'change', sites: ['hq'], raisedOn: '2026-12-08', evidence: 'CHG-10431 had no review.', provisionalSeq: 2 });
  const b = finding({ id: 'b', grade: 'major', clauses: ['9.2'], process: '', sites: ['dub', 'hq'], raisedOn: '2026-12-07', raisedBy: 'm-raj', raisedByInitials: 'RI', provisionalSeq: 1, notFulfilled: 'No internal audit of 8.3 in 2026.' });
  const c = finding({ id: 'c', grade: 'retired', clauses: [], process: 'change', raisedOn: '2026-12-09', provisionalSeq: 1, procedure: 'PROC-CHG-01' });
  const d = finding({ id: 'd', grade: 'observation', clauses: ['8.5.1', '10.1'], process: 'incident', finalNumber: 'OBS-01', finalSeq: 1, label: 'OBS-01', raisedOn: '2026-12-08' });
  const all = [a, b, c, d];

  it('sorts by number: numbered first, then provisional ids by member and sequence', () => {
    expect(ids(findingList(all, options()))).toEqual(['d', 'c', 'a', 'b']);
  });

  it('sorts by grade (an unknown grade last), clause (none last), raised on and last change', () => {
    expect(ids(findingList(all, options({ sort: 'grade' })))).toEqual(['b', 'a', 'd', 'c']);
    expect(ids(findingList(all, options({ sort: 'clause' })))).toEqual(['d', 'a', 'b', 'c']);
    expect(ids(findingList(all, options({ sort: 'raised' })))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(findingList(all, options({ sort: 'changed' })))).toEqual(['d', 'c', 'b', 'a']);
  });

  it('filters by grade, clause branch, process, site, member, open warnings and words', () => {
    expect(ids(findingList(all, options({ filter: { grades: ['major', 'observation'] } })))).toEqual(['d', 'b']);
    expect(ids(findingList(all, options({ filter: { clause: '8.5' } })))).toEqual(['d', 'a']);
    expect(ids(findingList(all, options({ filter: { clause: '8.5.1.3' } })))).toEqual(['a']);
    expect(ids(findingList(all, options({ filter: { process: 'change' } })))).toEqual(['c', 'a']);
    expect(ids(findingList(all, options({ filter: { site: 'hq' } })))).toEqual(['a', 'b']);
    expect(ids(findingList(all, options({ filter: { raisedBy: 'm-raj' } })))).toEqual(['b']);
    expect(ids(findingList(all, options({ filter: { openWarnings: true }, openWarnings: new Map([['c', 2], ['a', 0]]) })))).toEqual(['c']);
    expect(ids(findingList(all, options({ filter: { text: 'internal  AUDIT' } })))).toEqual(['b']);
    expect(ids(findingList(all, options({ filter: { text: 'proc-chg' } })))).toEqual(['c']);
    expect(ids(findingList(all, options({ filter: { text: 'obs-01' } })))).toEqual(['d']);
  });

  it('groups by grade in the scale’s order, by clause (first clause; none last), by process and site (none last)', () => {
    const groups = (group: FindingListOptions['group']) => findingList(all, options({ group })).map((g) => `${g.key}:${g.findings.map((f) => f.id).join('')}`);
    expect(groups('grade')).toEqual(['major:b', 'minor:a', 'observation:d', 'retired:c']);
    expect(groups('clause')).toEqual(['8.5.1:d', '8.5.1.3:a', '9.2:b', ':c']);
    expect(groups('process')).toEqual(['incident:d', 'change:ca', ':b']);
    expect(groups('site')).toEqual(['hq:a', 'dub:b', ':dc']);
    expect(groups('none')).toEqual(['all:dcab']);
    expect(findingList([], options())).toEqual([]);
  });

  it('keeps every finding that passes the filter exactly once, whatever the sort and grouping', () => {
    const arbitraryFinding = fc.record({
      grade: fc.constantFrom('major', 'minor', 'observation', 'improvement', 'gone'),
      clauses: fc.array(fc.constantFrom('4.4', '8.5.1', '8.5.1.3', '9.2', '10.1'), { maxLength: 3 }),
      sites: fc.array(fc.constantFrom('hq', 'dub', 'lon'), { maxLength: 2 }),
      process: fc.constantFrom('', 'change', 'incident'),
      finalSeq: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
      raisedOn: fc.constantFrom('2026-12-07', '2026-12-08'),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryFinding, { maxLength: 30 }),
        fc.constantFrom('number', 'grade', 'clause', 'raised', 'changed'),
        fc.constantFrom('grade', 'process', 'clause', 'site', 'none'),
        fc.option(fc.constantFrom('hq', 'dub'), { nil: null }),
        (specs, sort, group, site) => {
          const list = specs.map((spec) => finding({ ...spec, finalNumber: spec.finalSeq ? `N-${spec.finalSeq}` : '' }));
          const shown = ids(findingList(list, options({ sort, group, filter: { site } })));
          const expected = list.filter((f) => site === null || f.sites.some((link) => link.target === site)).map((f) => f.id);
          expect([...shown].sort()).toEqual([...expected].sort());
          expect(new Set(shown).size).toBe(shown.length);
        },
      ),
    );
  });
});
