import { useCallback, useEffect, useState } from 'react';
import type { ReportGateView } from '../../../../shared/contract/report-views.ts';
import { invoke } from '../../contract/client.ts';
import { useSaveStore } from '../../state/save-store.ts';

/**
 * The completeness check with the register, asked each time the Report screen is shown (the lead
 * comes back after fixing an item elsewhere) and after every export. Edits still waiting to be
 * saved are written first, so the check sees what the lead just typed. Opening the screen also
 * starts the PDF engine (`report:prepare`), so the first export does not wait for it.
 */
export function useReportGate(handle: string): { gate: ReportGateView | null; error: unknown; setError: (error: unknown) => void; checking: boolean; reload: () => Promise<void> } {
  const flush = useSaveStore((s) => s.flush);
  const [gate, setGate] = useState<ReportGateView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [checking, setChecking] = useState(true);

  const reload = useCallback(async () => {
    setChecking(true);
    try {
      await flush();
      setGate(await invoke('report:gate', { engagementHandle: handle }));
    } catch (failure) {
      setError(failure);
    } finally {
      setChecking(false);
    }
  }, [handle, flush]);

  useEffect(() => {
    void invoke('report:prepare', { engagementHandle: handle }).catch(() => undefined);
    void reload();
  }, [handle, reload]);

  return { gate, error, setError, checking, reload };
}
