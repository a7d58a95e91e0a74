import { ActionIcon, Card, Checkbox, Collapse, Group, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconNote, IconScript } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSING_POINTS, type ClosingPoint } from '../../../../shared/findings/finding-kinds.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { useSaveStore } from '../../state/save-store.ts';

type PointRow = NonNullable<ReturnType<typeof useFieldworkRecords.getState>['records']>['meeting_point'][number];

/**
 * The statements the lead makes at the closing meeting (17021-1 9.4.7), in the order said, ticked
 * as made: a meeting_point row per point and meeting (created at the first tick or note), with a
 * short script the lead can read out. Keys 1–8 tick the statements (not while typing).
 */
export function ClosingPoints({ sessionId, readOnly, onError }: { sessionId: string; readOnly: boolean; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const records = useFieldworkRecords((s) => s.records);
  const rows = (records?.meeting_point ?? []).filter((row) => row.session_id === sessionId);
  const rowOf = (point: ClosingPoint) => rows.find((row) => row.point === point);
  const made = CLOSING_POINTS.filter((point) => rowOf(point)?.confirmed === 1).length;
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  useEffect(() => setTicked({}), [sessionId]);
  const isTicked = (point: ClosingPoint) => ticked[point] ?? rowOf(point)?.confirmed === 1;

  const write = async (point: ClosingPoint, values: { confirmed?: number; note?: string }) => {
    const store = useFieldworkRecords.getState();
    const row = rowOf(point);
    try {
      if (row) {
        store.edit('meeting_point', row.id, values);
        if ('confirmed' in values) await useSaveStore.getState().flush();
      } else {
        await store.create('meeting_point', { session_id: sessionId, point, confirmed: 0, note: '', ...values });
      }
    } catch (failure) {
      onError(failure);
    }
  };
  const toggle = (point: ClosingPoint, next: boolean) => {
    if (readOnly) return;
    setTicked((state) => ({ ...state, [point]: next }));
    void write(point, { confirmed: next ? 1 : 0 });
  };
  useGuardedHotkeys(CLOSING_POINTS.map((point, index): [string, () => void] => [String(index + 1), () => toggle(point, !isTicked(point))]));

  return (
    <Card withBorder padding="lg" data-testid="closing-points">
      <Group justify="space-between" align="baseline">
        <Title order={4}>{t('closing.points.title')}</Title>
        <Text size="sm" c={made === CLOSING_POINTS.length ? 'teal' : 'dimmed'} data-testid="closing-points-count">
          {t('closing.points.count', { made: CLOSING_POINTS.filter(isTicked).length, total: CLOSING_POINTS.length })}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('closing.points.hint')}
      </Text>
      <Stack gap={4}>
        {CLOSING_POINTS.map((point, index) => (
          <PointLine key={point} index={index} point={point} row={rowOf(point)} checked={isTicked(point)} readOnly={readOnly} onToggle={(next) => toggle(point, next)} onNote={(note) => void write(point, { note })} />
        ))}
      </Stack>
    </Card>
  );
}

function PointLine({ index, point, row, checked, readOnly, onToggle, onNote }: { index: number; point: ClosingPoint; row: PointRow | undefined; checked: boolean; readOnly: boolean; onToggle: (next: boolean) => void; onNote: (note: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [noting, setNoting] = useState(false);
  const [note, setNote] = useState(row?.note ?? '');
  useEffect(() => setNote(row?.note ?? ''), [row?.id]);
  const label = t(`closing.points.items.${point}`);
  return (
    <div data-testid="closing-point" data-point={point} data-confirmed={checked}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed" w={14} mt={3} translate="no">
          {index + 1}
        </Text>
        <Checkbox mt={2} checked={checked} onChange={(event) => onToggle(event.currentTarget.checked)} label={label} disabled={readOnly} style={{ flex: 1 }} />
        {!readOnly ? (
          <Tooltip label={t('closing.points.addNote')}>
            <ActionIcon variant={noting || note ? 'light' : 'subtle'} color="gray" size="sm" aria-label={t('common.labelled', { label: t('closing.points.addNote'), value: label })} aria-expanded={noting || Boolean(note)} onClick={() => setNoting(!noting)} data-testid="closing-point-note">
              <IconNote size={14} />
            </ActionIcon>
          </Tooltip>
        ) : null}
        <Tooltip label={open ? t('closing.points.hideScript') : t('closing.points.script')}>
          <ActionIcon variant={open ? 'light' : 'subtle'} color="gray" size="sm" aria-label={t('common.labelled', { label: t('closing.points.script'), value: label })} aria-expanded={open} onClick={() => setOpen(!open)} data-testid="closing-point-script">
            <IconScript size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Collapse expanded={open}>
        <Text size="sm" c="dimmed" ml={46} my={4} style={{ borderLeft: '3px solid var(--mantine-color-blue-2)', paddingLeft: 8 }} data-testid="closing-point-script-text">
          {t(`closing.points.scripts.${point}`)}
        </Text>
      </Collapse>
      {noting || note ? (
        <TextInput
          ml={46}
          size="xs"
          variant="filled"
          placeholder={t('closing.points.notePlaceholder')}
          aria-label={t('common.labelled', { label: t('closing.points.notePlaceholder'), value: label })}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            if (row) onNote(event.currentTarget.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !event.nativeEvent.isComposing) setNoting(false);
          }}
          onBlur={() => (!row && note.trim() ? onNote(note) : void useSaveStore.getState().flush())}
          readOnly={readOnly}
          translate="no"
          autoFocus={noting && !note}
        />
      ) : null}
    </div>
  );
}
