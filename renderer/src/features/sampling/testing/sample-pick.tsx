import { Button, Group, Modal, Radio, ScrollArea, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PopulationRowView, PopulationView, SampleItemRowView } from '../../../../../shared/contract/sampling-views.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { formatNumber } from '../../../components/format.ts';
import { invoke } from '../../../contract/client.ts';
import { afterComposition } from '../../../state/composition.ts';
import { useFieldworkRecords } from '../../../state/fieldwork-records.ts';
import { useSampling } from '../../../state/sampling.ts';

const PAGE = 50;

/**
 * "Add a record by judgment": a record of the population found by its id (`sampling:rows` search),
 * with the reason it is picked — required, the report shows it — added to the sample by
 * `sampling:pick` (its record seen comes with it).
 */
export function PickModal({ handle, sampleId, population, drawn, onClose }: { handle: string; sampleId: string; population: PopulationView; drawn: readonly SampleItemRowView[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<{ total: number; rows: readonly PopulationRowView[] } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inSample = useMemo(() => new Set(drawn.map((item) => item.row_no)), [drawn]);

  useEffect(() => {
    let live = true;
    // Searched a moment after typing stops, and never in the middle of an input method's composition.
    const timer = setTimeout(
      () =>
        afterComposition(() => {
          invoke('sampling:rows', { engagementHandle: handle, populationId: population.id, search: search.trim(), limit: PAGE }).then(
            (view) => live && setFound(view),
            (failure: unknown) => live && setError(failure),
          );
        }),
      search ? 250 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [handle, population.id, search]);

  async function add() {
    if (chosen === null || !reason.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await invoke('sampling:pick', { engagementHandle: handle, sampleId, rowNo: Number(chosen), reason: reason.trim() });
      await Promise.all([useSampling.getState().reload(), useFieldworkRecords.getState().reload()]);
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const preview = population.columns.map((column, index) => ({ ...column, index })).filter((column) => column.role !== 'id').slice(0, 3);
  return (
    <Modal opened onClose={onClose} title={t('sampleTesting.pick.title')} size="lg" data-testid="sample-pick-modal">
      <Stack gap="sm">
        <TextInput
          leftSection={<IconSearch size={14} />}
          label={t('sampleTesting.pick.search')}
          placeholder={t('sampleTesting.pick.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          data-autofocus
          data-testid="sample-pick-search"
        />
        {found ? (
          <Text size="xs" c="dimmed">
            {t('sampleTesting.pick.found', { count: found.total, shown: formatNumber(Math.min(found.total, PAGE)), total: formatNumber(found.total) })}
          </Text>
        ) : null}
        <Radio.Group value={chosen} onChange={setChosen} aria-label={t('sampleTesting.pick.records')}>
          <ScrollArea.Autosize mah={260}>
            <Stack gap={4}>
              {found?.rows.map((row) => (
                <Radio
                  key={row.rowNo}
                  value={String(row.rowNo)}
                  disabled={inSample.has(row.rowNo)}
                  data-testid="sample-pick-row"
                  label={
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" ff="monospace" translate="no">
                        {row.recordId}
                      </Text>
                      <Text size="xs" c="dimmed" truncate="end" translate="no">
                        {inSample.has(row.rowNo) ? t('sampleTesting.pick.already') : preview.map((column) => row.cells[column.index]).filter(Boolean).join(' · ')}
                      </Text>
                    </Group>
                  }
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Radio.Group>
        <Textarea
          label={t('sampleTesting.pick.reason')}
          placeholder={t('sampleTesting.pick.reasonPlaceholder')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
          required
          data-testid="sample-pick-reason"
        />
        {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('sampleTesting.pick.cancel')}
          </Button>
          <Button onClick={() => void add()} loading={busy} disabled={chosen === null || !reason.trim()} data-testid="sample-pick-add">
            {t('sampleTesting.pick.add')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
