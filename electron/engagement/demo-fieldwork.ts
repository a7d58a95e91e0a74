import { instantOf } from '../../shared/plan/local-time.ts';
import { utcInstant } from '../../shared/time.ts';
import type { Row } from '../store/engagement-store.ts';
import type { DemoFieldwork } from './demo-fieldwork-data.ts';
import type { EngagementService } from './engagement-service.ts';

/** Attaches a file as a team member would: the upload channel in 1 MiB pieces, then commit. */
async function attachDemoFile(service: EngagementService, handle: string, evidenceId: string, memberId: string, fileName: string, text: string, caption: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  const { uploadId } = await service.call(handle, 'beginUpload', fileName, bytes.length, 'text/csv');
  await service.call(handle, 'uploadChunk', uploadId, 0, bytes.toString('base64'));
  await service.change(handle, 'commitUpload', { uploadId, evidenceId, newEvidence: null, fileKind: 'file', photographyPermittedBy: '', caption, memberId });
}

/**
 * Writes the demo's fieldwork through the service, like the team would from their screens: the
 * sessions as they ran, the meetings' attendance and points, evidence, people met, the notebook,
 * records seen (one at a time and through queries), checklist answers with what they rest on,
 * attached files, conclusions and the statements already made. `sessions`: the plan's keyed sessions.
 */
export async function fieldworkDemo(service: EngagementService, handle: string, data: DemoFieldwork, sessions: ReadonlyMap<string, string>, timeZone: string): Promise<void> {
  const create = (table: string, values: Row) => service.createRow(handle, table, values);
  const team = await service.listRows(handle, 'team_member');
  const member = (initials: string) => String(team.find((row) => row.initials === initials)!.id);
  const session = (key: string) => sessions.get(key)!;
  const day = data.day;

  for (const outcome of data.outcomes) {
    await create('session_outcome', {
      session_id: session(outcome.session),
      status: outcome.status,
      actual_day: day,
      actual_start: outcome.start,
      actual_end: outcome.end,
      mode: outcome.mode,
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
      ...(outcome.remote ? { remote_effectiveness: outcome.remote.effectiveness, remote_note: outcome.remote.note } : {}),
    });
  }
  for (const meeting of data.meetings) {
    const id = session(meeting.session);
    for (const [name, role, organization, presence] of meeting.attendance) await create('attendance', { session_id: id, name, role, organization, presence });
    for (const point of meeting.points) await create('meeting_point', { session_id: id, point, confirmed: 1, note: meeting.notes[point] ?? '' });
  }

  const evidence: Record<string, string> = {};
  for (const [kind, title, version, evidence_date, location, shown_by] of data.evidence) {
    evidence[title] = String((await create('evidence_item', { kind, title, version, evidence_date, location, shown_by })).id);
  }
  const people: Record<string, string> = {};
  for (const [name, role, key] of data.people) {
    people[name] ??= String((await create('person', { name, role, organization: data.organization })).id);
    await create('session_person', { session_id: session(key), person_id: people[name] });
  }
  for (const entry of data.entries) {
    const writtenAt = utcInstant(instantOf(day, entry.time, timeZone)!);
    await create('notebook_entry', { session_id: session(entry.session), team_member_id: member(entry.by), written_at: writtenAt, topic: entry.topic, body: entry.body });
  }
  for (const record of data.records) await create('record_seen', { topic: record.topic, record_ref: record.ref, result: record.result, note: record.note });

  for (const group of data.answers) {
    const by = member(group.by);
    for (const [question, result, notes, links] of group.answers) {
      const answer = await service.change(handle, 'answerQuestion', question, by, { result, notes, session_id: session(group.session) });
      for (const title of links?.evidence ?? []) await create('answer_evidence', { answer_id: answer.id, evidence_id: evidence[title]! });
      for (const name of links?.people ?? []) await create('answer_person', { answer_id: answer.id, person_id: people[name]! });
    }
  }

  for (const query of data.queries) {
    const row = await create('record_query', {
      topic: query.topic,
      session_id: session(query.session),
      team_member_id: member(query.by),
      query: query.query,
      population_count: query.populationCount,
      period_from: query.periodFrom,
      period_to: query.periodTo,
      selection: query.selection,
      sampling_plan: query.samplingPlan,
    });
    for (const [ref, result, attributes, note] of query.records) {
      const record = await create('record_seen', { topic: query.topic, record_ref: ref, query_id: String(row.id), result, note, evidence_id: evidence[query.evidence]! });
      for (const [index, value] of attributes.entries()) {
        await create('record_attribute', { record_id: String(record.id), attribute: `${query.samplingPlan}-a0${index + 1}`, result: value });
      }
    }
  }

  for (const file of data.attachments) await attachDemoFile(service, handle, evidence[file.evidence]!, member(file.by), file.fileName, file.text, file.caption);
  for (const conclusion of data.conclusions) await create('conclusion', { ...conclusion });
  for (const statement of data.statements) await create('audit_statement', { ...statement, reason: '' });
}
