import type { EngagementFields } from '../../shared/engagement.ts';
import { chooseProfile } from '../profiles/worker.ts';
import { choosePack } from '../packs/worker.ts';
import type { EngagementStore, Row } from '../store/engagement-store.ts';
import type { EarlierEngagement } from './earlier-engagement.ts';
import { importLinked } from '../follow-up/worker.ts';
import { naturalRowId } from '../../shared/ids.ts';

/**
 * What the next audit of a cycle takes over from the earlier engagement's own row: the client, the
 * certificate, the scope and its wording, the MD 1 eligibility answers and the headcount as starting
 * points. Named one by one, so a field added later is carried only when someone decides it should be.
 * Not carried: what belongs to one audit (type, dates, objectives, the site draw, the auditor-days,
 * when the client was told the team, a transfer).
 */
export const CARRIED_ENGAGEMENT_FIELDS = [
  'client_address',
  'certification_body',
  'criteria',
  'scope',
  'client_representative',
  'client_contact',
  'client_credit_code',
  'licence_covers_scope',
  'audit_language',
  'combination',
  'other_standards',
  'certificate_number',
  'certification_decision_on',
  'certificate_expires_on',
  'sms_scope',
  'certificate_wording',
  'certificate_wording_second',
  'certificate_second_language',
  'md1_one_system',
  'md1_central_control',
  'md1_internal_audits',
  'md1_sampling_appropriate',
  'effective_personnel',
] as const satisfies readonly (keyof EngagementFields)[];

/** Row fields that are never copied: the link to the engagement and the merge columns. */
const NOT_COPIED = new Set(['id', 'engagement_id', 'created_by', 'updated_at', 'updated_by', 'deleted']);

function copyOf(row: object, reset: Row = {}, remap: Row = {}): Row {
  const values: Row = {};
  for (const [name, value] of Object.entries(row)) if (!NOT_COPIED.has(name)) values[name] = value as Row[string];
  return { ...values, ...reset, ...remap };
}

/**
 * Writes the earlier engagement's preparation into the new engagement, in one transaction: the CB
 * profile and checklist pack it used, the client's facts, sites (without the last draw), the team
 * (each member declares impartiality again for this audit), services with the process matrix, other
 * parties, the history — and the earlier audit itself as the newest entry of the history; its
 * nonconformities (and those it verified without closing) to verify at this audit.
 */
export function carryOver(store: EngagementStore, earlier: EarlierEngagement, historyNote: string, actorId: string, now: number): void {
  store.db
    .transaction(() => {
      const source = earlier.engagement;
      const patch: Row = {};
      for (const field of CARRIED_ENGAGEMENT_FIELDS) patch[field] = source[field];
      store.updateRow('engagement', store.engagementId, patch);
      if (earlier.profile) {
        const { profile_id, version, sha256, title, content } = earlier.profile;
        chooseProfile(store, { profileId: profile_id, version, sha256, title, content }, actorId, now);
      }
      if (earlier.pack) {
        const { pack_id, version, sha256, title, content } = earlier.pack;
        choosePack(store, { packId: pack_id, version, sha256, title, content }, actorId, now);
      }
      const create = (table: string, values: Row): string => store.createRow(table, { ...values, engagement_id: store.engagementId });
      for (const site of earlier.sites) create('site', copyOf(site, { sample_basis: 'none', sample_reason: '' }));
      for (const member of earlier.team) {
        create('team_member', copyOf(member, { no_conflict: null, conflict_note: '', declared_on: null, declared_by: '' }));
      }
      const serviceIds = new Map<string, string>();
      for (const service of earlier.services) serviceIds.set(service.id, create('service', copyOf(service)));
      for (const link of earlier.serviceProcesses) {
        const serviceId = serviceIds.get(link.service_id);
        if (serviceId) create('service_process', copyOf(link, {}, { service_id: serviceId }));
      }
      for (const party of earlier.otherParties) {
        create('other_party', copyOf(party, {}, { service_id: party.service_id ? (serviceIds.get(party.service_id) ?? null) : null }));
      }
      for (const audit of earlier.earlierAudits) create('earlier_audit', copyOf(audit));
      create('earlier_audit', {
        audit_type: source.audit_type,
        start_date: source.start_date || null,
        end_date: source.end_date || null,
        certification_body: '',
        covered_clauses: '',
        covered_processes: '',
        covered_sites: visitedSites(earlier),
        notes: historyNote,
      });
      // Its nonconformities are verified at this audit (17021-1 9.4.8 item 18), and the client's
      // finding numbers continue after its highest; the same client, so no confirmation is asked.
      importLinked(store, earlier.linked, historyNote, true);
      for (const nc of earlier.unresolvedEarlierNcs) {
        if (store.db.prepare('SELECT 1 FROM earlier_nc WHERE id = ?').get(naturalRowId(store.engagementId, 'earlier_nc', [nc.source_ref]))) continue;
        create('earlier_nc', copyOf(nc, { verification_note: '', verified_on: null, verifier_id: null, effectiveness: 'not_assessed', closed_on: null }));
      }
    })
    .immediate();
}

/** The sites the earlier audit visited: its MD 1 sample (central function, drawn, chosen), in name order. */
function visitedSites(earlier: EarlierEngagement): string {
  return earlier.sites
    .filter((site) => site.sample_basis !== 'none')
    .map((site) => site.name)
    .sort((a, b) => a.localeCompare(b))
    .join('; ');
}
