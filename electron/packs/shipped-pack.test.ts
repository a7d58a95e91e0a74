import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { PackIndex } from '../../shared/checklist/pack-index.ts';
import { QUESTION_ASPECTS, type ChecklistClause, type ChecklistPack, type LocalizedText } from '../../shared/checklist/pack.ts';
import { packSearch } from '../../shared/checklist/pack-search.ts';
import { parsePackJson } from './pack-validate.ts';

// The pack the app ships: ISO/IEC 20000-1:2018 + Amd 1:2024. The expectations below are written from
// the clause list in shared/reference/iso20000-1-structure.md (beside the repo), not read from the pack.
const CHECKLISTS = path.resolve(import.meta.dirname, '../../resources/checklists');
const PACK_FILE = path.join(CHECKLISTS, 'iso20000-1-2018-amd1-2024.json');
const SCHEMA_FILE = path.join(CHECKLISTS, 'checklist-pack.schema.json');

const packText = fs.readFileSync(PACK_FILE, 'utf8');
const pack: ChecklistPack = parsePackJson(packText);
const index = new PackIndex(pack);

/** Every clause and sub-clause of the 2018 edition, in reading order: 75 numbers. */
const CLAUSES_2018 = [
  '4', '4.1', '4.2', '4.3', '4.4',
  '5', '5.1', '5.2', '5.2.1', '5.2.2', '5.3',
  '6', '6.1', '6.2', '6.3',
  '7', '7.1', '7.2', '7.3', '7.4', '7.5', '7.5.1', '7.5.2', '7.5.3', '7.5.4', '7.6',
  '8', '8.1',
  '8.2', '8.2.1', '8.2.2', '8.2.3', '8.2.4', '8.2.5', '8.2.6',
  '8.3', '8.3.1', '8.3.2', '8.3.3', '8.3.4', '8.3.4.1', '8.3.4.2',
  '8.4', '8.4.1', '8.4.2', '8.4.3',
  '8.5', '8.5.1', '8.5.1.1', '8.5.1.2', '8.5.1.3', '8.5.2', '8.5.2.1', '8.5.2.2', '8.5.2.3', '8.5.3',
  '8.6', '8.6.1', '8.6.2', '8.6.3',
  '8.7', '8.7.1', '8.7.2', '8.7.3', '8.7.3.1', '8.7.3.2', '8.7.3.3',
  '9', '9.1', '9.2', '9.3', '9.4',
  '10', '10.1', '10.2',
];

/** The 21 clause-8 processes (8.1 and 8.3.1 are general clauses, not processes). */
const PROCESSES_2018 = [
  '8.2.1', '8.2.2', '8.2.3', '8.2.4', '8.2.5', '8.2.6',
  '8.3.2', '8.3.3', '8.3.4',
  '8.4.1', '8.4.2', '8.4.3',
  '8.5.1', '8.5.2', '8.5.3',
  '8.6.1', '8.6.2', '8.6.3',
  '8.7.1', '8.7.2', '8.7.3',
];

/** 2005's five process groups and thirteen processes, with the 2018 clauses the reference maps them to. */
const PROCESSES_2005: Record<string, Record<string, string[]>> = {
  '6': { '6.1': ['8.3.3'], '6.2': ['9.4'], '6.3': ['8.7.1', '8.7.2'], '6.4': ['8.4.1'], '6.5': ['8.4.3'], '6.6': ['8.7.3'] },
  '7': { '7.2': ['8.3.2'], '7.3': ['8.3.4'] },
  '8': { '8.2': ['8.6.1', '8.6.2'], '8.3': ['8.6.3'] },
  '9': { '9.1': ['8.2.6', '8.2.5'], '9.2': ['8.5.1'] },
  '10': { '10.1': ['8.5.3'] },
};

