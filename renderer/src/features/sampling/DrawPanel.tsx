import { Button, Divider, Group, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PopulationView, SamplingStateView } from '../../../../shared/contract/sampling-views.ts';
import { seedProblem } from '../../../../shared/sampling/seeded-permutation.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatNumber } from '../../components/format.ts';
import { runJob } from '../../state/run-job.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { JobProgress } from '../team/JobProgress.tsx';
import { drawInput, drawProblem, drawSize, initialDrawForm, type DrawForm } from './draw-inputs.ts';
import { DrawMethod } from './draw-method.tsx';
import { DrawSizing } from './draw-sizing.tsx';
import type { SamplingContext } from './use-sampling-context.ts';

/**
 * Draw a sample from a population: its size (judgment or statistical), how it is selected, its seed
 * (a new one, or one typed to recompute a recorded sample) and the pack's record kind whose
 * attributes it tests. The draw is the `sampling:draw` job; the new sample is then shown.
 */
export function DrawPanel({ ctx, population, judgment, onDrawn }: { ctx: SamplingContext; population: PopulationView; judgment: SamplingStateView['recordSampling']; onDrawn: (sampleId: string) => void }) {
  const { t } = useTranslation();
  const flush = useSaveStore((s) => s.flush);
  const plans = ctx.plansFor(population.topic);
  const [form, setForm] = useState<DrawForm>(() => initialDrawForm(population, plans[0]?.plan.id ?? null));
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const change = (next: Partial<DrawForm>) => setForm((before) => ({ ...before, ...next }));
  const size = drawSize(form, population, judgment);
  const problem = drawProblem(form, population, judgment);
  const seedError = form.seedMode === 'typed' && form.seed ? seedProblem(form.seed) : null;
  // The pack loads after the panel opens: the first record kind is taken once it is known.
  const samplingPlan = form.samplingPlan ?? plans[0]?.plan.id ?? null;

  async function draw() {
    if (problem || !size) return;
    setError(null);
    try {
      await flush();
      const drawn = await runJob(drawInput(ctx.handle, population, { ...form, samplingPlan }, size), setJobId);
      onDrawn(drawn.sampleId);
    } catch (failure) {
      setError(failure);
    } finally {
      setJobId(null);
    }
  }

  return (
    <Stack gap="md" data-testid="draw-panel">
      <div>
        <Title order={5}>{t('sampling.draw.sizeTitle')}</Title>
        <DrawSizing form={form} population={population} judgment={judgment} onChange={change} />
      </div>
      <Divider />
      <div>
        <Title order={5}>{t('sampling.draw.methodTitle')}</Title>
        <DrawMethod handle={ctx.handle} form={form} population={population} size={size} onChange={change} />
      </div>
      <Divider />
      {form.method !== 'judgmental' ? (
        <Stack gap="xs">
          <Title order={5}>{t('sampling.draw.seedTitle')}</Title>
          <Radio.Group value={form.seedMode} onChange={(value) => change({ seedMode: value as DrawForm['seedMode'] })}>
            <Stack gap={6}>
              <Radio value="generate" label={t('sampling.draw.seedGenerate')} data-testid="draw-seed-generate" />
              <Radio value="typed" label={t('sampling.draw.seedTyped')} data-testid="draw-seed-typed" />
            </Stack>
          </Radio.Group>
          {form.seedMode === 'typed' ? (
            <TextInput
              label={t('sampling.draw.seed')}
              value={form.seed}
              onChange={(event) => change({ seed: event.currentTarget.value })}
              maxLength={250}
              error={seedError ? t(`sampling.seed.${seedError.code}`, { ...seedError.params, defaultValue: t('sampling.seed.other') }) : undefined}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              translate="no"
              data-testid="draw-seed"
            />
          ) : null}
        </Stack>
      ) : null}
      <Select
        label={t('sampling.draw.recordKind')}
        description={plans.length ? t('sampling.draw.recordKindHint') : t('sampling.draw.noRecordKind')}
        data={plans.map((item) => ({ value: item.plan.id, label: `${item.clauseNumber} · ${ctx.text(item.plan.record)}` }))}
        value={samplingPlan}
        onChange={(value) => change({ samplingPlan: value })}
        disabled={!plans.length}
        renderOption={({ option }) => <span translate="no">{option.label}</span>}
        data-testid="draw-record-kind"
      />
      {error ? <ErrorNotice error={error} /> : null}
      <JobProgress jobId={jobId} />
      <Group justify="space-between">
        <Text size="sm" c={problem ? 'orange.8' : 'dimmed'} data-testid="draw-problem">
          {problem ? t(`sampling.draw.problem.${problem}`) : size ? t('sampling.draw.ready', { count: size, size: formatNumber(size), population: formatNumber(population.rowCount) }) : ''}
        </Text>
        <Button onClick={() => void draw()} disabled={problem !== null || ctx.readOnly} loading={jobId !== null} data-testid="draw-submit">
          {t('sampling.draw.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
