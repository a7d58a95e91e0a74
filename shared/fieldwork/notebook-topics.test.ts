import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import {
  entriesForTopic,
  entryDefaultTopic,
  entryTopics,
  sessionTopics,
  topicOfClause,
  type TopicEntry,
  type TopicPack,
  type TopicSessionLink,
} from './notebook-topics.ts';

/** A pack cut down to what topics read: ISO/IEC 20000-1 numbering, with clause ids unlike their numbers. */
const clause = (number: string) => ({ id: `c-${number}`, number, title: { en: number }, parent: null });
const PACK: TopicPack = {
  processes: [
    { key: 'change', clause: 'c-8.5.1' },
    { key: 'release-deployment', clause: 'c-8.5.3' },
    { key: 'incident', clause: 'c-8.6.1' },
    { key: 'service-level', clause: 'c-8.3.3' },
  ],
  clauses: ['4', '4.1', '4.3', '5', '7', '7.5.1', '8', '8.1', '8.5', '8.5.1', '8.5.1.2', '8.5.3', '8.6.1', '8.3.3', '9', '9.2', '10', '10.2'].map(clause),
};

const entry = (id: string, fields: Partial<TopicEntry> = {}): TopicEntry => ({
  id,
  session_id: 's-change',
  topic: '',
  body: '',
  written_at: `2026-12-08T09:${id.padStart(2, '0').slice(-2)}:00.000Z`,
  ...fields,
});

const LINKS: TopicSessionLink[] = [
  { session_id: 's-change', kind: 'process', topic: 'change' },
  { session_id: 's-change', kind: 'process', topic: 'release-deployment' },
  { session_id: 's-context', kind: 'clause', topic: '4' },
  { session_id: 's-context', kind: 'clause', topic: '5' },
  { session_id: 's-portfolio', kind: 'clause', topic: '8.1' },
  { session_id: 's-portfolio', kind: 'process', topic: 'service-level' },
  { session_id: 's-audit', kind: 'clause', topic: '9.2' },
];

describe('topics of clauses and sessions', () => {
  it('a clause belongs to the process whose clause it is or lies under, else to its top-level clause', () => {
    expect(topicOfClause(PACK, '8.5.1')).toBe('change');
    expect(topicOfClause(PACK, '8.5.1.2')).toBe('change');
    expect(topicOfClause(PACK, '8.5.3')).toBe('release-deployment');
    expect(topicOfClause(PACK, '8.5')).toBe('8');
    expect(topicOfClause(PACK, '8.1')).toBe('8');
    expect(topicOfClause(PACK, '4.3')).toBe('4');
    expect(topicOfClause(PACK, '10')).toBe('10');
    // 8.5.10 is not under 8.5.1: numbers compare by level, not by text.
    expect(topicOfClause(PACK, '8.5.10')).toBe('8');
    expect(topicOfClause(null, '8.5.1')).toBe('8');
  });

  it('a session covers its processes, then its clauses as their groups, each once', () => {
    expect(sessionTopics('s-change', LINKS, PACK)).toEqual(['change', 'release-deployment']);
    expect(sessionTopics('s-portfolio', LINKS, PACK)).toEqual(['service-level', '8']);
    expect(sessionTopics('s-audit', LINKS, PACK)).toEqual(['9']);
    expect(sessionTopics('nothing', LINKS, PACK)).toEqual([]);
  });

  it('an entry files records under its own topic, else its session’s first process, else its first clause group, else nowhere', () => {
    expect(entryDefaultTopic('incident', 's-change', LINKS, PACK)).toBe('incident');
    expect(entryDefaultTopic('', 's-change', LINKS, PACK)).toBe('change');
    expect(entryDefaultTopic('', 's-portfolio', LINKS, PACK)).toBe('service-level');
    expect(entryDefaultTopic('', 's-context', LINKS, PACK)).toBe('4');
    expect(entryDefaultTopic('', 's-empty', LINKS, PACK)).toBeNull();
    expect(entryDefaultTopic('', null, LINKS, PACK)).toBeNull();
  });
});

