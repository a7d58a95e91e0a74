import { describe, expect, it } from 'vitest';
import { complete, TYPES } from '../../tests/fixtures/complete-report-input.ts';
import type { PlanDocumentInput } from '../documents/plan-input.ts';
import type { ReportInput } from '../documents/report-input.ts';
import { conclusionsTable, evidenceIndexSheets, findingsTable, planTable, type ReviewTable } from './review-tables.ts';

const plan = (report: ReportInput): PlanDocumentInput => ({
  document: report.document,
  certificationBody: report.certificationBody,
  client: report.client,
  audit: report.audit,
  sites: [],
  services: [],
  team: report.team,
  sessions: [
    {
      id: 's1',
      day: '2026-12-08',
      start: '09:00',
      end: '09:30',
      kind: 'opening',
      title: 'Opening meeting',
      siteName: 'Bristol',
      remote: null,
      processes: [],
      clauses: [],
      services: [],
      auditees: [{ name: 'Priya Raman', role: 'Service Delivery Manager' }],
      teamMemberIds: ['m1', 'm2'],
      notes: '',
    },
  ],
  auditorDays: report.auditorDays,
  confidentiality: '',
});

/** Every sheet is a table: each row as wide as its header. */
const rectangular = (table: ReviewTable) => {
  for (const sheet of table.sheets) for (const row of sheet.rows) expect(row.length, sheet.name).toBe(sheet.columns.length);
};

describe('the technical-review package’s tables', () => {
  it('has one row per finding with its full statement, and the JSON without signature images', () => {
    const { input } = complete('stage2');
    input.findingGroups[0]!.findings[0]!.acknowledgement = { status: 'signed', name: 'Priya Raman', role: 'SDM', signature: 'data:image/png;base64,AAAA', date: '2026-12-10' };
    const table = findingsTable(input as ReportInput);
    rectangular(table);
    const [sheet] = table.sheets;
    expect(sheet!.rows.map((row) => row[0])).toEqual(['MIN-01', 'OBS-01']);
    expect(sheet!.rows[0]).toContain('Emergency changes are not approved after implementation.');
    expect(sheet!.rows[0]).toContain('Signed by Priya Raman (2026-12-10)');
    const json = JSON.stringify(table.json);
    expect(json).not.toContain('data:image');
    expect(table.json).toMatchObject({ reference: 'KDS-2026', client: 'Kestrel Data Services Ltd', auditType: 'stage2', findings: [{ number: 'MIN-01', grade: 'minor', nonconformity: true }, { number: 'OBS-01' }] });
  });

  it('has the plan as planned, as it ran, its deviations and the auditor-days', () => {
    const { input } = complete('surveillance1');
    const table = planTable(input as ReportInput, plan(input as ReportInput));
    rectangular(table);
    expect(table.sheets.map((sheet) => sheet.name)).toEqual(['Sessions', 'As it ran', 'Deviations', 'Auditor-days']);
    expect(table.sheets[0]!.rows[0]).toEqual(['2026-12-08', '09:00', '09:30', 'opening', 'Opening meeting', 'Bristol', '', '', '', '', 'Priya Raman (Service Delivery Manager)', 'Helen Marsh; Ann Observer', '']);
    expect(table.sheets[2]!.rows[0]).toContain('The capacity manager was ill on the first day.');
  });

  it('has the conclusions with what the audit type reports', () => {
    for (const type of TYPES) {
      const { input } = complete(type);
      const table = conclusionsTable(input as ReportInput);
      rectangular(table);
      const names = table.sheets.map((sheet) => sheet.name);
      expect(names.slice(0, 3)).toEqual(['Results', 'Statements', 'Recommendation']);
      expect(names.includes('Readiness'), type).toBe(type === 'stage1');
      expect(names.includes('Earlier NCs'), type).toBe(type !== 'stage1');
      expect(table.sheets[1]!.rows).toHaveLength(input.statements.length);
    }
  });

  it('has the evidence index as references and files', () => {
    const sheets = evidenceIndexSheets({
      references: [{ id: 'e1', kind: 'document', title: 'Change policy', version: '3.2', date: null, location: '', shownBy: '', usedIn: ['Finding MIN-01', 'Checklist 8.5.1'] }],
      files: [{ reference: 'Change policy', fileName: 'p.pdf', kind: 'file', mediaType: 'application/pdf', sha256: 'f'.repeat(64), size: 10, capturedAt: '' }],
    });
    expect(sheets.map((sheet) => [sheet.name, sheet.rows])).toEqual([
      ['References', [['document', 'Change policy', '3.2', null, '', '', 'Finding MIN-01; Checklist 8.5.1']]],
      ['Files', [['Change policy', 'p.pdf', 'file', 'application/pdf', 'f'.repeat(64), 10, '']]],
    ]);
  });
});
