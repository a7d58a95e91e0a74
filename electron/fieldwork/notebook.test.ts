import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markKey, parseEntry, type NotebookMark } from '../../shared/fieldwork/notebook-marks.ts';
import { entryStructure } from '../../shared/fieldwork/notebook-structure.ts';
import { listConflicts } from '../store/merge/decisions.ts';
import { packToCopy, shippedPacks } from '../packs/index.ts';
import { choosePack } from '../packs/worker.ts';
import type { EngagementStore } from '../store/engagement-store.ts';
import { ACTOR_DANA, ACTOR_LEE, newEngagementStore } from '../../tests/helpers/store.ts';
import { importInto, issueMemberCopy, openLaptop, returnPackage } from '../../tests/helpers/merge.ts';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { addAdHocSession, writeNotebookEntry } from './notebook.ts';

const ACTOR_RAJ = '0190a6a4-0000-7000-8000-0000000000aa';
const PACK = packToCopy(shippedPacks()[0]!);

/** The lead's file: the shipped pack, three team members, and the plan's change session (and one with no topic). */
function leadWithPlan() {
  const dir = tempDir();
  const made = newEngagementStore({ actorId: ACTOR_DANA });
  const { store } = made;
  choosePack(store, PACK, ACTOR_DANA, Date.parse('2026-11-20T09:00:00Z'));
  const engagement_id = store.engagementId;
  const member = (name: string, initials: string, role: string) => store.createRow('team_member', { engagement_id, name, initials, role, actor_id: null });
  const ids = { dana: member('Dana Lead', 'DL', 'lead'), lee: member('Lee Auditor', 'LA', 'auditor'), raj: member('Raj Auditor', 'RA', 'auditor') };
  const session = (title: string, start: string) => store.createRow('plan_session', { engagement_id, day: '2026-12-08', start_time: start, end_time: '12:30', kind: 'audit', title });
  const change = session('Change, release and deployment', '09:00');
  store.createRow('plan_session_topic', { engagement_id, session_id: change, kind: 'process', topic: 'change' });
  store.createRow('plan_session_topic', { engagement_id, session_id: change, kind: 'process', topic: 'release-deployment' });
  const context = session('Context of the organization', '10:00');
  store.createRow('plan_session_topic', { engagement_id, session_id: context, kind: 'clause', topic: '4.1' });
  const tour = session('Site tour', '11:00');
  made.db.close();
  return { dir, lead: openLaptop(made.file, ACTOR_DANA), ids, sessions: { change, context, tour } };
}

const live = (store: EngagementStore, table: string) => store.listRows(table);

