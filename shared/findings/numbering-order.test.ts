import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FindingNumbering } from '../cb-profile/profile.ts';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { DEFAULT_FINDINGS_PROFILE } from './default-scale.ts';
import { AREA_OF_CONCERN } from './finding-kinds.ts';
import { assignFindingNumbers, compareClauses, type NumberAssignment, type NumberingFinding, type NumberingInput } from './numbering-order.ts';

const GRADES = DEFAULT_FINDINGS_PROFILE.grades;
const PER_GRADE: FindingNumbering = { pattern: '{grade}-{seq:2}', sequence: 'per-grade', appliesTo: 'all-grades' };
const RUNNING: FindingNumbering = { pattern: 'NC{yy}-{audit}-{seq:3}', sequence: 'per-engagement', appliesTo: 'nonconformities' };

const finding = (id: string, grade: string, overrides: Partial<NumberingFinding> = {}): NumberingFinding => ({
  id,
  grade,
  finalNumber: '',
  finalSeq: null,
  clauses: [],
  raisedOn: '2026-12-08',
  raisedBy: 'member-a',
  provisionalSeq: Number(id.replace(/\D/g, '')) || 1,
  deleted: false,
  ...overrides,
});

const input = (findings: readonly NumberingFinding[], numbering: FindingNumbering = PER_GRADE, more: Partial<NumberingInput> = {}): NumberingInput => ({
  findings,
  grades: GRADES,
  numbering,
  year: 2026,
  auditNumber: 'A-1077',
  earlierLastSeq: null,
  renumberAll: false,
  ...more,
});

function numbers(request: NumberingInput): Map<string, NumberAssignment> {
  const outcome = assignFindingNumbers(request);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  return new Map(outcome.assignments.map((assignment) => [assignment.findingId, assignment]));
}

/** The findings as the file holds them after the numbering was written. */
const applied = (findings: readonly NumberingFinding[], assigned: Map<string, NumberAssignment>): NumberingFinding[] =>
  findings.map((f) => {
    const a = assigned.get(f.id);
    return a ? { ...f, finalNumber: a.number, finalSeq: a.seq } : f;
  });

/** A random set of findings: grades of the scale (sometimes an unknown one, or an area of concern), clauses, days, members, some numbered, some deleted. */
const findingsArb = fc
  .uniqueArray(
    fc.record({
      id: fc.uuid(),
      grade: fc.constantFrom('major', 'minor', 'minor', 'observation', 'improvement', 'good-practice', 'retired-grade', AREA_OF_CONCERN),
      clauses: fc.array(fc.constantFrom('4.1', '8.5.1.3', '8.5.1', '8.4.3', '9.2', '10.1', '8.3.3'), { maxLength: 3 }),
      raisedOn: fc.constantFrom('2026-12-07', '2026-12-08', '2026-12-09'),
      raisedBy: fc.constantFrom('member-a', 'member-b', 'member-c'),
      provisionalSeq: fc.integer({ min: 1, max: 30 }),
      deleted: fc.boolean(),
    }),
    { selector: (f) => f.id, maxLength: 25 },
  )
  .map((rows) => {
    // Provisional ids are unique per member in a real file.
    const seen = new Set<string>();
    return rows
      .filter((row) => !seen.has(`${row.raisedBy}:${row.provisionalSeq}`) && seen.add(`${row.raisedBy}:${row.provisionalSeq}`))
      .map((row): NumberingFinding => ({ ...row, finalNumber: '', finalSeq: null }));
  });
const numberingArb = fc.record({
  pattern: fc.constantFrom('{grade}-{seq:2}', '{audit}-{grade}-{seq:2}', 'NC-{year}-{seq}', '{seq:3}'),
  sequence: fc.constantFrom('per-grade' as const, 'per-engagement' as const),
  appliesTo: fc.constantFrom('all-grades' as const, 'nonconformities' as const),
});

/** No two live numbered findings share a number of one sequence; every covered, known-grade live finding has one. */
function checkUnique(request: NumberingInput, assigned: Map<string, NumberAssignment>): void {
  const perGrade = request.numbering.sequence === 'per-grade';
  const used = new Set<string>();
  for (const f of request.findings) {
    if (f.deleted) continue;
    const a = assigned.get(f.id)!;
    const grade = GRADES.find((g) => g.key === f.grade) ?? (f.grade === AREA_OF_CONCERN ? { isNonconformity: false } : null);
    if (!grade) {
      expect(a.reason).toBe('unknown_grade');
      continue;
    }
    const covered = request.numbering.appliesTo === 'all-grades' || grade.isNonconformity;
    if (!covered) {
      expect(a.number).toBe('');
      continue;
    }
    expect(a.seq).not.toBeNull();
    const key = `${perGrade ? f.grade : '*'}:${a.seq}`;
    expect(used.has(key), `${key} given twice`).toBe(false);
    used.add(key);
  }
}

