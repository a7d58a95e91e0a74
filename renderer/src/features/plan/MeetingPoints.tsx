import { Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPENING_POINTS, type OpeningPoint } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { useSaveStore } from '../../state/save-store.ts';
import type { PlanSession } from './plan-types.ts';
import type { AsRan } from './use-as-ran.ts';
import type { Plan } from './use-plan.ts';

/**
 * What the opening meeting confirmed (17021-1 9.4.6), in the order a lead says them: a tick and a
 * note each. One row per point and meeting in every copy (the natural key), created at the first
 * tick or note.
 */
export function MeetingPoints({ plan, asRan, session }: { plan: Plan; asRan: AsRan; session: PlanSession }) {
  const { t } = useTranslation();
  const rows = asRan.points.filter((row) => row.session_id === session.id);
  const rowOf = (point: OpeningPoint) => rows.find((row) => row.point === point);
  const confirmed = OPENING_POINTS.filter((point) => rowOf(point)?.confirmed === 1).length;
  return (
    <Stack gap={6} data-testid="meeting-points">
      <Group justify="space-between" align="baseline">
        <Title order={5}>{t('plan.points.title')}</Title>
        <Text size="xs" c="dimmed" data-testid="points-count">
          {t('plan.points.count', { confirmed, total: OPENING_POINTS.length })}
        </Text>
      </Group>
      {OPENING_POINTS.map((point) => (
        <PointRow key={point} plan={plan} sessionId={session.id} point={point} row={rowOf(point)} />
      ))}
    </Stack>
  );
}

function PointRow({ plan, sessionId, point, row }: { plan: Plan; sessionId: string; point: OpeningPoint; row: AsRan['points'][number] | undefined }) {
  const { t } = useTranslation();
  const flush = useSaveStore((s) => s.flush);
  const [note, setNote] = useState(row?.note ?? '');
  useEffect(() => setNote(row?.note ?? ''), [row?.id]);
  // Shown at once: the first tick creates the row, which takes a round trip.
  const [checked, setChecked] = useState(row?.confirmed === 1);
  useEffect(() => setChecked(row?.confirmed === 1), [row?.id, row?.confirmed]);
  const write = async (values: { confirmed?: number; note?: string }) => {
    const store = useFieldworkRecords.getState();
    try {
      if (row) {
        store.edit('meeting_point', row.id, values);
        if ('confirmed' in values) await flush();
      } else {
        await store.create('meeting_point', { session_id: sessionId, point, confirmed: 0, note: '', ...values });
      }
    } catch (failure) {
      plan.setError(failure);
    }
  };
  const label = t(`plan.points.${point}`);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="meeting-point" data-point={point} data-confirmed={checked}>
      <Checkbox
        mt={4}
        checked={checked}
        onChange={(event) => {
          setChecked(event.currentTarget.checked);
          void write({ confirmed: event.currentTarget.checked ? 1 : 0 });
        }}
        label={label}
        disabled={plan.readOnly}
        style={{ flex: 1.4 }}
      />
      <TextInput
        size="xs"
        placeholder={t('plan.points.notePlaceholder')}
        aria-label={t('common.labelled', { label: t('plan.points.notePlaceholder'), value: label })}
        value={note}
        onChange={(event) => {
          setNote(event.currentTarget.value);
          if (row) void write({ note: event.currentTarget.value });
        }}
        onBlur={() => (!row && note.trim() ? void write({ note }) : void flush())}
        readOnly={plan.readOnly}
        style={{ flex: 1 }}
      />
    </Group>
  );
}
