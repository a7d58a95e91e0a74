import { Autocomplete, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconBook2, IconChecklist, IconFileCheck, IconListDetails, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceUse } from '../../../../shared/fieldwork/evidence-uses.ts';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { formatInstant } from '../../components/format.ts';
import { isComposing } from '../../state/composition.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { useSaveStore } from '../../state/save-store.ts';
import type { EvidenceItem } from './records-actions.ts';
import type { FieldworkContext } from './records-context.ts';
import { EvidenceFilesArea } from './evidence-files.tsx';
import { RowDateField, RowTextField } from './records-fields.tsx';

const flush = () => void useSaveStore.getState().flush();

export interface QuestionInfo {
  readonly clauseNumber: string;
  readonly text: string;
}

/** Suggestions for "location or system" and "shown by": what was typed before, and the people met. */
export interface EvidenceSuggestions {
  readonly locations: readonly string[];
  readonly people: readonly string[];
}

/** One evidence reference, edited where it is shown (each field saves itself), with where it is used. */
export function EvidenceEditor({
  ctx,
  item,
  uses,
  questions,
  suggestions,
  onDelete,
  onSelectReference,
}: {
  ctx: FieldworkContext;
  item: EvidenceItem;
  uses: readonly EvidenceUse[];
  questions: ReadonlyMap<string, QuestionInfo>;
  suggestions: EvidenceSuggestions;
  onDelete: () => void;
  /** Another reference chosen from here (one holding the same file). */
  onSelectReference?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const edit = useFieldworkRecords((s) => s.edit);
  const readOnly = ctx.readOnly;
  return (
    <Stack gap="sm" data-testid="evidence-editor" data-evidence={item.id}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={4}>{t('evidence.edit.title')}</Title>
        <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={onDelete} disabled={readOnly} data-testid="evidence-delete">
          {t('evidence.edit.delete')}
        </Button>
      </Group>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <Select
          label={t('evidence.fields.kind')}
          data={EVIDENCE_KINDS.map((kind) => ({ value: kind, label: t(`evidence.kinds.${kind}`) }))}
          value={item.kind}
          onChange={(value) => value && (edit('evidence_item', item.id, { kind: value }), flush())}
          allowDeselect={false}
          readOnly={readOnly}
          data-testid="evidence-kind"
        />
        <RowDateField table="evidence_item" id={item.id} field="evidence_date" value={item.evidence_date} label={t('evidence.fields.date')} readOnly={readOnly} />
      </SimpleGrid>
      <RowTextField table="evidence_item" id={item.id} field="title" value={item.title} label={t('evidence.fields.title')} maxLength={500} readOnly={readOnly} required data-testid="evidence-title" />
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <RowTextField table="evidence_item" id={item.id} field="version" value={item.version} label={t('evidence.fields.version')} placeholder={t('evidence.fields.versionPlaceholder')} maxLength={100} readOnly={readOnly} />
        <Autocomplete
          label={t('evidence.fields.shownBy')}
          data={[...suggestions.people]}
          value={item.shown_by}
          maxLength={300}
          onChange={(value) => edit('evidence_item', item.id, { shown_by: value })}
          onBlur={flush}
          readOnly={readOnly}
          renderOption={({ option }) => <span translate="no">{option.value}</span>}
        />
      </SimpleGrid>
      <Autocomplete
        label={t('evidence.fields.location')}
        placeholder={t('evidence.fields.locationPlaceholder')}
        data={[...suggestions.locations]}
        value={item.location}
        maxLength={500}
        onChange={(value) => edit('evidence_item', item.id, { location: value })}
        onBlur={flush}
        readOnly={readOnly}
        renderOption={({ option }) => <span translate="no">{option.value}</span>}
      />
      <RowTextField table="evidence_item" id={item.id} field="notes" value={item.notes} label={t('evidence.fields.notes')} maxLength={5000} readOnly={readOnly} multiline />
      <EvidenceFilesArea ctx={ctx} item={item} uses={uses} people={suggestions.people} onSelectReference={onSelectReference} />
      <WhereUsed ctx={ctx} uses={uses} questions={questions} />
    </Stack>
  );
}

/** Adding a reference: nothing is written until it has a title and the auditor adds it (Enter in the title, or the button). */
export function NewEvidenceForm({
  ctx,
  kind: initialKind,
  suggestions,
  onCreated,
  onCancel,
}: {
  ctx: FieldworkContext;
  kind: EvidenceKind;
  suggestions: EvidenceSuggestions;
  onCreated: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useFieldworkRecords((s) => s.create);
  const [values, setValues] = useState({ kind: initialKind as string, title: '', version: '', evidence_date: '', location: '', shown_by: '', notes: '' });
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const titleRef = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    titleRef.current?.focus();
  }, []);
  const set = (field: keyof typeof values) => (value: string) => setValues((all) => ({ ...all, [field]: value }));
  const dateOk = values.evidence_date === '' || /^\d{4}-\d{2}-\d{2}$/.test(values.evidence_date);

  async function add() {
    setTried(true);
    if (!values.title.trim() || !dateOk || busy) return;
    setBusy(true);
    try {
      const id = await create('evidence_item', { ...values, title: values.title.trim(), evidence_date: values.evidence_date || null });
      onCreated(id);
    } catch (error) {
      ctx.setError(error);
    } finally {
      setBusy(false);
    }
  }
  const keys = (event: React.KeyboardEvent) => {
    // A key an open suggestion list took (Enter picks an option, Escape closes the list) is not the form's.
    if (isComposing(event.nativeEvent) || event.defaultPrevented || (event.target as HTMLElement).hasAttribute('data-expanded')) return;
    if (event.key === 'Enter' && !(event.target instanceof HTMLTextAreaElement && !event.ctrlKey)) {
      event.preventDefault();
      void add();
    }
    if (event.key === 'Escape') onCancel();
  };

  return (
    <Stack gap="sm" data-testid="evidence-new" onKeyDown={keys}>
      <Title order={4}>{t('evidence.new.title')}</Title>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <Select
          label={t('evidence.fields.kind')}
          data={EVIDENCE_KINDS.map((kind) => ({ value: kind, label: t(`evidence.kinds.${kind}`) }))}
          value={values.kind}
          onChange={(value) => value && set('kind')(value)}
          allowDeselect={false}
          data-testid="evidence-new-kind"
        />
        <TextInput type="date" label={t('evidence.fields.date')} value={values.evidence_date} onChange={(e) => set('evidence_date')(e.currentTarget.value)} error={dateOk ? null : t('evidence.new.badDate')} />
      </SimpleGrid>
      <TextInput
        ref={titleRef}
        label={t('evidence.fields.title')}
        placeholder={t('evidence.fields.titlePlaceholder')}
        value={values.title}
        maxLength={500}
        onChange={(e) => set('title')(e.currentTarget.value)}
        error={tried && !values.title.trim() ? t('records.fields.required') : null}
        data-testid="evidence-new-title"
      />
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <TextInput label={t('evidence.fields.version')} placeholder={t('evidence.fields.versionPlaceholder')} value={values.version} maxLength={100} onChange={(e) => set('version')(e.currentTarget.value)} data-testid="evidence-new-version" />
        <Autocomplete label={t('evidence.fields.shownBy')} data={[...suggestions.people]} value={values.shown_by} maxLength={300} onChange={set('shown_by')} data-testid="evidence-new-shown-by" renderOption={({ option }) => <span translate="no">{option.value}</span>} />
      </SimpleGrid>
      <Autocomplete
        label={t('evidence.fields.location')}
        placeholder={t('evidence.fields.locationPlaceholder')}
        data={[...suggestions.locations]}
        value={values.location}
        maxLength={500}
        onChange={set('location')}
        data-testid="evidence-new-location"
        renderOption={({ option }) => <span translate="no">{option.value}</span>}
      />
      <Textarea label={t('evidence.fields.notes')} value={values.notes} maxLength={5000} autosize minRows={2} maxRows={6} onChange={(e) => set('notes')(e.currentTarget.value)} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel}>
          {t('evidence.new.cancel')}
        </Button>
        <Button onClick={() => void add()} loading={busy} data-testid="evidence-new-add">
          {t('evidence.new.add')}
        </Button>
      </Group>
    </Stack>
  );
}