describe('the order of final numbers', () => {
  it('compares clause numbers level by level as numbers', () => {
    expect(['10.1', '8.5.1.3', '8.5', '4.1', '8.5.1', '9.2'].sort(compareClauses)).toEqual(['4.1', '8.5', '8.5.1', '8.5.1.3', '9.2', '10.1']);
  });

  it('numbers by grade, then clause, then day, then member and provisional sequence; each grade its own sequence', () => {
    const assigned = numbers(
      input([
        finding('f1', 'minor', { clauses: ['9.2'] }),
        finding('f2', 'observation', { clauses: ['8.4.3'] }),
        finding('f3', 'minor', { clauses: ['8.5.1.3'], raisedOn: '2026-12-09' }),
        finding('f4', 'major', { clauses: ['10.1'] }),
        finding('f5', 'minor', { clauses: ['8.5.1.3'], raisedOn: '2026-12-07' }),
        finding('f6', 'minor'),
      ]),
    );
    expect(['f4', 'f5', 'f3', 'f1', 'f6', 'f2'].map((id) => assigned.get(id)!.number)).toEqual(['MAJ-01', 'MIN-01', 'MIN-02', 'MIN-03', 'MIN-04', 'OBS-01']);
  });

  it('fills in the audit number and year, continues after the client’s earlier last number, and leaves out what the profile does not number', () => {
    const assigned = numbers(
      input([finding('f1', 'minor', { clauses: ['8.5.1.3'] }), finding('f2', 'major'), finding('f3', 'improvement')], RUNNING, { earlierLastSeq: 12 }),
    );
    expect([...assigned.values()].map((a) => [a.findingId, a.number, a.reason])).toEqual([
      ['f1', 'NC26-A-1077-014', 'new'],
      ['f2', 'NC26-A-1077-013', 'new'],
      ['f3', '', 'not_numbered'],
    ]);
  });

  it('keeps numbers given, numbers new findings after them, and never gives a deleted finding’s number again', () => {
    const first = [finding('f1', 'minor', { clauses: ['8.5.1.3'] }), finding('f2', 'minor', { clauses: ['9.2'] }), finding('f3', 'minor', { clauses: ['10.1'] })];
    const numbered = applied(first, numbers(input(first)));
    // f3 (MIN-03) is deleted; a new finding on an earlier clause arrives from a merged copy.
    const later = [...numbered.slice(0, 2), { ...numbered[2]!, deleted: true }, finding('f4', 'minor', { clauses: ['4.1'], raisedBy: 'member-b' })];
    const again = numbers(input(later));
    expect(['f1', 'f2', 'f4'].map((id) => [again.get(id)!.number, again.get(id)!.reason])).toEqual([
      ['MIN-01', 'kept'],
      ['MIN-02', 'kept'],
      ['MIN-04', 'new'],
    ]);
    expect(again.has('f3')).toBe(false);
  });

  it('moves a regraded finding to the end of its new grade’s sequence (per grade), keeps it in a running sequence, and renumbers all on request', () => {
    const first = [finding('f1', 'minor', { clauses: ['8.5.1.3'] }), finding('f2', 'major', { clauses: ['9.2'] })];
    const numbered = applied(first, numbers(input(first)));
    const regraded = [{ ...numbered[0]!, grade: 'major' }, numbered[1]!];
    const again = numbers(input(regraded));
    expect([again.get('f1'), again.get('f2')].map((a) => [a!.number, a!.previous, a!.reason])).toEqual([
      ['MAJ-02', 'MIN-01', 'renumbered'],
      ['MAJ-01', 'MAJ-01', 'kept'],
    ]);
    const running: FindingNumbering = { pattern: '{grade}-{seq}', sequence: 'per-engagement', appliesTo: 'all-grades' };
    const runningNumbered = applied(first, numbers(input(first, running)));
    expect(runningNumbered.map((f) => f.finalNumber)).toEqual(['MIN-2', 'MAJ-1']);
    const runningAgain = numbers(input([{ ...runningNumbered[0]!, grade: 'major' }, runningNumbered[1]!], running));
    expect(runningAgain.get('f1')).toMatchObject({ number: 'MAJ-2', reason: 'kept' });
    // A full renumber follows the documented order only: both majors now, 8.5.1.3 before 9.2.
    const full = numbers(input(regraded, PER_GRADE, { renumberAll: true }));
    expect([full.get('f1')!.number, full.get('f2')!.number]).toEqual(['MAJ-01', 'MAJ-02']);
  });

  it('keeps a grade the profile no longer defines as it is, and refuses a pattern it cannot number with', () => {
    const assigned = numbers(input([finding('f1', 'retired', { finalNumber: 'CRIT-01', finalSeq: 1 }), finding('f2', 'minor')]));
    expect(assigned.get('f1')).toMatchObject({ number: 'CRIT-01', seq: 1, reason: 'unknown_grade' });
    expect(assignFindingNumbers(input([finding('f1', 'minor')], { ...PER_GRADE, pattern: '{grade}-{n}' }))).toEqual({ ok: false, problem: { reason: 'unknown-token', token: '{n}' } });
    expect(assignFindingNumbers(input([finding('f1', 'minor')], { ...PER_GRADE, pattern: '{audit}-{seq}' }, { auditNumber: 'X'.repeat(70) }))).toMatchObject({
      ok: false,
      problem: { reason: 'too-long' },
    });
  });

  it('is a function of the set of findings: the rows’ order never changes a number', () => {
    fc.assert(
      fc.property(findingsArb, numberingArb, fc.integer({ min: 0, max: 2 ** 31 }), (findings, numbering, seed) => {
        const shuffled = [...findings].sort((a, b) => ((a.id.charCodeAt(seed % 8) ^ seed) % 7) - ((b.id.charCodeAt(seed % 8) ^ seed) % 7));
        expect(assignFindingNumbers(input(shuffled, numbering))).toEqual(assignFindingNumbers(input(findings, numbering)));
      }),
      propertyRuns('numbering independent of row order'),
    );
  });

  it('gives unique numbers per sequence, is idempotent, and keeps every number when a merge adds findings', () => {
    fc.assert(
      fc.property(findingsArb, findingsArb, numberingArb, fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), (before, arriving, numbering, earlierLastSeq) => {
        const firstInput = input(before, numbering, { earlierLastSeq });
        const first = numbers(firstInput);
        checkUnique(firstInput, first);
        const numbered = applied(before, first);
        // Re-running changes nothing.
        const rerun = numbers(input(numbered, numbering, { earlierLastSeq }));
        for (const [id, a] of rerun) expect([a.number, a.seq], id).toEqual([first.get(id)!.number, first.get(id)!.seq]);
        expect([...rerun.values()].some((a) => a.reason === 'new' || a.reason === 'renumbered')).toBe(false);
        // A merge brings findings of other members (their provisional ids never collide with these).
        const known = new Set(before.map((f) => f.id));
        const merged = [...numbered, ...arriving.filter((f) => !known.has(f.id)).map((f) => ({ ...f, raisedBy: `${f.raisedBy}-other` }))];
        const mergedInput = input(merged, numbering, { earlierLastSeq });
        const afterMerge = numbers(mergedInput);
        checkUnique(mergedInput, afterMerge);
        for (const f of numbered) {
          if (!f.deleted && f.finalSeq !== null) expect(afterMerge.get(f.id)!.number, f.id).toBe(f.finalNumber);
        }
        // New numbers continue after the client's earlier last one.
        for (const a of afterMerge.values()) if (a.reason === 'new' && earlierLastSeq !== null) expect(a.seq!).toBeGreaterThan(earlierLastSeq);
      }),
      propertyRuns('numbering unique, idempotent, stable under merge'),
    );
  });

  it('after findings are regraded, numbers stay unique and every finding whose grade did not change keeps its number', () => {
    fc.assert(
      fc.property(findingsArb, numberingArb, fc.array(fc.constantFrom('major', 'minor', 'observation', 'improvement'), { minLength: 25, maxLength: 25 }), fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), (findings, numbering, newGrades, regrade) => {
        const numbered = applied(findings, numbers(input(findings, numbering)));
        const changed = numbered.map((f, i) => (regrade[i] ? { ...f, grade: newGrades[i]! } : f));
        const changedInput = input(changed, numbering);
        const after = numbers(changedInput);
        checkUnique(changedInput, after);
        // Without {grade} in a per-grade pattern a regraded number reads like any other: the order decides a clash.
        const tellable = numbering.sequence === 'per-engagement' || numbering.pattern.includes('{grade}');
        for (const [i, f] of numbered.entries()) {
          if (!tellable || f.deleted || f.finalSeq === null || changed[i]!.grade !== f.grade) continue;
          expect(after.get(f.id)!.number, f.id).toBe(f.finalNumber);
        }
      }),
      propertyRuns('numbering after regrading'),
    );
  });

  it('a full renumber does not depend on the numbers given before', () => {
    fc.assert(
      fc.property(findingsArb, numberingArb, (findings, numbering) => {
        const numbered = applied(findings, numbers(input(findings, numbering)));
        const scrambled = numbered.map((f, i) => (f.finalSeq === null ? f : { ...f, finalSeq: 100 + i, finalNumber: `OLD-${i}` }));
        const a = numbers(input(numbered, numbering, { renumberAll: true }));
        const b = numbers(input(scrambled, numbering, { renumberAll: true }));
        for (const [id, assignment] of a) {
          if (assignment.reason !== 'unknown_grade') expect(b.get(id)!.number, id).toBe(assignment.number);
        }
      }),
      propertyRuns('full renumber independent of earlier numbers'),
    );
  });
});
