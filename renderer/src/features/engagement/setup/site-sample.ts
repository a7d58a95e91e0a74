import type { Engagement, Site } from '../../../../../shared/engagement.ts';
import type { EARLIER_AUDIT_TABLE } from '../../../../../shared/tables/preparation-tables.ts';
import type { RowOf } from '../../../../../shared/tables/table.ts';
import {
  md1Population,
  md1RandomOrder,
  md1SampleSize,
  md1SitesFromRows,
  validateMd1Selection,
  type Md1Answers,
  type Md1EarlierAudit,
  type Md1SelectedSite,
} from '../../../../../shared/sampling/md1-sample.ts';

type EarlierAudit = RowOf<typeof EARLIER_AUDIT_TABLE>;
/** What the sample reads of the engagement. */
export type SampleFields = Pick<
  Engagement,
  'audit_type' | 'md1_one_system' | 'md1_central_control' | 'md1_internal_audits' | 'md1_sampling_appropriate' | 'md1_proved_effective' | 'md1_seed' | 'md1_inputs_hash'
>;
const answer = (value: number | null): boolean | null => (value === 1 ? true : value === 0 ? false : null);

/** The engagement's MD 1 answers as the rules read them. */
export function md1AnswersOf(engagement: SampleFields): Md1Answers {
  return {
    auditType: engagement.audit_type,
    eligibility: {
      one_management_system: answer(engagement.md1_one_system),
      central_control: answer(engagement.md1_central_control),
      internal_audits_all_sites: answer(engagement.md1_internal_audits),
    },
    samplingAppropriate: engagement.md1_sampling_appropriate === 1,
    provedEffective: answer(engagement.md1_proved_effective),
  };
}

/**
 * The sites each earlier audit of the cycle visited, matched by name: earlier audits are entered by
 * hand as text ("Leeds, Dublin office"), so a site counts when its name appears as one of the items.
 */
export function earlierVisits(audits: readonly EarlierAudit[], sites: readonly Site[], label: (audit: EarlierAudit) => string): Md1EarlierAudit[] {
  const byName = new Map(sites.map((site) => [site.name.trim().toLowerCase(), site.id]));
  return audits
    .map((audit) => ({
      audit: label(audit),
      siteIds: audit.covered_sites
        .split(/[,;，；、\n]/)
        .map((item) => byName.get(item.trim().toLowerCase()))
        .filter((id): id is string => Boolean(id)),
    }))
    .filter((visit) => visit.siteIds.length > 0);
}

/** The sites' current places in the sample, as the rules read a selection. */
export function selectionOf(sites: readonly Site[]): Md1SelectedSite[] {
  return sites
    .filter((site) => site.sample_basis === 'central' || site.sample_basis === 'random' || site.sample_basis === 'chosen')
    .map((site) => ({ siteId: site.id, basis: site.sample_basis as Md1SelectedSite['basis'], reason: site.sample_reason }));
}

/** Where the sample stands: the size, and — once drawn — the check of the selection. */
export function sampleState(engagement: SampleFields, sites: readonly Site[], earlier: readonly Md1EarlierAudit[]) {
  const md1Sites = md1SitesFromRows(sites);
  const answers = md1AnswersOf(engagement);
  const population = md1Population(md1Sites);
  const size = md1SampleSize(answers, population.x);
  const check = engagement.md1_seed
    ? validateMd1Selection({
        sites: md1Sites,
        answers,
        seed: engagement.md1_seed,
        recordedInputsHash: engagement.md1_inputs_hash || undefined,
        selection: selectionOf(sites),
        earlierAudits: earlier,
      })
    : null;
  return { population, size, check, issues: check?.issues ?? [...population.issues, ...size.issues] };
}

/**
 * A new draw with `seed`: every site's new place — the central function, the first `randomCount`
 * of the seeded order as random, a chosen site keeps its choice unless the draw took it, the rest
 * none — and the inputs hash to record.
 */
export function drawSample(sites: readonly Site[], seed: string, randomCount: number): { places: Map<string, Site['sample_basis']>; inputsHash: string } {
  const population = md1Population(md1SitesFromRows(sites));
  const permutation = md1RandomOrder(population, seed);
  const drawn = new Set(permutation.order.slice(0, randomCount));
  const central = new Set(population.centralIds);
  const places = new Map<string, Site['sample_basis']>();
  for (const site of sites) {
    const place: Site['sample_basis'] = central.has(site.id)
      ? 'central'
      : drawn.has(site.id)
        ? 'random'
        : site.sample_basis === 'chosen' && site.in_scope === 1
          ? 'chosen'
          : 'none';
    if (place !== site.sample_basis) places.set(site.id, place);
  }
  return { places, inputsHash: permutation.inputsHash };
}
