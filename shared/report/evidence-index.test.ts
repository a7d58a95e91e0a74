import { describe, expect, it } from 'vitest';
import type { EvidenceUse } from '../fieldwork/evidence-uses.ts';
import { evidenceIndex, type EvidenceIndexSource } from './evidence-index.ts';

const item = (id: string, title: string, kind = 'document') => ({ id, kind, title, version: 'v1', evidence_date: '2026-11-01', location: 'SharePoint', shown_by: 'Priya Raman' });
const file = (evidenceId: string, name: string, sha256: string) => ({ evidence_id: evidenceId, file_name: name, file_kind: 'photo', media_type: 'image/jpeg', sha256, byte_size: 1234, captured_at: '2026-12-09T10:00:00' });

describe('the evidence index', () => {
  it('lists every reference by title with each place it is used once, and every file under its reference', () => {
    const uses = new Map<string, EvidenceUse[]>([
      [
        'e2',
        [
          { kind: 'answer', answerId: 'a1', questionId: 'q1', clauseNumber: '8.5.1', memberId: 'm1' },
          { kind: 'answer', answerId: 'a2', questionId: 'q2', clauseNumber: '8.5.1', memberId: 'm2' },
          { kind: 'answer', answerId: 'a3', questionId: 'q-gone', clauseNumber: null, memberId: 'm1' },
          { kind: 'notebook', entryId: 'n1', sessionId: null, memberId: 'm1', writtenAt: '2026-12-09T09:12:00.000Z' },
          { kind: 'record', recordId: 'r1', topic: 'change', recordRef: 'CHG-1042' },
          { kind: 'document_review', reviewId: 'd1', document: 'Change policy' },
        ],
      ],
    ]);
    const source: EvidenceIndexSource = {
      items: [item('e2', 'Change policy'), item('e1', 'Backup log', 'record'), item('e3', 'Capacity plan')],
      files: [file('e2', 'policy.jpg', 'b'.repeat(64)), file('e1', 'log.png', 'a'.repeat(64)), file('gone', 'orphan.png', 'c'.repeat(64))],
      uses,
      findingLinks: [{ evidenceId: 'e2', finding: 'MIN-01' }],
    };
    const index = evidenceIndex(source);
    expect(index.references.map((reference) => reference.title)).toEqual(['Backup log', 'Capacity plan', 'Change policy']);
    expect(index.references[2]).toMatchObject({
      kind: 'document',
      version: 'v1',
      date: '2026-11-01',
      location: 'SharePoint',
      shownBy: 'Priya Raman',
      usedIn: ['Finding MIN-01', 'Checklist 8.5.1', 'Checklist q-gone', 'Notebook 2026-12-09', 'Record CHG-1042 (change)', 'Document review'],
    });
    expect(index.references[1]!.usedIn).toEqual([]);
    // A file of a reference no longer there is left out.
    expect(index.files.map((entry) => [entry.reference, entry.fileName, entry.sha256, entry.size])).toEqual([
      ['Backup log', 'log.png', 'a'.repeat(64), 1234],
      ['Change policy', 'policy.jpg', 'b'.repeat(64), 1234],
    ]);
  });
});
