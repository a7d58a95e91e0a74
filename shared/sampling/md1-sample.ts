/**
 * The IAF MD 1 site sample (../shared/reference/certification-audit-facts.md, "Multi-site sampling"):
 * eligibility, the sample size with its formula as data, the random part from the seeded permutation
 * (docs/SAMPLING-RANDOM.md) and the check of a proposed selection. Problems are codes with parameters,
 * translated by the renderer; nothing here is an English sentence.
 *
 * x is the number of in-scope sites other than the central function, which is always audited in
 * addition. Initial (stage 1, stage 2): √x; surveillance: 0.6·√x; recertification: √x, or 0.8·√x
 * only when "the system proved effective over the cycle" is answered yes; always rounded up, exactly
 * (integers, no floating-point rounding). When sampling is not appropriate (or the organization is not
 * eligible): all sites at initial and recertification, 30% of them (rounded up) at surveillance.
 * At least 25% of a sample (rounded up) is the head of the seeded permutation; the rest is chosen with
 * a reason each, preferring sites not visited earlier in the cycle.
 */
import { AUDIT_TYPES, type AuditType, type Site } from '../engagement.ts';
import { compareUtf8, seededPermutation, seedProblem, type SamplingParams, type SeededPermutation } from './seeded-permutation.ts';

export const MD1_ELIGIBILITY_QUESTIONS = ['one_management_system', 'central_control', 'internal_audits_all_sites'] as const;
export type Md1EligibilityQuestion = (typeof MD1_ELIGIBILITY_QUESTIONS)[number];
/** The three answers; null while unanswered. */
export type Md1EligibilityAnswers = Readonly<Record<Md1EligibilityQuestion, boolean | null>>;

export const MD1_ISSUE_CODES = [
  // The sample size
  'UNKNOWN_AUDIT_TYPE',
  'TRANSFER_NOT_AN_AUDIT_TYPE',
  'INVALID_SITE_COUNT',
  'ELIGIBILITY_UNANSWERED',
  'NOT_ELIGIBLE',
  'SAMPLING_NOT_APPROPRIATE',
  'PROVED_EFFECTIVE_REDUCTION',
  'PROVED_EFFECTIVE_UNANSWERED',
  'SPECIAL_AUDIT_JUDGMENT',
  'ONLY_CENTRAL_FUNCTION',
  // The sites
  'NO_CENTRAL_FUNCTION',
  'DUPLICATE_SITE_ID',
  // The selection
  'SEED_INVALID',
  'POPULATION_CHANGED',
  'UNKNOWN_SITE',
  'SITE_OUT_OF_SCOPE',
  'DUPLICATE_SELECTION',
  'WRONG_BASIS',
  'CENTRAL_FUNCTION_MISSING',
  'REASON_MISSING',
  'RANDOM_OUT_OF_ORDER',
  'RANDOM_SKIPPED',
  'RANDOM_SHARE_TOO_SMALL',
  'SAMPLE_TOO_SMALL',
  'VISITED_BEFORE',
] as const;
export type Md1IssueCode = (typeof MD1_ISSUE_CODES)[number];
export type Md1Severity = 'error' | 'warning' | 'info';

export interface Md1Issue {
  readonly code: Md1IssueCode;
  /** error: the sample cannot be used as it is; warning: it can, the auditor should look; info: why. */
  readonly severity: Md1Severity;
  readonly params: SamplingParams;
}

const issue = (code: Md1IssueCode, severity: Md1Severity, params: SamplingParams = {}): Md1Issue => ({ code, severity, params });

// ——— Eligibility ———

export interface Md1Eligibility {
  /** null until every question is answered (and none is answered no). */
  readonly eligible: boolean | null;
  /** The questions answered no, in the order of MD1_ELIGIBILITY_QUESTIONS. */
  readonly failed: readonly Md1EligibilityQuestion[];
  readonly unanswered: readonly Md1EligibilityQuestion[];
}