describe('writing a notebook entry', () => {
  it('writes the entry as the member, now, and makes its people, records and documents in the same transaction', () => {
    const { lead, ids, sessions } = leadWithPlan();
    const now = Date.parse('2026-12-08T09:14:00.000Z');
    const written = writeNotebookEntry(
      lead.store,
      ids.dana,
      { sessionId: sessions.change, topic: '', body: 'Met @Jane Smith, Change manager; she showed #CHG-10422 approved per [[Change policy v3.2]] §8.5.1' },
      now,
    );
    expect(written.entry).toMatchObject({ session_id: sessions.change, team_member_id: ids.dana, written_at: '2026-12-08T09:14:00.000Z', topic: '' });
    expect(written.people).toMatchObject([{ name: 'Jane Smith', role: 'Change manager' }]);
    expect(written.sessionPeople).toMatchObject([{ session_id: sessions.change, person_id: written.people[0]!.id }]);
    // No topic on the entry: the record goes under the session's first process.
    expect(written.records).toMatchObject([{ topic: 'change', record_ref: 'CHG-10422', result: 'not_tested' }]);
    expect(written.evidence).toMatchObject([{ kind: 'document', title: 'Change policy v3.2' }]);
    expect(live(lead.store, 'person')).toHaveLength(1);
    expect(live(lead.store, 'record_seen')).toHaveLength(1);
    expect(live(lead.store, 'evidence_item')).toHaveLength(1);
    expect(lead.store.verifyChain()).toMatchObject({ ok: true });
  });

  it('two entries naming the same person (any case) make one person, linked once per session; a role fills only an empty one', () => {
    const { lead, ids, sessions } = leadWithPlan();
    writeNotebookEntry(lead.store, ids.dana, { sessionId: sessions.change, topic: '', body: 'Interviewed @Jane Smith: the CAB' });
    writeNotebookEntry(lead.store, ids.dana, { sessionId: sessions.change, topic: '', body: '@jane smith, Change manager; confirmed the emergency route' });
    writeNotebookEntry(lead.store, ids.dana, { sessionId: sessions.context, topic: '', body: 'Later @JANE SMITH, CAB chair. She joined' });
    expect(live(lead.store, 'person')).toMatchObject([{ name: 'Jane Smith', role: 'Change manager' }]);
    expect(live(lead.store, 'session_person').map((link) => link.session_id).sort()).toEqual([sessions.change, sessions.context].sort());
  });

  it('files a record under the entry’s own topic, else the session’s first process, else its first clause group; without any it stays text', () => {
    const { lead, ids, sessions } = leadWithPlan();
    writeNotebookEntry(lead.store, ids.dana, { sessionId: sessions.change, topic: 'release-deployment', body: 'Release #REL-7 deployed' });
    writeNotebookEntry(lead.store, ids.dana, { sessionId: sessions.context, topic: '', body: 'Issues register #REG-1' });
    const none = writeNotebookEntry(lead.store, ids.dana, { sessionId: sessions.tour, topic: '', body: 'Badge log #LOG-3 at the door' });
    expect(none.records).toEqual([]);
    expect(none.entry.body).toBe('Badge log #LOG-3 at the door');
    expect(live(lead.store, 'record_seen').map((row) => [row.topic, row.record_ref]).sort()).toEqual([
      ['4', 'REG-1'],
      ['release-deployment', 'REL-7'],
    ]);
  });

  it('an ignored mark stays text and makes nothing: escaped, an e-mail, C#, an unclosed [[', () => {
    const { lead, ids, sessions } = leadWithPlan();
    const body = 'Wrote to p.shah@kestrel.example about \\@Jane and \\#CHG-1, the C# tool, and [[Change policy';
    const written = writeNotebookEntry(lead.store, ids.dana, { sessionId: sessions.change, topic: '', body });
    expect(written.entry.body).toBe(body);
    expect([written.people, written.records, written.evidence, written.sessionPeople]).toEqual([[], [], [], []]);
    expect([live(lead.store, 'person'), live(lead.store, 'record_seen'), live(lead.store, 'evidence_item')]).toEqual([[], [], []]);
  });

  it('a document mark reuses the reference of that title in any case; a new title is a new document reference', () => {
    const { lead, ids, sessions } = leadWithPlan();
    const engagement_id = lead.store.engagementId;
    const known = lead.store.createRow('evidence_item', { engagement_id, kind: 'record', title: 'CAB minutes 2026-11' });
    const written = writeNotebookEntry(lead.store, ids.dana, { sessionId: sessions.change, topic: '', body: 'Read [[cab minutes 2026-11]] and [[Emergency change procedure]]' });
    expect(written.evidence.map((row) => [row.id === known, row.kind, row.title])).toEqual([
      [true, 'record', 'CAB minutes 2026-11'],
      [false, 'document', 'Emergency change procedure'],
    ]);
  });

  it('editing an entry keeps its author and time, adds what new marks name and deletes nothing', () => {
    const { lead, ids, sessions } = leadWithPlan();
    const first = writeNotebookEntry(lead.store, ids.dana, { sessionId: sessions.change, topic: '', body: '@Jane Smith; showed #CHG-1' }, Date.parse('2026-12-08T09:00:00.000Z'));
    const edited = writeNotebookEntry(
      lead.store,
      ids.lee,
      { entryId: first.entry.id, sessionId: sessions.change, topic: 'release-deployment', body: '@Bob Lee; showed #REL-2' },
      Date.parse('2026-12-08T11:00:00.000Z'),
    );
    expect(edited.entry).toMatchObject({ id: first.entry.id, team_member_id: ids.dana, written_at: '2026-12-08T09:00:00.000Z', topic: 'release-deployment' });
    expect(live(lead.store, 'person').map((row) => row.name).sort()).toEqual(['Bob Lee', 'Jane Smith']);
    expect(live(lead.store, 'record_seen').map((row) => `${row.topic}/${row.record_ref}`).sort()).toEqual(['change/CHG-1', 'release-deployment/REL-2']);
    expect(live(lead.store, 'session_person')).toHaveLength(2);
    expect(live(lead.store, 'notebook_entry')).toHaveLength(1);
  });

  it('refuses a deleted session or entry and a read-only file, writing nothing', () => {
    const { lead, ids, sessions } = leadWithPlan();
    lead.store.deleteRow('plan_session', sessions.tour);
    expect(() => writeNotebookEntry(lead.store, ids.dana, { sessionId: sessions.tour, topic: '', body: '@Jane' })).toThrow(/deleted/);
    const entry = writeNotebookEntry(lead.store, ids.dana, { sessionId: sessions.change, topic: '', body: 'x' }).entry;
    lead.store.deleteRow('notebook_entry', entry.id);
    expect(() => writeNotebookEntry(lead.store, ids.dana, { entryId: entry.id, sessionId: sessions.change, topic: '', body: '@Jane' })).toThrow(/deleted/);
    expect(live(lead.store, 'person')).toEqual([]);
  });

  it('a failure half-way leaves nothing behind (one transaction)', () => {
    const { lead, ids, sessions } = leadWithPlan();
    // The entry and the person are written, then the record's topic is too long for record_seen.topic: all is rolled back.
    const tooLongTopic = 'x'.repeat(101);
    expect(() => writeNotebookEntry(lead.store, ids.dana, { sessionId: sessions.change, topic: tooLongTopic, body: '@Jane Smith #CHG-1' })).toThrow();
    expect([live(lead.store, 'notebook_entry'), live(lead.store, 'person'), live(lead.store, 'session_person')]).toEqual([[], [], []]);
    expect(lead.store.verifyChain()).toMatchObject({ ok: true });
  });
});

