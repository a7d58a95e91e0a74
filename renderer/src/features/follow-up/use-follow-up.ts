import { useCallback, useEffect, useState } from 'react';
import type { FollowUpView } from '../../../../shared/contract/follow-up-views.ts';
import type { CaFields } from '../../../../shared/findings/corrective-action.ts';
import type { CaState } from '../../../../shared/findings/finding-kinds.ts';
import { invoke } from '../../contract/client.ts';
import { useSaveStore } from '../../state/save-store.ts';

/**
 * The Follow-up tab's data: `followUp:view` read afresh on mount and after every change (a merge
 * imported since the last visit must not be written over by a stale copy), and the one move call.
 */
export function useFollowUp(handle: string) {
  const [view, setView] = useState<FollowUpView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setView(await invoke('followUp:view', { engagementHandle: handle }));
    } catch (failure) {
      setError(failure);
    }
  }, [handle]);
  useEffect(() => {
    void reload();
  }, [reload]);

  /** One move; the text typed so far is saved first (the move judges the stored response). Resolves true when it was made. */
  const move = useCallback(
    async (findingId: string, to: CaState, options: { fields?: CaFields; reason?: string; undo?: boolean } = {}): Promise<boolean> => {
      try {
        await useSaveStore.getState().flush();
        await invoke('followUp:move', {
          engagementHandle: handle,
          findingId,
          to,
          ...(options.fields ? { fields: options.fields } : {}),
          ...(options.reason !== undefined ? { reason: options.reason } : {}),
          ...(options.undo ? { undo: true } : {}),
        });
        setError(null);
        await reload();
        return true;
      } catch (failure) {
        setError(failure);
        return false;
      }
    },
    [handle, reload],
  );

  const linkMe = useCallback(
    async (memberId: string) => {
      try {
        await invoke('fieldwork:linkMe', { engagementHandle: handle, memberId });
        await reload();
      } catch (failure) {
        setError(failure);
      }
    },
    [handle, reload],
  );

  return { view, error, setError, reload, move, linkMe };
}
