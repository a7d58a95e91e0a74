import { useCallback, useEffect, useState } from 'react';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import type { ChecklistAnswerView } from '../../../../shared/contract/fieldwork-channels.ts';
import type { PlanLoadView } from '../../../../shared/contract/plan-views.ts';
import { invoke } from '../../contract/client.ts';
import { engagementPack } from '../../state/engagement-pack.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';

/** What the Conclusions section reads besides the fieldwork records: the pack, the plan (team, services, session topics) and every member's answers. */
export interface ConclusionsData {
  readonly pack: ChecklistPack | null;
  readonly plan: PlanLoadView;
  readonly answers: readonly ChecklistAnswerView[];
}

/**
 * Loads the section in one go: the shared pack copy, `plan:load` (team, services, the sessions'
 * topics that link notebook entries to topics), `fieldwork:state` (every team member's answers)
 * and the fieldwork records store.
 */
export function useConclusionsData(handle: string, packId: string | null) {
  const loadRecords = useFieldworkRecords((s) => s.load);
  const [data, setData] = useState<ConclusionsData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    let live = true;
    // The records are read afresh before anything is shown: an editor starts from the rows it shows
    // (a merge imported in Team since the last visit must not be written over by a stale copy).
    Promise.all([
      engagementPack(handle, packId),
      invoke('plan:load', { engagementHandle: handle }),
      invoke('fieldwork:state', { engagementHandle: handle }),
      loadRecords(handle),
    ]).then(
      ([pack, plan, state]) => live && setData({ pack, plan, answers: state.answers }),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [handle, packId, loadRecords]);
  useEffect(load, [load]);
  return { data, error, setError };
}
