import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import type { AnswerResult } from './answer-results.ts';
import { ANSWER_RESULTS } from './answer-results.ts';
import {
  collapseSpace,
  compareClauses,
  DRAFT_SEPARATOR,
  draftNarrative,
  endSentence,
  plainEntryText,
  tallyAnswers,
  withDraft,
  type NarrativeAnswer,
  type NarrativeEntry,
  type NarrativePhrases,
} from './narrative.ts';

const RESULT: Record<AnswerResult, string> = {
  conforming: 'conforming',
  nonconformity: 'nonconformity found',
  observation: 'observation',
  not_applicable: 'not applicable',
  not_audited: 'not audited',
};

/** English phrases as the screen's strings word them (the test's own copy: the logic is what is tested). */
const EN: NarrativePhrases = {
  when: (instant) => `${instant.slice(0, 10)} ${instant.slice(11, 16)}`,
  entryLead: (when, author) => `On ${when} ${author} noted: `,
  person: (name, role) => (role ? `${name} (${role})` : name),
  document: (title) => `“${title}”`,
  clause: (number) => `clause ${number}`,
  list: (items) => new Intl.ListFormat('en', { type: 'conjunction' }).format(items),
  interviewed: (people) => `Interviewed: ${people}`,
  documentsSeen: (documents) => `Documents seen: ${documents}`,
  recordsSeen: (records) => `Records seen on screen: ${records}`,
  recordsFailed: (records) => `${records} did not pass the test`,
  noteLead: (clause, result, author) => `${clause} (${RESULT[result]}, ${author}): `,
  tally: (t) => `${t.answeredQuestions} of ${t.questionCount} questions answered: ${t.conforming} conforming, ${t.nonconformity} nonconformity found, ${t.observation} observation`,
  noAnswers: (count) => `None of the ${count} questions answered yet`,
  findingExpected: (count) => `${count} answer(s) found a nonconformity: a finding is to be raised`,
  fullStop: '.',
  sentenceGap: ' ',
};

const entry = (id: string, writtenAt: string, author: string, body: string): NarrativeEntry => ({ id, writtenAt, author, body });
const answer = (questionId: string, clauseNumber: string, author: string, result: AnswerResult, notes = ''): NarrativeAnswer => ({ questionId, clauseNumber, author, result, notes });

describe('draftNarrative', () => {
  it('writes an auditor’s working draft: who was interviewed, the entries in time order, what was seen, the notes and the tally', () => {
    const draft = draftNarrative(
      {
        entries: [
          entry('b', '2026-12-14T10:40:00.000Z', 'Helen Marsh', 'Sampled #CHG-10422 and #CHG-10431; CAB minutes attached to both'),
          entry('a', '2026-12-14T10:20:00.000Z', 'Helen Marsh', 'Walked through the change process with @Jane Smith, Change manager. Policy is [[Change policy v3.2]] §8.5.1'),
          entry('c', '2026-12-15T09:00:00.000Z', 'Omar Haddad', '   '),
        ],
        answers: [
          answer('q1', '8.5.1', 'Helen Marsh', 'conforming', 'Policy approved 2026-03-02.'),
          answer('q2', '8.5.1', 'Helen Marsh', 'nonconformity', 'Emergency change CHG-10431 had no post-implementation review'),
          answer('q2', '8.5.1', 'Omar Haddad', 'observation'),
          answer('q3', '8.5.1', 'Omar Haddad', 'not_audited'),
        ],
        questionCount: 9,
        records: [
          { ref: 'CHG-10431', result: 'fail' },
          { ref: 'CHG-10500', result: 'pass' },
        ],
      },
      EN,
    );
    expect(draft).toBe(
      [
        'Interviewed: Jane Smith (Change manager).',
        [
          'On 2026-12-14 10:20 Helen Marsh noted: Walked through the change process with Jane Smith (Change manager). Policy is “Change policy v3.2” clause 8.5.1.',
          'On 2026-12-14 10:40 Helen Marsh noted: Sampled CHG-10422 and CHG-10431; CAB minutes attached to both.',
        ].join('\n'),
        'Documents seen: “Change policy v3.2”. Records seen on screen: CHG-10422, CHG-10431, and CHG-10500. CHG-10431 did not pass the test.',
        [
          '8.5.1 (conforming, Helen Marsh): Policy approved 2026-03-02.',
          '8.5.1 (nonconformity found, Helen Marsh): Emergency change CHG-10431 had no post-implementation review.',
        ].join('\n'),
        '2 of 9 questions answered: 1 conforming, 1 nonconformity found, 1 observation. 1 answer(s) found a nonconformity: a finding is to be raised.',
      ].join('\n\n'),
    );
  });

  it('lists each person and document once, however often they are marked or cited, first spelling kept', () => {
    const draft = draftNarrative(
      {
        entries: [entry('a', '2026-12-14T10:00:00.000Z', 'HM', 'Met @Jane Smith, Change manager; read [[Change Policy]]'), entry('b', '2026-12-14T11:00:00.000Z', 'HM', 'Again @jane smith; [[change policy]]')],
        answers: [],
        questionCount: 3,
        interviewees: [
          { name: 'Jane  Smith', role: null },
          { name: 'Tom Reed', role: 'Service desk lead' },
        ],
        documents: ['CHANGE POLICY', 'CAB terms of reference v1.4'],
      },
      EN,
    );
    expect(draft).toContain('Interviewed: Jane Smith (Change manager) and Tom Reed (Service desk lead).');
    expect(draft).toContain('Documents seen: “Change Policy” and “CAB terms of reference v1.4”.');
    expect(draft.endsWith('None of the 3 questions answered yet.')).toBe(true);
  });

  it('says nothing of what there is not, and keeps a sentence its author ended', () => {
    expect(draftNarrative({ entries: [], answers: [], questionCount: 6 }, EN)).toBe('None of the 6 questions answered yet.');
    const draft = draftNarrative({ entries: [entry('a', '2026-12-14T10:00:00.000Z', 'HM', 'All fine?')], answers: [answer('q', '4.1', 'HM', 'conforming')], questionCount: 1 }, EN);
    expect(draft).toBe('On 2026-12-14 10:00 HM noted: All fine?\n\n1 of 1 questions answered: 1 conforming, 0 nonconformity found, 0 observation.');
  });

  it('orders entries written at the same instant by id, so every copy drafts the same text', () => {
    const at = '2026-12-14T10:00:00.000Z';
    const one = draftNarrative({ entries: [entry('b', at, 'HM', 'second'), entry('a', at, 'HM', 'first')], answers: [], questionCount: 0 }, EN);
    const two = draftNarrative({ entries: [entry('a', at, 'HM', 'first'), entry('b', at, 'HM', 'second')], answers: [], questionCount: 0 }, EN);
    expect(one).toBe(two);
    expect(one.indexOf('first')).toBeLessThan(one.indexOf('second'));
  });

  it('never loses an entry’s text nor an answer’s note, and keeps the entries in time order (property)', () => {
    const words = fc.stringMatching(/^[A-Za-z0-9 ,;:()\n\t-]{0,40}$/);
    const marked = fc
      .array(fc.oneof(words, fc.constantFrom('@Jane Smith, Change manager', '#CHG-1', '[[Policy v2]]', '§8.5.1', '变更经理@王海伦', '。', '!', '\\@x')), { maxLength: 6 })
      .map((parts) => parts.join(' '));
    const entries = fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        writtenAt: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms).toISOString()),
        author: fc.constantFrom('Helen Marsh', 'Omar Haddad', '王海伦'),
        body: marked,
      }),
      { selector: (e) => e.id, maxLength: 8 },
    );
    const answers = fc.array(
      fc.record({
        questionId: fc.constantFrom('q1', 'q2', 'q3'),
        clauseNumber: fc.constantFrom('8.5.1', '8.5.1.2', '8.10', '4.1'),
        author: fc.constantFrom('Helen Marsh', 'Omar Haddad'),
        result: fc.constantFrom(...ANSWER_RESULTS),
        notes: words,
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(entries, answers, (entryList, answerList) => {
        const draft = draftNarrative({ entries: entryList, answers: answerList, questionCount: 3 }, EN);
        const flat = collapseSpace(draft);
        let last = -1;
        const ordered = [...entryList].sort((a, b) => a.writtenAt.localeCompare(b.writtenAt) || a.id.localeCompare(b.id));
        for (const e of ordered) {
          const text = plainEntryText(e.body, EN);
          if (text === '') continue;
          const lead = EN.entryLead(EN.when(e.writtenAt), e.author);
          const at = flat.indexOf(collapseSpace(lead + text), last + 1);
          expect(at, `entry ${e.id} kept whole`).toBeGreaterThan(last);
          last = at;
        }
        for (const a of answerList) if (a.notes.trim()) expect(flat).toContain(collapseSpace(a.notes));
      }),
      propertyRuns('draft keeps every entry and note'),
    );
  });
});

