import { Accordion, Alert, Badge, Button, Group, Kbd, Paper, Select, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SamplingPlan } from '../../../../shared/checklist/pack.ts';
import type { RecordResult } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { planOfAttributes, resultFromAttributes, type TopicSamplingPlan } from '../../../../shared/fieldwork/record-sampling.ts';
import { sessionOrder } from '../../../../shared/plan/plan-rows.ts';
import { DeleteRowButton } from '../../components/DeleteRowButton.tsx';
import { formatNumber } from '../../components/format.ts';
import { intlLocale } from '../../i18n/locale.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { addRecords, removeWithUndo, setAttribute, type RecordAttribute, type RecordQuery, type RecordSeen } from './records-actions.ts';
import { RecordChooser } from './records-chooser.tsx';
import { compareRecordRefs, queryOrder, sessionLabel, type FieldworkContext } from './records-context.ts';
import { RowCountField, RowDateField, RowTextField } from './records-fields.tsx';
import { RecordGrid, type GridColumn, type GridRecord } from './records-grid.tsx';
import { queryName } from './records-record-drawer.tsx';

const flush = () => void useSaveStore.getState().flush();

/** A sample's share of its population, to a tenth of a percent (5 of 1,240 is 0.4%, not 0%). */
const sampleShare = (share: number): string => new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(share);

export interface TopicData {
  readonly plans: readonly TopicSamplingPlan[];
  /** Every attribute of the pack by id: its text (for attributes recorded under another record kind). */
  readonly attributeText: (id: string) => string;
  /** record id → attribute id → its row. */
  readonly cells: ReadonlyMap<string, ReadonlyMap<string, RecordAttribute>>;
}

/** The columns of a group of records: its record kind's attributes, then any other attribute recorded on them. */
function columnsFor(plan: SamplingPlan | undefined, records: readonly RecordSeen[], data: TopicData, text: FieldworkContext['text']): GridColumn[] {
  const columns: GridColumn[] = (plan?.attributes ?? []).map((attribute) => ({ id: attribute.id, text: text(attribute.text) }));
  const seen = new Set(columns.map((column) => column.id));
  for (const record of records)
    for (const attribute of data.cells.get(record.id)?.keys() ?? [])
      if (!seen.has(attribute)) {
        seen.add(attribute);
        columns.push({ id: attribute, text: data.attributeText(attribute) || attribute });
      }
  return columns;
}

function gridRecords(records: readonly RecordSeen[], columns: readonly GridColumn[], data: TopicData, evidence: ReadonlySet<string>): GridRecord[] {
  return records.map((record) => {
    const cells = data.cells.get(record.id) ?? new Map<string, RecordAttribute>();
    const derived = resultFromAttributes(columns.map((column) => (cells.get(column.id)?.result ?? 'not_tested') as RecordResult));
    return {
      id: record.id,
      ref: record.record_ref,
      result: record.result,
      derived,
      note: record.note,
      hasEvidence: Boolean(record.evidence_id && evidence.has(record.evidence_id)),
      cells,
    };
  });
}

/**
 * A records group's record kind: the one chosen on screen, else the one its query recorded, else the
 * one its recorded attributes belong to, else the pack's first. A query's choice is saved with it.
 */
function usePlanChoice(plans: readonly TopicSamplingPlan[]) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const edit = useFieldworkRecords((s) => s.edit);
  const planFor = (groupId: string, records: readonly RecordSeen[], data: TopicData, saved = ''): SamplingPlan | undefined => {
    const id = chosen[groupId] ?? (saved || null) ?? planOfAttributes(records.flatMap((record) => [...(data.cells.get(record.id)?.keys() ?? [])]), plans) ?? plans[0]?.plan.id;
    return plans.find((item) => item.plan.id === id)?.plan;
  };
  const choose = (groupId: string, planId: string) => {
    setChosen((all) => ({ ...all, [groupId]: planId }));
    if (groupId) edit('record_query', groupId, { sampling_plan: planId });
  };
  return { planFor, choose };
}

