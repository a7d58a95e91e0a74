import type { ChecklistPack, ChecklistQuestion } from '../checklist/pack.ts';

/** How fieldwork walks the checklist: by the clause-8 processes, and by clauses 4–7, 9, 10 (and the rest of 8). */
export interface ChecklistUnit {
  /** The pack's process key, or a top-level clause number. */
  readonly key: string;
  readonly kind: 'process' | 'clause';
  /** The clause number that names it (8.5.1, or 9). */
  readonly number: string;
  readonly questions: readonly { readonly question: ChecklistQuestion; readonly clauseNumber: string }[];
}

const top = (number: string): string => number.split('.')[0]!;

/**
 * The pack's questions grouped as auditors work: each process with the questions of its clause and
 * the clauses below it; every other question under its top-level clause. In clause order.
 */
export function checklistUnits(pack: ChecklistPack): ChecklistUnit[] {
  const numberOf = new Map(pack.clauses.map((clause) => [clause.id, clause.number]));
  const processes = pack.processes.map((process) => ({ key: process.key, number: numberOf.get(process.clause) ?? process.clause }));
  const units = new Map<string, { key: string; kind: 'process' | 'clause'; number: string; questions: { question: ChecklistQuestion; clauseNumber: string }[] }>();
  for (const clause of pack.clauses) {
    if (!clause.questions?.length) continue;
    const process = processes.find((candidate) => clause.number === candidate.number || clause.number.startsWith(`${candidate.number}.`));
    const key = process ? process.key : top(clause.number);
    let unit = units.get(key);
    if (!unit) {
      unit = { key, kind: process ? 'process' : 'clause', number: process ? process.number : top(clause.number), questions: [] };
      units.set(key, unit);
    }
    for (const question of clause.questions) unit.questions.push({ question, clauseNumber: clause.number });
  }
  const order = (number: string) => number.split('.').map(Number);
  return [...units.values()].sort((a, b) => {
    const [x, y] = [order(a.number), order(b.number)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
    return 0;
  });
}