describe('two auditors’ copies', () => {
  it('the same #record and @person marked in two copies merge into one row each; their entries stay two', () => {
    const { dir, lead, ids, sessions } = leadWithPlan();
    const lee = issueMemberCopy(lead, dir, 'Lee Auditor', ACTOR_LEE);
    const raj = issueMemberCopy(lead, dir, 'Raj Auditor', ACTOR_RAJ);
    writeNotebookEntry(lee.store, ids.lee, { sessionId: sessions.change, topic: '', body: '@Jane Smith, Change manager; walked me through #CHG-10422' });
    writeNotebookEntry(raj.store, ids.raj, { sessionId: sessions.change, topic: '', body: 'Sampled #CHG-10422 with @Jane Smith' });
    importInto(lead, returnPackage(lee, 'Lee'));
    importInto(lead, returnPackage(raj, 'Raj'));
    expect(live(lead.store, 'record_seen')).toMatchObject([{ topic: 'change', record_ref: 'CHG-10422' }]);
    expect(live(lead.store, 'person')).toMatchObject([{ name: 'Jane Smith', role: 'Change manager' }]);
    expect(live(lead.store, 'session_person')).toHaveLength(1);
    expect(live(lead.store, 'notebook_entry').map((entry) => entry.team_member_id).sort()).toEqual([ids.lee, ids.raj].sort());
    expect(listConflicts(lead.db)).toEqual([]);
  });
});

