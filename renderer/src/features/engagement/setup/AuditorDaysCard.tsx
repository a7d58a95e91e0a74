import { Alert, Button, Card, Group, List, NumberInput, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditTimeBasisOf, checkAuditTime, MICRO_DAYS_PER_DAY } from '../../../../../shared/audit-time/audit-time-check.ts';
import type { TIME_ADJUSTMENT_TABLE } from '../../../../../shared/tables/preparation-tables.ts';
import type { RowOf } from '../../../../../shared/tables/table.ts';
import { DeleteRowButton } from '../../../components/DeleteRowButton.tsx';
import { formatNumber } from '../../../components/format.ts';
import { invoke } from '../../../contract/client.ts';
import { useSaveStore } from '../../../state/save-store.ts';
import type { EngagementProfileView } from '../../../../../shared/contract/profile-views.ts';
import type { EngagementForm } from './use-engagement-form.tsx';
import { addRow, deleteRowWithUndo } from '../../../state/row-actions.ts';

type Adjustment = RowOf<typeof TIME_ADJUSTMENT_TABLE>;
const days = (micro: number | null): string => (micro === null ? '—' : formatNumber(micro / MICRO_DAYS_PER_DAY));
/** NumberInput gives '' for an empty field. */
const numberOrNull = (value: number | string): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * Auditor-days: the certification body fixes them when it reviews the application; the lead records
 * the allocation with its justification, and the ISO/IEC 20000-6 check runs beside it — the table
 * value for the effective personnel, the justified adjustments, total reductions over 30 % flagged
 * as not acceptable (never capped). Accompanying persons' time does not count.
 */
