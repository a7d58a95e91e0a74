import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChecklistPack } from '../../../shared/checklist/pack.ts';
import { checklistUnits } from '../../../shared/fieldwork/checklist-units.ts';

const pack = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/checklists/iso20000-1-2018-amd1-2024.json'), 'utf8')) as ChecklistPack;

describe('the checklist by process and clause', () => {
  it('groups every question of the shipped pack once: the processes of clause 8 and the clauses 4–7, 9, 10', () => {
    const units = checklistUnits(pack);
    const all = pack.clauses.flatMap((clause) => (clause.questions ?? []).map((question) => question.id));
    expect(units.flatMap((unit) => unit.questions.map((item) => item.question.id)).sort()).toEqual([...all].sort());
    const keys = units.map((unit) => unit.key);
    expect(keys.slice(0, 4)).toEqual(['4', '5', '6', '7']);
    expect(keys).toContain('change');
    expect(keys.slice(-2)).toEqual(['9', '10']);
    expect(units.find((unit) => unit.key === 'change')).toMatchObject({ kind: 'process', number: '8.5.1' });
  });
});
