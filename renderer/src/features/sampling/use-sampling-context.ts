import { useEffect, useMemo, useState } from 'react';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import { textIn } from '../../../../shared/checklist/pack.ts';
import type { PlanLoadView } from '../../../../shared/contract/plan-views.ts';
import { checklistUnits, type ChecklistUnit } from '../../../../shared/fieldwork/checklist-units.ts';
import { samplingPlansFor, type TopicSamplingPlan } from '../../../../shared/fieldwork/record-sampling.ts';
import { topicLabel } from '../../../../shared/plan/topic-label.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { engagementPack } from '../../state/engagement-pack.ts';

/**
 * What the Sampling section reads besides the sampling store: the pack (processes and their records
 * to sample, named as the other screens name them) and the plan (the engagement's sites and team).
 */
export interface SamplingContext {
  readonly handle: string;
  readonly readOnly: boolean;
  /** undefined while loading, null when the engagement has no pack. */
  readonly pack: ChecklistPack | null | undefined;
  readonly units: readonly ChecklistUnit[];
  readonly plan: PlanLoadView | null;
  readonly error: unknown;
  /** "8.5.1 Change management", as Fieldwork → Records seen names it. */
  topicName(topic: string): string;
  /** The pack's records to sample for a process (its `sampling_plan`s). */
  plansFor(topic: string): TopicSamplingPlan[];
  text(value: Parameters<typeof textIn>[0]): string;
  siteName(siteId: string): string | null;
  memberName(memberId: string): string;
}

export function useSamplingContext(language: string): SamplingContext {
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const packId = current.engagement?.checklist_pack_id ?? null;
  const [pack, setPack] = useState<ChecklistPack | null | undefined>(undefined);
  const [plan, setPlan] = useState<PlanLoadView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    engagementPack(handle, packId).then(setPack, setError);
    invoke('plan:load', { engagementHandle: handle }).then(setPlan, setError);
  }, [handle, packId]);

  const units = useMemo(() => (pack ? checklistUnits(pack) : []), [pack]);
  return useMemo<SamplingContext>(
    () => ({
      handle,
      readOnly: Boolean(current.readOnly),
      pack,
      units,
      plan,
      error,
      topicName: (topic) => topicLabel(/^\d/.test(topic) ? 'clause' : 'process', topic, pack ?? null, language),
      plansFor: (topic) => (pack ? samplingPlansFor(pack, topic) : []),
      text: (value) => (pack ? textIn(value, language, pack.defaultLanguage) : ''),
      siteName: (siteId) => plan?.sites.find((site) => site.id === siteId)?.name ?? null,
      memberName: (memberId) => plan?.team.find((member) => member.id === memberId)?.name ?? '',
    }),
    [handle, current.readOnly, pack, units, plan, error, language],
  );
}
