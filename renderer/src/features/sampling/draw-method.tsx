import { ActionIcon, Alert, Group, NumberInput, Radio, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PopulationView } from '../../../../shared/contract/sampling-views.ts';
import { SAMPLE_METHODS } from '../../../../shared/sampling/sampling-kinds.ts';
import { formatNumber } from '../../components/format.ts';
import { allocationPreview, type DrawForm } from './draw-inputs.ts';
import { PopulationRecords } from './population-records.tsx';

type Change = (change: Partial<DrawForm>) => void;

/** How the items are selected: random, systematic, stratified (column, allocation and its preview) or judgmental (picks with reasons). */
export function DrawMethod({ handle, form, population, size, onChange }: { handle: string; form: DrawForm; population: PopulationView; size: number | null; onChange: Change }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="draw-method">
      <SegmentedControl
        value={form.method}
        onChange={(method) => onChange({ method: method as DrawForm['method'], ...(method === 'judgmental' ? { sizing: 'judgment' } : {}) })}
        data={SAMPLE_METHODS.map((method) => ({ value: method, label: t(`sampling.method.${method}`), disabled: method === 'stratified' && !population.strata.length }))}
        data-testid="draw-method-choice"
      />
      <Text size="xs" c="dimmed">
        {t(`sampling.methodHint.${form.method}`)}
      </Text>
      {form.method === 'stratified' ? <Stratified form={form} population={population} size={size} onChange={onChange} /> : null}
      {form.method === 'judgmental' ? <Picks handle={handle} form={form} population={population} onChange={onChange} /> : null}
    </Stack>
  );
}

function Stratified({ form, population, size, onChange }: { form: DrawForm; population: PopulationView; size: number | null; onChange: Change }) {
  const { t } = useTranslation();
  const strata = population.strata.find((item) => item.column === form.stratifyBy);
  const preview = size ? allocationPreview(strata, size, form) : null;
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="md">
        <Select
          label={t('sampling.draw.stratifyBy')}
          data={population.strata.map((item) => ({ value: item.column, label: t('common.withDetail', { name: item.column, detail: formatNumber(item.strata.length) }) }))}
          value={form.stratifyBy}
          onChange={(value) => value && onChange({ stratifyBy: value })}
          allowDeselect={false}
          w={240}
          renderOption={({ option }) => <span translate="no">{option.label}</span>}
          data-testid="draw-stratify-by"
        />
        <Radio.Group label={t('sampling.draw.allocation')} value={form.allocation} onChange={(value) => onChange({ allocation: value as DrawForm['allocation'] })}>
          <Group gap="md" mt={4}>
            <Radio value="proportional" label={t('sampling.draw.proportional')} data-testid="draw-proportional" />
            <Radio value="minimum" label={t('sampling.draw.minimum')} data-testid="draw-minimum" />
          </Group>
        </Radio.Group>
        {form.allocation === 'minimum' ? (
          <NumberInput label={t('sampling.draw.minimumPerStratum')} value={form.minimumPerStratum} min={1} allowDecimal={false} onChange={(value) => onChange({ minimumPerStratum: Number(value) || 1 })} w={160} data-testid="draw-minimum-per-stratum" />
        ) : null}
      </Group>
      {preview && Array.isArray(preview) ? (
        <Table fz="xs" withTableBorder striped data-testid="draw-allocation">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sampling.draw.stratum')}</Table.Th>
              <Table.Th ta="right">{t('sampling.draw.inStratum')}</Table.Th>
              <Table.Th ta="right">{t('sampling.draw.toDraw')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.map((share) => (
              <Table.Tr key={share.name}>
                <Table.Td translate="no">{share.name || t('sampling.strata.empty')}</Table.Td>
                <Table.Td ta="right">{formatNumber(share.count)}</Table.Td>
                <Table.Td ta="right">{formatNumber(share.drawn)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : preview ? (
        <Alert color="orange" variant="light" p="xs" data-testid="draw-allocation-refused">
          {t(`sampling.allocationRefused.${preview.code}`, { ...preview.params, defaultValue: t('sampling.allocationRefused.other') })}
        </Alert>
      ) : null}
    </Stack>
  );
}

function Picks({ handle, form, population, onChange }: { handle: string; form: DrawForm; population: PopulationView; onChange: Change }) {
  const { t } = useTranslation();
  const picked = new Set(form.picks.map((pick) => pick.rowNo));
  return (
    <Stack gap="xs">
      <PopulationRecords handle={handle} population={population} picked={picked} onPick={(row) => onChange({ picks: [...form.picks, { rowNo: row.rowNo, recordId: row.recordId, reason: '' }] })} />
      {form.picks.length ? (
        <Stack gap={4} data-testid="draw-picks">
          {form.picks.map((pick, i) => (
            <Group key={pick.rowNo} gap="xs" wrap="nowrap">
              <Text size="sm" w={160} truncate translate="no">
                {pick.recordId}
              </Text>
              <TextInput
                style={{ flex: 1 }}
                size="xs"
                placeholder={t('sampling.draw.pickReason')}
                aria-label={t('sampling.draw.pickReasonFor', { record: pick.recordId })}
                value={pick.reason}
                maxLength={1000}
                error={!pick.reason.trim()}
                onChange={(event) => onChange({ picks: form.picks.map((other, j) => (j === i ? { ...other, reason: event.currentTarget.value } : other)) })}
                data-testid="draw-pick-reason"
              />
              <ActionIcon variant="subtle" color="gray" aria-label={t('sampling.draw.unpick', { record: pick.recordId })} onClick={() => onChange({ picks: form.picks.filter((_, j) => j !== i) })}>
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      ) : (
        <Text size="xs" c="dimmed">
          {t('sampling.draw.noPicks')}
        </Text>
      )}
    </Stack>
  );
}
