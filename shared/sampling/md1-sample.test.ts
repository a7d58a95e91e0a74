import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { AUDIT_TYPES } from '../engagement.ts';
import {
  MD1_ISSUE_CODES,
  md1BasisOf,
  md1Eligibility,
  md1Population,
  md1RandomOrder,
  md1SampleSize,
  md1SitesFromRows,
  validateMd1Selection,
  type Md1Answers,
  type Md1EligibilityAnswers,
  type Md1Issue,
  type Md1SampleSize,
  type Md1SelectedSite,
  type Md1Site,
} from './md1-sample.ts';
import { compareUtf8, sampleOf, seededPermutation } from './seeded-permutation.ts';

const ELIGIBLE: Md1EligibilityAnswers = { one_management_system: true, central_control: true, internal_audits_all_sites: true };
const answers = (auditType: string, more: Partial<Md1Answers> = {}): Md1Answers => ({
  auditType,
  eligibility: ELIGIBLE,
  samplingAppropriate: true,
  provedEffective: null,
  ...more,
});
const codes = (issues: readonly Md1Issue[]): string[] => issues.map((i) => i.code);
const determined = (size: Md1SampleSize) => {
  if (!size.determined) throw new Error(`undetermined: ${JSON.stringify(size.issues)}`);
  return size;
};

describe('MD 1 eligibility', () => {
  it('is eligible only with three yes answers, and names the answers that failed or are missing', () => {
    expect(md1Eligibility(ELIGIBLE)).toEqual({ eligible: true, failed: [], unanswered: [] });
    expect(md1Eligibility({ ...ELIGIBLE, central_control: false })).toEqual({ eligible: false, failed: ['central_control'], unanswered: [] });
    expect(md1Eligibility({ one_management_system: false, central_control: true, internal_audits_all_sites: false })).toEqual({
      eligible: false,
      failed: ['one_management_system', 'internal_audits_all_sites'],
      unanswered: [],
    });
    expect(md1Eligibility({ ...ELIGIBLE, internal_audits_all_sites: null })).toEqual({ eligible: null, failed: [], unanswered: ['internal_audits_all_sites'] });
    // One no is enough to know, even with questions still open.
    expect(md1Eligibility({ one_management_system: null, central_control: false, internal_audits_all_sites: null })).toEqual({
      eligible: false,
      failed: ['central_control'],
      unanswered: ['one_management_system', 'internal_audits_all_sites'],
    });
  });
});

