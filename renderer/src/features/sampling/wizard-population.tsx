import { Radio, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PopulationForm } from './import-mapping.ts';
import type { SamplingContext } from './use-sampling-context.ts';

/** The population's process, name, period and site; how bad rows are handled; how ambiguous dates are read. */
export function PopulationFields({ ctx, form, onForm, askDayFirst }: { ctx: SamplingContext; form: PopulationForm; onForm: (change: Partial<PopulationForm>) => void; askDayFirst: boolean }) {
  const { t } = useTranslation();
  const reversed = Boolean(form.periodFrom && form.periodTo && form.periodTo < form.periodFrom);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        <Select
          label={t('sampling.wizard.topic')}
          placeholder={t('sampling.wizard.topicPlaceholder')}
          data={ctx.units.map((unit) => ({ value: unit.key, label: ctx.topicName(unit.key) }))}
          value={form.topic}
          onChange={(topic) => onForm({ topic })}
          searchable
          required
          renderOption={({ option }) => <span translate="no">{option.label}</span>}
          data-testid="wizard-topic"
        />
        <TextInput label={t('sampling.wizard.name')} value={form.name} onChange={(event) => onForm({ name: event.currentTarget.value })} maxLength={300} required data-testid="wizard-name" />
        <TextInput type="date" label={t('sampling.wizard.periodFrom')} value={form.periodFrom ?? ''} onChange={(event) => onForm({ periodFrom: event.currentTarget.value || null })} data-testid="wizard-period-from" />
        <TextInput
          type="date"
          label={t('sampling.wizard.periodTo')}
          value={form.periodTo ?? ''}
          onChange={(event) => onForm({ periodTo: event.currentTarget.value || null })}
          error={reversed ? t('sampling.wizard.periodReversed') : undefined}
          data-testid="wizard-period-to"
        />
        <Select
          label={t('sampling.wizard.site')}
          data={[{ value: '', label: t('sampling.allSites') }, ...(ctx.plan?.sites ?? []).map((site) => ({ value: site.id, label: site.name }))]}
          value={form.siteId}
          onChange={(siteId) => onForm({ siteId: siteId ?? '' })}
          allowDeselect={false}
          renderOption={({ option }) => <span translate="no">{option.label}</span>}
          data-testid="wizard-site"
        />
      </SimpleGrid>
      <Radio.Group label={t('sampling.wizard.badRows')} value={form.badRows} onChange={(value) => onForm({ badRows: value as PopulationForm['badRows'] })}>
        <Group gap="lg" mt={4}>
          <Radio value="skip" label={t('sampling.wizard.badRowsSkip')} data-testid="wizard-bad-skip" />
          <Radio value="stop" label={t('sampling.wizard.badRowsStop')} data-testid="wizard-bad-stop" />
        </Group>
      </Radio.Group>
      {askDayFirst ? (
        <Radio.Group
          label={t('sampling.wizard.dates')}
          description={t('sampling.wizard.datesHint')}
          value={form.dayFirst === null ? '' : form.dayFirst ? 'day' : 'month'}
          onChange={(value) => onForm({ dayFirst: value === 'day' })}
          data-testid="wizard-dates"
        >
          <Group gap="lg" mt={4}>
            <Radio value="day" label={t('sampling.wizard.dayFirst')} />
            <Radio value="month" label={t('sampling.wizard.monthFirst')} />
          </Group>
        </Radio.Group>
      ) : null}
    </Stack>
  );
}
