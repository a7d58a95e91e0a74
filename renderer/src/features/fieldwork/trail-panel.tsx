import { ActionIcon, Autocomplete, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Timeline, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconRoute, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseSingleId } from '../../../../shared/fieldwork/record-selection.ts';
import { inTrailOrder, moveStep, nextTrailTopic } from '../../../../shared/fieldwork/trails.ts';
import { isComposing } from '../../state/composition.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { addTrailStep, ensureRecord, removeWithUndo, type AuditTrail } from './records-actions.ts';
import { selectionError } from './records-chooser.tsx';
import { stableOrder, type FieldworkContext } from './records-context.ts';
import { compareNames } from '../../i18n/locale.ts';
import { RowTextField } from './records-fields.tsx';
import { RESULT_COLOUR } from './records-grid.tsx';

const flush = () => void useSaveStore.getState().flush();

/**
 * Audit trails: one case followed record to record across processes (an incident → its problem →
 * the change → the release → the configuration items → the SLA report), shown as one trail. A step
 * is a record seen; a record not yet seen is recorded for its process when added to a trail.
 */
export function TrailsView({ ctx, onOpenRecord }: { ctx: FieldworkContext; onOpenRecord: (recordId: string) => void }) {
  const { t } = useTranslation();
  const records = useFieldworkRecords((s) => s.records)!;
  const create = useFieldworkRecords((s) => s.create);
  const [title, setTitle] = useState('');
  const trails = stableOrder(records.audit_trail, (a, b) => compareNames(a.title, b.title) || a.id.localeCompare(b.id));

  async function newTrail() {
    if (!title.trim() || ctx.readOnly) return;
    try {
      await create('audit_trail', { title: title.trim() });
      setTitle('');
    } catch (error) {
      ctx.setError(error);
    }
  }

  return (
    <Stack gap="md" data-testid="trails">
      <div>
        <Title order={3}>{t('records.trails.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('records.trails.intro')}
        </Text>
      </div>
      <Group align="flex-end" gap="xs">
        <TextInput
          style={{ flex: 1, maxWidth: 520 }}
          label={t('records.trails.newTitle')}
          placeholder={t('records.trails.newPlaceholder')}
          value={title}
          maxLength={300}
          onChange={(e) => setTitle(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !isComposing(e.nativeEvent)) void newTrail();
          }}
          readOnly={ctx.readOnly}
          data-testid="new-trail-title"
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => void newTrail()} disabled={ctx.readOnly || !title.trim()} data-testid="new-trail">
          {t('records.trails.new')}
        </Button>
      </Group>
      {trails.length === 0 ? (
        <Paper withBorder p="lg">
          <Text size="sm">{t('records.trails.empty')}</Text>
        </Paper>
      ) : null}
      {trails.map((trail) => (
        <TrailCard key={trail.id} ctx={ctx} trail={trail} onOpenRecord={onOpenRecord} />
      ))}
    </Stack>
  );
}