describe('MD 1 sample size', () => {
  // x:                          0  1  2  4  5  9 10  26  100
  const X = [0, 1, 2, 4, 5, 9, 10, 26, 100];
  const ROOT = [0, 1, 2, 2, 3, 3, 4, 6, 10]; // ⌈√x⌉
  const SURVEILLANCE = [0, 1, 1, 2, 2, 2, 2, 4, 6]; // ⌈0.6·√x⌉
  const REDUCED = [0, 1, 2, 2, 2, 3, 3, 5, 8]; // ⌈0.8·√x⌉
  const THIRTY_PERCENT = [0, 1, 1, 2, 2, 3, 3, 8, 30]; // ⌈0.3·x⌉
  const quarter = (size: number): number => Math.ceil(size / 4);
  const table = (expected: number[]) => X.map((x, i) => ({ x, size: expected[i]! }));

  describe.each(['stage1', 'stage2'])('%s (initial certification): √x', (auditType) => {
    it.each(table(ROOT))('x = $x → $size', ({ x, size }) => {
      const result = determined(md1SampleSize(answers(auditType), x));
      expect(result).toMatchObject({ basis: 'initial', method: 'sampling', formula: '√x', x, size, randomMin: quarter(size) });
      expect(result.exact).toBeCloseTo(Math.sqrt(x), 12);
    });
  });

  describe.each(['surveillance1', 'surveillance2'])('%s: 0.6·√x', (auditType) => {
    it.each(table(SURVEILLANCE))('x = $x → $size', ({ x, size }) => {
      const result = determined(md1SampleSize(answers(auditType), x));
      expect(result).toMatchObject({ basis: 'surveillance', method: 'sampling', formula: '0.6·√x', x, size, randomMin: quarter(size) });
      expect(result.exact).toBeCloseTo(0.6 * Math.sqrt(x), 12);
    });

    it.each(table(THIRTY_PERCENT))('sampling not appropriate, x = $x → 30% a year = $size', ({ x, size }) => {
      const result = determined(md1SampleSize(answers(auditType, { samplingAppropriate: false }), x));
      expect(result).toMatchObject({ method: 'share_per_year', formula: '0.3·x', x, size, randomMin: 0 });
      expect(codes(result.issues)).toContain('SAMPLING_NOT_APPROPRIATE');
    });
  });

  describe('recertification', () => {
    it.each(table(ROOT))('not proved effective: √x, x = $x → $size', ({ x, size }) => {
      const result = determined(md1SampleSize(answers('recertification', { provedEffective: false }), x));
      expect(result).toMatchObject({ basis: 'recertification', method: 'sampling', formula: '√x', size, randomMin: quarter(size) });
      expect(codes(result.issues)).not.toContain('PROVED_EFFECTIVE_REDUCTION');
    });

    it.each(table(REDUCED))('proved effective over the cycle: 0.8·√x, x = $x → $size', ({ x, size }) => {
      const result = determined(md1SampleSize(answers('recertification', { provedEffective: true }), x));
      expect(result).toMatchObject({ method: 'sampling', formula: '0.8·√x', size, randomMin: quarter(size) });
      expect(result.exact).toBeCloseTo(0.8 * Math.sqrt(x), 12);
      expect(codes(result.issues)).toContain('PROVED_EFFECTIVE_REDUCTION');
    });

    it.each(table(ROOT))('not yet answered: √x until answered yes, x = $x → $size', ({ x, size }) => {
      const result = determined(md1SampleSize(answers('recertification', { provedEffective: null }), x));
      expect(result).toMatchObject({ formula: '√x', size });
      expect(codes(result.issues)).toContain('PROVED_EFFECTIVE_UNANSWERED');
    });
  });

  describe.each(['stage1', 'stage2', 'recertification'])('%s, sampling not appropriate: all sites', (auditType) => {
    it.each(X)('x = %i → x', (x) => {
      for (const provedEffective of [true, false, null]) {
        const result = determined(md1SampleSize(answers(auditType, { samplingAppropriate: false, provedEffective }), x));
        expect(result).toMatchObject({ method: 'all_sites', formula: 'x', x, exact: x, size: x, randomMin: 0 });
      }
    });
  });

  it('treats an organization that is not eligible like one where sampling is not appropriate, naming the failed answers', () => {
    const notEligible = { ...ELIGIBLE, internal_audits_all_sites: false };
    const initial = determined(md1SampleSize(answers('stage2', { eligibility: notEligible }), 26));
    expect(initial).toMatchObject({ method: 'all_sites', size: 26, randomMin: 0 });
    expect(initial.issues).toContainEqual({ code: 'NOT_ELIGIBLE', severity: 'warning', params: { questions: ['internal_audits_all_sites'] } });
    expect(codes(initial.issues)).not.toContain('SAMPLING_NOT_APPROPRIATE');
    const surveillance = determined(md1SampleSize(answers('surveillance2', { eligibility: notEligible }), 26));
    expect(surveillance).toMatchObject({ method: 'share_per_year', size: 8 });
    const recertification = determined(md1SampleSize(answers('recertification', { eligibility: notEligible, provedEffective: true }), 100));
    expect(recertification).toMatchObject({ method: 'all_sites', size: 100 });
  });

  it('waits for the three eligibility answers', () => {
    const result = md1SampleSize(answers('stage2', { eligibility: { ...ELIGIBLE, central_control: null } }), 9);
    expect(result.determined).toBe(false);
    expect(result.issues).toContainEqual({ code: 'ELIGIBILITY_UNANSWERED', severity: 'error', params: { questions: ['central_control'] } });
  });

  it('gives the formula as data (the example of the brief: surveillance with 26 sites)', () => {
    const result = determined(md1SampleSize(answers('surveillance1'), 26));
    expect(result).toEqual({
      determined: true,
      auditType: 'surveillance1',
      basis: 'surveillance',
      method: 'sampling',
      formula: '0.6·√x',
      x: 26,
      exact: (3 * Math.sqrt(26)) / 5,
      size: 4,
      randomMin: 1,
      issues: [],
    });
    expect(result.exact).toBeCloseTo(3.0594, 4);
  });

  it('rounds up exactly: perfect squares and whole percentages stay whole', () => {
    expect(determined(md1SampleSize(answers('stage2'), 9)).size).toBe(3);
    expect(determined(md1SampleSize(answers('stage2'), 100)).size).toBe(10);
    expect(determined(md1SampleSize(answers('surveillance1'), 25)).size).toBe(3);
    expect(determined(md1SampleSize(answers('surveillance1'), 225)).size).toBe(9);
    expect(determined(md1SampleSize(answers('recertification', { provedEffective: true }), 25)).size).toBe(4);
    expect(determined(md1SampleSize(answers('surveillance1', { samplingAppropriate: false }), 10)).size).toBe(3);
    expect(determined(md1SampleSize(answers('surveillance1', { samplingAppropriate: false }), 11)).size).toBe(4);
  });

  it('is the exact ceiling for every x up to 20 000, checked in BigInt: (q·(y−1))² < p²·x ≤ (q·y)²', () => {
    const cases = [
      { type: 'stage2', more: {}, p: 1n, q: 1n },
      { type: 'surveillance1', more: {}, p: 3n, q: 5n },
      { type: 'recertification', more: { provedEffective: true }, p: 4n, q: 5n },
    ];
    for (const { type, more, p, q } of cases) {
      for (let x = 0; x <= 20_000; x++) {
        const y = BigInt(determined(md1SampleSize(answers(type, more), x)).size);
        const target = p * p * BigInt(x);
        if (!((q * y) ** 2n >= target && (y === 0n || (q * (y - 1n)) ** 2n < target))) throw new Error(`${type} x=${x}: ${y}`);
      }
    }
    for (let x = 0; x <= 20_000; x++) {
      const y = determined(md1SampleSize(answers('surveillance1', { samplingAppropriate: false }), x)).size;
      if (!(10 * y >= 3 * x && 10 * (y - 1) < 3 * x)) throw new Error(`30% x=${x}: ${y}`);
    }
  });

  it('takes at least 25% of the sample at random, rounded up', () => {
    const expected: Record<number, number> = { 0: 0, 1: 1, 2: 1, 3: 1, 4: 1, 5: 2, 8: 2, 9: 3, 10: 3, 13: 4 };
    for (const x of [0, 1, 4, 9, 16, 25, 64, 81, 100, 169]) {
      const size = determined(md1SampleSize(answers('stage2'), x));
      expect(size.randomMin, `x = ${x}`).toBe(expected[size.size]);
    }
  });

  it('with no site besides the central function: only the central function, and a warning', () => {
    for (const auditType of ['stage2', 'surveillance1', 'recertification']) {
      const result = determined(md1SampleSize(answers(auditType), 0));
      expect(result).toMatchObject({ size: 0, randomMin: 0 });
      expect(result.issues).toContainEqual({ code: 'ONLY_CENTRAL_FUNCTION', severity: 'warning', params: {} });
    }
  });

  it.each(['special', 'scope_extension', 'short_notice'])('%s: no MD 1 formula, the sites concerned by judgment', (auditType) => {
    for (const x of X) {
      const result = determined(md1SampleSize(answers(auditType, { eligibility: { ...ELIGIBLE, central_control: null } }), x));
      expect(result).toMatchObject({ basis: 'special', method: 'judgment', formula: null, exact: null, size: 0, randomMin: 0 });
      expect(codes(result.issues)).toContain('SPECIAL_AUDIT_JUDGMENT');
    }
  });

  it('asks for the real audit type of a transfer, and reports an audit type it does not know', () => {
    expect(md1SampleSize(answers('transfer'), 9)).toEqual({
      determined: false,
      auditType: 'transfer',
      x: 9,
      issues: [{ code: 'TRANSFER_NOT_AN_AUDIT_TYPE', severity: 'error', params: { auditType: 'transfer' } }],
    });
    expect(codes(md1SampleSize(answers('stage3'), 9).issues)).toEqual(['UNKNOWN_AUDIT_TYPE']);
  });

  it('maps every audit type this version stores to an MD 1 rule', () => {
    for (const auditType of AUDIT_TYPES) expect(md1BasisOf(auditType), auditType).not.toBeUndefined();
    expect(md1BasisOf('stage3')).toBeUndefined();
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1_000_001])('refuses a site count of %d', (x) => {
    expect(codes(md1SampleSize(answers('stage2'), x).issues)).toEqual(['INVALID_SITE_COUNT']);
  });
});