export function AuditorDaysCard({ form, handle, profile }: { form: EngagementForm; handle: string; profile: EngagementProfileView | null }) {
  const { t } = useTranslation();
  const { values, change, blur, text, readOnly, problem } = form;
  const queueRow = useSaveStore((s) => s.queueRow);
  const flush = useSaveStore((s) => s.flush);
  const [adjustments, setAdjustments] = useState<Adjustment[]>([]);
  // The engagement's CB profile supplies the table once it has one; until then the value is typed.
  const profileRows = profile?.profile.auditTime.rows ?? [];

  const load = useCallback(() => {
    invoke('rows:list', { engagementHandle: handle, table: 'time_adjustment' }).then((rows) => setAdjustments(rows as unknown as Adjustment[]), () => undefined);
  }, [handle]);
  useEffect(load, [load]);

  const edit = <F extends 'reason' | 'unit' | 'amount'>(row: Adjustment, field: F, value: Adjustment[F]) => {
    setAdjustments((list) => list.map((a) => (a.id === row.id ? { ...a, [field]: value } : a)));
    queueRow(handle, 'time_adjustment', row.id, { [field]: value });
  };
  const add = () => addRow(handle, 'time_adjustment', { unit: 'percent', amount: 0 }, { reload: load, onError: () => undefined });
  const remove = (row: Adjustment) => deleteRowWithUndo(handle, 'time_adjustment', row.id, t('auditTime.adjustmentDeleted'), t, { reload: load, onError: () => undefined });

  const tableValue = values.table_auditor_days;
  const check = checkAuditTime({
    table:
      profileRows.length > 0
        ? profileRows
        : tableValue === null
          ? []
          : [{ minPersonnel: 0, maxPersonnel: null, auditorDays: { initial: tableValue, surveillance: tableValue, recertification: tableValue } }],
    basis: auditTimeBasisOf(values.audit_type),
    effectivePersonnel: values.effective_personnel,
    adjustments: adjustments.map((a) => ({ reason: a.reason, unit: a.unit, amount: a.amount })),
    allocation:
      values.allocated_onsite_days === null && values.allocated_remote_days === null
        ? null
        : { onSiteDays: values.allocated_onsite_days ?? 0, remoteDays: values.allocated_remote_days ?? 0 },
    planned: null,
  });
  const word = (code: string, params: Record<string, unknown>) =>
    t(`auditTime.verdict.${code}` as 'auditTime.verdict.NO_TABLE', {
      ...params,
      percent: typeof params.reductionBasisPoints === 'number' ? formatNumber(params.reductionBasisPoints / 100) : '',
      allocatedDays: typeof params.allocated === 'number' ? days(params.allocated) : '',
      checkDays: typeof params.check === 'number' ? days(params.check) : '',
      minimumDays: typeof params.minimum === 'number' ? days(params.minimum) : '',
      defaultValue: code,
    });
  const dayInput = (field: 'table_auditor_days' | 'allocated_onsite_days' | 'allocated_remote_days', label: string, description?: string) => (
    <NumberInput
      label={label}
      description={description}
      value={values[field] ?? ''}
      onChange={(value) => change(field, numberOrNull(value))}
      onBlur={blur}
      error={problem(field)}
      clampBehavior="none"
      min={0}
      max={1000}
      step={0.5}
      decimalScale={2}
      readOnly={readOnly}
    />
  );

  return (
    <Card withBorder padding="lg" data-testid="auditor-days">
      <Title order={5}>{t('auditTime.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('auditTime.intro')}
      </Text>
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <NumberInput
            label={t('auditTime.personnel')}
            description={t('auditTime.personnelHint')}
            value={values.effective_personnel ?? ''}
            onChange={(value) => change('effective_personnel', numberOrNull(value))}
            onBlur={blur}
            error={problem('effective_personnel')}
            clampBehavior="none"
            min={0}
            allowDecimal={false}
            readOnly={readOnly}
          />
          {profileRows.length > 0 ? (
            <TextInput
              label={t('auditTime.tableValue')}
              description={t('auditTime.tableFromProfile', { profile: profile!.title })}
              value={check.tableValue === null ? '' : days(check.tableValue)}
              readOnly
              data-testid="table-from-profile"
            />
          ) : (
            dayInput('table_auditor_days', t('auditTime.tableValue'), t('auditTime.tableValueHint'))
          )}
        </SimpleGrid>

        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('auditTime.adjustments')}
          </Text>
          {adjustments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('auditTime.noAdjustments')}
            </Text>
          ) : null}
          {adjustments.map((row) => (
            <Group key={row.id} wrap="nowrap" align="flex-start" data-testid="time-adjustment">
              <TextInput
                style={{ flex: 1 }}
                aria-label={t('auditTime.reason')}
                placeholder={t('auditTime.reasonPlaceholder')}
                value={row.reason}
                onChange={(e) => edit(row, 'reason', e.currentTarget.value)}
                onBlur={() => void flush()}
                error={row.reason.trim() ? null : t('auditTime.reasonMissing')}
                readOnly={readOnly}
              />
              <NumberInput
                w={110}
                aria-label={t('auditTime.amount')}
                value={row.amount}
                onChange={(value) => {
                  const amount = numberOrNull(value);
                  if (amount !== null) edit(row, 'amount', amount);
                }}
                onBlur={() => void flush()}
                decimalScale={2}
                min={-1000}
                max={1000}
                readOnly={readOnly}
              />
              <SegmentedControl
                aria-label={t('auditTime.unit')}
                value={row.unit}
                onChange={(unit) => (edit(row, 'unit', unit as Adjustment['unit']), void flush())}
                readOnly={readOnly}
                data={[
                  { value: 'percent', label: '%' },
                  { value: 'days', label: t('auditTime.daysUnit') },
                ]}
              />
              {!readOnly ? <DeleteRowButton label={t('auditTime.deleteAdjustment')} onDelete={() => void remove(row)} /> : null}
            </Group>
          ))}
          {!readOnly ? (
            <div>
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => void add()}>
                {t('auditTime.addAdjustment')}
              </Button>
            </div>
          ) : null}
        </Stack>

        <Table withTableBorder verticalSpacing={4} w="auto" aria-label={t('auditTime.checkTitle')} data-testid="audit-time-check">
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t('auditTime.row.table')}</Table.Td>
              <Table.Td ta="right">{days(check.tableValue)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t('auditTime.row.increases')}</Table.Td>
              <Table.Td ta="right">{check.increases === null ? '—' : `+${days(check.increases)}`}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t('auditTime.row.reductions', { percent: check.reductionBasisPoints === null ? '—' : formatNumber(check.reductionBasisPoints / 100) })}</Table.Td>
              <Table.Td ta="right">{check.reductions === null ? '—' : `−${days(check.reductions)}`}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td fw={600}>{t('auditTime.row.result')}</Table.Td>
              <Table.Td ta="right" fw={600} data-testid="audit-time-result">
                {days(check.result)}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">{t('auditTime.row.minimum')}</Table.Td>
              <Table.Td ta="right" c="dimmed">
                {days(check.minimum)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>

        <Text size="sm" fw={600}>
          {t('auditTime.allocation')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {dayInput('allocated_onsite_days', t('auditTime.onSite'))}
          {dayInput('allocated_remote_days', t('auditTime.remote'))}
        </SimpleGrid>
        {text('allocation_justification', t('auditTime.justification'), { description: t('auditTime.justificationHint'), rows: 2 })}

        {check.verdicts.length ? (
          <Alert
            variant="light"
            color={check.verdicts.some((v) => v.level === 'not_acceptable' || v.level === 'invalid') ? 'red' : check.verdicts.some((v) => v.level === 'warning') ? 'orange' : 'gray'}
            data-testid="audit-time-verdicts"
          >
            <List size="sm" spacing={2}>
              {check.verdicts.map((verdict, index) => (
                <List.Item key={index}>{word(verdict.code, verdict.params as Record<string, unknown>)}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
