import { PackIndex } from '../../shared/checklist/pack-index.ts';
import type { ChecklistPack } from '../../shared/checklist/pack.ts';

export interface PackCounts {
  readonly clauses: number;
  readonly questions: number;
  readonly processes: number;
  readonly samplingPlans: number;
  readonly attributes: number;
}

export function packCounts(pack: ChecklistPack): PackCounts {
  const index = new PackIndex(pack);
  const plans = pack.clauses.flatMap((clause) => clause.sampling ?? []);
  return {
    clauses: pack.clauses.length,
    questions: index.allQuestions().length,
    processes: pack.processes.length,
    samplingPlans: plans.length,
    attributes: plans.reduce((sum, plan) => sum + plan.attributes.length, 0),
  };
}
