import { PackIndex } from '../../shared/checklist/pack-index.ts';
import type { ChecklistPack } from '../../shared/checklist/pack.ts';
import type { PackCountsView } from '../../shared/contract/pack-views.ts';

export type PackCounts = PackCountsView;

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
