// The import wizard's mapping: roles guessed then changed, one record id, dropped columns never sent.
import { describe, expect, it } from 'vitest';
import { defaultName, formProblem, importInput, initialMapping, keptColumns, mappingProblem, withRole, type PopulationForm } from './import-mapping.ts';
import { PREVIEW } from './test-fixtures.ts';


const FORM: PopulationForm = { topic: 'incident', name: 'incidents-2026-q1', periodFrom: null, periodTo: null, siteId: '', badRows: 'skip', dayFirst: true };

describe('the column mapping', () => {
  it('starts from the roles the preview guessed', () => {
    expect(initialMapping(PREVIEW).map((column) => column.role)).toEqual(['id', 'opened', 'priority', 'drop', 'attribute']);
  });

  it('keeps one record id: choosing another moves the former to "kept as is"', () => {
    const mapping = withRole(initialMapping(PREVIEW), 4, 'id');
    expect(mapping.map((column) => column.role)).toEqual(['attribute', 'opened', 'priority', 'drop', 'id']);
    expect(mappingProblem(mapping)).toBeNull();
    expect(mappingProblem(withRole(mapping, 4, 'drop'))).toBe('noId');
  });

  it('never names a column set to Not kept to the worker', () => {
    const mapping = withRole(initialMapping(PREVIEW), 2, 'drop');
    expect(keptColumns(mapping)).toEqual([
      { index: 0, name: 'Number', role: 'id' },
      { index: 1, name: 'Opened', role: 'opened' },
      { index: 4, name: 'Short description', role: 'attribute' },
    ]);
    const input = importInput('h-1', '/exports/incidents-2026-q1.csv', PREVIEW, mapping, FORM);
    expect(input.columns.map((column) => column.index)).toEqual([0, 1, 4]);
    expect(JSON.stringify(input)).not.toContain('Caller');
    expect(input.reading).toEqual({ encoding: 'UTF-8', delimiter: ';', headerRow: 1 });
    expect(input).toMatchObject({ kind: 'sampling:import', topic: 'incident', name: 'incidents-2026-q1', periodFrom: null, periodTo: null, siteId: '', badRows: 'skip', dayFirst: true });
  });

  it('names the population after the file and refuses what the worker would', () => {
    expect(defaultName('C:\\exports\\Changes Jan–Mar.XLSX')).toBe('Changes Jan–Mar');
    const mapping = initialMapping(PREVIEW);
    expect(formProblem(mapping, FORM)).toBeNull();
    expect(formProblem(mapping, { ...FORM, topic: null })).toBe('noTopic');
    expect(formProblem(mapping, { ...FORM, name: '  ' })).toBe('noName');
    expect(formProblem(mapping, { ...FORM, periodFrom: '2026-03-31', periodTo: '2026-01-01' })).toBe('periodReversed');
  });
});
