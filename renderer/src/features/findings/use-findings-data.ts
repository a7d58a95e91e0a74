import { useCallback, useEffect, useState } from 'react';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import type { ChecklistAnswerView } from '../../../../shared/contract/fieldwork-channels.ts';
import type { PlanLoadView } from '../../../../shared/contract/plan-views.ts';
import { invoke } from '../../contract/client.ts';
import { engagementPack } from '../../state/engagement-pack.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { useFindings } from '../../state/findings.ts';

/** What the Findings tab reads besides the findings: the pack (clauses, processes), the plan (sites, services, team) and every member's answers. */
export interface FindingsContext {
  readonly pack: ChecklistPack | null;
  readonly plan: PlanLoadView;
  readonly answers: ReadonlyMap<string, ChecklistAnswerView>;
}

/**
 * Loads the tab in one go: the findings (findings:view), the shared pack copy, plan:load,
 * fieldwork:state (the results of the answers findings were raised from) and the fieldwork records
 * (evidence references, people met, notebook entries and records seen to name the sources).
 */
export function useFindingsData(handle: string, packId: string | null) {
  const loadFindings = useFindings((s) => s.load);
  const loadRecords = useFieldworkRecords((s) => s.load);
  const [context, setContext] = useState<FindingsContext | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    let live = true;
    Promise.all([
      engagementPack(handle, packId),
      invoke('plan:load', { engagementHandle: handle }),
      invoke('fieldwork:state', { engagementHandle: handle }),
      loadFindings(handle),
      loadRecords(handle),
    ]).then(
      ([pack, plan, state]) => live && setContext({ pack, plan, answers: new Map(state.answers.map((answer) => [answer.id, answer])) }),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [handle, packId, loadFindings, loadRecords]);
  useEffect(load, [load]);
  return { context, error, setError };
}