/**
 * The records seen for one process or clause group: the pack's records to sample, each query the
 * auditee ran on screen with the records chosen from it, and records seen outside a query (marked
 * in the notebook, added to a trail).
 */
export function TopicRecords({ ctx, topic, data, onOpen, onNewQuery }: { ctx: FieldworkContext; topic: string; data: TopicData; onOpen: (recordId: string, attribute: string | null, columns: GridColumn[]) => void; onNewQuery: () => void }) {
  const { t } = useTranslation();
  const records = useFieldworkRecords((s) => s.records)!;
  const { planFor, choose } = usePlanChoice(data.plans);
  const queries = queryOrder(records.record_query.filter((query) => query.topic === topic), ctx.plan);
  const queryIds = new Set(queries.map((query) => query.id));
  const seen = records.record_seen.filter((record) => record.topic === topic).sort((a, b) => compareRecordRefs(a.record_ref, b.record_ref));
  const loose = seen.filter((record) => !record.query_id || !queryIds.has(record.query_id));
  const evidence = useMemo(() => new Set(records.evidence_item.map((item) => item.id)), [records.evidence_item]);
  const known = useMemo(() => new Set(seen.map((record) => record.record_ref)), [seen]);
  const deviations = seen.filter((record) => record.result === 'fail').length;

  return (
    <Stack gap="md" data-testid="topic-records" data-topic={topic}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} translate="no">
            {ctx.topicName(topic)}
          </Title>
          <Text size="sm" c="dimmed" data-testid="topic-summary">
            {[t('records.topic.queries', { count: queries.length }), t('records.topic.records', { count: seen.length }), t('records.topic.deviations', { count: deviations })].join(' · ')}
          </Text>
        </div>
        <Tooltip label={<Kbd size="xs">Q</Kbd>}>
          <Button leftSection={<IconPlus size={16} />} onClick={onNewQuery} disabled={ctx.readOnly || !ctx.typing?.memberId} data-testid="new-query">
            {t('records.query.new')}
          </Button>
        </Tooltip>
      </Group>
      {data.plans.length ? (
        <Accordion variant="contained" defaultValue={queries.length ? null : 'plans'}>
          <Accordion.Item value="plans">
            <Accordion.Control>
              <Text size="sm" fw={500}>
                {t('records.topic.toSample', { count: data.plans.length })}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                {data.plans.map(({ plan, clauseNumber }) => (
                  <div key={plan.id}>
                    <Text size="sm" fw={500} translate="no">
                      {clauseNumber} · {ctx.text(plan.record)}
                    </Text>
                    {plan.hint ? (
                      <Text size="xs" c="dimmed" translate="no">
                        {ctx.text(plan.hint)}
                      </Text>
                    ) : null}
                  </div>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      ) : (
        <Text size="sm" c="dimmed">
          {t('records.topic.noPlans')}
        </Text>
      )}
      {queries.length === 0 && loose.length === 0 ? (
        <Paper withBorder p="lg" data-testid="records-empty">
          <Text size="sm">{t('records.topic.empty')}</Text>
        </Paper>
      ) : null}
      {queries.map((query, index) => {
        const group = seen.filter((record) => record.query_id === query.id);
        const plan = planFor(query.id, group, data, query.sampling_plan);
        return (
          <QueryCard
            key={query.id}
            ctx={ctx}
            query={query}
            index={index}
            records={group}
            plan={plan}
            plans={data.plans}
            onPlan={(planId) => choose(query.id, planId)}
            columns={columnsFor(plan, group, data, ctx.text)}
            data={data}
            evidence={evidence}
            known={known}
            onOpen={onOpen}
          />
        );
      })}
      {loose.length ? <LooseRecords ctx={ctx} records={loose} data={data} evidence={evidence} plan={planFor('', loose, data)} onPlan={(planId) => choose('', planId)} onOpen={onOpen} /> : null}
    </Stack>
  );
}

function PlanSelect({ ctx, plans, plan, onPlan }: { ctx: FieldworkContext; plans: readonly TopicSamplingPlan[]; plan: SamplingPlan | undefined; onPlan: (planId: string) => void }) {
  const { t } = useTranslation();
  if (!plans.length) return null;
  return (
    <Select
      size="sm"
      label={t('records.query.recordKind')}
      data={plans.map((item) => ({ value: item.plan.id, label: `${item.clauseNumber} · ${ctx.text(item.plan.record)}` }))}
      value={plan?.id ?? null}
      onChange={(value) => value && onPlan(value)}
      allowDeselect={false}
      data-testid="query-record-kind"
      renderOption={({ option }) => <span translate="no">{option.label}</span>}
    />
  );
}

function Legend({ columns }: { columns: readonly GridColumn[] }) {
  if (!columns.length) return null;
  return (
    <ol style={{ margin: 0, paddingLeft: 22, columns: columns.length > 4 ? 2 : 1, columnGap: 24 }} translate="no">
      {columns.map((column) => (
        <li key={column.id} style={{ fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)', breakInside: 'avoid' }}>
          {column.text}
        </li>
      ))}
    </ol>
  );
}

function QueryCard({
  ctx,
  query,
  index,
  records,
  plan,
  plans,
  onPlan,
  columns,
  data,
  evidence,
  known,
  onOpen,
}: {
  ctx: FieldworkContext;
  query: RecordQuery;
  index: number;
  records: readonly RecordSeen[];
  plan: SamplingPlan | undefined;
  plans: readonly TopicSamplingPlan[];
  onPlan: (planId: string) => void;
  columns: GridColumn[];
  data: TopicData;
  evidence: ReadonlySet<string>;
  known: ReadonlySet<string>;
  onOpen: (recordId: string, attribute: string | null, columns: GridColumn[]) => void;
}) {
  const { t } = useTranslation();
  const edit = useFieldworkRecords((s) => s.edit);
  const readOnly = ctx.readOnly;
  const deviations = records.filter((record) => record.result === 'fail').length;
  const tested = records.filter((record) => record.result !== 'not_tested').length;
  const population = query.population_count;
  const sessions = [...(ctx.plan?.sessions ?? [])].filter((session) => session.kind === 'audit' || session.id === query.session_id).sort(sessionOrder);
  const periodError = query.period_from && query.period_to && query.period_to < query.period_from ? t('records.query.periodReversed') : null;
  const columnIds = columns.map((column) => column.id);

  async function add(ids: string[], how: string) {
    await addRecords(query.topic, query.id, ids, ctx.setError);
    const selection = query.selection.trim() ? `${query.selection.trim()}; ${how}` : how;
    edit('record_query', query.id, { selection: selection.slice(0, 1000) });
    flush();
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid="query-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Title order={5} translate="no">
              {queryName(t, query.query, index)}
            </Title>
            <Badge variant="light" color="gray" data-testid="query-count">
              {t('records.query.records', { count: records.length })}
            </Badge>
            <Badge variant={deviations ? 'filled' : 'light'} color={deviations ? 'red' : tested ? 'teal' : 'gray'} data-testid="query-deviations">
              {tested || deviations ? t('records.query.deviations', { count: deviations, tested }) : t('records.query.untested')}
            </Badge>
            {population !== null && population > 0 && records.length ? (
              <Text size="xs" c="dimmed">
                {t('records.query.share', { sample: formatNumber(records.length), population: formatNumber(population), share: sampleShare(records.length / population) })}
              </Text>
            ) : null}
          </Group>
          <DeleteRowButton label={t('records.query.remove')} onDelete={() => void removeWithUndo('record_query', query.id, t('records.query.removed'), t, ctx.setError)} />
        </Group>
        <RowTextField table="record_query" id={query.id} field="query" value={query.query} label={t('records.query.query')} placeholder={t('records.query.queryPlaceholder')} maxLength={2000} readOnly={readOnly} multiline data-testid="query-text" />
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
          <RowCountField
            table="record_query"
            id={query.id}
            field="population_count"
            value={population}
            label={t('records.query.population')}
            readOnly={readOnly}
            data-testid="query-population"
          />
          <RowDateField table="record_query" id={query.id} field="period_from" value={query.period_from} label={t('records.query.periodFrom')} readOnly={readOnly} data-testid="query-from" />
          <RowDateField table="record_query" id={query.id} field="period_to" value={query.period_to} label={t('records.query.periodTo')} readOnly={readOnly} error={periodError} data-testid="query-to" />
          <Select
            size="sm"
            label={t('records.query.site')}
            data={(ctx.plan?.sites ?? []).map((site) => ({ value: site.id, label: site.name }))}
            value={query.site_id}
            onChange={(value) => (edit('record_query', query.id, { site_id: value }), flush())}
            clearable
            readOnly={readOnly}
            renderOption={({ option }) => <span translate="no">{option.label}</span>}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="xs">
          <Select
            size="sm"
            label={t('records.query.session')}
            data={sessions.map((session) => ({ value: session.id, label: sessionLabel(session) }))}
            value={query.session_id}
            onChange={(value) => (edit('record_query', query.id, { session_id: value }), flush())}
            clearable
            searchable
            readOnly={readOnly}
            renderOption={({ option }) => <span translate="no">{option.label}</span>}
          />
          <PlanSelect ctx={ctx} plans={plans} plan={plan} onPlan={onPlan} />
          <RowTextField table="record_query" id={query.id} field="selection" value={query.selection} label={t('records.query.selection')} placeholder={t('records.query.selectionPlaceholder')} maxLength={1000} readOnly={readOnly} />
          <RowTextField table="record_query" id={query.id} field="notes" value={query.notes} label={t('records.query.notes')} maxLength={5000} readOnly={readOnly} multiline />
        </SimpleGrid>
        {population !== null && records.length > population ? (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="xs">{t('records.query.moreThanPopulation', { count: records.length, population: formatNumber(population) })}</Text>
          </Alert>
        ) : null}
        <RecordChooser known={known} readOnly={readOnly} onAdd={add} />
        {records.length ? (
          <>
            <Legend columns={columns} />
            <RecordGrid
              records={gridRecords(records, columns, data, evidence)}
              columns={columns}
              readOnly={readOnly}
              onCell={(recordId, attribute, result) => setAttribute(recordId, attribute, result, columnIds, ctx.setError)}
              onResult={(recordId, result) => edit('record_seen', recordId, { result })}
              onOpen={(recordId, attribute) => onOpen(recordId, attribute, columns)}
              testId="record-grid"
            />
            <Text size="xs" c="dimmed">
              {t('records.grid.keys')}
            </Text>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

function LooseRecords({
  ctx,
  records,
  data,
  evidence,
  plan,
  onPlan,
  onOpen,
}: {
  ctx: FieldworkContext;
  records: readonly RecordSeen[];
  data: TopicData;
  evidence: ReadonlySet<string>;
  plan: SamplingPlan | undefined;
  onPlan: (planId: string) => void;
  onOpen: (recordId: string, attribute: string | null, columns: GridColumn[]) => void;
}) {
  const { t } = useTranslation();
  const edit = useFieldworkRecords((s) => s.edit);
  const columns = columnsFor(plan, records, data, ctx.text);
  const columnIds = columns.map((column) => column.id);
  return (
    <Paper withBorder p="md" radius="md" data-testid="loose-records">
      <Stack gap="sm">
        <div>
          <Title order={5}>{t('records.loose.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('records.loose.text')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <PlanSelect ctx={ctx} plans={data.plans} plan={plan} onPlan={onPlan} />
        </SimpleGrid>
        <Legend columns={columns} />
        <RecordGrid
          records={gridRecords(records, columns, data, evidence)}
          columns={columns}
          readOnly={ctx.readOnly}
          onCell={(recordId, attribute, result) => setAttribute(recordId, attribute, result, columnIds, ctx.setError)}
          onResult={(recordId, result) => edit('record_seen', recordId, { result })}
          onOpen={(recordId, attribute) => onOpen(recordId, attribute, columns)}
          testId="loose-grid"
        />
      </Stack>
    </Paper>
  );
}
