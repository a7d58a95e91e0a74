import { describe, expect, it } from 'vitest';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import type { FieldworkRecordsView } from '../../../../shared/contract/fieldwork-views.ts';
import type { NotebookWrittenView } from '../../../../shared/contract/notebook-channels.ts';
import { markAt } from '../../../../shared/fieldwork/notebook-marks.ts';
import type { PlanAuditee, PlanSession } from '../../../../shared/plan/plan-rows.ts';
import { adHocDefaults, applySuggestion, localNow, notebookDays, suggestionsFor, withWritten, type SuggestionSources } from './notebook-logic.ts';

const merge = { created_by: 'a', updated_at: 'h', updated_by: 'a', deleted: 0, engagement_id: 'e' } as const;
const session = (id: string, day: string, start: string, end: string, kind: PlanSession['kind'] = 'audit'): PlanSession =>
  ({ ...merge, id, day, start_time: start, end_time: end, kind, title: id, site_id: null, remote: 0, remote_tool: '', identity_check: '', remote_fallback: '', notes: '' }) as PlanSession;

const EMPTY: FieldworkRecordsView = Object.fromEntries(
  ['person', 'session_person', 'notebook_entry', 'evidence_item', 'answer_evidence', 'answer_person', 'record_query', 'record_seen', 'record_attribute', 'audit_trail', 'audit_trail_step', 'conclusion', 'scope_check', 'surveillance_check', 'session_outcome', 'attendance', 'meeting_point', 'document_review', 'readiness'].map((name) => [name, []]),
) as unknown as FieldworkRecordsView;

describe('sessions and ad-hoc sessions', () => {
  it('lists every session but breaks, in plan order, by day', () => {
    const days = notebookDays([session('b', '2026-12-08', '09:00', '10:00'), session('lunch', '2026-12-07', '12:30', '13:15', 'break'), session('a', '2026-12-07', '09:00', '09:30', 'opening'), session('c', '2026-12-07', '13:15', '17:00')]);
    expect(days.map((day) => [day.day, day.sessions.map((s) => s.id)])).toEqual([
      ['2026-12-07', ['a', 'c']],
      ['2026-12-08', ['b']],
    ]);
  });

  it('reads the day and time of an instant in the engagement’s time zone', () => {
    expect(localNow(Date.parse('2026-12-07T23:30:00Z'), 'Asia/Shanghai')).toEqual({ day: '2026-12-08', time: '07:30' });
    expect(localNow(Date.parse('2026-12-07T23:30:00Z'), 'Europe/London')).toEqual({ day: '2026-12-07', time: '23:30' });
  });

  const plan = [session('a', '2026-12-07', '09:00', '12:30'), session('b', '2026-12-08', '13:15', '17:00')];
  const base = { timeZone: 'Europe/London', startDate: '2026-12-07', endDate: '2026-12-09', sessions: plan };

  it('on an audit day: today, from now rounded down to 5 minutes, one hour', () => {
    expect(adHocDefaults({ ...base, now: Date.parse('2026-12-08T14:42:10Z'), selectedDay: '2026-12-07' })).toMatchObject({ day: '2026-12-08', start: '14:40', end: '15:40' });
  });

  it('before the audit: the day looked at, else the first audit day, after its last session; today is offered too', () => {
    const before = Date.parse('2026-12-01T10:00:00Z');
    expect(adHocDefaults({ ...base, now: before, selectedDay: '2026-12-08' })).toEqual({
      day: '2026-12-08',
      start: '17:00',
      end: '18:00',
      days: ['2026-12-01', '2026-12-07', '2026-12-08', '2026-12-09'],
    });
    expect(adHocDefaults({ ...base, now: before, selectedDay: null })).toMatchObject({ day: '2026-12-07', start: '12:30', end: '13:30' });
  });

  it('stays within the day late in the evening', () => {
    expect(adHocDefaults({ ...base, now: Date.parse('2026-12-08T23:58:00Z'), selectedDay: null })).toMatchObject({ day: '2026-12-08', start: '22:59', end: '23:59' });
  });
});

