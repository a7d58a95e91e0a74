import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChecklistPack } from '../../../shared/checklist/pack.ts';
import { checklistUnits } from '../../../shared/fieldwork/checklist-units.ts';
import { RECORD_RESULTS } from '../../../shared/fieldwork/fieldwork-kinds.ts';
import { followedResult, planOfAttributes, resultFromAttributes, samplingAttributeIndex, samplingPlansFor } from '../../../shared/fieldwork/record-sampling.ts';
import { propertyRuns } from '../../helpers/property.ts';

const pack = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/checklists/iso20000-1-2018-amd1-2024.json'), 'utf8')) as ChecklistPack;

describe("the pack's records to sample per process and clause group", () => {
  it('gives change management its change record kinds, with their attributes', () => {
    const plans = samplingPlansFor(pack, 'change');
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.every((item) => item.clauseNumber === '8.5.1')).toBe(true);
    expect(plans[0]!.plan.record.en).toBe('Normal change records');
    expect(plans[0]!.plan.attributes.length).toBeGreaterThanOrEqual(5);
  });

  it('gives clause groups the record kinds of their clauses (9: internal audit, management review, service reports)', () => {
    expect(samplingPlansFor(pack, '9').map((item) => item.clauseNumber)).toEqual(['9.2', '9.3', '9.4']);
    expect(samplingPlansFor(pack, '10').map((item) => item.clauseNumber)).toEqual(['10.1']);
    expect(samplingPlansFor(pack, '4')).toEqual([]);
  });

  it('hands every sampling plan of the pack to exactly one checklist unit', () => {
    const all = pack.clauses.flatMap((clause) => (clause.sampling ?? []).map((plan) => plan.id));
    const given = checklistUnits(pack).flatMap((unit) => samplingPlansFor(pack, unit.key).map((item) => item.plan.id));
    expect(given.sort()).toEqual([...all].sort());
  });

  it('finds an attribute by id', () => {
    const index = samplingAttributeIndex(pack);
    expect(index.get('8.5.1-s01-a03')).toMatchObject({ index: 2, plan: { id: '8.5.1-s01' } });
  });

  it('knows a record kind from the attributes recorded', () => {
    const plans = samplingPlansFor(pack, 'change');
    expect(planOfAttributes(['8.5.1-s02-a01', '8.5.1-s02-a02', '8.5.1-s01-a01'], plans)).toBe('8.5.1-s02');
    expect(planOfAttributes(['9.2-s01-a01'], plans)).toBeNull();
    expect(planOfAttributes([], plans)).toBeNull();
  });
});

describe("a record's result from its attributes", () => {
  it('fails on any failed attribute, passes when all are seen and one passed', () => {
    expect(resultFromAttributes(['pass', 'fail', 'not_tested'])).toBe('fail');
    expect(resultFromAttributes(['pass', 'not_applicable', 'pass'])).toBe('pass');
    expect(resultFromAttributes(['pass', 'not_tested'])).toBe('not_tested');
    expect(resultFromAttributes(['not_applicable', 'not_applicable'])).toBe('not_applicable');
    expect(resultFromAttributes([])).toBe('not_tested');
  });

  it("follows the attributes until the auditor sets it otherwise", () => {
    // Following: a failing attribute fails the record.
    expect(followedResult('not_tested', ['pass', 'not_tested'], ['pass', 'fail'])).toBe('fail');
    expect(followedResult('pass', ['pass', 'pass'], ['pass', 'fail'])).toBe('fail');
    // Back to pass when the failed attribute is corrected.
    expect(followedResult('fail', ['pass', 'fail'], ['pass', 'pass'])).toBe('pass');
    // The auditor passed it despite a failed attribute (the note says why): it stays.
    expect(followedResult('pass', ['fail', 'pass'], ['fail', 'fail'])).toBe('pass');
    // The auditor failed a record whose attributes passed: it stays.
    expect(followedResult('fail', ['pass', 'pass'], ['pass', 'not_applicable'])).toBe('fail');
  });

  it('is the attributes’ result whenever it followed them, and unchanged otherwise', () => {
    const results = fc.constantFrom(...RECORD_RESULTS);
    fc.assert(
      fc.property(fc.array(results, { maxLength: 8 }), results, fc.nat(), results, (before, current, at, value) => {
        const after = [...before];
        if (after.length) after[at % after.length] = value;
        const next = followedResult(current, before, after);
        if (current === resultFromAttributes(before)) expect(next).toBe(resultFromAttributes(after));
        else expect(next).toBe(current);
        if (current === resultFromAttributes(before) && after.includes('fail')) expect(next).toBe('fail');
      }),
      propertyRuns('record result follows attributes'),
    );
  });
});