/** Sampling is allowed only for one management system, centrally controlled, with internal audits of all sites. */
export function md1Eligibility(answers: Md1EligibilityAnswers): Md1Eligibility {
  const failed = MD1_ELIGIBILITY_QUESTIONS.filter((q) => answers[q] === false);
  const unanswered = MD1_ELIGIBILITY_QUESTIONS.filter((q) => answers[q] !== true && answers[q] !== false);
  return { eligible: failed.length > 0 ? false : unanswered.length > 0 ? null : true, failed, unanswered };
}

// ——— The sample size ———

export interface Md1Answers {
  /** A stored value this version does not know is reported, never guessed. */
  readonly auditType: AuditType | string;
  readonly eligibility: Md1EligibilityAnswers;
  /** The lead's or the CB's judgment that sampling suits these sites (similar activities, risk); no → all sites / 30%. */
  readonly samplingAppropriate: boolean;
  /** Recertification only: did the system prove effective over the cycle? Only yes allows 0.8·√x. */
  readonly provedEffective: boolean | null;
}

/** Which MD 1 rule an audit type follows. */
export type Md1Basis = 'initial' | 'surveillance' | 'recertification' | 'special';
/**
 * sampling: the formula's sites plus the central function; all_sites: every in-scope site; share_per_year:
 * 30% of the sites at each surveillance; judgment: no formula (special audits), the sites concerned.
 */
export type Md1Method = 'sampling' | 'all_sites' | 'share_per_year' | 'judgment';
export type Md1Formula = '√x' | '0.6·√x' | '0.8·√x' | 'x' | '0.3·x';

export type Md1SampleSize =
  | {
      readonly determined: false;
      readonly auditType: string;
      readonly x: number;
      readonly issues: readonly Md1Issue[];
    }
  | {
      readonly determined: true;
      readonly auditType: AuditType;
      readonly basis: Md1Basis;
      readonly method: Md1Method;
      /** null for judgment. */
      readonly formula: Md1Formula | null;
      readonly x: number;
      /** The formula's value before rounding up (for display; size is computed exactly, not from this). */
      readonly exact: number | null;
      /** The least number of sites other than the central function (which is audited in addition). */
      readonly size: number;
      /** The least number of them drawn at random: 25% of size, rounded up (0 unless method is sampling). */
      readonly randomMin: number;
      readonly issues: readonly Md1Issue[];
    };

/** The largest site count accepted; far above any real organization, and keeps the integer arithmetic exact. */
export const MD1_MAX_SITES = 1_000_000;

/**
 * The MD 1 rule of each audit type; undefined for a value this version does not know. (A switch, not a
 * record keyed by AuditType, so that a new type added to AUDIT_TYPES fails the test that walks them all.)
 */
export function md1BasisOf(auditType: string): Md1Basis | null | undefined {
  switch (auditType) {
    case 'stage1':
    case 'stage2':
      return 'initial';
    case 'surveillance1':
    case 'surveillance2':
      return 'surveillance';
    case 'recertification':
      return 'recertification';
    case 'special':
    case 'scope_extension':
    case 'short_notice':
      return 'special';
    case 'transfer':
      // Stored by older versions: a transfer is followed by a surveillance or a recertification, which decides.
      return null;
    default:
      return undefined;
  }
}

const isAuditType = (value: string): value is AuditType => (AUDIT_TYPES as readonly string[]).includes(value);

/**
 * ⌈(p/q)·√x⌉ in integers only: the least y ≥ 0 with (q·y)² ≥ p²·x, found by bisection (p ≤ q, so
 * y ≤ x + 1; every product stays below 2⁵³ for x ≤ MD1_MAX_SITES). No square root is rounded, so √9
 * is 3 and 0.6·√25 is 3, whatever the floating-point unit does.
 */
function ceilScaledRoot(x: number, p: number, q: number): number {
  const target = p * p * x;
  let low = 0;
  let high = x + 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if ((q * middle) ** 2 >= target) high = middle;
    else low = middle + 1;
  }
  return low;
}

const ceilQuarter = (n: number): number => Math.floor((n + 3) / 4);
const ceilThirtyPercent = (n: number): number => Math.floor((3 * n + 9) / 10);

