import { Button, Group, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PopulationRowView, PopulationRowsView, PopulationView } from '../../../../shared/contract/sampling-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatNumber } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { WindowedList } from '../fieldwork/evidence-window.tsx';

/** Records per page: the channel's most, drawn by the windowed list a screenful at a time. */
const PAGE = 500;
const CELL_WIDTH = 160;

/**
 * The population's records, a page at a time from `sampling:rows`, searchable by record id. With
 * `onPick` (a judgmental sample being assembled) each record can be picked.
 */
export function PopulationRecords({ handle, population, picked, onPick }: { handle: string; population: PopulationView; picked?: ReadonlySet<number>; onPick?: (row: PopulationRowView) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<PopulationRowsView | null>(null);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => setPage(1), [debounced, population.id]);
  useEffect(() => {
    if (!population.rowsHere) return;
    let live = true;
    invoke('sampling:rows', { engagementHandle: handle, populationId: population.id, offset: (page - 1) * PAGE, limit: PAGE, ...(debounced ? { search: debounced } : {}) }).then(
      (read) => live && (setRows(read), setError(null)),
      (failure) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [handle, population.id, population.rowsHere, page, debounced]);

  if (!population.rowsHere) return <Text size="sm" c="dimmed">{t('sampling.records.notHere')}</Text>;
  const pages = rows ? Math.max(1, Math.ceil(rows.total / PAGE)) : 1;
  const width = (population.columns.length + 1) * CELL_WIDTH + (onPick ? 90 : 0);
  return (
    <Stack gap="xs" data-testid="population-records">
      <Group justify="space-between" align="flex-end">
        <TextInput leftSection={<IconSearch size={14} />} placeholder={t('sampling.records.search')} aria-label={t('sampling.records.search')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={280} data-testid="records-search" />
        <Text size="xs" c="dimmed" data-testid="records-total">
          {rows ? t('sampling.records.total', { count: rows.total, total: formatNumber(rows.total) }) : ''}
        </Text>
      </Group>
      {error ? <ErrorNotice error={error} /> : null}
      <div style={{ overflowX: 'auto' }}>
        <div style={{ minWidth: width }}>
          <Group gap={0} wrap="nowrap" px={6} py={4} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Text size="xs" fw={600} w={CELL_WIDTH}>
              {t('sampling.records.line')}
            </Text>
            {population.columns.map((column) => (
              <Text key={column.name} size="xs" fw={600} w={CELL_WIDTH} truncate translate="no">
                {column.name}
              </Text>
            ))}
          </Group>
          <WindowedList
            items={rows?.rows ?? []}
            rowHeight={30}
            height="360px"
            selectedIndex={selected}
            onSelect={setSelected}
            rowId={(row) => String(row.rowNo)}
            label={t('sampling.records.label')}
            testId="records-list"
            renderRow={(row) => (
              <Group gap={0} wrap="nowrap" px={6} h={30} align="center" data-testid="records-row">
                <Text size="xs" c="dimmed" w={CELL_WIDTH}>
                  {formatNumber(row.line)}
                </Text>
                {row.cells.map((cell, i) => (
                  <Text key={i} size="xs" w={CELL_WIDTH} truncate translate="no" pr={6}>
                    {cell}
                  </Text>
                ))}
                {onPick ? (
                  <Button size="compact-xs" variant="light" disabled={picked?.has(row.rowNo)} onClick={() => onPick(row)} data-testid="records-pick">
                    {picked?.has(row.rowNo) ? t('sampling.records.picked') : t('sampling.records.pick')}
                  </Button>
                ) : null}
              </Group>
            )}
          />
        </div>
      </div>
      {pages > 1 ? <Pagination size="sm" total={pages} value={page} onChange={setPage} /> : null}
    </Stack>
  );
}
