import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluateSample } from '../../../../../shared/sampling/sample-evaluation.ts';
import { formatNumber } from '../../../components/format.ts';
import { useFieldworkRecords } from '../../../state/fieldwork-records.ts';
import { RaiseFindingButton } from '../../findings/raise-finding.tsx';
import { percent, percentUp } from './percent.ts';
import { evaluatedItems, type SampleParts } from './sample-data.ts';

/**
 * What the tested items show: how many are tested, the deviations and the deviation rate, and in
 * statistical mode the upper deviation limit at the sample's confidence beside the tolerable rate —
 * a number, never a conclusion that the sample supports reliance: every deviation is a candidate
 * nonconformity, and "Raise a finding" links the deviating items to a new finding.
 */
export function SampleEvaluationCard({ parts, attributeIds, onError }: { parts: SampleParts; attributeIds: readonly string[]; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  // Deferred: a typed result paints its cell first; the counts over every item follow in a render of their own.
  const records = useDeferredValue(useFieldworkRecords((s) => s.records));
  const { sample, population, items } = parts;
  const evaluation = useMemo(
    () =>
      evaluateSample({
        items: evaluatedItems(records, items, attributeIds),
        sizing: sample.sizing,
        confidence: sample.confidence,
        tolerableRate: sample.tolerable_rate,
        statisticalModel: sample.statistical_model,
        populationSize: population?.rowCount ?? 0,
      }),
    // Recomputed when the results, the items or the sample's parameters change.
    [records, items, attributeIds, sample.sizing, sample.confidence, sample.tolerable_rate, sample.statistical_model, population?.rowCount],
  );
  const { size, tested, deviations, evaluated, deviationRate, upperLimit, tolerableRate, aboveTolerable } = evaluation;
  const left = size - tested;

  return (
    <Paper withBorder p="md" radius="md" data-testid="sample-evaluation">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={5}>{t('sampleTesting.evaluation.title')}</Title>
          {deviations > 0 ? (
            <RaiseFindingButton
              source={() => ({ kind: 'sample', sampleId: sample.id, recordIds: [...evaluation.deviatingRecordIds] })}
              onError={onError}
              testId="sample-raise-finding"
            />
          ) : null}
        </Group>
        <div>
          <Text size="sm" data-testid="sample-progress">
            {t('sampleTesting.evaluation.tested', { count: size, tested: formatNumber(tested), size: formatNumber(size) })}
            {left > 0 && tested > 0 ? ` · ${t('sampleTesting.evaluation.left', { count: left, left: formatNumber(left) })}` : ''}
          </Text>
          <Progress value={size ? (100 * tested) / size : 0} size="sm" mt={4} color={deviations ? 'red' : 'teal'} aria-label={t('sampleTesting.evaluation.progress')} />
        </div>
        <Text size="sm" data-testid="sample-deviations" data-count={deviations}>
          {evaluated === 0
            ? t('sampleTesting.evaluation.nothingYet')
            : t('sampleTesting.evaluation.deviations', { count: deviations, deviations: formatNumber(deviations), evaluated: formatNumber(evaluated), rate: percent(deviationRate ?? 0) })}
        </Text>
        {upperLimit ? (
          <Text size="sm" c={aboveTolerable ? 'red.7' : undefined} data-testid="sample-upper-limit">
            {upperLimit.ok
              ? t('sampleTesting.evaluation.upperLimit', {
                  limit: percentUp(upperLimit.limit),
                  confidence: percent(sample.confidence ?? 0),
                  tolerable: tolerableRate === null ? '—' : percent(tolerableRate),
                  model: t(`sampleTesting.model.${upperLimit.model}`),
                })
              : t('sampleTesting.evaluation.upperLimitRefused', { code: upperLimit.code })}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed" data-testid="sample-candidate-note">
          {t('sampleTesting.evaluation.candidate')}
        </Text>
      </Stack>
    </Paper>
  );
}