function TrailCard({ ctx, trail, onOpenRecord }: { ctx: FieldworkContext; trail: AuditTrail; onOpenRecord: (recordId: string) => void }) {
  const { t } = useTranslation();
  const records = useFieldworkRecords((s) => s.records)!;
  const edit = useFieldworkRecords((s) => s.edit);
  const readOnly = ctx.readOnly;
  const steps = inTrailOrder(records.audit_trail_step.filter((step) => step.trail_id === trail.id));
  const seen = new Map(records.record_seen.map((record) => [record.id, record]));

  const move = (stepId: string, by: -1 | 1) => {
    for (const patch of moveStep(steps, stepId, by)) if (patch.id) edit('audit_trail_step', patch.id, { position: patch.position });
    flush();
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="trail-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" align="flex-end" style={{ flex: 1 }} wrap="wrap">
            <div style={{ flex: 1, minWidth: 280 }}>
              <RowTextField table="audit_trail" id={trail.id} field="title" value={trail.title} label={t('records.trails.trailTitle')} maxLength={300} readOnly={readOnly} required data-testid="trail-title" />
            </div>
            <Select
              label={t('records.trails.service')}
              data={(ctx.plan?.serviceRows ?? []).map((service) => ({ value: service.id, label: service.name }))}
              value={trail.service_id}
              onChange={(value) => (edit('audit_trail', trail.id, { service_id: value }), flush())}
              clearable
              readOnly={readOnly}
              w={260}
              renderOption={({ option }) => <span translate="no">{option.label}</span>}
            />
          </Group>
          <Tooltip label={t('records.trails.remove')}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('records.trails.remove')}
              disabled={readOnly}
              onClick={() => void removeWithUndo('audit_trail', trail.id, t('records.trails.removed', { title: trail.title }), t, ctx.setError)}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        {steps.length ? (
          <Timeline active={steps.length - 1} bulletSize={26} lineWidth={2} data-testid="trail-steps">
            {steps.map((step, index) => {
              const record = seen.get(step.record_id);
              return (
                <Timeline.Item
                  key={step.id}
                  bullet={<Text size="xs" fw={700}>{index + 1}</Text>}
                  data-testid="trail-step"
                  data-topic={record?.topic ?? ''}
                  data-record={record?.record_ref ?? ''}
                  title={
                    <Group gap="xs" justify="space-between" wrap="nowrap">
                      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                        <Text size="xs" c="dimmed" translate="no" truncate="end">
                          {record ? ctx.topicName(record.topic) : ''}
                        </Text>
                        {record ? (
                          <UnstyledButton onClick={() => onOpenRecord(record.id)} ff="monospace" fw={600} fz="sm" translate="no" data-testid="trail-record">
                            {record.record_ref}
                          </UnstyledButton>
                        ) : (
                          <Text size="sm" c="dimmed" fs="italic">
                            {t('records.trails.recordGone')}
                          </Text>
                        )}
                        {record ? (
                          <Badge size="sm" variant={record.result === 'not_tested' ? 'outline' : 'light'} color={RESULT_COLOUR[record.result]}>
                            {t(`records.results.${record.result}`)}
                          </Badge>
                        ) : null}
                      </Group>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('records.trails.up')} disabled={readOnly || index === 0} onClick={() => move(step.id, -1)} data-testid="step-up">
                          <IconArrowUp size={14} />
                        </ActionIcon>
                        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('records.trails.down')} disabled={readOnly || index === steps.length - 1} onClick={() => move(step.id, 1)} data-testid="step-down">
                          <IconArrowDown size={14} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="sm"
                          aria-label={t('records.trails.removeStep')}
                          disabled={readOnly}
                          onClick={() => void removeWithUndo('audit_trail_step', step.id, t('records.trails.stepRemoved', { id: record?.record_ref ?? '' }), t, ctx.setError)}
                        >
                          <IconTrash size={14} />
                        </ActionIcon>
                      </Group>
                    </Group>
                  }
                >
                  <RowTextField
                    table="audit_trail_step"
                    id={step.id}
                    field="link_note"
                    value={step.link_note}
                    label={null}
                    aria-label={t('records.trails.linkNote')}
                    placeholder={index === steps.length - 1 ? t('records.trails.linkNoteLast') : t('records.trails.linkNotePlaceholder')}
                    maxLength={1000}
                    readOnly={readOnly}
                    size="xs"
                  />
                </Timeline.Item>
              );
            })}
          </Timeline>
        ) : (
          <Text size="sm" c="dimmed">
            {t('records.trails.noSteps')}
          </Text>
        )}
        {!readOnly ? <AddStep ctx={ctx} trailId={trail.id} lastTopic={steps.length ? (seen.get(steps.at(-1)!.record_id)?.topic ?? null) : null} /> : null}
        <RowTextField table="audit_trail" id={trail.id} field="notes" value={trail.notes} label={t('records.trails.notes')} placeholder={t('records.trails.notesPlaceholder')} maxLength={5000} readOnly={readOnly} multiline />
      </Stack>
    </Paper>
  );
}

