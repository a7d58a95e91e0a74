import { useTranslation } from 'react-i18next';

/** The phases of the report's jobs (electron/report/report-export.ts): read the engagement, render, write the file. */
const PHASES = ['reading', 'rendering', 'writing'] as const;
type Phase = (typeof PHASES)[number];
const known = (phase: string): phase is Phase => (PHASES as readonly string[]).includes(phase);

/** Words the phases the report's export and review-package jobs report (an unknown one: "Working…"). */
export function usePhaseLabel(): (phase: string) => string {
  const { t } = useTranslation();
  return (phase) => (known(phase) ? t(`report.phase.${phase}`) : t('report.phase.working'));
}