/** The MD 1 sample size for an audit: the formula, x, its exact value and the size rounded up, as data. */
export function md1SampleSize(answers: Md1Answers, x: number): Md1SampleSize {
  const { auditType } = answers;
  if (!isAuditType(auditType)) return { determined: false, auditType, x, issues: [issue('UNKNOWN_AUDIT_TYPE', 'error', { auditType })] };
  if (!Number.isSafeInteger(x) || x < 0 || x > MD1_MAX_SITES) {
    return { determined: false, auditType, x, issues: [issue('INVALID_SITE_COUNT', 'error', { x: Number.isFinite(x) ? x : String(x), max: MD1_MAX_SITES })] };
  }
  const basis = md1BasisOf(auditType);
  if (basis === undefined) return { determined: false, auditType, x, issues: [issue('UNKNOWN_AUDIT_TYPE', 'error', { auditType })] };
  if (basis === null) return { determined: false, auditType, x, issues: [issue('TRANSFER_NOT_AN_AUDIT_TYPE', 'error', { auditType })] };

  const issues: Md1Issue[] = [];
  if (x === 0) issues.push(issue('ONLY_CENTRAL_FUNCTION', 'warning'));
  const result = (method: Md1Method, formula: Md1Formula | null, exact: number | null, size: number): Md1SampleSize => ({
    determined: true,
    auditType,
    basis,
    method,
    formula,
    x,
    exact,
    size,
    randomMin: method === 'sampling' ? ceilQuarter(size) : 0,
    issues,
  });

  // Special audits (scope extension, short notice): MD 1 gives no formula; the sites concerned, chosen with reasons.
  if (basis === 'special') {
    issues.push(issue('SPECIAL_AUDIT_JUDGMENT', 'info', { auditType }));
    return result('judgment', null, null, 0);
  }

  const eligibility = md1Eligibility(answers.eligibility);
  if (eligibility.eligible === null) {
    return { determined: false, auditType, x, issues: [...issues, issue('ELIGIBILITY_UNANSWERED', 'error', { questions: eligibility.unanswered })] };
  }
  if (!eligibility.eligible || !answers.samplingAppropriate) {
    if (!eligibility.eligible) issues.push(issue('NOT_ELIGIBLE', 'warning', { questions: eligibility.failed }));
    if (!answers.samplingAppropriate) issues.push(issue('SAMPLING_NOT_APPROPRIATE', 'info'));
    if (basis === 'surveillance') return result('share_per_year', '0.3·x', (3 * x) / 10, ceilThirtyPercent(x));
    return result('all_sites', 'x', x, x);
  }

  switch (basis) {
    case 'initial':
      return result('sampling', '√x', Math.sqrt(x), ceilScaledRoot(x, 1, 1));
    case 'surveillance':
      return result('sampling', '0.6·√x', (3 * Math.sqrt(x)) / 5, ceilScaledRoot(x, 3, 5));
    case 'recertification':
      if (answers.provedEffective === true) {
        issues.push(issue('PROVED_EFFECTIVE_REDUCTION', 'info'));
        return result('sampling', '0.8·√x', (4 * Math.sqrt(x)) / 5, ceilScaledRoot(x, 4, 5));
      }
      if (answers.provedEffective === null) issues.push(issue('PROVED_EFFECTIVE_UNANSWERED', 'info'));
      return result('sampling', '√x', Math.sqrt(x), ceilScaledRoot(x, 1, 1));
  }
}

// ——— The sites ———

export interface Md1Site {
  readonly id: string;
  /** A site of the central function (where the SMS is planned and controlled); it may span several places. */
  readonly central: boolean;
  readonly inScope: boolean;
}

/** The engagement's site rows as MD 1 sees them (a kind this version does not know is not the central function). */
export function md1SitesFromRows(rows: readonly (Pick<Site, 'id' | 'kind' | 'in_scope'> & { readonly deleted?: 0 | 1 })[]): Md1Site[] {
  return rows.filter((row) => row.deleted !== 1).map((row) => ({ id: row.id, central: row.kind === 'central', inScope: row.in_scope === 1 }));
}

