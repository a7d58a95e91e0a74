import { useCallback, useState } from 'react';
import type { OpenedEngagementView } from '../../../../shared/contract/views.ts';
import type { InterfaceLanguage } from '../../../../shared/languages.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';

export interface OpenProblem {
  readonly file: string | null;
  readonly error: unknown;
}

/** Opening (or creating) an engagement and showing it; a refusal becomes a problem to explain. */
export function useOpenEngagement() {
  const showEngagement = useAppStore((s) => s.showEngagement);
  const [problem, setProblem] = useState<OpenProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (file: string | null, action: () => Promise<OpenedEngagementView>): Promise<boolean> => {
      setBusy(true);
      setProblem(null);
      try {
        const opened = await action();
        if (opened.openElsewhere) return true; // its window was brought to the front
        // The desktop app gives each engagement its own window; a browser page shows it itself.
        const { inNewWindow } = await invoke('window:showEngagement', { engagementHandle: opened.summary.handle });
        if (!inNewWindow) showEngagement(opened.summary);
        return true;
      } catch (error) {
        setProblem({ file, error });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [showEngagement],
  );

  const open = useCallback(
    (file: string, recoverHotJournal = false) =>
      run(file, () => invoke('engagement:open', { file, ...(recoverHotJournal ? { recoverHotJournal: true } : {}) })),
    [run],
  );
  /** The demo in the interface language: its Chinese twin for zh-CN, the English demo otherwise. */
  const openDemo = useCallback((language: InterfaceLanguage) => run(null, () => invoke('engagement:openDemo', { language })), [run]);

  return { open, openDemo, run, problem, clearProblem: () => setProblem(null), busy };
}
