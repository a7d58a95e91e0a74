import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../tests/helpers/property.ts';
import { evidenceUses, notebookDocumentTitles, titleKey, type EvidenceUseInput } from './evidence-uses.ts';

const entry = (id: string, body: string) => ({ id, session_id: 's1', team_member_id: 'helen', written_at: '2026-12-08T09:40:00.000Z', body });

function input(partial: Partial<EvidenceUseInput>): EvidenceUseInput {
  return { items: [], answerLinks: [], answers: [], clauseOfQuestion: () => null, notebook: [], records: [], reviews: [], ...partial };
}

describe('where each evidence reference is used', () => {
  const items = [
    { id: 'policy', title: 'Change policy v3.2' },
    { id: 'cab', title: 'CAB minutes 2026-11-04' },
    { id: 'unused', title: 'Supplier register' },
    { id: 'zh', title: '变更管理程序 V2.0' },
  ];

  it('finds answers, notebook entries, records seen and document reviews, and nothing for an unused one', () => {
    const uses = evidenceUses(
      input({
        items,
        answers: [
          { id: 'a1', question_id: '8.5.1-q01', team_member_id: 'helen' },
          { id: 'a2', question_id: '8.5.1-q03', team_member_id: 'tomasz' },
        ],
        answerLinks: [
          { answer_id: 'a1', evidence_id: 'policy' },
          { answer_id: 'a2', evidence_id: 'policy' },
          { answer_id: 'gone', evidence_id: 'policy' },
        ],
        clauseOfQuestion: (id) => (id.startsWith('8.5.1') ? '8.5.1' : null),
        notebook: notebookDocumentTitles([
          entry('n1', 'Walked through [[change policy   V3.2]] with @Sam Okafor, Change manager; #CHG-10422 seen.'),
          entry('n2', 'No documents here, only #CHG-1.'),
          entry('n3', '查看了[[变更管理程序 v2.0]]和[[CAB minutes 2026-11-04]]，[[Change policy v3.2]]'),
        ]),
        records: [
          { id: 'r1', topic: 'change', record_ref: 'CHG-10422', evidence_id: 'cab' },
          { id: 'r2', topic: 'change', record_ref: 'CHG-10423', evidence_id: null },
        ],
        reviews: [{ id: 'd1', document: 'Change policy', evidence_id: 'policy' }],
      }),
    );
    expect(uses.get('policy')).toEqual([
      { kind: 'answer', answerId: 'a1', questionId: '8.5.1-q01', clauseNumber: '8.5.1', memberId: 'helen' },
      { kind: 'answer', answerId: 'a2', questionId: '8.5.1-q03', clauseNumber: '8.5.1', memberId: 'tomasz' },
      { kind: 'notebook', entryId: 'n1', sessionId: 's1', memberId: 'helen', writtenAt: '2026-12-08T09:40:00.000Z' },
      { kind: 'notebook', entryId: 'n3', sessionId: 's1', memberId: 'helen', writtenAt: '2026-12-08T09:40:00.000Z' },
      { kind: 'document_review', reviewId: 'd1', document: 'Change policy' },
    ]);
    expect(uses.get('cab')).toEqual([
      { kind: 'notebook', entryId: 'n3', sessionId: 's1', memberId: 'helen', writtenAt: '2026-12-08T09:40:00.000Z' },
      { kind: 'record', recordId: 'r1', topic: 'change', recordRef: 'CHG-10422' },
    ]);
    expect(uses.get('zh')).toHaveLength(1);
    expect(uses.has('unused')).toBe(false);
  });

  it('counts a notebook entry once per reference, however often it marks it', () => {
    const uses = evidenceUses(input({ items, notebook: notebookDocumentTitles([entry('n1', '[[Supplier register]] … [[supplier REGISTER]]')]) }));
    expect(uses.get('unused')).toHaveLength(1);
  });

  it('gives a mark to every reference of that title, and ignores links to references not in the list', () => {
    const twins = [
      { id: 'x1', title: 'SLA report October' },
      { id: 'x2', title: 'sla report  october' },
    ];
    const uses = evidenceUses(
      input({
        items: twins,
        notebook: notebookDocumentTitles([entry('n', 'see [[SLA report October]]')]),
        records: [{ id: 'r', topic: 'service-level', record_ref: 'RPT-10', evidence_id: 'deleted-one' }],
      }),
    );
    expect([...uses.keys()].sort()).toEqual(['x1', 'x2']);
  });

  it('knows a reference marked with its version too', () => {
    const versioned = [{ id: 'p', title: 'Change policy', version: 'v3.2' }];
    const uses = evidenceUses(
      input({ items: versioned, notebook: notebookDocumentTitles([entry('n1', '[[Change policy v3.2]]'), entry('n2', '[[change policy]]'), entry('n3', '[[Change policy v3.1]]'), entry('n4', '[[Change policy]] is [[Change policy v3.2]]')]) }),
    );
    expect(uses.get('p')?.map((use) => use.kind === 'notebook' && use.entryId)).toEqual(['n1', 'n2', 'n4']);
  });

  it('compares titles as the notebook marks them', () => {
    expect(titleKey('  Change\tPolicy  v3.2 ')).toBe('change policy v3.2');
  });

  it('indexes 2,000 references and 10,000 uses in one quick pass', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ id: `e${i}`, title: `Record ${i}` }));
    const answers = Array.from({ length: 3000 }, (_, i) => ({ id: `a${i}`, question_id: `q${i % 220}`, team_member_id: `m${i % 3}` }));
    const answerLinks = answers.map((answer, i) => ({ answer_id: answer.id, evidence_id: `e${i % 2000}` }));
    const entries = Array.from({ length: 3000 }, (_, i) => entry(`n${i}`, `Saw [[Record ${i % 2000}]] and [[Record ${(i * 7) % 2000}]] with @Sam`));
    const records = Array.from({ length: 4000 }, (_, i) => ({ id: `r${i}`, topic: 'incident', record_ref: `INC${i}`, evidence_id: `e${i % 2000}` }));
    const started = performance.now();
    const uses = evidenceUses(input({ items: many, answers, answerLinks, clauseOfQuestion: () => '8.6.1', notebook: notebookDocumentTitles(entries), records }));
    const took = performance.now() - started;
    // Each entry marks two references, or one when both marks name the same (i ≡ 7i mod 2000).
    const notebookUses = 2 * entries.length - countSame(entries.length);
    expect([...uses.values()].reduce((sum, list) => sum + list.length, 0)).toBe(answers.length + notebookUses + records.length);
    // One pass: far below a frame budget on any machine the tests run on (a quadratic scan takes seconds).
    expect(took).toBeLessThan(500);
  });

  it('lists each use of a reference exactly once, whatever the rows', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ evidence: fc.nat(9), record: fc.nat(50) }), { maxLength: 80 }), (links) => {
        const items10 = Array.from({ length: 10 }, (_, i) => ({ id: `e${i}`, title: `T${i}` }));
        const records = links.map((link, i) => ({ id: `r${i}`, topic: 'change', record_ref: `CHG-${link.record}`, evidence_id: `e${link.evidence}` }));
        const uses = evidenceUses(input({ items: items10, records }));
        const total = [...uses.values()].reduce((sum, list) => sum + list.length, 0);
        expect(total).toBe(records.length);
        for (const [id, list] of uses) for (const use of list) expect(use.kind === 'record' && records.find((r) => r.id === use.recordId)!.evidence_id).toBe(id);
      }),
      propertyRuns('evidence uses'),
    );
  });
});

/** Entries whose two marks name the same record (i ≡ 7i mod 2000) count once. */
function countSame(n: number): number {
  let same = 0;
  for (let i = 0; i < n; i++) if (i % 2000 === (i * 7) % 2000) same++;
  return same;
}