const USE_GROUPS = ['answer', 'notebook', 'record', 'document_review'] as const;
const USE_ICONS: Record<(typeof USE_GROUPS)[number], ReactNode> = {
  answer: <IconChecklist size={16} />,
  notebook: <IconBook2 size={16} />,
  record: <IconListDetails size={16} />,
  document_review: <IconFileCheck size={16} />,
};

/** Where a reference is used, by kind of use; says so when it is used nowhere. */
function WhereUsed({ ctx, uses, questions }: { ctx: FieldworkContext; uses: readonly EvidenceUse[]; questions: ReadonlyMap<string, QuestionInfo> }) {
  const { t } = useTranslation();
  const records = useFieldworkRecords((s) => s.records);
  const entries = new Map((records?.notebook_entry ?? []).map((entry) => [entry.id, entry]));
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="where-used">
      <Text size="sm" fw={600} mb={6}>
        {t('evidence.uses.title')}
      </Text>
      {uses.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="used-nowhere">
          {t('evidence.uses.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {USE_GROUPS.map((group) => {
            const list = uses.filter((use) => use.kind === group);
            if (!list.length) return null;
            return (
              <div key={group} data-testid={`uses-${group}`}>
                <Group gap={6} mb={2}>
                  {USE_ICONS[group]}
                  <Text size="xs" fw={600} tt="uppercase" c="dimmed">
                    {t(`evidence.uses.${group}`, { count: list.length })}
                  </Text>
                </Group>
                <Stack gap={2} pl={22}>
                  {list.map((use, index) => (
                    <Text key={index} size="sm" component="div" data-testid="use">
                      {describeUse(use, ctx, questions, entries)}
                    </Text>
                  ))}
                </Stack>
              </div>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

function describeUse(use: EvidenceUse, ctx: FieldworkContext, questions: ReadonlyMap<string, QuestionInfo>, entries: ReadonlyMap<string, { body: string }>): ReactNode {
  switch (use.kind) {
    case 'answer': {
      const question = questions.get(use.questionId);
      return (
        <span translate="no">
          <b>{use.clauseNumber ?? question?.clauseNumber ?? use.questionId}</b> · {ctx.memberName(use.memberId)}
          {question ? <span style={{ color: 'var(--mantine-color-dimmed)' }}> — {clip(question.text, 110)}</span> : null}
        </span>
      );
    }
    case 'notebook':
      return (
        <span translate="no">
          <b>{ctx.sessionName(use.sessionId) || formatInstant(use.writtenAt)}</b> · {ctx.memberName(use.memberId)}
          <span style={{ color: 'var(--mantine-color-dimmed)' }}> — {clip(entries.get(use.entryId)?.body ?? '', 110)}</span>
        </span>
      );
    case 'record':
      return (
        <span translate="no">
          <Badge size="xs" variant="light" mr={6} ff="monospace">
            {use.recordRef}
          </Badge>
          {ctx.topicName(use.topic)}
        </span>
      );
    case 'document_review':
      return <span translate="no">{use.document}</span>;
  }
}

const clip = (text: string, length: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
};