describe('autocomplete', () => {
  const pack = {
    defaultLanguage: 'en',
    processes: [{ key: 'change', clause: '8.5.1' }],
    clauses: [
      { id: '8.5', number: '8.5', title: { en: 'Service design, build and transition' }, parent: '8' },
      { id: '8.5.1', number: '8.5.1', title: { en: 'Change management', 'zh-CN': '变更管理' }, parent: '8.5' },
      { id: '8.5.1.2', number: '8.5.1.2', title: { en: 'Change initiation' }, parent: '8.5.1' },
      { id: '9.2', number: '9.2', title: { en: 'Internal audit' }, parent: '9' },
    ],
  } as unknown as ChecklistPack;
  const auditee = (id: string, session_id: string, name: string, role: string) => ({ ...merge, id, session_id, name, role }) as PlanAuditee;
  const records: FieldworkRecordsView = {
    ...EMPTY,
    person: [{ ...merge, id: 'p1', name: 'Sam Okafor', role: 'Change manager', organization: '' }],
    session_person: [],
    evidence_item: [{ ...merge, id: 'e1', kind: 'document', title: 'Change policy v3.2', version: '3.2', evidence_date: null, location: '', shown_by: '', notes: '' }],
    record_seen: [
      { ...merge, id: 'r1', topic: 'change', record_ref: 'CHG-10422', query_id: null, result: 'not_tested', note: '', evidence_id: null },
      { ...merge, id: 'r2', topic: 'incident', record_ref: 'INC-1', query_id: null, result: 'not_tested', note: '', evidence_id: null },
    ],
  };
  const sources: SuggestionSources = {
    records,
    auditees: [auditee('a1', 's1', 'Lena Fischer', 'Data centre operations lead'), auditee('a2', 's2', 'Sam Okafor', 'Change manager'), auditee('a3', 's2', 'Priya Shah', 'SMS owner')],
    sessionId: 's1',
    pack,
    language: 'en',
    recordTopic: 'change',
  };
  const offered = (text: string, over: Partial<SuggestionSources> = {}) => suggestionsFor(markAt(text, text.length)!, { ...sources, ...over });

  it('after @: this session’s expected auditees first, then the people known and the plan’s other auditees, each once', () => {
    expect(offered('met @').map((s) => [s.label, s.expected])).toEqual([
      ['Lena Fischer', true],
      ['Sam Okafor', false],
      ['Priya Shah', false],
    ]);
    expect(offered('met @sam').map((s) => s.insert)).toEqual(['@Sam Okafor, Change manager']);
    expect(offered('met @ok').map((s) => s.label)).toEqual(['Sam Okafor']);
  });

  it('after [[: the evidence titles; after §: the clauses with their titles; after #: only the records of the entry’s topic', () => {
    expect(offered('per [[chan').map((s) => s.insert)).toEqual(['[[Change policy v3.2]]']);
    expect(offered('see §8.5.1').map((s) => [s.label, s.detail])).toEqual([
      ['8.5.1', 'Change management'],
      ['8.5.1.2', 'Change initiation'],
    ]);
    expect(offered('see §8.5.1', { language: 'zh-CN' })[0]!.detail).toBe('变更管理');
    expect(offered('saw #').map((s) => s.label)).toEqual(['CHG-10422']);
    expect(offered('saw #', { recordTopic: null })).toEqual([]);
  });

  it('a pick replaces the mark typed so far and puts the caret after it (with a space unless one follows)', () => {
    const text = 'per [[chan and more';
    const caret = 'per [[chan'.length;
    expect(applySuggestion(text, caret, markAt(text, caret)!, '[[Change policy v3.2]]')).toEqual({ text: 'per [[Change policy v3.2]] and more', caret: 26 });
    expect(applySuggestion('see §8.5', 8, markAt('see §8.5', 8)!, '§8.5.1')).toEqual({ text: 'see §8.5.1 ', caret: 11 });
    expect(applySuggestion('met @sa', 7, markAt('met @sa', 7)!, '@Sam Okafor')).toEqual({ text: 'met @Sam Okafor', caret: 15 });
  });
});

describe('withWritten', () => {
  it('joins the entry and the rows its marks made to what is shown, replacing rows by id', () => {
    const before: FieldworkRecordsView = { ...EMPTY, person: [{ ...merge, id: 'p1', name: 'Sam Okafor', role: '', organization: '' }] };
    const written = {
      entry: { ...merge, id: 'n1', session_id: 's1', team_member_id: 'm1', written_at: '2026-12-08T09:00:00.000Z', topic: '', body: '@Sam Okafor, CAB chair #CHG-1' },
      people: [{ ...merge, id: 'p1', name: 'Sam Okafor', role: 'CAB chair', organization: '' }],
      sessionPeople: [{ ...merge, id: 'sp1', session_id: 's1', person_id: 'p1' }],
      records: [{ ...merge, id: 'r1', topic: 'change', record_ref: 'CHG-1', query_id: null, result: 'not_tested', note: '', evidence_id: null }],
      evidence: [],
    } as NotebookWrittenView;
    const after = withWritten(before, written);
    expect(after.person).toEqual(written.people);
    expect(after.notebook_entry).toEqual([written.entry]);
    expect(after.session_person).toHaveLength(1);
    expect(after.record_seen).toHaveLength(1);
    expect(withWritten(after, written).notebook_entry).toHaveLength(1);
  });
});
