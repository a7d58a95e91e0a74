import { describe, expect, it } from 'vitest';
import { FIELDWORK_PACK } from '../../tests/helpers/fieldwork-pack.ts';
import type { ChecklistPack } from '../checklist/pack.ts';
import { DEFAULT_FINDINGS_PROFILE } from './default-scale.ts';
import { defaultGrade, isKnownGrade } from './default-grade.ts';
import { AREA_OF_CONCERN } from './finding-kinds.ts';
import { findingNature } from './finding-nature.ts';
import { clauseOfQuestion, entryPlainText, isPackProcess, recordEvidenceText, requirementText } from './raise-prefill.ts';

const GRADES = DEFAULT_FINDINGS_PROFILE.grades;
const PACK: ChecklistPack = {
  ...FIELDWORK_PACK,
  clauses: FIELDWORK_PACK.clauses.map((clause) =>
    clause.number === '8.5.1'
      ? { ...clause, title: { en: 'Change management', 'zh-Hans': '变更管理' }, summary: { en: 'Changes are recorded, assessed and approved.', 'zh-Hans': '变更得到记录、评估和批准。' } }
      : clause,
  ),
};

describe('the grade a new finding starts with', () => {
  it('is an area of concern at stage 1, the least severe nonconformity when the source found one, else the first grade that is not one', () => {
    expect(defaultGrade(GRADES, true, 'nonconformity')).toBe(AREA_OF_CONCERN);
    expect(defaultGrade(GRADES, false, 'nonconformity')).toBe('minor');
    expect(defaultGrade(GRADES, false, 'not_nonconformity')).toBe('observation');
    // A CB scale listed in another order, with a third nonconformity grade: still by `order`.
    const cb = [
      { ...GRADES[3]!, order: 5 },
      { ...GRADES[0]!, key: 'critical', order: 1 },
      { ...GRADES[1]!, key: 'serious', order: 2 },
      { ...GRADES[1]!, key: 'light', order: 3 },
      { ...GRADES[2]!, key: 'note', order: 4 },
    ];
    expect([defaultGrade(cb, false, 'nonconformity'), defaultGrade(cb, false, 'not_nonconformity')]).toEqual(['light', 'note']);
    expect(defaultGrade(cb.filter((grade) => grade.isNonconformity), false, 'not_nonconformity')).toBe('light');
    expect(defaultGrade([], false, 'nonconformity')).toBe('');
  });

  it('knows the scale’s keys and the area of concern; nature follows the profile’s flag', () => {
    expect([isKnownGrade(GRADES, 'minor'), isKnownGrade(GRADES, AREA_OF_CONCERN), isKnownGrade(GRADES, 'retired')]).toEqual([true, true, false]);
    expect(['major', 'minor', 'observation', 'improvement', 'good-practice', AREA_OF_CONCERN, 'retired'].map((grade) => findingNature(GRADES, grade))).toEqual([
      'nonconformity',
      'nonconformity',
      'observation',
      'improvement',
      'good_practice',
      'concern',
      'observation',
    ]);
  });
});

describe('what a source fills in', () => {
  it('finds a question’s clause and tells processes from clause groups', () => {
    expect(clauseOfQuestion(PACK, '8.5.1-q01')?.number).toBe('8.5.1');
    expect(clauseOfQuestion(PACK, 'no-such-question')).toBeNull();
    expect([isPackProcess(PACK, 'change'), isPackProcess(PACK, '4'), isPackProcess(null, 'change')]).toEqual([true, false, false]);
  });

  it('words the requirement from the pack in the audit language, and nothing for a clause it does not describe', () => {
    const change = PACK.clauses.find((clause) => clause.number === '8.5.1')!;
    expect(requirementText(PACK, change, 'en')).toBe('ISO/IEC 20000-1:2018, 8.5.1 Change management: Changes are recorded, assessed and approved.');
    expect(requirementText(PACK, change, 'zh-CN')).toBe('ISO/IEC 20000-1:2018 8.5.1「变更管理」：变更得到记录、评估和批准。');
    expect(requirementText(PACK, PACK.clauses.find((clause) => clause.number === '9.2')!, 'en')).toBe('');
    // A Chinese audit with an English-only pack: the English text, framed in English.
    const englishOnly = { ...change, title: { en: 'Change management' }, summary: { en: 'Changes are recorded.' } };
    expect(requirementText(PACK, englishOnly, 'zh-CN')).toBe('ISO/IEC 20000-1:2018, 8.5.1 Change management: Changes are recorded.');
  });

  it('turns a notebook entry’s marks into what they name, keeping the rest exactly', () => {
    expect(entryPlainText('@Jane Smith, Change manager; showed #CHG-4471 against [[Change policy v3.2]] §8.5.1.3 — e-mail ops@example.com')).toBe(
      'Jane Smith, Change manager; showed CHG-4471 against Change policy v3.2 §8.5.1.3 — e-mail ops@example.com',
    );
    expect(entryPlainText('与@王伟，变更经理 核对 #CHG-9 §8.5.1')).toBe('与王伟，变更经理 核对 CHG-9 §8.5.1');
  });

  it('states a record, its note and each failed attribute, in the audit language', () => {
    expect(recordEvidenceText('CHG-4502', 'Emergency change', [{ text: 'Reviewed at the next CAB', note: '' }], 'en')).toBe('Record CHG-4502: Emergency change\n- Not met: Reviewed at the next CAB');
    expect(recordEvidenceText('CHG-4502', '', [{ text: '在下次CAB评审', note: '未列入议程' }], 'zh-CN')).toBe('记录 CHG-4502\n- 未满足：在下次CAB评审（未列入议程）');
  });
});