describe('MD 1 population', () => {
  const sites: Md1Site[] = [
    { id: 'site-b', central: false, inScope: true },
    { id: 'HQ', central: true, inScope: true },
    { id: '𠀀-site', central: false, inScope: true },
    { id: '～-site', central: false, inScope: true },
    { id: 'lab', central: false, inScope: false },
  ];

  it('draws from the in-scope sites other than the central function, in UTF-8 order', () => {
    expect(md1Population(sites)).toEqual({
      centralIds: ['HQ'],
      sampleableIds: ['site-b', '～-site', '𠀀-site'],
      outOfScopeIds: ['lab'],
      x: 3,
      issues: [],
    });
  });

  it('reports a missing central function and duplicate site ids', () => {
    const population = md1Population([...sites.filter((s) => !s.central), { id: 'site-b', central: false, inScope: false }]);
    expect(population.issues).toEqual([
      { code: 'DUPLICATE_SITE_ID', severity: 'error', params: { siteId: 'site-b' } },
      { code: 'NO_CENTRAL_FUNCTION', severity: 'error', params: {} },
    ]);
    expect(population.x).toBe(3);
    // A central function outside the scope is not the audited central function.
    expect(codes(md1Population([{ id: 'HQ', central: true, inScope: false }]).issues)).toEqual(['NO_CENTRAL_FUNCTION']);
  });

  it('reads the engagement site rows: kind central, in_scope 1, tombstones left out, unknown kinds not central', () => {
    expect(
      md1SitesFromRows([
        { id: 'a', kind: 'central', in_scope: 1 },
        { id: 'b', kind: 'permanent', in_scope: 1 },
        { id: 'c', kind: 'virtual', in_scope: 0 },
        { id: 'd', kind: 'mobile' as 'temporary', in_scope: 1 },
        { id: 'e', kind: 'temporary', in_scope: 1, deleted: 1 },
      ]),
    ).toEqual([
      { id: 'a', central: true, inScope: true },
      { id: 'b', central: false, inScope: true },
      { id: 'c', central: false, inScope: false },
      { id: 'd', central: false, inScope: true },
    ]);
  });

  it('orders the random part by the seeded permutation of the sampleable sites only', () => {
    const order = md1RandomOrder(md1Population(sites), '2026 stage 2');
    expect(order).toEqual(seededPermutation(['site-b', '𠀀-site', '～-site'], '2026 stage 2'));
    // Pinned (and recomputed by the Python reference of docs/SAMPLING-RANDOM.md).
    expect(order.order).toEqual(['～-site', '𠀀-site', 'site-b']);
    expect(order.inputsHash).toBe('9ac206756477d59411c3cb68d0a9671539aae8d525d2e5d2483881edf9b33656');
  });
});

