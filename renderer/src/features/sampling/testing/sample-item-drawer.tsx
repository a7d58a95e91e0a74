import { Badge, Button, Drawer, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PopulationRowView, PopulationView, SampleItemRowView } from '../../../../../shared/contract/sampling-views.ts';
import { RECORD_RESULTS, type RecordResult } from '../../../../../shared/fieldwork/fieldwork-kinds.ts';
import { formatNumber } from '../../../components/format.ts';
import { useFieldworkRecords } from '../../../state/fieldwork-records.ts';
import { useSaveStore } from '../../../state/save-store.ts';
import { RowTextField } from '../../fieldwork/records-fields.tsx';
import { RESULT_COLOUR } from '../../fieldwork/records-grid.tsx';
import type { SampleGridColumn } from './sample-grid.tsx';
import { itemRecord, setItemAttribute, setItemAttributeNote, setItemResult } from './sample-actions.ts';

const flush = () => void useSaveStore.getState().flush();

/**
 * One item of a sample, in a drawer (Enter in the grid, or a click on its id): how it came into the
 * sample, its kept cells, its result and note, the evidence reference it points at, and each
 * attribute's result with its own note (focused when opened from that attribute's cell).
 */
export function SampleItemDrawer({
  item,
  focusAttribute,
  population,
  row,
  columns,
  readOnly,
  onError,
  onClose,
}: {
  item: SampleItemRowView | null;
  focusAttribute: string | null;
  population: PopulationView | undefined;
  row: PopulationRowView | undefined;
  columns: readonly SampleGridColumn[];
  readOnly: boolean;
  onError: (error: unknown) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const records = useFieldworkRecords((s) => s.records);
  const edit = useFieldworkRecords((s) => s.edit);
  const noteRefs = useRef(new Map<string, HTMLInputElement | null>());
  const [recordId, setRecordId] = useState<string | null>(null);
  const topic = population?.topic ?? '';

  // The item's record seen (made again if it went missing), so its note and evidence can be written.
  useEffect(() => {
    setRecordId(null);
    if (!item) return;
    let live = true;
    itemRecord(item, topic).then((id) => live && setRecordId(id), onError);
    return () => {
      live = false;
    };
  }, [item, topic, onError]);
  useEffect(() => {
    if (!recordId || !focusAttribute) return;
    const timer = setTimeout(() => noteRefs.current.get(focusAttribute)?.focus(), 50);
    return () => clearTimeout(timer);
  }, [recordId, focusAttribute]);

  const record = recordId ? records?.record_seen.find((seen) => seen.id === recordId) : undefined;
  if (!item || !record || !records) return <Drawer opened={false} onClose={onClose} />;
  const attributes = new Map(records.record_attribute.filter((cell) => cell.record_id === record.id).map((cell) => [cell.attribute, cell]));
  const evidence = records.evidence_item.map((entry) => ({ value: entry.id, label: entry.version ? `${entry.title} · ${entry.version}` : entry.title }));
  const evidenceGone = record.evidence_id && !records.evidence_item.some((entry) => entry.id === record.evidence_id);
  const resultData = RECORD_RESULTS.map((value) => ({ value, label: t(`records.results.${value}`) }));
  const attributeIds = columns.map((column) => column.id);
  const kept = population ? population.columns.map((column, index) => ({ ...column, index })).filter((column) => column.role !== 'id') : [];

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Group gap="xs">
          <Title order={4} ff="monospace" translate="no">
            {item.record_ref}
          </Title>
          <Badge variant="light" color={item.selection === 'judgmental' ? 'grape' : 'gray'}>
            {t(`sampleTesting.selection.${item.selection}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('sampleTesting.item.position', { position: formatNumber(item.draw_seq + 1) })}
            {item.stratum ? ` · ${item.stratum}` : ''}
          </Text>
        </Group>
      }
    >
      <Stack gap="md" data-testid="sample-item-drawer">
        {item.reason ? (
          <Text size="sm">
            <b>{t('sampleTesting.item.reason')}</b> <span translate="no">{item.reason}</span>
          </Text>
        ) : null}
        {row && kept.length ? (
          <Table withTableBorder fz="xs" data-testid="sample-item-cells">
            <Table.Tbody>
              {kept.map((column) => (
                <Table.Tr key={column.index}>
                  <Table.Th w={160} translate="no">
                    {column.name}
                  </Table.Th>
                  <Table.Td translate="no">{row.cells[column.index] ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('sampleTesting.item.result')}
          </Text>
          <SegmentedControl
            fullWidth
            size="xs"
            value={record.result}
            color={record.result === 'not_tested' ? undefined : RESULT_COLOUR[record.result]}
            data={resultData}
            onChange={(value) => setItemResult(item, topic, value as RecordResult, onError)}
            disabled={readOnly}
            data-testid="sample-item-result"
          />
        </div>
        <RowTextField table="record_seen" id={record.id} field="note" value={record.note} label={t('sampleTesting.item.note')} placeholder={t('sampleTesting.item.notePlaceholder')} maxLength={5000} readOnly={readOnly} multiline />
        <Select
          label={t('sampleTesting.item.evidence')}
          placeholder={t('sampleTesting.item.evidencePlaceholder')}
          data={evidence}
          value={evidenceGone ? null : record.evidence_id}
          onChange={(value) => (edit('record_seen', record.id, { evidence_id: value }), flush())}
          searchable
          clearable
          nothingFoundMessage={t('sampleTesting.item.noEvidence')}
          readOnly={readOnly}
          description={evidenceGone ? t('sampleTesting.item.evidenceGone') : t('sampleTesting.item.evidenceHint')}
          renderOption={({ option }) => <span translate="no">{option.label}</span>}
          data-testid="sample-item-evidence"
        />
        {columns.length ? (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('sampleTesting.item.attributes')}
            </Text>
            {columns.map((column, index) => {
              const cell = attributes.get(column.id);
              const result = (cell?.result ?? 'not_tested') as RecordResult;
              return (
                <Stack key={column.id} gap={4} data-testid="sample-item-attribute" data-attribute={column.id}>
                  <Text size="xs" translate="no">
                    <b>{index + 1}</b> {column.text}
                  </Text>
                  <Group gap="xs" wrap="nowrap">
                    <SegmentedControl
                      size="xs"
                      value={result}
                      color={result === 'not_tested' ? undefined : RESULT_COLOUR[result]}
                      data={resultData}
                      onChange={(value) => setItemAttribute(item, topic, column.id, value as RecordResult, attributeIds, onError)}
                      disabled={readOnly}
                    />
                    <TextInput
                      ref={(element) => {
                        noteRefs.current.set(column.id, element);
                      }}
                      style={{ flex: 1 }}
                      size="xs"
                      aria-label={t('sampleTesting.item.attributeNote', { number: index + 1 })}
                      placeholder={t('sampleTesting.item.attributeNotePlaceholder')}
                      value={cell?.note ?? ''}
                      maxLength={2000}
                      onChange={(event) => setItemAttributeNote(record.id, column.id, event.currentTarget.value, onError)}
                      onBlur={flush}
                      readOnly={readOnly}
                    />
                  </Group>
                </Stack>
              );
            })}
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('sampleTesting.item.close')}
          </Button>
        </Group>
      </Stack>
    </Drawer>
  );
}
