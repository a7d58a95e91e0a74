import { Alert, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PopulationView, SamplingStateView } from '../../../../shared/contract/sampling-views.ts';
import { formatNumber, formatPercent } from '../../components/format.ts';
import { CONFIDENCES, judgmentSuggestion, statisticalSize, type DrawForm } from './draw-inputs.ts';

type Change = (change: Partial<DrawForm>) => void;

/**
 * The sample's size: judgment (the default: the CB profile's range, a suggestion, a justification) or
 * statistical attribute sampling (confidence, tolerable and expected deviation rates → the size, the
 * deviations it allows and the model).
 */
export function DrawSizing({ form, population, judgment, onChange }: { form: DrawForm; population: PopulationView; judgment: SamplingStateView['recordSampling']; onChange: Change }) {
  const { t } = useTranslation();
  const judgmental = form.method === 'judgmental';
  return (
    <Stack gap="sm" data-testid="draw-sizing">
      <SegmentedControl
        value={form.sizing}
        onChange={(sizing) => onChange({ sizing: sizing as DrawForm['sizing'] })}
        data={[
          { value: 'judgment', label: t('sampling.draw.judgment') },
          { value: 'statistical', label: t('sampling.draw.statistical'), disabled: judgmental },
        ]}
        data-testid="draw-sizing-choice"
      />
      {form.sizing === 'judgment' || judgmental ? <JudgmentSize form={form} population={population} judgment={judgment} onChange={onChange} /> : <StatisticalSize form={form} population={population} onChange={onChange} />}
    </Stack>
  );
}

function JudgmentSize({ form, population, judgment, onChange }: { form: DrawForm; population: PopulationView; judgment: SamplingStateView['recordSampling']; onChange: Change }) {
  const { t } = useTranslation();
  const suggestion = judgmentSuggestion(judgment, population.rowCount);
  const judgmental = form.method === 'judgmental';
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="draw-suggestion">
        {t('sampling.draw.suggestion', { size: formatNumber(suggestion.size), min: formatNumber(suggestion.min), max: formatNumber(suggestion.max) })}
      </Text>
      {suggestion.method === 'frequency-table' ? (
        <Text size="xs" c="dimmed">
          {t('sampling.draw.frequencyTable')}
        </Text>
      ) : null}
      {judgmental ? (
        <Text size="sm" c="dimmed">
          {t('sampling.draw.picksSize', { count: form.picks.length })}
        </Text>
      ) : (
        <NumberInput
          label={t('sampling.draw.size')}
          value={form.size ?? suggestion.size}
          min={1}
          max={population.rowCount}
          allowDecimal={false}
          onChange={(value) => onChange({ size: typeof value === 'number' ? value : null })}
          w={160}
          data-testid="draw-size"
        />
      )}
      <Textarea
        label={t('sampling.draw.justification')}
        description={t('sampling.draw.justificationHint')}
        value={form.justification}
        onChange={(event) => onChange({ justification: event.currentTarget.value })}
        maxLength={5000}
        autosize
        minRows={2}
        required
        data-testid="draw-justification"
      />
    </Stack>
  );
}

function StatisticalSize({ form, population, onChange }: { form: DrawForm; population: PopulationView; onChange: Change }) {
  const { t } = useTranslation();
  const size = statisticalSize(form, population.rowCount);
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="md">
        <Select
          label={t('sampling.draw.confidence')}
          data={CONFIDENCES.map((value) => ({ value: String(value), label: formatPercent(value) }))}
          value={String(form.confidence)}
          onChange={(value) => value && onChange({ confidence: Number(value) })}
          allowDeselect={false}
          w={140}
          data-testid="draw-confidence"
        />
        <NumberInput label={t('sampling.draw.tolerable')} value={form.tolerablePercent} min={0.1} max={50} step={1} decimalScale={2} suffix=" %" onChange={(value) => onChange({ tolerablePercent: Number(value) || 0 })} w={170} data-testid="draw-tolerable" />
        <NumberInput label={t('sampling.draw.expected')} value={form.expectedPercent} min={0} max={50} step={0.5} decimalScale={2} suffix=" %" onChange={(value) => onChange({ expectedPercent: Number(value) || 0 })} w={170} data-testid="draw-expected" />
      </Group>
      {size.ok ? (
        <Alert color="blue" variant="light" p="xs" data-testid="draw-statistical-size" data-size={size.size}>
          <Text size="sm" fw={600}>
            {t('sampling.draw.statisticalSize', { size: formatNumber(size.size), count: size.allowedDeviations, allowed: formatNumber(size.allowedDeviations) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`sampling.draw.model.${size.model}`, { population: formatNumber(population.rowCount) })}
          </Text>
        </Alert>
      ) : (
        <Alert color="orange" variant="light" p="xs" data-testid="draw-refusal" data-code={size.code}>
          <Text size="sm">{t(`sampling.refusal.${size.code}`, { ...size.params })}</Text>
        </Alert>
      )}
    </Stack>
  );
}