describe('MD 1 selection check', () => {
  // A central function, ten sites in scope, one outside: x = 10 → stage 2 sample of 4, at least 1 at random.
  const SITES: Md1Site[] = [
    { id: 'HQ', central: true, inScope: true },
    ...Array.from({ length: 10 }, (_, i) => ({ id: `S${String(i + 1).padStart(2, '0')}`, central: false, inScope: true })),
    { id: 'OUT', central: false, inScope: false },
  ];
  const SEED = '5d41402abc4b2a76b9719d911017c592';
  const ORDER = md1RandomOrder(md1Population(SITES), SEED).order;
  const STAGE2 = answers('stage2');
  const central: Md1SelectedSite = { siteId: 'HQ', basis: 'central' };
  const random = (count: number): Md1SelectedSite[] => ORDER.slice(0, count).map((siteId) => ({ siteId, basis: 'random' }));
  const chosen = (from: number, count: number, reason = 'earlier nonconformity'): Md1SelectedSite[] =>
    ORDER.slice(from, from + count).map((siteId) => ({ siteId, basis: 'chosen', reason }));
  const check = (selection: Md1SelectedSite[], more: Partial<Parameters<typeof validateMd1Selection>[0]> = {}) =>
    validateMd1Selection({ sites: SITES, answers: STAGE2, seed: SEED, selection, ...more });
  const errors = (selection: Md1SelectedSite[], more: Partial<Parameters<typeof validateMd1Selection>[0]> = {}) =>
    check(selection, more).issues.filter((i) => i.severity === 'error');

  it('accepts the central function, the head of the seeded order and chosen sites with reasons', () => {
    const result = check([central, ...random(1), ...chosen(1, 3)]);
    expect(result.valid).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.size).toMatchObject({ formula: '√x', x: 10, size: 4, randomMin: 1 });
    expect(result.randomOrder).toEqual(ORDER);
    expect([...ORDER].sort(compareUtf8)).toEqual(SITES.filter((s) => s.inScope && !s.central).map((s) => s.id));
    expect(result.inputsHash).toBe(seededPermutation(ORDER, SEED).inputsHash);
    // More than the minimum, and a larger random part, are fine (MD 1: increase the sample for risk).
    expect(check([central, ...random(3), ...chosen(3, 4)]).valid).toBe(true);
    // The chosen ones need not follow the seeded order.
    expect(check([central, ...random(1), ...chosen(7, 3)]).valid).toBe(true);
  });

  it('refuses too few sites and too small a random share', () => {
    expect(errors([central, ...random(1), ...chosen(1, 2)])).toEqual([
      { code: 'SAMPLE_TOO_SMALL', severity: 'error', params: { required: 4, actual: 3, method: 'sampling' } },
    ]);
    expect(errors([central, ...chosen(0, 4)])).toEqual([{ code: 'RANDOM_SHARE_TOO_SMALL', severity: 'error', params: { required: 1, actual: 0, size: 4 } }]);
    // x = 26 at stage 2: 6 sites, 2 of them at random.
    const many: Md1Site[] = [SITES[0]!, ...Array.from({ length: 26 }, (_, i) => ({ id: `T${i}`, central: false, inScope: true }))];
    const order = md1RandomOrder(md1Population(many), SEED).order;
    const selection = (randomCount: number): Md1SelectedSite[] => [
      central,
      ...order.slice(0, randomCount).map((siteId): Md1SelectedSite => ({ siteId, basis: 'random' })),
      ...order.slice(randomCount, 6).map((siteId): Md1SelectedSite => ({ siteId, basis: 'chosen', reason: 'risk' })),
    ];
    expect(validateMd1Selection({ sites: many, answers: STAGE2, seed: SEED, selection: selection(2) }).valid).toBe(true);
    expect(codes(validateMd1Selection({ sites: many, answers: STAGE2, seed: SEED, selection: selection(1) }).issues)).toEqual(['RANDOM_SHARE_TOO_SMALL']);
  });

  it('requires the random part to be the head of the seeded order: nothing from further down, nothing skipped', () => {
    const fromFurtherDown: Md1SelectedSite[] = [central, { siteId: ORDER[2]!, basis: 'random' }, ...chosen(3, 3)];
    expect(errors(fromFurtherDown)).toEqual([
      { code: 'RANDOM_OUT_OF_ORDER', severity: 'error', params: { siteId: ORDER[2]!, position: 3, randomCount: 1 } },
      { code: 'RANDOM_SKIPPED', severity: 'error', params: { siteId: ORDER[0]!, position: 1, randomCount: 1 } },
    ]);
    // The first drawn site relabelled as chosen: the random part would no longer be the seeded one.
    const relabelled: Md1SelectedSite[] = [central, { siteId: ORDER[0]!, basis: 'chosen', reason: 'risk' }, { siteId: ORDER[1]!, basis: 'random' }, ...chosen(2, 2)];
    expect(codes(errors(relabelled))).toEqual(['RANDOM_OUT_OF_ORDER', 'RANDOM_SKIPPED']);
  });

  it('requires a reason for each chosen site', () => {
    const selection: Md1SelectedSite[] = [central, ...random(1), ...chosen(1, 1), { siteId: ORDER[2]!, basis: 'chosen', reason: '  ' }, { siteId: ORDER[3]!, basis: 'chosen' }];
    expect(errors(selection)).toEqual([
      { code: 'REASON_MISSING', severity: 'error', params: { siteId: ORDER[2]! } },
      { code: 'REASON_MISSING', severity: 'error', params: { siteId: ORDER[3]! } },
    ]);
  });

  it('requires the central function, with the basis central, and no other site as central', () => {
    expect(errors([...random(1), ...chosen(1, 3)])).toEqual([{ code: 'CENTRAL_FUNCTION_MISSING', severity: 'error', params: { siteId: 'HQ' } }]);
    expect(codes(errors([{ siteId: 'HQ', basis: 'chosen', reason: 'head office' }, ...random(1), ...chosen(1, 3)]))).toEqual(['WRONG_BASIS']);
    expect(errors([central, ...random(1), ...chosen(1, 2), { siteId: ORDER[3]!, basis: 'central' }])).toEqual([
      { code: 'WRONG_BASIS', severity: 'error', params: { siteId: ORDER[3]!, basis: 'central', expected: 'random_or_chosen' } },
      { code: 'SAMPLE_TOO_SMALL', severity: 'error', params: { required: 4, actual: 3, method: 'sampling' } },
    ]);
  });

  it('refuses unknown and out-of-scope sites and a site listed twice', () => {
    const base = [central, ...random(1), ...chosen(1, 3)];
    expect(errors([...base, { siteId: 'NOWHERE', basis: 'chosen', reason: 'r' }])).toEqual([{ code: 'UNKNOWN_SITE', severity: 'error', params: { siteId: 'NOWHERE' } }]);
    expect(errors([...base, { siteId: 'OUT', basis: 'chosen', reason: 'r' }])).toEqual([{ code: 'SITE_OUT_OF_SCOPE', severity: 'error', params: { siteId: 'OUT' } }]);
    expect(errors([...base, base[3]!])).toEqual([{ code: 'DUPLICATE_SELECTION', severity: 'error', params: { siteId: base[3]!.siteId } }]);
  });

  it('refuses a bad seed, and a site list that changed since the random part was drawn', () => {
    const selection = [central, ...random(1), ...chosen(1, 3)];
    const badSeed = check(selection, { seed: ' ' + SEED });
    expect(badSeed.valid).toBe(false);
    expect(badSeed.randomOrder).toBeNull();
    expect(badSeed.issues).toContainEqual({ code: 'SEED_INVALID', severity: 'error', params: { reason: 'SEED_SURROUNDING_SPACE' } });
    const recorded = check(selection).inputsHash!;
    expect(check(selection, { recordedInputsHash: recorded }).valid).toBe(true);
    const grown = check(selection, { recordedInputsHash: recorded, sites: [...SITES, { id: 'S11', central: false, inScope: true }] });
    expect(codes(grown.issues)).toContain('POPULATION_CHANGED');
  });

  it('reports the sites visited earlier in the cycle and warns when a chosen one could have been a new one', () => {
    const selection = [central, ...random(1), ...chosen(1, 3)];
    const earlierAudits = [
      { audit: 'stage2-2025', siteIds: ['HQ', ORDER[0]!, ORDER[1]!, ORDER[5]!] },
      { audit: 'surveillance1-2026', siteIds: ['HQ', ORDER[1]!, 'DELETED-SITE'] },
    ];
    const result = check(selection, { earlierAudits });
    expect(result.valid).toBe(true);
    expect(result.rotation.visitedBefore).toEqual(
      [
        { siteId: ORDER[0]!, audits: ['stage2-2025'] },
        { siteId: ORDER[1]!, audits: ['stage2-2025', 'surveillance1-2026'] },
        { siteId: ORDER[5]!, audits: ['stage2-2025'] },
      ].sort((a, b) => compareUtf8(a.siteId, b.siteId)),
    );
    expect(result.rotation.notYetVisited).toEqual([ORDER[4]!, ...ORDER.slice(6)].sort(compareUtf8));
    // The random site visited before is not the chooser's doing: only the chosen one is warned about.
    expect(result.issues).toEqual([
      { code: 'VISITED_BEFORE', severity: 'warning', params: { siteId: ORDER[1]!, audits: ['stage2-2025', 'surveillance1-2026'], notYetVisited: 5 } },
    ]);
    // When every other site has been visited, there is nothing better to choose: no warning.
    const all = [{ audit: 'earlier', siteIds: ORDER }];
    expect(check(selection, { earlierAudits: all }).issues).toEqual([]);
  });

  it('when sampling is not appropriate at stage 2: every site, no reasons needed', () => {
    const notAppropriate = answers('stage2', { samplingAppropriate: false });
    const every: Md1SelectedSite[] = [central, ...ORDER.map((siteId): Md1SelectedSite => ({ siteId, basis: 'chosen' }))];
    expect(check(every, { answers: notAppropriate }).valid).toBe(true);
    expect(errors(every.slice(0, -1), { answers: notAppropriate })).toEqual([
      { code: 'SAMPLE_TOO_SMALL', severity: 'error', params: { required: 10, actual: 9, method: 'all_sites' } },
    ]);
  });

  it('when sampling is not appropriate at surveillance: 30% of the sites, chosen with reasons', () => {
    const surveillance = answers('surveillance1', { samplingAppropriate: false });
    expect(check([central, ...chosen(0, 3)], { answers: surveillance }).valid).toBe(true);
    expect(codes(errors([central, ...chosen(0, 2)], { answers: surveillance }))).toEqual(['SAMPLE_TOO_SMALL']);
    expect(codes(errors([central, ...chosen(0, 3, '')], { answers: surveillance }))).toEqual(['REASON_MISSING', 'REASON_MISSING', 'REASON_MISSING']);
  });

  it('for a special audit: any sites with reasons; a missing central function is a warning only', () => {
    const special = answers('scope_extension');
    expect(check([central, ...chosen(4, 1, 'new data centre')], { answers: special }).valid).toBe(true);
    const withoutCentral = check(chosen(4, 1, 'complaint about this site'), { answers: special });
    expect(withoutCentral.valid).toBe(true);
    expect(withoutCentral.issues).toContainEqual({ code: 'CENTRAL_FUNCTION_MISSING', severity: 'warning', params: { siteId: 'HQ' } });
  });

  it('is not valid while the size cannot be determined', () => {
    const unanswered = answers('stage2', { eligibility: { ...ELIGIBLE, one_management_system: null } });
    const result = check([central, ...random(1), ...chosen(1, 3)], { answers: unanswered });
    expect(result.valid).toBe(false);
    expect(codes(result.issues)).toEqual(['ELIGIBILITY_UNANSWERED']);
    expect(codes(check([central], { answers: answers('transfer') }).issues)).toEqual(['TRANSFER_NOT_AN_AUDIT_TYPE']);
    expect(codes(check([central], { sites: SITES.slice(1) }).issues)).toContain('NO_CENTRAL_FUNCTION');
  });

  it('accepts the selection a tool would propose (central + head of the order + the next ones chosen), for any sites and audit', () => {
    const sitesArb = fc
      .uniqueArray(fc.string({ unit: fc.constantFrom('a', 'Z', '場', '𠀀', '-', '1'), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 60 })
      .chain((ids) =>
        fc.tuple(
          fc.constant(ids),
          fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
        ),
      )
      .map(([ids, inScope]): Md1Site[] => ids.map((id, i) => ({ id, central: i === 0, inScope: i === 0 || inScope[i]! })));
    const auditArb = fc.record({
      auditType: fc.constantFrom('stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification', 'scope_extension'),
      eligibility: fc.constant(ELIGIBLE),
      samplingAppropriate: fc.boolean(),
      provedEffective: fc.constantFrom(true, false, null),
    });
    fc.assert(
      fc.property(sitesArb, auditArb, fc.stringMatching(/^[0-9a-f]{32}$/), (sites, audit, seed) => {
        const population = md1Population(sites);
        const size = determined(md1SampleSize(audit, population.x));
        const order = md1RandomOrder(population, seed);
        const randomPart = sampleOf(order, size.randomMin);
        const rest = order.order.slice(size.randomMin, size.size);
        const selection: Md1SelectedSite[] = [
          { siteId: population.centralIds[0]!, basis: 'central' },
          ...randomPart.map((siteId): Md1SelectedSite => ({ siteId, basis: 'random' })),
          ...rest.map((siteId): Md1SelectedSite => ({ siteId, basis: 'chosen', reason: 'risk' })),
        ];
        const result = validateMd1Selection({ sites, answers: audit, seed, selection });
        expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(size.size).toBeLessThanOrEqual(population.x);
        expect(size.randomMin).toBeLessThanOrEqual(size.size);
        if (size.size > 0 && size.method !== 'judgment') {
          // One site fewer is always refused.
          expect(validateMd1Selection({ sites, answers: audit, seed, selection: selection.slice(0, -1) }).valid).toBe(false);
        }
      }),
      propertyRuns('md1 proposed selection is valid'),
    );
  });

  it('names its codes once (the renderer translates each)', () => {
    expect(new Set(MD1_ISSUE_CODES).size).toBe(MD1_ISSUE_CODES.length);
  });
});
