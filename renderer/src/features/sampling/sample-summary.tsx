import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SampleRowView } from '../../../../shared/contract/sampling-views.ts';
import { CopyableCode } from '../../components/CopyableCode.tsx';
import { formatInstant, formatNumber } from '../../components/format.ts';

/**
 * A drawn sample in brief (method, size, seed) — shown until UI-2's SampleView (./testing/SampleView.tsx:
 * its items, the test grid, the evaluation) is merged, which replaces it in SamplingSection.
 */
export function SampleSummary({ sample, items }: { sample: SampleRowView; items: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="sample-summary">
      <Title order={3}>{t('sampling.list.sample', { count: sample.planned_size, size: formatNumber(sample.planned_size) })}</Title>
      <Text size="sm">
        {t(`sampling.method.${sample.method}`)} · {t('sampling.summary.items', { count: items, items: formatNumber(items) })}
        {sample.drawn_at ? ` · ${formatInstant(sample.drawn_at)}` : ''}
      </Text>
      {sample.seed ? (
        <div>
          <Text size="xs" c="dimmed">
            {t('sampling.draw.seed')}
          </Text>
          <CopyableCode value={sample.seed} label={t('sampling.summary.copySeed')} />
        </div>
      ) : null}
    </Stack>
  );
}