describe('ad-hoc sessions', () => {
  it('adds an audit session with its outcome "added", the member who holds it and its topic, in one go', () => {
    const { lead, ids } = leadWithPlan();
    const added = addAdHocSession(lead.store, ids.dana, { title: '  Unplanned visit to the NOC  ', day: '2026-12-09', start: '15:05', end: '16:05', topic: { kind: 'process', topic: 'incident' } });
    expect(added.session).toMatchObject({ kind: 'audit', title: 'Unplanned visit to the NOC', day: '2026-12-09', start_time: '15:05', end_time: '16:05' });
    expect(added.outcome).toMatchObject({ session_id: added.session.id, status: 'added', actual_day: '2026-12-09', actual_start: '15:05', actual_end: '16:05' });
    expect(added.members).toMatchObject([{ team_member_id: ids.dana }]);
    expect(added.topics).toMatchObject([{ kind: 'process', topic: 'incident' }]);
    const written = writeNotebookEntry(lead.store, ids.dana, { sessionId: added.session.id, topic: '', body: 'Watched #INC-88 being logged' });
    expect(written.records).toMatchObject([{ topic: 'incident', record_ref: 'INC-88' }]);
  });

  it('refuses an ad-hoc session with no title, ending before it starts, or a day or time that is none', () => {
    const { lead, ids } = leadWithPlan();
    expect(() => addAdHocSession(lead.store, ids.dana, { title: ' ', day: '2026-12-09', start: '15:00', end: '16:00' })).toThrow(/title/);
    expect(() => addAdHocSession(lead.store, ids.dana, { title: 'NOC', day: '2026-12-09', start: '15:00', end: '15:00' })).toThrow(/after/);
    expect(() => addAdHocSession(lead.store, ids.dana, { title: 'NOC', day: '2026-02-30', start: '15:00', end: '16:00' })).toThrow(/calendar date/);
    expect(() => addAdHocSession(lead.store, ids.dana, { title: 'NOC', day: '2026-12-09', start: '25:00', end: '26:00' })).toThrow(/time of day/);
    expect(live(lead.store, 'plan_session')).toHaveLength(3);
  });
});

describe('the structure an entry makes (property)', () => {
  const piece = fc.oneof(
    fc.constantFrom(' ', '; ', '. ', '\n', '，', '、', 'text', '查看', '\\', 'C#', 'p.shah@x.example'),
    fc.constantFrom('@Jane Smith', '@jane smith, CAB chair', '@王海伦，变更经理', '#CHG-1', '#chg-1', '#10422', '[[Change policy]]', '[[change POLICY]]', '§8.5.1', '§ 4.1', '[[', '@', '#'),
    fc.string({ maxLength: 6 }),
  );
  const body = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

  it('every mark of the body becomes exactly one thing or is reported skipped; nothing else is made; records need a topic', () => {
    fc.assert(
      fc.property(body, fc.constantFrom(null, 'change', '4'), (text, topic) => {
        const made = entryStructure(text, topic);
        const marks = parseEntry(text).filter((segment) => segment.kind !== 'text');
        const keys = new Set(marks.map(markKey));
        const madeKeys = [
          ...made.people.map((person) => `person:${person.name.normalize('NFC').toLowerCase()}`),
          ...made.records.map((record) => `record:${record.ref}`),
          ...made.documents.map((document) => `document:${document.title.normalize('NFC').toLowerCase()}`),
          ...made.clauses.map((clause) => `clause:${clause}`),
        ];
        const skippedKeys = made.skipped.map((skip) => markKey(parseEntry(skip.raw)[0] as NotebookMark));
        // Each thing once, and together with what was skipped exactly the marks of the body.
        expect(new Set(madeKeys).size).toBe(madeKeys.length);
        expect(new Set([...madeKeys, ...skippedKeys])).toEqual(keys);
        for (const record of made.records) expect(record.topic).toBe(topic);
        if (topic === null) expect(made.records).toEqual([]);
        for (const skip of made.skipped) expect(skip.reason === 'no_topic' ? skip.kind === 'record' && topic === null : skip.reason === 'too_long').toBe(true);
      }),
      propertyRuns('notebook entry structure'),
    );
  });

  it('writing any body keeps it exactly and makes exactly the structure entryStructure says', () => {
    const { lead, ids, sessions } = leadWithPlan();
    fc.assert(
      fc.property(body, (text) => {
        const written = writeNotebookEntry(lead.store, ids.dana, { sessionId: sessions.change, topic: '', body: text });
        const expected = entryStructure(text, 'change');
        expect(written.entry.body).toBe(text);
        expect(written.people.map((person) => person.name.toLowerCase())).toEqual(expected.people.map((person) => person.name.toLowerCase()));
        expect(written.records.map((record) => record.record_ref)).toEqual(expected.records.map((record) => record.ref));
        expect(written.evidence.map((item) => item.title.toLowerCase())).toEqual(expected.documents.map((document) => document.title.toLowerCase()));
      }),
      propertyRuns('notebook write makes the structure', 60),
    );
    expect(lead.store.verifyChain()).toMatchObject({ ok: true });
  });
});
