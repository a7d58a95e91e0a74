import type { EngagementService } from '../../electron/engagement/engagement-service.ts';
import type { Row } from '../../electron/store/engagement-store.ts';
import { checkProfile } from '../../shared/cb-profile/profile-validate.ts';
import type { ReportGateItemView } from '../../shared/contract/report-views.ts';
import type { AuditType } from '../../shared/engagement.ts';
import { STATEMENT_VERDICTS, type StatementItem } from '../../shared/findings/audit-statements.ts';
import { recommendationChoices } from '../../shared/findings/recommendation.ts';

/** A small PNG signature (a 1×1 pixel): what the closing meeting's pad stores. */
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/**
 * Does what the lead does when the report's check lists items: for each blocking item, writes the
 * missing row where its fix points (the statement, the conclusion, the acknowledgement, the session's
 * outcome …), through the service as the screens would, until the check passes. Returns the items
 * left (warnings only). Findings are numbered first: numbering renames the findings the items name.
 */
export async function makeReportReady(service: EngagementService, handle: string): Promise<ReportGateItemView[]> {
  const engagement = await service.getEngagement(handle);
  const rows = (table: string) => service.listRows(handle, table);
  const lead = (await rows('team_member')).find((member) => member.role === 'lead')!;
  // `key`: the row's fixed fields (its natural key), written only when the row is created.
  const upsert = async (table: string, key: Row, values: Row) => {
    const existing = (await rows(table)).find((row) => Object.entries(key).every(([field, value]) => row[field] === value));
    if (existing) await service.updateRow(handle, table, String(existing.id), values);
    else await service.createRow(handle, table, { ...key, ...values });
  };
  // A session is named by its title, or by its day and start when it has none (parallel sessions share a start).
  const sessionOf = async (params: ReportGateItemView['params']) =>
    (await rows('plan_session')).find((session) => {
      const title = String(session.title).trim();
      return title ? title === params['session'] : session.day === params['day'] && session.start_time === params['start'];
    })!;

  for (let round = 0; round < 4; round += 1) {
    const { items } = await service.call(handle, 'reportGate');
    const blocking = items.filter((item) => item.blocking);
    if (!blocking.length) return items;
    if (blocking.some((item) => item.code === 'findings-unnumbered')) {
      await service.change(handle, 'numberFindings', String(lead.id), false);
      continue;
    }
    for (const { code, params } of blocking) {
      switch (code) {
        case 'statement': {
          const item = String(params['item']) as StatementItem;
          await upsert('audit_statement', { item }, { verdict: STATEMENT_VERDICTS[item][0]!, text: 'Confirmed at the team review on the last day.', reason: '' });
          break;
        }
        case 'recommendation': {
          const profile = checkProfile(JSON.parse(String((await service.call(handle, 'cbProfile'))!.content)) as unknown);
          if (!profile.ok) throw new Error('The engagement’s profile does not read');
          const choices = recommendationChoices(engagement.audit_type as AuditType, profile.profile.recommendations);
          const wording = choices.find((choice) => choice.outcome === 'conditional') ?? choices[0]!;
          await upsert('audit_statement', { item: 'recommendation' }, { verdict: wording.key, text: '', reason: '' });
          break;
        }
        case 'conclusion': {
          const topic = String(params['topic']);
          await upsert('conclusion', { topic }, { status: 'conforming', text: `Sampled records and interviews show the requirements of ${topic} are met.` });
          break;
        }
        case 'nc-unacknowledged': {
          const nc = (await service.call(handle, 'ncFormList')).find((form) => form.number === params['finding'])!;
          await service.createRow(handle, 'nc_acknowledgement', {
            finding_id: nc.id,
            status: 'signed',
            signer_name: 'Priya Shah',
            signer_role: 'Head of Service Management',
            signature: SIGNATURE,
            recorded_at: '2026-12-10T16:00:00.000Z',
            recorded_by: String(lead.id),
          });
          break;
        }
        case 'deviation-reason': {
          const session = await sessionOf(params);
          await upsert('session_outcome', { session_id: String(session.id) }, { reason: 'Rescheduled at the auditee’s request.' });
          break;
        }
        case 'actual-times': {
          const session = await sessionOf(params);
          await upsert('session_outcome', { session_id: String(session.id) }, { status: 'held', actual_day: String(session.day), actual_start: String(session.start_time), actual_end: String(session.end_time) });
          break;
        }
        case 'earlier-nc': {
          const earlier = (await rows('earlier_nc')).find((row) => row.number === params['number'])!;
          await service.updateRow(handle, 'earlier_nc', String(earlier.id), { effectiveness: 'effective', verified_on: engagement.end_date, verifier_id: String(lead.id) });
          break;
        }
        case 'surveillance-item':
          await upsert('surveillance_check', { item: String(params['item']) }, { status: 'satisfactory', entry: 'Covered: records sampled and discussed with the SMS owner.' });
          break;
        case 'readiness':
          await upsert('readiness', { area: String(params['area']) }, { status: 'ready', note: 'Operating since 2026-03-01; records seen.' });
          break;
        case 'document-review':
          await service.createRow(handle, 'document_review', { document: 'SMS manual', version: '4.2', document_date: '2026-09-01', clause: '4.4', adequacy: 'adequate', comment: '' });
          break;
        default:
          throw new Error(`makeReportReady does not fix ${code} ${JSON.stringify(params)}`);
      }
    }
  }
  const { items } = await service.call(handle, 'reportGate');
  throw new Error(`The report’s check still lists items after four rounds of fixes: ${JSON.stringify(items.map((item) => [item.code, item.params]))}`);
}
