import type { ChecklistClause, ChecklistPack, ChecklistQuestion, LensGroup, LensItem, PackLens, PackProcess } from './pack.ts';

export interface LensMapping {
  readonly lens: PackLens;
  readonly group: LensGroup;
  readonly item: LensItem;
}

export interface QuestionAt {
  readonly clause: ChecklistClause;
  readonly question: ChecklistQuestion;
}

/**
 * What the screens and checks derive from a pack: the tree, each clause's process, and each clause's
 * mappings to other editions. The mappings are read off the lenses, so the lenses stay the one source.
 */
export class PackIndex {
  readonly clauseById = new Map<string, ChecklistClause>();
  private readonly childrenOf = new Map<string | null, ChecklistClause[]>();
  private readonly processByClause = new Map<string, PackProcess>();
  private readonly mappingsByClause = new Map<string, LensMapping[]>();

  constructor(readonly pack: ChecklistPack) {
    for (const clause of pack.clauses) {
      this.clauseById.set(clause.id, clause);
      const siblings = this.childrenOf.get(clause.parent) ?? [];
      siblings.push(clause);
      this.childrenOf.set(clause.parent, siblings);
    }
    for (const process of pack.processes) this.processByClause.set(process.clause, process);
    for (const lens of pack.lenses ?? []) {
      for (const group of lens.groups) {
        for (const item of group.items) {
          for (const clauseId of item.clauses) {
            const list = this.mappingsByClause.get(clauseId) ?? [];
            list.push({ lens, group, item });
            this.mappingsByClause.set(clauseId, list);
          }
        }
      }
    }
  }

  roots(): ChecklistClause[] {
    return this.childrenOf.get(null) ?? [];
  }

  children(clauseId: string): ChecklistClause[] {
    return this.childrenOf.get(clauseId) ?? [];
  }

  /** The clause and everything below it, in pack order. */
  subtree(clauseId: string): ChecklistClause[] {
    const root = this.clauseById.get(clauseId);
    if (!root) return [];
    const out: ChecklistClause[] = [root];
    for (const child of this.children(clauseId)) out.push(...this.subtree(child.id));
    return out;
  }

  questionsUnder(clauseId: string): QuestionAt[] {
    return this.subtree(clauseId).flatMap((clause) => (clause.questions ?? []).map((question) => ({ clause, question })));
  }

  allQuestions(): QuestionAt[] {
    return this.pack.clauses.flatMap((clause) => (clause.questions ?? []).map((question) => ({ clause, question })));
  }

  /** The process a clause states or belongs to (8.5.1.2 → change management), if any. */
  processOf(clauseId: string): PackProcess | null {
    let clause = this.clauseById.get(clauseId);
    while (clause) {
      const process = this.processByClause.get(clause.id);
      if (process) return process;
      clause = clause.parent ? this.clauseById.get(clause.parent) : undefined;
    }
    return null;
  }

  /** Ancestors first, the clause last. */
  path(clauseId: string): ChecklistClause[] {
    const out: ChecklistClause[] = [];
    let clause = this.clauseById.get(clauseId);
    while (clause) {
      out.unshift(clause);
      clause = clause.parent ? this.clauseById.get(clause.parent) : undefined;
    }
    return out;
  }

  /** How other editions' items map onto this clause (from the lenses). */
  mappingsOf(clauseId: string): LensMapping[] {
    return this.mappingsByClause.get(clauseId) ?? [];
  }

  isLeaf(clauseId: string): boolean {
    return this.children(clauseId).length === 0;
  }
}