/** Adds a step: the process, the record (one already seen for it, or a new id), how it links to the step before. */
function AddStep({ ctx, trailId, lastTopic }: { ctx: FieldworkContext; trailId: string; lastTopic: string | null }) {
  const { t } = useTranslation();
  const records = useFieldworkRecords((s) => s.records)!;
  const suggested = nextTrailTopic(lastTopic);
  const [topic, setTopic] = useState<string | null>(null);
  const [recordRef, setRecordRef] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const chosenTopic = topic ?? (suggested && ctx.units.some((unit) => unit.key === suggested) ? suggested : null);
  const refs = chosenTopic ? [...new Set(records.record_seen.filter((record) => record.topic === chosenTopic).map((record) => record.record_ref))] : [];

  async function add() {
    if (!chosenTopic) {
      setProblem(t('records.trails.chooseProcess'));
      return;
    }
    const parsed = parseSingleId(recordRef);
    if (!parsed.ok) {
      setProblem(selectionError(t, parsed.error));
      return;
    }
    setBusy(true);
    try {
      const recordId = await ensureRecord(chosenTopic, parsed.ids[0]!);
      await addTrailStep(trailId, recordId, note.trim(), null, ctx.setError);
      setRecordRef('');
      setNote('');
      setTopic(null);
      setProblem(null);
    } catch (error) {
      ctx.setError(error);
    } finally {
      setBusy(false);
    }
  }
  const enter = (event: React.KeyboardEvent) => {
    // Enter on a highlighted suggestion picks it (the list handles that), it does not add the step yet.
    if (event.currentTarget.hasAttribute('aria-activedescendant')) return;
    if (event.key === 'Enter' && !isComposing(event.nativeEvent)) {
      event.preventDefault();
      void add();
    }
  };

  return (
    <Paper bg="gray.0" p="sm" radius="sm" data-testid="add-step">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <IconRoute size={18} style={{ marginBottom: 8, opacity: 0.6 }} />
        <Select
          size="sm"
          label={t('records.trails.stepProcess')}
          data={ctx.units.map((unit) => ({ value: unit.key, label: ctx.topicName(unit.key) }))}
          value={chosenTopic}
          onChange={setTopic}
          searchable
          w={280}
          renderOption={({ option }) => <span translate="no">{option.label}</span>}
          data-testid="step-process"
        />
        <Autocomplete
          size="sm"
          label={t('records.trails.stepRecord')}
          placeholder={t('records.trails.stepRecordPlaceholder')}
          data={refs}
          value={recordRef}
          onChange={(value) => (setRecordRef(value), setProblem(null))}
          onKeyDown={enter}
          w={200}
          maxLength={200}
          data-testid="step-record"
        />
        <TextInput size="sm" label={t('records.trails.linkNote')} placeholder={t('records.trails.linkNotePlaceholder')} value={note} maxLength={1000} onChange={(e) => setNote(e.currentTarget.value)} onKeyDown={enter} style={{ flex: 1, minWidth: 200 }} data-testid="step-note" />
        <Button size="sm" leftSection={<IconPlus size={14} />} onClick={() => void add()} loading={busy} disabled={!recordRef.trim()} data-testid="add-step-button">
          {t('records.trails.addStep')}
        </Button>
      </Group>
      {problem ? (
        <Text size="xs" c="red.7" mt={4}>
          {problem}
        </Text>
      ) : recordRef.trim() && chosenTopic && !refs.includes(recordRef.trim().replace(/^#/, '')) ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('records.trails.willRecord', { id: recordRef.trim().replace(/^#/, ''), process: ctx.topicName(chosenTopic) })}
        </Text>
      ) : null}
    </Paper>
  );
}
