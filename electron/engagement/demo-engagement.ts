import { chooseEngagementPack, packToCopy, shippedPacks } from '../packs/index.ts';
import type { Site } from '../../shared/engagement.ts';
import type { InterfaceLanguage } from '../../shared/languages.ts';
import { md1Population, md1RandomOrder, md1SitesFromRows } from '../../shared/sampling/md1-sample.ts';
import { addDemoFindings } from '../findings/index.ts';
import { addDemoSampling } from '../sampling/index.ts';
import type { DemoData } from './demo-data.ts';
import { DEMO_EN } from './demo-data-en.ts';
import { DEMO_ZH } from './demo-data-zh.ts';
import { fieldworkDemo } from './demo-fieldwork.ts';
import { planDemo } from './demo-plan.ts';
import { demoProfileToCopy } from './demo-profile.ts';
import type { EngagementService, OpenedEngagement } from './engagement-service.ts';

export { DEMO_ENGAGEMENT, DEMO_SITES, DEMO_TEAM } from './demo-data-en.ts';

/**
 * The demo engagement in the interface language: a fictional IT service provider as a lead auditor
 * meets it at a stage 2 audit, at the end of day 1 — in English a British provider audited by a
 * British CB, in Chinese its twin, a provider in Suzhou audited by a Chinese CB with everything a
 * Chinese report carries (credit code, licence check, CNCA categories, CNCA/CNAS/CCAA numbers,
 * auditor-days with times, the scope in two languages, the no-penalties statement).
 */
export function demoDataFor(language: InterfaceLanguage): DemoData {
  return language === 'zh-CN' ? DEMO_ZH : DEMO_EN;
}

/** Writes the demo engagement to `file` through the service, like a user would. */
export async function createDemoEngagement(service: EngagementService, file: string, language: InterfaceLanguage = 'en'): Promise<OpenedEngagement> {
  const data = demoDataFor(language);
  const opened = await service.create(file, data.engagement);
  for (const site of data.sites) await service.createRow(opened.handle, 'site', { ...site });
  for (const member of data.team) await service.createRow(opened.handle, 'team_member', { ...member });
  await chooseEngagementPack(service, opened.handle, packToCopy(shippedPacks()[0]!));
  await service.change(opened.handle, 'chooseProfile', demoProfileToCopy(data.profile));
  await prepareDemo(service, opened.handle, data.preparation);
  const sessions = await planDemo(service, opened.handle, data.plan);
  await fieldworkDemo(service, opened.handle, data.fieldwork, sessions, data.engagement.time_zone);
  await addDemoFindings(service, opened.handle, data.findings);
  await addDemoSampling(service, opened.handle, data.sampling);
  return { ...opened, summary: await service.summary(opened.handle) };
}

/** The preparation a lead would have done before stage 2: scope, services, other parties, stage 1, the site sample. */
async function prepareDemo(service: EngagementService, handle: string, preparation: DemoData['preparation']): Promise<void> {
  await service.updateEngagement(handle, preparation.engagement);
  for (const audit of preparation.earlierAudits) await service.createRow(handle, 'earlier_audit', { ...audit });
  const services = new Map<string, string>();
  for (const { processes: _processes, ...values } of preparation.services) services.set(values.name, String((await service.createRow(handle, 'service', values)).id));
  for (const { name, processes } of preparation.services) {
    for (const process_key of processes) await service.createRow(handle, 'service_process', { service_id: services.get(name)!, process_key });
  }
  for (const { service: serviceName, ...party } of preparation.otherParties) {
    await service.createRow(handle, 'other_party', { ...party, service_id: serviceName === null ? null : services.get(serviceName)! });
  }
  await drawDemoSample(service, handle, preparation.md1);
}

/** The MD 1 sample as a lead would draw it: the central function, the random site, one chosen with its reason. */
async function drawDemoSample(service: EngagementService, handle: string, md1: DemoData['preparation']['md1']): Promise<void> {
  const sites = (await service.listRows(handle, 'site')) as unknown as Site[];
  const population = md1Population(md1SitesFromRows(sites));
  const permutation = md1RandomOrder(population, md1.seed);
  const drawn = permutation.order[0]!;
  // The site ids are new in every demo, so the draw may take the lead's first choice: then the next one.
  const nameOf = (id: string) => sites.find((site) => site.id === id)!.name;
  const choice = md1.chosen.map((preference) => ({ ...preference, id: permutation.order.find((id) => id !== drawn && nameOf(id).startsWith(preference.site)) })).find((preference) => preference.id)!;
  for (const site of sites) {
    const basis = population.centralIds.includes(site.id) ? 'central' : site.id === drawn ? 'random' : site.id === choice.id ? 'chosen' : 'none';
    const reason = basis === 'chosen' ? choice.reason : '';
    if (basis !== 'none') await service.updateRow(handle, 'site', site.id, { sample_basis: basis, sample_reason: reason });
  }
  await service.updateEngagement(handle, { md1_seed: md1.seed, md1_inputs_hash: permutation.inputsHash });
}
