import { Alert, Button, Grid, Group, Modal, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CONCLUSION_STATUSES } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { draftNarrative, withDraft, type AnswerTally, type NarrativeAnswer, type NarrativeEntry, type NarrativeInput } from '../../../../shared/fieldwork/narrative.ts';
import { showUndo } from '../../components/undo.tsx';
import { DraftPanel } from './DraftPanel.tsx';
import { narrativePhrases } from './narrative-phrases.ts';
import { saveNaturalRow } from './natural-rows.ts';
import { ProcessGrid } from './ProcessGrid.tsx';
import { STATUS_COLOURS, type ConclusionRow, type ConclusionStatus, type ConclusionValues, type Topic } from './topic-types.ts';


/** What the draft is written from: its input, and the entries and notes shown beside the text. */
export interface DraftSources {
  readonly input: NarrativeInput;
  readonly entries: readonly NarrativeEntry[];
  readonly notes: readonly NarrativeAnswer[];
}

const EMPTY: ConclusionValues = {
  status: 'not_concluded',
  text: '',
  grid_outputs: 'not_assessed',
  grid_outputs_note: '',
  grid_inputs: 'not_assessed',
  grid_inputs_note: '',
  grid_efficiency: 'not_assessed',
  grid_efficiency_note: '',
  grid_improvement: 'not_assessed',
  grid_improvement_note: '',
  grid_objective_evidence: 'not_assessed',
  grid_objective_evidence_note: '',
};

function valuesOf(row: ConclusionRow | undefined): ConclusionValues {
  if (!row) return EMPTY;
  return Object.fromEntries(Object.keys(EMPTY).map((field) => [field, row[field as keyof ConclusionValues]])) as unknown as ConclusionValues;
}

/**
 * The conclusion on one topic: conforming or not, the text (saved as typed, through the autosave)
 * with the draft from the notebook beside it, and the five-point grid when the CB profile asks for
 * it. The row is created by the first edit. The draft goes into an empty conclusion, or below the
 * auditor's text after they confirm; either way Undo takes it back.
 */
export function ConclusionEditor({
  topic,
  row,
  tally,
  sources,
  gridOn,
  readOnly,
  timeZone,
  textRef,
  onError,
}: {
  topic: Topic;
  row: ConclusionRow | undefined;
  tally: AnswerTally;
  sources: DraftSources;
  gridOn: boolean;
  readOnly: boolean;
  timeZone: string;
  textRef: RefObject<HTMLTextAreaElement | null>;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  // Shown as typed; the store holds the saved copy (the editor is keyed by topic, so it starts from it).
  const [values, setValues] = useState<ConclusionValues>(() => valuesOf(row));
  const [pendingDraft, setPendingDraft] = useState<string | null>(null);

  const change = (patch: Partial<ConclusionValues>) => {
    setValues((before) => ({ ...before, ...patch }));
    if (!readOnly) saveNaturalRow('conclusion', { topic: topic.key }, patch).catch(onError);
  };

  const putDraft = (draft: string) => {
    const before = values.text;
    const { text, appended } = withDraft(before, draft);
    change({ text });
    setPendingDraft(null);
    showUndo(t, t(appended ? 'conclusions.draft.appended' : 'conclusions.draft.inserted'), async () => change({ text: before }));
  };
  const startFromDraft = () => {
    const draft = draftNarrative(sources.input, narrativePhrases(t, timeZone));
    if (values.text.trim() === '') putDraft(draft);
    else setPendingDraft(draft);
  };

  const hint =
    values.status === 'not_conforming'
      ? tally.nonconformity
        ? t('conclusions.editor.notConformingHint')
        : t('conclusions.editor.notConformingNoAnswer')
      : values.status === 'conforming' && tally.nonconformity
        ? t('conclusions.editor.conformingWithNc', { count: tally.nonconformity })
        : null;

  return (
    <Stack gap="md" data-testid="conclusion-editor" data-topic={topic.key}>
      <Group justify="space-between" align="center">
        <div>
          <Text size="sm" fw={500} id="conclusion-status-label">
            {t('conclusions.editor.statusLabel')}
          </Text>
          <Text size="xs" c="dimmed" data-testid="topic-answers">
            {tally.answeredQuestions ? t('conclusions.editor.answers', { answered: tally.answeredQuestions, total: tally.questionCount }) : t('conclusions.list.noAnswers')}
          </Text>
        </div>
        <SegmentedControl
          aria-labelledby="conclusion-status-label"
          value={values.status}
          onChange={(value) => change({ status: value as ConclusionStatus })}
          color={STATUS_COLOURS[values.status]}
          readOnly={readOnly}
          data={CONCLUSION_STATUSES.map((status) => ({ value: status, label: t(`conclusions.status.${status}`) }))}
          data-testid="conclusion-status"
        />
      </Group>
      {hint ? (
        <Alert color={values.status === 'not_conforming' ? 'red' : 'orange'} variant="light" py="xs" data-testid="conclusion-hint">
          {hint}
        </Alert>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Textarea
            ref={textRef}
            label={t('conclusions.editor.text')}
            description={t('conclusions.editor.textHint')}
            placeholder={t('conclusions.editor.textPlaceholder')}
            value={values.text}
            onChange={(event) => change({ text: event.currentTarget.value })}
            autosize
            minRows={12}
            maxRows={18}
            readOnly={readOnly}
            data-testid="conclusion-text"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <DraftPanel entries={sources.entries} notes={sources.notes} timeZone={timeZone} onStart={startFromDraft} disabled={readOnly} />
        </Grid.Col>
      </Grid>
      {gridOn ? (
        <Paper withBorder p="md" radius="sm">
          <ProcessGrid values={values} readOnly={readOnly} onChange={change} />
        </Paper>
      ) : null}
      <Modal opened={pendingDraft !== null} onClose={() => setPendingDraft(null)} title={t('conclusions.draft.appendTitle')} centered>
        <Text size="sm" mb="md">
          {t('conclusions.draft.appendText')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setPendingDraft(null)}>
            {t('conclusions.draft.cancel')}
          </Button>
          <Button onClick={() => pendingDraft !== null && putDraft(pendingDraft)} data-autofocus>
            {t('conclusions.draft.append')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