describe('plainEntryText', () => {
  it('writes marks out and keeps every other character, whitespace collapsed', () => {
    expect(plainEntryText('Met @Jane Smith, Change manager;\n  saw #CHG-1 in [[Tool X]] per §8.5.1 and \\#not-a-mark', EN)).toBe(
      'Met Jane Smith (Change manager); saw CHG-1 in “Tool X” per clause 8.5.1 and \\#not-a-mark',
    );
  });
});

describe('tallyAnswers', () => {
  it('counts every team member’s answers and the questions someone answered, not audited left out', () => {
    expect(
      tallyAnswers(
        [
          { questionId: 'q1', result: 'conforming' },
          { questionId: 'q1', result: 'observation' },
          { questionId: 'q2', result: 'not_applicable' },
          { questionId: 'q3', result: 'not_audited' },
          { questionId: 'q4', result: 'nonconformity' },
        ],
        6,
      ),
    ).toEqual({ conforming: 1, nonconformity: 1, observation: 1, notApplicable: 1, answeredQuestions: 3, questionCount: 6 });
  });
});

describe('withDraft', () => {
  it('puts the draft into an empty conclusion and below a separator otherwise, never overwriting', () => {
    expect(withDraft('  \n', 'Draft.')).toEqual({ text: 'Draft.', appended: false });
    expect(withDraft('Mine.\n\n', 'Draft.')).toEqual({ text: `Mine.${DRAFT_SEPARATOR}Draft.`, appended: true });
  });

  it('keeps the auditor’s text as its start (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (mine, draft) => {
        const { text, appended } = withDraft(mine, draft);
        if (appended) expect(text.startsWith(mine.trimEnd())).toBe(true);
        expect(text.endsWith(draft)).toBe(true);
      }),
      propertyRuns('withDraft keeps the conclusion'),
    );
  });
});

describe('small helpers', () => {
  it('ends a sentence once, in either script', () => {
    expect(endSentence('Seen', '.')).toBe('Seen.');
    expect(endSentence('Seen.', '.')).toBe('Seen.');
    expect(endSentence('已查看。', '。')).toBe('已查看。');
    expect(endSentence('(see “x.”)', '.')).toBe('(see “x.”)');
    expect(endSentence('', '.')).toBe('');
  });

  it('orders clauses as the standard numbers them', () => {
    expect(['8.10', '8.5.1.2', '4.1', '8.5.1', '10'].sort(compareClauses)).toEqual(['4.1', '8.5.1', '8.5.1.2', '8.10', '10']);
  });
});
