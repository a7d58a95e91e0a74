import { describe, expect, it } from 'vitest';
import type { Engagement, Site } from '../../../../../shared/engagement.ts';
import { drawSample, earlierVisits, sampleState } from './site-sample.ts';

const site = (id: string, name: string, kind: Site['kind'] = 'permanent', extra: Partial<Site> = {}): Site =>
  ({ id, name, kind, in_scope: 1, sample_basis: 'none', sample_reason: '', ...extra }) as Site;
const engagement = (extra: Partial<Engagement> = {}): Engagement =>
  ({
    audit_type: 'stage2',
    md1_one_system: 1,
    md1_central_control: 1,
    md1_internal_audits: 1,
    md1_sampling_appropriate: 1,
    md1_proved_effective: null,
    md1_seed: '',
    md1_inputs_hash: '',
    ...extra,
  }) as Engagement;
const sites = [site('c', 'Head office', 'central'), ...['a', 'b', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((id) => site(id, `Site ${id}`))];

describe('the site sample as the Setup screen shows it', () => {
  it('sizes the sample from the answers before any draw (x = 9 at stage 2: √9 = 3, one of them random)', () => {
    const state = sampleState(engagement(), sites, []);
    expect(state.size).toMatchObject({ determined: true, size: 3, randomMin: 1 });
    expect(state.check).toBeNull();
  });

  it('draws the central function and the head of the seeded order, keeps the auditor’s choices, records the inputs hash', () => {
    const chosen = sites.map((s) => (s.id === 'b' ? { ...s, sample_basis: 'chosen' as const, sample_reason: 'Major NC last time' } : s));
    const { places, inputsHash } = drawSample(chosen, '00112233445566778899aabbccddeeff', 1);
    expect(places.get('c')).toBe('central');
    const random = [...places].filter(([, place]) => place === 'random');
    expect(random).toHaveLength(1);
    expect(inputsHash).toMatch(/^[0-9a-f]{64}$/);
    // The same seed draws the same site: the sample can be reproduced from the report.
    expect(drawSample(chosen, '00112233445566778899aabbccddeeff', 1).places).toEqual(places);
    const after = chosen.map((s) => ({ ...s, sample_basis: places.get(s.id) ?? s.sample_basis }));
    if (!places.has('b')) expect(after.find((s) => s.id === 'b')!.sample_basis).toBe('chosen');
    const state = sampleState(engagement({ md1_seed: '00112233445566778899aabbccddeeff', md1_inputs_hash: inputsHash }), after, []);
    const errors = state.issues.filter((i) => i.severity === 'error').map((i) => i.code);
    // One random, one chosen (if the draw did not take it), so one or two short of three.
    expect(errors).toContain('SAMPLE_TOO_SMALL');
    expect(errors).not.toContain('POPULATION_CHANGED');
  });

  it('notices a site list changed after the draw', () => {
    const { places, inputsHash } = drawSample(sites, 'seed-1', 1);
    const drawn = sites.map((s) => ({ ...s, sample_basis: places.get(s.id) ?? s.sample_basis }));
    const state = sampleState(engagement({ md1_seed: 'seed-1', md1_inputs_hash: inputsHash }), [...drawn, site('k', 'New site')], []);
    expect(state.issues.map((i) => i.code)).toContain('POPULATION_CHANGED');
  });

  it('reads the sites earlier audits visited from their text, by name', () => {
    const visits = earlierVisits(
      [{ covered_sites: 'Site a; site B、Unknown place' } as never, { covered_sites: '' } as never],
      sites,
      () => 'Surveillance 1',
    );
    expect(visits).toEqual([{ audit: 'Surveillance 1', siteIds: ['a', 'b'] }]);
  });
});
