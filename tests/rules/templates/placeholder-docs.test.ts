// docs/template-placeholders.md lists exactly the placeholders the fill knows: every name of the
// catalogue in its section's table, and no name the catalogue lacks.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NC_FORM_PLACEHOLDERS } from '../../../shared/templates/nc-form-placeholders.ts';
import { PLAN_PLACEHOLDERS, type Placeholder } from '../../../shared/templates/plan-placeholders.ts';
import { REPORT_PLACEHOLDERS } from '../../../shared/templates/report-placeholders.ts';

const whole = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/template-placeholders.md'), 'utf8');
/** The page documents the plan's placeholders, then (from its second title) the NC form's, then (third) the report's. */
const NC_FORM_TITLE = '\n# CB Word templates: the placeholders of the nonconformity report';
const REPORT_TITLE = '\n# CB Word templates: the placeholders of the audit report';
const at = (title: string): number => (whole.indexOf(title) === -1 ? whole.length : whole.indexOf(title));
const doc = whole.slice(0, at(NC_FORM_TITLE));
const ncDoc = whole.slice(at(NC_FORM_TITLE), at(REPORT_TITLE));
const reportDoc = whole.slice(at(REPORT_TITLE));

/** The table rows' placeholders, by the heading they sit under ('' for the top level). */
function documented(text: string = doc): Map<string, string[]> {
  const bySection = new Map<string, string[]>();
  let section = '';
  for (const line of text.split('\n')) {
    const heading = /^### `\{#([\w.]+)\}`/.exec(line);
    if (heading) section = heading[1]!;
    const row = /^\| `\{#?([\w.]+)\}(?:…\{\/[\w.]+\})?` \|/.exec(line);
    if (row) bySection.set(section, [...(bySection.get(section) ?? []), row[1]!]);
  }
  return bySection;
}

const names = (fields: readonly Placeholder[]) => fields.map((field) => field.name);

describe('docs/template-placeholders.md', () => {
  it('lists the top-level names and each section\'s fields, as the catalogue has them', () => {
    const expected = new Map<string, string[]>([['', names(PLAN_PLACEHOLDERS)]]);
    for (const list of PLAN_PLACEHOLDERS.filter((placeholder) => placeholder.kind === 'list')) expected.set(list.name, names(list.fields ?? []));
    expect(documented()).toEqual(expected);
  });

  it('lists the NC form\'s names and the fields of {#ncs}, as its catalogue has them', () => {
    const expected = new Map<string, string[]>([['', names(NC_FORM_PLACEHOLDERS)]]);
    for (const list of NC_FORM_PLACEHOLDERS.filter((placeholder) => placeholder.kind === 'list')) expected.set(list.name, names(list.fields ?? []));
    expect(documented(ncDoc)).toEqual(expected);
  });

  it('lists the audit report\'s names and the fields of each of its sections, as its catalogue has them', () => {
    const expected = new Map<string, string[]>([['', names(REPORT_PLACEHOLDERS)]]);
    for (const list of REPORT_PLACEHOLDERS.filter((placeholder) => placeholder.kind === 'list')) expected.set(list.name, names(list.fields ?? []));
    expect(documented(reportDoc)).toEqual(expected);
  });

  it('states the limits the check applies', () => {
    expect(doc).toContain('10 MiB');
    expect(doc).toContain('40 MiB');
    expect(doc).toContain('8 MiB');
    expect(doc).toContain('1,000');
  });
});