export interface Md1Population {
  /** In-scope sites of the central function: always audited. */
  readonly centralIds: readonly string[];
  /** In-scope sites other than the central function, in UTF-8 order: the population the sample is drawn from. */
  readonly sampleableIds: readonly string[];
  /** Recorded, never sampled. */
  readonly outOfScopeIds: readonly string[];
  /** sampleableIds.length. */
  readonly x: number;
  readonly issues: readonly Md1Issue[];
}

export function md1Population(sites: readonly Md1Site[]): Md1Population {
  const issues: Md1Issue[] = [];
  const seen = new Set<string>();
  const centralIds: string[] = [];
  const sampleableIds: string[] = [];
  const outOfScopeIds: string[] = [];
  for (const site of sites) {
    if (seen.has(site.id)) {
      issues.push(issue('DUPLICATE_SITE_ID', 'error', { siteId: site.id }));
      continue;
    }
    seen.add(site.id);
    (site.inScope ? (site.central ? centralIds : sampleableIds) : outOfScopeIds).push(site.id);
  }
  if (centralIds.length === 0) issues.push(issue('NO_CENTRAL_FUNCTION', 'error'));
  for (const list of [centralIds, sampleableIds, outOfScopeIds]) list.sort(compareUtf8);
  return { centralIds, sampleableIds, outOfScopeIds, x: sampleableIds.length, issues };
}

/** The random part's order: the seeded permutation of the sampleable sites; its first k are the random k. */
export function md1RandomOrder(population: Md1Population, seed: string): SeededPermutation {
  return seededPermutation(population.sampleableIds, seed);
}

// ——— A proposed selection ———

export const MD1_SELECTION_BASES = ['central', 'random', 'chosen'] as const;
export type Md1SelectionBasis = (typeof MD1_SELECTION_BASES)[number];

export interface Md1SelectedSite {
  readonly siteId: string;
  readonly basis: Md1SelectionBasis;
  /** Why the auditor chose this site (risk, earlier nonconformities, changes, geography …). */
  readonly reason?: string;
}

/** An earlier audit of the cycle and the sites it visited (audit: a label or id the caller shows). */
export interface Md1EarlierAudit {
  readonly audit: string;
  readonly siteIds: readonly string[];
}

export interface Md1SelectionInput {
  readonly sites: readonly Md1Site[];
  readonly answers: Md1Answers;
  readonly seed: string;
  /** The inputsHash recorded when the random part was drawn: a changed site list no longer matches it. */
  readonly recordedInputsHash?: string;
  readonly selection: readonly Md1SelectedSite[];
  readonly earlierAudits?: readonly Md1EarlierAudit[];
}

export interface Md1Rotation {
  /** Sampleable sites visited in earlier audits of the cycle, with those audits. */
  readonly visitedBefore: readonly { readonly siteId: string; readonly audits: readonly string[] }[];
  /** Sampleable sites no earlier audit of the cycle visited and this selection leaves out: the chooser's first candidates. */
  readonly notYetVisited: readonly string[];
}

export interface Md1SelectionCheck {
  /** No issue of severity error. */
  readonly valid: boolean;
  readonly size: Md1SampleSize;
  readonly population: Md1Population;
  /** The seeded order of the sampleable sites (null when the seed is refused). */
  readonly randomOrder: readonly string[] | null;
  readonly inputsHash: string | null;
  readonly rotation: Md1Rotation;
  /** The population's and the size's issues first, then the selection's. */
  readonly issues: readonly Md1Issue[];
}

