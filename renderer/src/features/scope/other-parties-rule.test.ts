import { describe, expect, it } from 'vitest';
import { allServicesOperatedByOthers } from './other-parties-rule.ts';

const services = [{ id: 's1' }, { id: 's2' }];
const runs = (service_id: string | null, operates_element = 'service') => ({ operates_element, service_id });

describe('other parties operating every service in scope (8.2.3)', () => {
  it('never warns without services in scope', () => {
    expect(allServicesOperatedByOthers([], [])).toBe(false);
    expect(allServicesOperatedByOthers([], [runs('s1'), runs(null)])).toBe(false);
  });

  it('warns only when each service has an other party operating it', () => {
    expect(allServicesOperatedByOthers(services, [])).toBe(false);
    expect(allServicesOperatedByOthers(services, [runs('s1')])).toBe(false);
    expect(allServicesOperatedByOthers(services, [runs('s1'), runs('s2')])).toBe(true);
    expect(allServicesOperatedByOthers([{ id: 's1' }], [runs('s1')])).toBe(true);
  });

  it('counts one party per service however many parties share a service', () => {
    expect(allServicesOperatedByOthers(services, [runs('s1'), runs('s1')])).toBe(false);
    expect(allServicesOperatedByOthers(services, [runs('s1'), runs('s1'), runs('s2')])).toBe(true);
  });

  it('does not count components, processes or parties not tied to a service', () => {
    expect(allServicesOperatedByOthers(services, [runs('s1'), runs('s2', 'component')])).toBe(false);
    expect(allServicesOperatedByOthers(services, [runs('s1'), runs('s2', 'process')])).toBe(false);
    expect(allServicesOperatedByOthers(services, [runs('s1'), runs(null)])).toBe(false);
  });

  it('ignores parties pointing at a service no longer in scope', () => {
    expect(allServicesOperatedByOthers([{ id: 's1' }], [runs('gone')])).toBe(false);
    expect(allServicesOperatedByOthers([{ id: 's1' }], [runs('gone'), runs('s1')])).toBe(true);
  });

  it('keeps an unknown stored element from counting as a whole service', () => {
    expect(allServicesOperatedByOthers([{ id: 's1' }], [runs('s1', 'platform')])).toBe(false);
  });
});