describe('entriesForTopic', () => {
  it('links an entry by its own topic, by its session when it has none, and by its §clause marks', () => {
    const entries = [
      entry('1', { body: 'Walked through the CAB minutes' }),
      entry('2', { topic: 'release-deployment', body: 'Release R-12 deployed over the weekend' }),
      entry('3', { session_id: 's-context', body: 'Context of the organization: issues list reviewed §4.1' }),
      entry('4', { session_id: 's-context', topic: '5', body: 'Top management commitment; see also §8.5.1.2 for emergency changes' }),
      entry('5', { session_id: 's-audit', body: 'Internal audit programme for 2026 seen' }),
      entry('6', { session_id: null, topic: '', body: 'Ad-hoc chat, nothing linked' }),
    ];
    const ids = (topic: string) => entriesForTopic(topic, entries, LINKS, PACK).map((found) => found.id);
    expect(ids('change')).toEqual(['1', '4']);
    expect(ids('release-deployment')).toEqual(['1', '2']);
    expect(ids('4')).toEqual(['3']);
    expect(ids('5')).toEqual(['3', '4']);
    expect(ids('9')).toEqual(['5']);
    expect(ids('incident')).toEqual([]);
  });

  it('an entry with a topic of its own is not linked to the session’s other topics; a clause session counts through its group', () => {
    const entries = [entry('1', { topic: 'change' }), entry('2', { session_id: 's-portfolio' })];
    expect(entriesForTopic('release-deployment', entries, LINKS, PACK)).toEqual([]);
    expect(entriesForTopic('8', entries, LINKS, PACK).map((found) => found.id)).toEqual(['2']);
    expect(entriesForTopic('service-level', entries, LINKS, PACK).map((found) => found.id)).toEqual(['2']);
  });

  it('a §mark that the parser keeps as text (escaped, running into a letter) links nothing', () => {
    const entries = [entry('1', { session_id: null, body: 'not a mark: \\§8.5.1 and §8.5.1a' })];
    expect(entriesForTopic('change', entries, LINKS, PACK)).toEqual([]);
  });

  it('returns the objects given, oldest first, whatever order they come in', () => {
    const late = { ...entry('1', { written_at: '2026-12-08T15:00:00.000Z' }), extra: 'kept' };
    const early = { ...entry('2', { written_at: '2026-12-08T10:00:00.000Z' }), extra: 'kept too' };
    const found = entriesForTopic('change', [late, early], LINKS, PACK);
    expect(found).toEqual([early, late]);
    expect(found[0]).toBe(early);
  });

  it('property: an entry is linked to a topic exactly when entryTopics says so, and each entry at most once', () => {
    const topics = ['change', 'release-deployment', 'incident', 'service-level', '4', '5', '8', '9', '10'];
    const bodies = fc.array(fc.constantFrom('text ', '§8.5.1 ', '§4.3 ', '§9.2 ', '\\§8.6.1 ', '§8.1 ', '@Jane ', '#CHG-1 ', '§10 '), { maxLength: 4 }).map((parts) => parts.join(''));
    const anEntry = fc.record({
      id: fc.uuid(),
      session_id: fc.constantFrom(null, 's-change', 's-context', 's-portfolio', 's-audit', 's-empty'),
      topic: fc.constantFrom('', ...topics),
      body: bodies,
      written_at: fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
    });
    fc.assert(
      fc.property(fc.array(anEntry, { maxLength: 12 }), fc.constantFrom(...topics), (entries, topic) => {
        const found = entriesForTopic(topic, entries, LINKS, PACK);
        expect(new Set(found).size).toBe(found.length);
        expect(new Set(found)).toEqual(new Set(entries.filter((candidate) => entryTopics(candidate, LINKS, PACK).has(topic))));
        for (let i = 1; i < found.length; i++) expect(found[i - 1]!.written_at <= found[i]!.written_at).toBe(true);
      }),
      propertyRuns('entriesForTopic agrees with entryTopics'),
    );
  });
});
