import { describe, expect, it } from 'vitest';
import { filterEvidence, haystackOf, searchWords } from './evidence-search.ts';

const item = (id: string, kind: string, title: string, version = '', location = '', shown_by = '') => ({ id, kind, title, version, location, shown_by });
const items = [
  item('1', 'document', 'Change management policy', 'v3.2', 'SharePoint › SMS › Policies', 'Sam Okafor'),
  item('2', 'record', 'CAB minutes 4 Nov 2026', '', 'ServiceNow', 'Sam Okafor'),
  item('3', 'document', '变更管理程序', 'V2.0', '文档管理系统', '王海伦'),
  item('4', 'screenshot', 'Incident queue, P1 filter', '', 'ServiceNow', 'Tom Reid'),
];
const ids = (list: readonly { id: string }[]) => list.map((entry) => entry.id);

describe('searching the evidence list', () => {
  it('finds every word in the title, version, location or who showed it, ignoring case', () => {
    expect(ids(filterEvidence(items, null, 'servicenow'))).toEqual(['2', '4']);
    expect(ids(filterEvidence(items, null, 'okafor V3'))).toEqual(['1']);
    expect(ids(filterEvidence(items, null, 'reid P1'))).toEqual(['4']);
    expect(ids(filterEvidence(items, null, 'nothing like it'))).toEqual([]);
  });

  it('finds Chinese by substring, and full-width letters as ASCII', () => {
    expect(ids(filterEvidence(items, null, '变更'))).toEqual(['3']);
    expect(ids(filterEvidence(items, null, '海伦 ｖ２'))).toEqual(['3']);
    expect(ids(filterEvidence(items, null, 'ＣＡＢ'))).toEqual(['2']);
  });

  it('filters by kind, alone or with words', () => {
    expect(ids(filterEvidence(items, 'document', ''))).toEqual(['1', '3']);
    expect(ids(filterEvidence(items, 'record', 'okafor'))).toEqual(['2']);
    expect(ids(filterEvidence(items, null, '   '))).toEqual(['1', '2', '3', '4']);
  });

  it('does not match across two fields', () => {
    expect(ids(filterEvidence(items, null, 'v3.2sharepoint'))).toEqual([]);
    expect(searchWords('  A　b ')).toEqual(['a', 'b']);
  });

  it('uses prepared haystacks when given', () => {
    const haystacks = new Map(items.map((entry) => [entry.id, haystackOf(entry)]));
    expect(ids(filterEvidence(items, null, 'okafor', haystacks))).toEqual(['1', '2']);
  });
});
