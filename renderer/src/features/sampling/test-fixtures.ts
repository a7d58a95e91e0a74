// An export's preview and a population as the worker returns them, for the sampling tests.
import type { ExportPreviewView, PopulationView } from '../../../../shared/contract/sampling-views.ts';

export const PREVIEW: ExportPreviewView = {
  fileName: 'incidents-2026-q1.csv',
  format: 'csv',
  size: 12_345,
  encoding: 'UTF-8',
  encodingCandidates: ['UTF-8', 'windows-1252'],
  bom: null,
  encodingConflict: false,
  delimiter: ';',
  sheets: [],
  sheet: null,
  headerRow: 1,
  columns: [
    { index: 0, header: 'Number', original: 'Number', role: 'id' },
    { index: 1, header: 'Opened', original: 'Opened', role: 'opened' },
    { index: 2, header: 'Priority', original: 'Priority', role: 'priority' },
    { index: 3, header: 'Caller', original: 'Caller', role: 'drop' },
    { index: 4, header: 'Short description', original: 'Short description', role: 'attribute' },
  ],
  previewRows: [['INC0001', '03/01/2026', '2 - High', 'Ann Lee', 'Mail down']],
  estimatedRows: 1200,
  problems: [],
  preset: 'ServiceNow',
  dayFirst: true,
};

export const POPULATION: PopulationView = {
  id: 'pop-1',
  topic: 'incident',
  name: 'Incidents Q1',
  periodFrom: '2026-01-01',
  periodTo: '2026-03-31',
  siteId: '',
  sourceName: 'incidents.csv',
  sourceFormat: 'csv',
  encoding: 'UTF-8',
  delimiter: ',',
  sheet: '',
  columns: [
    { name: 'Number', role: 'id' },
    { name: 'Priority', role: 'priority' },
  ],
  rowCount: 100_000,
  skippedRows: 0,
  contentHash: 'c'.repeat(64),
  idsHash: 'd'.repeat(64),
  importedAt: '2026-04-02T09:00:00.000Z',
  importedBy: 'm-1',
  rowsHere: true,
  strata: [
    {
      column: 'Priority',
      strata: [
        { name: '1 - Critical', count: 1_000 },
        { name: '2 - High', count: 9_000 },
        { name: '3 - Moderate', count: 90_000 },
      ],
    },
  ],
};
