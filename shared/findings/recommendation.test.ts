import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecommendationWording } from '../cb-profile/profile.ts';
import { AUDIT_TYPES, type AuditType } from '../engagement.ts';
import { DEFAULT_FINDINGS_PROFILE } from './default-scale.ts';
import { majorGradeKeys, overrideNeedsReason, profileAuditTypes, recommendationChoices, suggestRecommendation } from './recommendation.ts';

const { grades, recommendations: wordings } = DEFAULT_FINDINGS_PROFILE;
const suggest = (auditType: AuditType, openGrades: string[], stage1?: { verdict: 'ready' | 'ready_from' | 'not_ready' | 'open'; areasOfConcern: number }) =>
  suggestRecommendation({ auditType, wordings, grades, openGrades, ...(stage1 ? { stage1 } : {}) });

describe('the recommendation suggested from the open findings', () => {
  it('words the default profile’s recommendation for each audit type as a lead would', () => {
    const table: [AuditType, string[], string | null, boolean][] = [
      ['stage2', [], 'grant', false],
      ['stage2', ['minor', 'minor'], 'grant-after-verification', false],
      ['stage2', ['major', 'minor'], 'grant-after-verification', false],
      ['surveillance1', [], 'continue', false],
      ['surveillance1', ['minor'], 'continue-after-verification', false],
      // An unresolved major at a surveillance: suspension, in the negative wording.
      ['surveillance2', ['major'], 'continue-not-recommended', true],
      ['short_notice', ['major'], 'continue-not-recommended', true],
      ['recertification', ['major'], 'renew-after-verification', false],
      ['recertification', [], 'renew', false],
      ['scope_extension', ['minor'], 'extend-after-verification', false],
      // Observations and improvements never weigh on the recommendation.
      ['stage2', ['observation', 'improvement', 'good-practice'], 'grant', false],
    ];
    for (const [type, open, key, suspension] of table) {
      const suggestion = suggest(type, open);
      expect([type, open, suggestion.key, suggestion.suspension]).toEqual([type, open, key, suspension]);
    }
  });

  it('suggests readiness for stage 2 at stage 1 from the readiness verdict, never from nonconformities', () => {
    expect(suggest('stage1', [], { verdict: 'ready', areasOfConcern: 2 })).toMatchObject({ key: 'stage1-ready', basis: 'stage1_ready', areasOfConcern: 2 });
    expect(suggest('stage1', [], { verdict: 'ready_from', areasOfConcern: 0 })).toMatchObject({ key: 'stage1-ready' });
    expect(suggest('stage1', [], { verdict: 'not_ready', areasOfConcern: 1 })).toMatchObject({ key: 'stage1-not-ready', outcome: 'negative' });
    expect(suggest('stage1', [], { verdict: 'open', areasOfConcern: 0 })).toMatchObject({ key: null, basis: 'stage1_open' });
    expect(suggest('stage1', []).choices.map((choice) => choice.key)).toEqual(['stage1-ready', 'stage1-not-ready']);
  });

  it('maps the old audit types onto the profile’s and offers only their wordings', () => {
    expect(profileAuditTypes('special')).toEqual(['scope_extension', 'short_notice']);
    expect(recommendationChoices('special', wordings).map((w) => w.key)).toEqual(['continue', 'continue-after-verification', 'continue-not-recommended', 'extend', 'extend-after-verification', 'extend-not-recommended']);
    expect(recommendationChoices('stage2', wordings).every((w) => w.auditTypes.includes('stage2'))).toBe(true);
  });

  it('falls back to a stricter wording when the profile has no conditional one, and says when it has none', () => {
    const noConditional = wordings.filter((w) => w.outcome !== 'conditional');
    expect(suggestRecommendation({ auditType: 'stage2', wordings: noConditional, grades, openGrades: ['major'] })).toMatchObject({ key: 'grant-not-recommended', outcome: 'negative' });
    // Minors only and no conditional wording: granted, the plan being accepted.
    expect(suggestRecommendation({ auditType: 'stage2', wordings: noConditional, grades, openGrades: ['minor'] })).toMatchObject({ key: 'grant', outcome: 'positive' });
    expect(suggestRecommendation({ auditType: 'stage2', wordings: [], grades, openGrades: [] })).toMatchObject({ key: null, basis: 'no_wording' });
  });

  it('takes the most severe nonconformity grade as major only on a scale with two or more', () => {
    expect([...majorGradeKeys(grades)]).toEqual(['major']);
    expect([...majorGradeKeys([{ key: 'nc', isNonconformity: true, order: 1 }, { key: 'ofi', isNonconformity: false, order: 2 }])]).toEqual([]);
    expect([...majorGradeKeys([{ key: 'critical', isNonconformity: true, order: 1 }, { key: 'major', isNonconformity: true, order: 2 }, { key: 'minor', isNonconformity: true, order: 3 }])]).toEqual(['critical']);
  });

  it('counts a grade the profile no longer defines as an open nonconformity, never drops it', () => {
    expect(suggest('stage2', ['ncmin-old'])).toMatchObject({ key: 'grant-after-verification', openMinors: 1 });
  });

  it('needs an override reason only when the choice differs from a suggestion', () => {
    expect(overrideNeedsReason({ key: 'grant' }, 'grant')).toBe(false);
    expect(overrideNeedsReason({ key: 'grant' }, 'grant-after-verification')).toBe(true);
    expect(overrideNeedsReason({ key: null }, 'grant')).toBe(false);
    expect(overrideNeedsReason({ key: 'grant' }, null)).toBe(false);
  });

  it('never suggests a positive wording while a major is open, whatever the audit type and profile', () => {
    const outcome = fc.constantFrom('positive', 'conditional', 'negative') as fc.Arbitrary<RecommendationWording['outcome']>;
    const wording = fc.record({ key: fc.stringMatching(/^[a-z]{1,8}$/), auditTypes: fc.constant(['stage2', 'surveillance1', 'surveillance2', 'recertification', 'scope_extension', 'short_notice'] as RecommendationWording['auditTypes']), outcome, text: fc.constant({ en: 'x' }) });
    fc.assert(
      fc.property(fc.constantFrom(...AUDIT_TYPES.filter((type) => type !== 'stage1')), fc.array(wording, { maxLength: 6 }), fc.array(fc.constantFrom('minor', 'observation'), { maxLength: 4 }), (type, list, others) => {
        const suggestion = suggestRecommendation({ auditType: type, wordings: list, grades, openGrades: ['major', ...others] });
        expect(suggestion.outcome).not.toBe('positive');
        if (suggestion.key !== null) expect(list.some((w) => w.key === suggestion.key)).toBe(true);
      }),
    );
  });

  it('suggests the positive wording when no nonconformity is open and the profile has one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...AUDIT_TYPES.filter((type) => type !== 'stage1')), fc.array(fc.constantFrom('observation', 'improvement', 'good-practice'), { maxLength: 5 }), (type, open) => {
        const suggestion = suggest(type, open);
        expect(suggestion.outcome).toBe('positive');
        expect(suggestion.openMajors + suggestion.openMinors).toBe(0);
      }),
    );
  });
});