/** Checks a proposed site selection against MD 1, the seeded random order and the sites visited before. */
export function validateMd1Selection(input: Md1SelectionInput): Md1SelectionCheck {
  const population = md1Population(input.sites);
  const size = md1SampleSize(input.answers, population.x);
  const issues: Md1Issue[] = [...population.issues, ...size.issues];
  const method = size.determined ? size.method : null;

  let randomOrder: readonly string[] | null = null;
  let inputsHash: string | null = null;
  const problem = seedProblem(input.seed);
  if (problem) {
    issues.push(issue('SEED_INVALID', 'error', { reason: problem.code }));
  } else {
    const permutation = md1RandomOrder(population, input.seed);
    randomOrder = permutation.order;
    inputsHash = permutation.inputsHash;
    if (input.recordedInputsHash !== undefined && input.recordedInputsHash !== inputsHash) {
      issues.push(issue('POPULATION_CHANGED', 'error', { recorded: input.recordedInputsHash, current: inputsHash }));
    }
  }

  const known = new Map(input.sites.map((site) => [site.id, site]));
  const central = new Set(population.centralIds);
  const listed = new Set<string>();
  const random: string[] = [];
  const chosen: string[] = [];
  let sampled = 0;
  for (const entry of input.selection) {
    const { siteId, basis } = entry;
    const site = known.get(siteId);
    if (site === undefined) {
      issues.push(issue('UNKNOWN_SITE', 'error', { siteId }));
      continue;
    }
    if (listed.has(siteId)) {
      issues.push(issue('DUPLICATE_SELECTION', 'error', { siteId }));
      continue;
    }
    listed.add(siteId);
    if (!site.inScope) {
      issues.push(issue('SITE_OUT_OF_SCOPE', 'error', { siteId }));
      continue;
    }
    if (central.has(siteId) !== (basis === 'central')) {
      issues.push(issue('WRONG_BASIS', 'error', { siteId, basis, expected: central.has(siteId) ? 'central' : 'random_or_chosen' }));
      continue;
    }
    if (basis === 'central') continue;
    sampled++;
    if (basis === 'random') {
      random.push(siteId);
    } else {
      chosen.push(siteId);
      // When every site is audited there is nothing to justify; otherwise each choice states its reason.
      if (method !== 'all_sites' && (entry.reason ?? '').trim() === '') issues.push(issue('REASON_MISSING', 'error', { siteId }));
    }
  }

  for (const siteId of population.centralIds) {
    if (!listed.has(siteId)) issues.push(issue('CENTRAL_FUNCTION_MISSING', method === 'judgment' ? 'warning' : 'error', { siteId }));
  }

  // The random part is the head of the seeded order: its first r sites, none skipped, none from further down.
  if (randomOrder !== null) {
    const randomCount = random.length;
    const positions = new Map(randomOrder.map((siteId, index) => [siteId, index]));
    for (const siteId of random) {
      const position = positions.get(siteId)!;
      if (position >= randomCount) issues.push(issue('RANDOM_OUT_OF_ORDER', 'error', { siteId, position: position + 1, randomCount }));
    }
    const randomSet = new Set(random);
    randomOrder.slice(0, randomCount).forEach((siteId, index) => {
      if (!randomSet.has(siteId)) issues.push(issue('RANDOM_SKIPPED', 'error', { siteId, position: index + 1, randomCount }));
    });
  }
  if (size.determined) {
    if (random.length < size.randomMin) issues.push(issue('RANDOM_SHARE_TOO_SMALL', 'error', { required: size.randomMin, actual: random.length, size: size.size }));
    if (sampled < size.size) issues.push(issue('SAMPLE_TOO_SMALL', 'error', { required: size.size, actual: sampled, method: size.method }));
  }

  const rotation = rotationOf(population, input.earlierAudits ?? [], listed);
  if (rotation.notYetVisited.length > 0) {
    const visited = new Map(rotation.visitedBefore.map((v) => [v.siteId, v.audits]));
    for (const siteId of chosen) {
      const audits = visited.get(siteId);
      if (audits !== undefined) issues.push(issue('VISITED_BEFORE', 'warning', { siteId, audits, notYetVisited: rotation.notYetVisited.length }));
    }
  }

  return { valid: !issues.some((i) => i.severity === 'error'), size, population, randomOrder, inputsHash, rotation, issues };
}

function rotationOf(population: Md1Population, earlierAudits: readonly Md1EarlierAudit[], selected: ReadonlySet<string>): Md1Rotation {
  const visits = new Map<string, string[]>();
  for (const audit of earlierAudits) {
    for (const siteId of new Set(audit.siteIds)) visits.set(siteId, [...(visits.get(siteId) ?? []), audit.audit]);
  }
  return {
    visitedBefore: population.sampleableIds.filter((id) => visits.has(id)).map((siteId) => ({ siteId, audits: visits.get(siteId)! })),
    notYetVisited: population.sampleableIds.filter((id) => !visits.has(id) && !selected.has(id)),
  };
}
