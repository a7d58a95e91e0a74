import type { TFunction } from 'i18next';
import { Badge, Button, Drawer, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_RESULTS, type RecordResult } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { RaiseFindingButton } from '../findings/raise-finding.tsx';
import { useSaveStore } from '../../state/save-store.ts';
import { removeWithUndo, setAttribute, setAttributeNote } from './records-actions.ts';
import { queryOrder, type FieldworkContext } from './records-context.ts';
import { RESULT_COLOUR, type GridColumn } from './records-grid.tsx';
import { RowTextField } from './records-fields.tsx';

const flush = () => void useSaveStore.getState().flush();

/**
 * One record seen, in a drawer: its result and note, the evidence reference it points at, the query
 * it belongs to, each attribute with its own note, and the trails it is part of. Opened from the
 * grid (Enter or a click on the id), the attribute's note focused when opened from its cell.
 */
export function RecordDrawer({
  ctx,
  recordId,
  focusAttribute,
  columns,
  onClose,
}: {
  ctx: FieldworkContext;
  recordId: string | null;
  focusAttribute: string | null;
  columns: readonly GridColumn[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const records = useFieldworkRecords((s) => s.records);
  const edit = useFieldworkRecords((s) => s.edit);
  const create = useFieldworkRecords((s) => s.create);
  const noteRefs = useRef(new Map<string, HTMLInputElement | null>());
  const record = recordId ? records?.record_seen.find((row) => row.id === recordId) : undefined;

  useEffect(() => {
    if (!record || !focusAttribute) return;
    const timer = setTimeout(() => noteRefs.current.get(focusAttribute)?.focus(), 50);
    return () => clearTimeout(timer);
  }, [record?.id, focusAttribute]);

  if (!record || !records) return <Drawer opened={false} onClose={onClose} />;
  const readOnly = ctx.readOnly;
  const attributes = new Map(records.record_attribute.filter((row) => row.record_id === record.id).map((row) => [row.attribute, row]));
  const queries = queryOrder(records.record_query.filter((query) => query.topic === record.topic), ctx.plan);
  const trails = records.audit_trail_step
    .filter((step) => step.record_id === record.id)
    .flatMap((step) => records.audit_trail.filter((trail) => trail.id === step.trail_id));
  const evidence = records.evidence_item.map((item) => ({ value: item.id, label: item.version ? `${item.title} · ${item.version}` : item.title }));
  const evidenceGone = record.evidence_id && !records.evidence_item.some((item) => item.id === record.evidence_id);
  const resultData = RECORD_RESULTS.map((value) => ({ value, label: t(`records.results.${value}`) }));
  const columnIds = columns.map((column) => column.id);

  async function newEvidence() {
    try {
      const id = await create('evidence_item', { kind: 'record', title: `${record!.record_ref} · ${ctx.topicName(record!.topic)}`.slice(0, 500) });
      edit('record_seen', record!.id, { evidence_id: id });
    } catch (error) {
      ctx.setError(error);
    }
  }

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Group gap="xs">
          <Title order={4} ff="monospace" translate="no">
            {record.record_ref}
          </Title>
          <Text size="sm" c="dimmed" translate="no">
            {ctx.topicName(record.topic)}
          </Text>
        </Group>
      }
      data-testid="record-drawer"
    >
      <Stack gap="md">
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('records.record.result')}
          </Text>
          <SegmentedControl
            fullWidth
            size="xs"
            value={record.result}
            color={record.result === 'not_tested' ? undefined : RESULT_COLOUR[record.result]}
            data={resultData}
            onChange={(value) => edit('record_seen', record.id, { result: value })}
            disabled={readOnly}
            data-testid="record-result-control"
          />
        </div>
        <RowTextField table="record_seen" id={record.id} field="note" value={record.note} label={t('records.record.note')} placeholder={t('records.record.notePlaceholder')} maxLength={5000} readOnly={readOnly} multiline />
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Select
            style={{ flex: 1 }}
            label={t('records.record.evidence')}
            placeholder={t('records.record.evidencePlaceholder')}
            data={evidence}
            value={evidenceGone ? null : record.evidence_id}
            onChange={(value) => (edit('record_seen', record.id, { evidence_id: value }), flush())}
            searchable
            clearable
            nothingFoundMessage={t('records.record.noEvidence')}
            readOnly={readOnly}
            description={evidenceGone ? t('records.record.evidenceGone') : undefined}
            data-testid="record-evidence"
          />
          <Button variant="default" leftSection={<IconPlus size={14} />} onClick={() => void newEvidence()} disabled={readOnly}>
            {t('records.record.newEvidence')}
          </Button>
        </Group>
        <Select
          label={t('records.record.query')}
          data={[{ value: '', label: t('records.record.noQuery') }, ...queries.map((query, index) => ({ value: query.id, label: queryName(t, query.query, index) }))]}
          value={record.query_id && queries.some((query) => query.id === record.query_id) ? record.query_id : ''}
          onChange={(value) => (edit('record_seen', record.id, { query_id: value || null }), flush())}
          allowDeselect={false}
          readOnly={readOnly}
        />
        {columns.length ? (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('records.record.attributes')}
            </Text>
            {columns.map((column, index) => {
              const row = attributes.get(column.id);
              const result = (row?.result ?? 'not_tested') as RecordResult;
              return (
                <Stack key={column.id} gap={4} data-testid="record-attribute" data-attribute={column.id}>
                  <Text size="xs" translate="no">
                    <b>{index + 1}</b> {column.text}
                  </Text>
                  <Group gap="xs" wrap="nowrap">
                    <SegmentedControl
                      size="xs"
                      value={result}
                      color={result === 'not_tested' ? undefined : RESULT_COLOUR[result]}
                      data={resultData}
                      onChange={(value) => setAttribute(record.id, column.id, value as RecordResult, columnIds, ctx.setError)}
                      disabled={readOnly}
                    />
                    <TextInput
                      ref={(element) => {
                        noteRefs.current.set(column.id, element);
                      }}
                      style={{ flex: 1 }}
                      size="xs"
                      aria-label={t('records.record.attributeNote', { number: index + 1 })}
                      placeholder={t('records.record.attributeNotePlaceholder')}
                      value={row?.note ?? ''}
                      maxLength={2000}
                      onChange={(e) => setAttributeNote(record.id, column.id, e.currentTarget.value, ctx.setError)}
                      onBlur={flush}
                      readOnly={readOnly}
                    />
                  </Group>
                </Stack>
              );
            })}
          </Stack>
        ) : null}
        {trails.length ? (
          <Group gap={6}>
            <Text size="sm" fw={500}>
              {t('records.record.trails')}
            </Text>
            {trails.map((trail) => (
              <Badge key={trail.id} variant="light" tt="none" translate="no">
                {trail.title}
              </Badge>
            ))}
          </Group>
        ) : null}
        <Group justify="space-between">
          <RaiseFindingButton source={() => ({ kind: 'record', recordId: record.id })} onError={ctx.setError} keyInFields testId="record-raise-finding" />
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} />}
            disabled={readOnly}
            onClick={() => {
              onClose();
              void removeWithUndo('record_seen', record.id, t('records.record.removed', { id: record.record_ref }), t, ctx.setError);
            }}
            data-testid="record-remove"
          >
            {t('records.record.remove')}
          </Button>
        </Group>
      </Stack>
    </Drawer>
  );
}

/** A query as lists name it: the start of what the auditee ran, or "Query n". */
export function queryName(t: TFunction, query: string, index: number): string {
  const text = query.replace(/\s+/g, ' ').trim();
  return text ? (text.length > 60 ? `${text.slice(0, 60)}…` : text) : t('records.query.numbered', { number: index + 1 });
}
