import { Loader, Paper, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SampleAttributeRowView, SampleItemRowView } from '../../../../../shared/contract/sampling-views.ts';
import type { RecordResult } from '../../../../../shared/fieldwork/fieldwork-kinds.ts';
import { samplingAttributeIndex } from '../../../../../shared/fieldwork/record-sampling.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useFieldworkRecords } from '../../../state/fieldwork-records.ts';
import { useSampling } from '../../../state/sampling.ts';
import { useFieldworkContext } from '../../fieldwork/records-context.ts';
import { usePopulationCells } from './population-cells.ts';
import { setItemAttribute, setItemResult } from './sample-actions.ts';
import { SampleAttributes } from './sample-attributes.tsx';
import { sampleParts } from './sample-data.ts';
import { SampleEvaluationCard } from './sample-evaluation-card.tsx';
import { ROW_HEIGHT, SampleGrid, type SampleGridColumn } from './sample-grid.tsx';
import { SampleHeader } from './sample-header.tsx';
import { SampleItemDrawer } from './sample-item-drawer.tsx';

/**
 * One sample, tested (issue 20): what it is and how to recompute it, its test attributes, the grid
 * of its items × attributes, and what the results show, with "Raise a finding" from its deviations.
 * The results are records seen and their attributes, so they also show in Fieldwork → Records seen.
 */
export function SampleView({ sampleId }: { sampleId: string }) {
  const { t, i18n } = useTranslation();
  const ctx = useFieldworkContext(i18n.language);
  const { handle, setError } = ctx;
  const samplingLoaded = useSampling((s) => s.state !== null);
  const samplingError = useSampling((s) => s.error);
  // Not the records themselves: the view would re-render on every result typed (the rows select their own).
  const recordsLoaded = useFieldworkRecords((s) => s.records !== null);
  const recordsError = useFieldworkRecords((s) => s.error);
  const parts = useSampling((s) => (s.state ? sampleParts(s.state, sampleId) : null));
  const [drawer, setDrawer] = useState<{ itemId: string; attribute: string | null } | null>(null);

  // Each store is read once per engagement (the Sampling section or another screen may have read it already).
  useEffect(() => {
    const sampling = useSampling.getState();
    if (sampling.handle !== handle || !sampling.state) void sampling.load(handle);
    const records = useFieldworkRecords.getState();
    if (records.handle !== handle || !records.records) void records.load(handle);
  }, [handle]);

  // A draw, an extension or a pick made records seen in the worker: read them when the items point at ones not here yet.
  const items = parts?.items;
  useEffect(() => {
    const records = useFieldworkRecords.getState().records;
    if (!records || !items?.length) return;
    const here = new Set(records.record_seen.map((record) => record.id));
    if (items.some((item) => item.record_id && !here.has(item.record_id))) void useFieldworkRecords.getState().reload();
  }, [items, recordsLoaded]);

  const attributeIndex = useMemo((): ReturnType<typeof samplingAttributeIndex> => (ctx.pack ? samplingAttributeIndex(ctx.pack) : new Map()), [ctx.pack]);
  const { text } = ctx;
  const textOf = useCallback(
    (row: SampleAttributeRowView): string => {
      if (row.label) return row.label;
      const found = attributeIndex.get(row.attribute);
      return found ? text(found.plan.attributes[found.index]!.text) : row.attribute;
    },
    [attributeIndex, text],
  );
  const columns = useMemo<SampleGridColumn[]>(() => (parts?.attributes ?? []).map((row) => ({ id: row.attribute, text: textOf(row) })), [parts?.attributes, textOf]);
  const attributeIds = useMemo(() => columns.map((column) => column.id), [columns]);
  const population = parts?.population;
  const kept = useMemo(() => (population?.columns ?? []).map((column, index) => ({ index, name: column.name, role: column.role })).filter((column) => column.role !== 'id'), [population?.columns]);
  const rowNos = useMemo(() => (items ?? []).map((item) => item.row_no), [items]);
  const { cells, need } = usePopulationCells(population?.rowsHere ? handle : null, population?.id ?? null, rowNos, setError);

  const topic = population?.topic ?? '';
  const onCell = useCallback(
    (item: SampleItemRowView, attribute: string, result: RecordResult) => {
      setItemAttribute(item, topic, attribute, result, attributeIds, setError);
    },
    [topic, attributeIds, setError],
  );
  const onResult = useCallback(
    (item: SampleItemRowView, result: RecordResult) => {
      setItemResult(item, topic, result, setError);
    },
    [topic, setError],
  );
  const onOpen = useCallback((item: SampleItemRowView, attribute: string | null) => setDrawer({ itemId: item.id, attribute }), []);

  const error = ctx.error ?? samplingError ?? recordsError;
  if (!parts || !recordsLoaded || ctx.pack === undefined) {
    if (error) return <ErrorNotice error={error} onClose={() => setError(null)} />;
    if (samplingLoaded && !parts)
      return (
        <Paper withBorder p="lg" data-testid="sample-gone">
          <Text size="sm">{t('sampleTesting.gone')}</Text>
        </Paper>
      );
    return <Loader size="sm" aria-label={t('sampleTesting.loading')} />;
  }
  const drawerItem = drawer ? (parts.items.find((item) => item.id === drawer.itemId) ?? null) : null;

  return (
    <Stack gap="md" data-testid="sample-view" data-sample={sampleId}>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      <SampleHeader parts={parts} ctx={ctx} />
      <SampleAttributes sampleId={sampleId} attributes={parts.attributes} textOf={textOf} readOnly={ctx.readOnly} onError={setError} />
      <SampleEvaluationCard parts={parts} attributeIds={attributeIds} onError={setError} />
      {parts.items.length === 0 ? (
        <Paper withBorder p="lg" data-testid="sample-no-items">
          <Text size="sm">{t('sampleTesting.noItems')}</Text>
        </Paper>
      ) : (
        <Stack gap={4}>
          <SampleGrid
            items={parts.items}
            columns={columns}
            kept={kept}
            cells={cells}
            stratified={parts.sample.method === 'stratified'}
            readOnly={ctx.readOnly}
            height={`min(62vh, ${parts.items.length * ROW_HEIGHT + 36}px)`}
            need={need}
            onCell={onCell}
            onResult={onResult}
            onOpen={onOpen}
          />
          <Text size="xs" c="dimmed">
            {t('sampleTesting.grid.keys')}
          </Text>
        </Stack>
      )}
      <SampleItemDrawer
        item={drawerItem}
        focusAttribute={drawer?.attribute ?? null}
        population={population}
        row={drawerItem ? cells.get(drawerItem.row_no) : undefined}
        columns={columns}
        readOnly={ctx.readOnly}
        onError={setError}
        onClose={() => setDrawer(null)}
      />
    </Stack>
  );
}