/** 2011's items and the 2018 clauses the reference's edition map gives for them. */
const ITEMS_2011: Record<string, string[]> = {
  '4.1': [], '4.2': ['8.2.3'], '4.3': [], '4.4': [], '4.5': [],
  '5.1': ['8.5.2'], '5.2': ['8.5.2'], '5.3': ['8.5.2'], '5.4': ['8.5.2'],
  '6.1': ['8.3.3'], '6.2': ['9.4'], '6.3': ['8.7.1', '8.7.2'], '6.4': ['8.4.1'], '6.5': ['8.4.3', '8.4.2'], '6.6': ['8.7.3'],
  '7.1': ['8.3.2'], '7.2': ['8.3.4'],
  '8.1': ['8.6.1', '8.6.2'], '8.2': ['8.6.3'],
  '9.1': ['8.2.6', '8.2.5'], '9.2': ['8.5.1'], '9.3': ['8.5.3'],
};

function lens(id: string) {
  const found = pack.lenses?.find((l) => l.id === id);
  if (!found) throw new Error(`The pack has no lens "${id}"`);
  return found;
}

/** Every text of a clause and the clauses below it (summaries, questions, sampling), in English. */
function textsUnder(clauseId: string): string[] {
  const en = (text: LocalizedText | undefined): string[] => (text?.en ? [text.en] : []);
  return index.subtree(clauseId).flatMap((clause) => [
    ...en(clause.summary),
    ...(clause.questions ?? []).flatMap((q) => [...en(q.text), ...en(q.guidance), ...en(q.weaknesses), ...(q.evidence ?? []).flatMap(en)]),
    ...(clause.sampling ?? []).flatMap((plan) => [...en(plan.record), ...en(plan.hint), ...plan.attributes.flatMap((a) => en(a.text))]),
  ]);
}

/** Whether a lens item's 2018 clauses include `clauseId` itself or a clause inside it (8.5.2.1 is inside 8.5.2). */
function coversClause(mapped: readonly string[], clauseId: string): boolean {
  return mapped.some((id) => index.path(id).some((clause) => clause.id === clauseId));
}

