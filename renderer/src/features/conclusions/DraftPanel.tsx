import { Badge, Button, Divider, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerResult } from '../../../../shared/fieldwork/answer-results.ts';
import { compareClauses, type NarrativeAnswer, type NarrativeEntry } from '../../../../shared/fieldwork/narrative.ts';
import { parseEntry } from '../../../../shared/fieldwork/notebook-marks.ts';
import { intlLocale } from '../../i18n/locale.ts';

const RESULT_COLOURS: Record<AnswerResult, string> = { conforming: 'teal', nonconformity: 'red', observation: 'orange', not_applicable: 'gray', not_audited: 'gray' };
const MARK_COLOURS = { person: 'var(--mantine-color-violet-7)', record: 'var(--mantine-color-blue-7)', document: 'var(--mantine-color-teal-8)', clause: 'var(--mantine-color-gray-7)' } as const;

/**
 * "Draft from the notebook": the notebook entries linked to the topic (oldest first, marks shown as
 * marks) and the checklist's notes on it, from every team member, with the button that writes the
 * draft into the conclusion.
 */
export function DraftPanel({
  entries,
  notes,
  timeZone,
  onStart,
  disabled,
}: {
  entries: readonly NarrativeEntry[];
  notes: readonly NarrativeAnswer[];
  timeZone: string;
  onStart: () => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const when = whenFormat(timeZone);
  const written = entries.filter((entry) => entry.body.trim() !== '');
  const sortedNotes = [...notes].sort((a, b) => compareClauses(a.clauseNumber, b.clauseNumber));
  const empty = written.length === 0 && sortedNotes.length === 0;
  return (
    <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-gray-0)" data-testid="draft-panel">
      <Stack gap="xs">
        <div>
          <Title order={5}>{t('conclusions.draft.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('conclusions.draft.intro')}
          </Text>
        </div>
        {empty ? (
          <Text size="sm" c="dimmed" data-testid="draft-empty">
            {t('conclusions.draft.empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={340} type="auto" offsetScrollbars>
            <Stack gap="xs">
              {written.length ? (
                <Text size="xs" fw={600} tt="uppercase" c="dimmed">
                  {t('conclusions.draft.entries')}
                </Text>
              ) : null}
              {written.map((entry) => (
                <div key={entry.id} data-testid="draft-entry">
                  <Text size="xs" c="dimmed" translate="no">
                    {t('conclusions.draft.by', { author: entry.author, when: when(entry.writtenAt) })}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} translate="no">
                    {parseEntry(entry.body).map((segment) =>
                      segment.kind === 'text' ? (
                        <Fragment key={segment.start}>{segment.text}</Fragment>
                      ) : (
                        <Text key={segment.start} span fw={500} c={MARK_COLOURS[segment.kind]}>
                          {segment.raw}
                        </Text>
                      ),
                    )}
                  </Text>
                </div>
              ))}
              {written.length && sortedNotes.length ? <Divider /> : null}
              {sortedNotes.length ? (
                <Text size="xs" fw={600} tt="uppercase" c="dimmed">
                  {t('conclusions.draft.notes')}
                </Text>
              ) : null}
              {sortedNotes.map((note) => (
                <div key={`${note.questionId}:${note.author}`} data-testid="draft-note">
                  <Group gap={6}>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {note.clauseNumber}
                    </Text>
                    <Badge size="xs" variant="light" color={RESULT_COLOURS[note.result]}>
                      {t(`fieldwork.results.${note.result}`)}
                    </Badge>
                    <Text size="xs" c="dimmed" translate="no">
                      {note.author}
                    </Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} translate="no">
                    {note.notes}
                  </Text>
                </div>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <Button
          leftSection={<IconWand size={16} />}
          variant="light"
          onClick={onStart}
          disabled={disabled || empty}
          h="auto"
          py={8}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
          data-testid="draft-start"
        >
          {t('conclusions.draft.start')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** "14 Dec, 10:20" in the engagement's time zone (an entry's moment, where the audit happened). */
function whenFormat(timeZone: string): (instant: string) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(intlLocale(), { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  } catch {
    format = new Intl.DateTimeFormat(intlLocale(), { timeZone: 'UTC', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }
  return (instant) => {
    const date = new Date(instant);
    return Number.isNaN(date.getTime()) ? instant : format.format(date);
  };
}
