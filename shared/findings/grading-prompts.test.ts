import { describe, expect, it } from 'vitest';
import type { Grade } from '../cb-profile/profile.ts';
import { DEFAULT_FINDINGS_PROFILE } from './default-scale.ts';
import { AREA_OF_CONCERN } from './finding-kinds.ts';
import { gradeNature, gradingPrompts, sameClauseBranch, statementNature, type PromptFinding, type PromptInput } from './grading-prompts.ts';

const GRADES = DEFAULT_FINDINGS_PROFILE.grades;
const grade = (key: string, code: string, isNonconformity: boolean, order: number): Grade => ({ key, code, isNonconformity, order, name: { en: key }, definition: { en: key } });

const finding = (id: string, fields: Partial<Omit<PromptFinding, 'clauses' | 'sites' | 'answers'>> & { clauses?: string[]; sites?: string[]; answers?: string[] } = {}): PromptFinding => ({
  id,
  grade: fields.grade ?? 'minor',
  gradeRationale: fields.gradeRationale ?? '',
  clauses: (fields.clauses ?? []).map((target) => ({ target })),
  sites: (fields.sites ?? []).map((target) => ({ target })),
  answers: (fields.answers ?? []).map((target) => ({ target })),
  repeatOf: fields.repeatOf ?? null,
  dismissals: fields.dismissals ?? [],
});

const input = (findings: PromptFinding[], extra: Partial<PromptInput> = {}): PromptInput => ({ findings, grades: GRADES, earlierNcs: [], answerResult: () => undefined, ...extra });
const codes = (prompts: ReturnType<typeof gradingPrompts>) => prompts.map((prompt) => `${prompt.findingId}:${prompt.code}:${prompt.subject}`);

describe('a grade’s nature', () => {
  it('reads the shipped scale and a CB’s own codes', () => {
    expect(GRADES.map((g) => gradeNature(g.key, GRADES))).toEqual(['major', 'minor', 'observation', 'improvement', 'good_practice']);
    const cb = [grade('ncmaj', 'NCmaj', true, 1), grade('ncmin', 'NCmin', true, 2), grade('improvement', 'OFI', false, 3), grade('pf', 'PF', false, 4)];
    // Grades that are not nonconformities read as finding-nature.ts reads them (one reading everywhere).
    expect(cb.map((g) => gradeNature(g.key, cb))).toEqual(['major', 'minor', 'improvement', 'observation']);
    // One nonconformity grade only: it is not "major".
    expect(gradeNature('nc', [grade('nc', 'NC', true, 1)])).toBe('minor');
    expect(gradeNature(AREA_OF_CONCERN, GRADES)).toBe('concern');
    expect(gradeNature('retired', GRADES)).toBe('unknown');
  });
  it('maps to what the statement check needs', () => {
    expect(statementNature('major')).toBe('nonconformity');
    expect(statementNature('minor')).toBe('nonconformity');
    expect(statementNature('improvement')).toBe('improvement');
    expect(statementNature('concern')).toBe('concern');
    expect(statementNature('unknown')).toBe('observation');
  });
});

describe('grading prompts', () => {
  it('asks for the rationale of a major, and only while it is blank', () => {
    expect(codes(gradingPrompts(input([finding('a', { grade: 'major', gradeRationale: '  ' }), finding('b', { grade: 'major', gradeRationale: 'No change was reviewed in 2026.' })])))).toEqual(['a:major_without_rationale:']);
  });

  it('asks the lead to consider one major when two minors share a clause, on each of them', () => {
    const prompts = gradingPrompts(input([finding('a', { clauses: ['8.5.1.3'] }), finding('b', { clauses: ['8.5.1.3', '9.2'] }), finding('c', { clauses: ['8.5.1'] })]));
    expect(codes(prompts)).toEqual(['a:consider_major:8.5.1.3', 'b:consider_major:8.5.1.3']);
    expect(prompts[0]).toMatchObject({ forLead: true, related: ['b'], count: 2, sites: 0 });
  });

  it('asks it for one minor on a clause raised across two sites, and never for a lone minor at one site or for other grades', () => {
    expect(codes(gradingPrompts(input([finding('a', { clauses: ['8.2'], sites: ['s1', 's2'] })])))).toEqual(['a:consider_major:8.2']);
    expect(codes(gradingPrompts(input([finding('a', { clauses: ['8.2'], sites: ['s1'] }), finding('b', { grade: 'observation', clauses: ['8.2'], sites: ['s2'] })])))).toEqual([]);
  });

  it('names a repeat of an uncorrected earlier nonconformity until it is linked, on the clause or its branch', () => {
    const earlierNcs = [
      { id: 'e1', number: 'MIN-03', clause: '8.5.1', uncorrected: true },
      { id: 'e2', number: 'MIN-04', clause: '9.2', uncorrected: false },
      { id: 'e3', number: 'MAJ-01', clause: '8.5', uncorrected: true },
    ];
    const prompts = gradingPrompts(input([finding('a', { clauses: ['8.5.1.3'] }), finding('b', { clauses: ['9.2'] }), finding('c', { clauses: ['8.5.10'], repeatOf: 'e3' })], { earlierNcs }));
    expect(codes(prompts)).toEqual(['a:repeats_earlier_nc:e1', 'a:repeats_earlier_nc:e3']);
    expect(prompts[0]!.related).toEqual(['MIN-03']);
  });

  it('flags an answer marked nonconformity raised as an observation or improvement, not as a nonconformity', () => {
    const answerResult = (id: string) => ({ q1: 'nonconformity', q2: 'conforming' })[id];
    const prompts = gradingPrompts(input([finding('a', { grade: 'improvement', answers: ['q1'] }), finding('b', { grade: 'observation', answers: ['q2'] }), finding('c', { grade: 'minor', answers: ['q1'] })], { answerResult }));
    expect(codes(prompts)).toEqual(['a:answer_says_nonconformity:']);
  });

  it('keeps an overridden prompt with its reason', () => {
    const dismissals = [{ part: 'grade', code: 'consider_major', subject: '8.5.1.3', reason: 'Two unrelated records; the process works.' }];
    const prompts = gradingPrompts(input([finding('a', { clauses: ['8.5.1.3'], dismissals }), finding('b', { clauses: ['8.5.1.3'] })]));
    expect(prompts.map((prompt) => prompt.dismissedReason)).toEqual(['Two unrelated records; the process works.', null]);
  });
});

describe('clauses', () => {
  it('know their branch', () => {
    expect(sameClauseBranch('8.5', '8.5.1')).toBe(true);
    expect(sameClauseBranch('8.5', '8.51')).toBe(false);
    expect(sameClauseBranch('', '8.5')).toBe(false);
  });
});