describe('the shipped ISO/IEC 20000-1:2018 + Amd 1:2024 pack', () => {
  it('validates against the JSON Schema (ajv on the file itself) and through parsePackJson', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object);
    const valid = validate(JSON.parse(packText));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    expect(pack.id).toBe('aw.iso20000-1.2018-amd1-2024');
    expect(pack.standard).toMatchObject({ designation: 'ISO/IEC 20000-1', edition: '2018', criteria: 'ISO/IEC 20000-1:2018 + Amd 1:2024' });
    expect(pack.standard.amendments).toEqual(['Amd 1:2024']);
  });

  it('has every clause and sub-clause of the 2018 edition, in reading order, and nothing else', () => {
    expect(CLAUSES_2018).toHaveLength(75);
    expect(pack.clauses.map((clause) => clause.number)).toEqual(CLAUSES_2018);
    for (const clause of pack.clauses) {
      // The id is the number (answers, lenses and processes name clauses by it); the parent is the
      // number one level up.
      expect(clause.id).toBe(clause.number);
      const up = clause.number.split('.').slice(0, -1).join('.');
      expect(clause.parent, clause.number).toBe(up === '' ? null : up);
      expect(clause.title.en, clause.number).toBeTruthy();
    }
  });

  it('asks at least one question on every leaf sub-clause outside clause 8, and on 8.1 and 8.3.1', () => {
    const leavesOutside8 = pack.clauses.filter((clause) => clause.parent !== null && index.path(clause.id)[0]!.id !== '8' && index.isLeaf(clause.id));
    expect(leavesOutside8.map((clause) => clause.id)).toContain('7.5.4');
    const bare = [...leavesOutside8, index.clauseById.get('8.1')!, index.clauseById.get('8.3.1')!]
      .filter((clause) => (clause.questions ?? []).length === 0)
      .map((clause) => clause.id);
    expect(bare).toEqual([]);
  });

  it('names exactly the 21 clause-8 processes', () => {
    expect(pack.processes.map((process) => process.clause)).toEqual(PROCESSES_2018);
    expect(new Set(pack.processes.map((process) => process.key)).size).toBe(21);
  });

  it('gives each process at least 4 questions covering all five aspects', () => {
    for (const clauseId of PROCESSES_2018) {
      const questions = index.questionsUnder(clauseId);
      expect(questions.length, `questions under ${clauseId}`).toBeGreaterThanOrEqual(4);
      const aspects = new Set(questions.map(({ question }) => question.aspect));
      expect(
        QUESTION_ASPECTS.filter((aspect) => !aspects.has(aspect)),
        `aspects missing under ${clauseId}`,
      ).toEqual([]);
    }
  });

  it('gives each process clause records to sample, each with 3 to 6 attributes to test', () => {
    for (const clauseId of PROCESSES_2018) {
      const plans = index.clauseById.get(clauseId)!.sampling ?? [];
      expect(plans.length, `sampling plans on ${clauseId}`).toBeGreaterThanOrEqual(1);
      for (const plan of plans) {
        expect(plan.attributes.length, `attributes of ${plan.id}`).toBeGreaterThanOrEqual(3);
        expect(plan.attributes.length, `attributes of ${plan.id}`).toBeLessThanOrEqual(6);
      }
    }
  });

  it('asks about climate change on 4.1 and 4.2 (Amd 1:2024)', () => {
    for (const clauseId of ['4.1', '4.2']) {
      const questions = index.clauseById.get(clauseId)!.questions ?? [];
      expect(
        questions.some((question) => /\bclimate[- ](change|related)\b/i.test(question.text.en ?? '')),
        `a question on ${clauseId} mentions climate`,
      ).toBe(true);
    }
    expect(index.clauseById.get('4.1')!.questions!.some((q) => /climate change is a relevant issue/i.test(q.text.en ?? ''))).toBe(true);
  });

  it('is searched in Chinese: a question by a two-character word, a clause by its number in either form', () => {
    const search = packSearch(index, 'zh-CN');
    const climate = search('气候');
    expect(climate.length).toBeGreaterThan(0);
    expect(climate.some((hit) => hit.clauseId === '4.1')).toBe(true);
    for (const hit of climate.filter((h) => h.kind === 'question').slice(0, 5)) {
      const question = index.clauseById.get(hit.clauseId)!.questions!.find((q) => q.id === hit.id)!;
      expect(JSON.stringify(question)).toContain('气候');
    }
    const change = search('变更');
    expect(change.some((hit) => hit.clauseId === '8.5.1')).toBe(true);
    for (const query of ['第8.5.1条', '8.5.1', '条款 8.5.1']) {
      const hits = search(query);
      expect(hits.length, query).toBeGreaterThan(0);
      expect(hits.every((hit) => hit.clauseId.startsWith('8.5.1')), query).toBe(true);
    }
    // The English interface finds the same clause by number.
    expect(packSearch(index, 'en')('clause 8.5.1').every((hit) => hit.clauseId.startsWith('8.5.1'))).toBe(true);
  });

  it('covers internal suppliers, customers acting as suppliers and what the organization must operate itself (8.2.3, 8.3.4)', () => {
    for (const clauseId of ['8.2.3', '8.3.4']) {
      const text = textsUnder(clauseId).join('\n');
      expect(text, clauseId).toMatch(/\binternal suppliers?\b/i);
      expect(text, clauseId).toMatch(/\bcustomers? acting as (a )?suppliers?\b/i);
      // Not everything may be operated by other parties: the organization runs part of it itself.
      expect(text, clauseId).toMatch(/\b(operates?|runs?)\b[^.]{0,60}\b(itself|with its own resources)\b/i);
    }
    expect(textsUnder('8.2.3').join('\n')).toMatch(/\b(run|operated) by (others|other parties)\b/i);
  });

  it('gives every question guidance, common weaknesses and at least two evidence items, worded to seek evidence', () => {
    const all = index.allQuestions();
    expect(all.length).toBeGreaterThan(200);
    const lacking = all
      .filter(({ question }) => !question.guidance?.en || !question.weaknesses?.en || (question.evidence ?? []).length < 2)
      .map(({ question }) => question.id);
    expect(lacking).toEqual([]);
    const yesNo = all.filter(({ question }) => /^\s*(is there|are there|does the organi[sz]ation have)\b/i.test(question.text.en ?? '')).map(({ question }) => question.id);
    expect(yesNo).toEqual([]);
  });

  it('maps each of the thirteen 2005 processes, in its five groups, onto 2018 clauses', () => {
    const lens2005 = lens('iso20000-1-2005');
    const groups = lens2005.groups.filter((group) => group.number !== undefined && group.number in PROCESSES_2005);
    expect(groups.map((group) => group.number)).toEqual(['6', '7', '8', '9', '10']);
    for (const group of groups) {
      const expected = PROCESSES_2005[group.number!]!;
      expect(group.items.map((item) => item.number), `group ${group.number}`).toEqual(Object.keys(expected));
      for (const item of group.items) {
        expect(item.clauses.length, `2005 ${item.number}`).toBeGreaterThan(0);
        for (const clauseId of item.clauses) expect(index.clauseById.has(clauseId), `2005 ${item.number} → ${clauseId}`).toBe(true);
        for (const clauseId of expected[item.number!]!) expect(coversClause(item.clauses, clauseId), `2005 ${item.number} → ${clauseId}`).toBe(true);
      }
    }
    expect(groups.flatMap((group) => group.items)).toHaveLength(13);
  });

  it('maps each 2011 process and management-system item onto 2018 clauses', () => {
    const items = lens('iso20000-1-2011').groups.flatMap((group) => group.items);
    const numbered = items.filter((item) => item.number);
    expect(numbered.map((item) => item.number).sort()).toEqual(Object.keys(ITEMS_2011).sort());
    for (const item of items) {
      expect(item.clauses.length, `2011 ${item.id}`).toBeGreaterThan(0);
      for (const clauseId of item.clauses) expect(index.clauseById.has(clauseId), `2011 ${item.id} → ${clauseId}`).toBe(true);
    }
    for (const item of numbered) {
      for (const clauseId of ITEMS_2011[item.number!]!) expect(coversClause(item.clauses, clauseId), `2011 ${item.number} → ${clauseId}`).toBe(true);
    }
  });

  it("derives each clause's edition mappings from the lenses: 8.5.1 is 2005 9.2 and 2011 9.2", () => {
    const named = index.mappingsOf('8.5.1').map(({ lens: l, item }) => `${l.id} ${item.number}`);
    expect(named).toEqual(expect.arrayContaining(['iso20000-1-2005 9.2', 'iso20000-1-2011 9.2']));
    // One source: every lens item is found again through mappingsOf on each clause it names.
    for (const l of pack.lenses ?? []) {
      for (const group of l.groups) {
        for (const item of group.items) {
          for (const clauseId of item.clauses) expect(index.mappingsOf(clauseId).some((m) => m.item === item)).toBe(true);
        }
      }
    }
  });

  it('offers the surveillance selection with internal audit, management review and corrective action', () => {
    const surveillance = pack.selections?.find((selection) => selection.id === 'surveillance-core');
    expect(surveillance?.clauses).toEqual(expect.arrayContaining(['9.2', '9.3', '10.1']));
    for (const clauseId of surveillance!.clauses) expect(index.clauseById.has(clauseId), clauseId).toBe(true);
  });

  it('uses each id once across questions, sampling plans and attributes; question ids start with their clause', () => {
    const ids = pack.clauses.flatMap((clause: ChecklistClause) => [
      ...(clause.questions ?? []).map((q) => q.id),
      ...(clause.sampling ?? []).flatMap((plan) => [plan.id, ...plan.attributes.map((a) => a.id)]),
    ]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const misplaced = index
      .allQuestions()
      .filter(({ clause, question }) => !question.id.startsWith(`${clause.id}-`))
      .map(({ clause, question }) => `${question.id} on ${clause.id}`);
    expect(misplaced).toEqual([]);
  });

  it('prints the questions per top-level clause (for the closing note)', () => {
    const rows = index.roots().map((root) => ({
      clause: root.number,
      title: root.title.en ?? '',
      questions: index.questionsUnder(root.id).length,
      sampling: index.subtree(root.id).reduce((sum, clause) => sum + (clause.sampling ?? []).length, 0),
    }));
    const total = rows.reduce((sum, row) => sum + row.questions, 0);
    expect(total).toBe(index.allQuestions().length);
    const lines = [
      '| clause | title | questions | sampling plans |',
      '| --- | --- | ---: | ---: |',
      ...rows.map((row) => `| ${row.clause} | ${row.title} | ${row.questions} | ${row.sampling} |`),
      `| | total | ${total} | ${rows.reduce((sum, row) => sum + row.sampling, 0)} |`,
    ];
    console.log(`Questions per top-level clause, ${pack.id}@${pack.version}:\n${lines.join('\n')}`);
  });
});
