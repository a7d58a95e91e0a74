import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import { checklistUnits } from '../../../../shared/fieldwork/checklist-units.ts';
import { formatDay } from '../../components/format.ts';
import type { AdHocDefaults } from './notebook-logic.ts';
import { topicName } from './topics.ts';

export interface AdHocSessionInput {
  readonly title: string;
  readonly day: string;
  readonly start: string;
  readonly end: string;
  readonly topic?: { readonly kind: 'process' | 'clause'; readonly topic: string };
}

/**
 * Starts a session the plan did not have: a title (asked first, Enter starts it), what it covers
 * (optional: #records need it), and when (today when the audit is on, else the audit's current day).
 */
export function AdHocSessionModal({
  opened,
  defaults,
  pack,
  onClose,
  onCreate,
}: {
  opened: boolean;
  defaults: AdHocDefaults;
  pack: ChecklistPack | null;
  onClose: () => void;
  onCreate: (input: AdHocSessionInput) => Promise<boolean>;
}) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState('');
  const [topic, setTopic] = useState<string | null>(null);
  const [day, setDay] = useState(defaults.day);
  const [start, setStart] = useState(defaults.start);
  const [end, setEnd] = useState(defaults.end);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setTitle('');
    setTopic(null);
    setDay(defaults.day);
    setStart(defaults.start);
    setEnd(defaults.end);
    setTried(false);
    // Each time it opens: where a session goes depends on the time and the day looked at.
  }, [opened]);

  const titleProblem = title.trim() === '' ? t('notebook.adHoc.nameRequired') : null;
  const timeProblem = !/^\d\d:\d\d$/.test(start) || !/^\d\d:\d\d$/.test(end) || end <= start ? t('notebook.adHoc.endBeforeStart') : null;
  const units = pack ? checklistUnits(pack) : [];

  const submit = async () => {
    setTried(true);
    if (titleProblem || timeProblem || busy) return;
    setBusy(true);
    const created = await onCreate({ title: title.trim(), day, start, end, ...(topic ? { topic: { kind: /^\d/.test(topic) ? 'clause' : 'process', topic } } : {}) });
    setBusy(false);
    if (created) onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('notebook.adHoc.title')} size="lg" data-testid="adhoc-modal">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('notebook.adHoc.text')}
          </Text>
          <TextInput
            data-autofocus
            label={t('notebook.adHoc.name')}
            placeholder={t('notebook.adHoc.namePlaceholder')}
            value={title}
            maxLength={300}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={tried ? titleProblem : null}
            data-testid="adhoc-title"
            required
          />
          <Select
            label={t('notebook.adHoc.topic')}
            description={t('notebook.adHoc.topicHint')}
            placeholder={t('notebook.adHoc.noTopic')}
            data={units.map((unit) => ({ value: unit.key, label: topicName(unit.key, pack, i18n.language) }))}
            value={topic}
            onChange={setTopic}
            searchable
            clearable
            data-testid="adhoc-topic"
            translate="no"
          />
          <Group grow align="flex-start">
            <Select
              label={t('notebook.adHoc.day')}
              data={defaults.days.map((value) => ({ value, label: formatDay(value) }))}
              value={day}
              onChange={(value) => value && setDay(value)}
              allowDeselect={false}
              data-testid="adhoc-day"
            />
            <TextInput type="time" label={t('notebook.adHoc.start')} value={start} onChange={(event) => setStart(event.currentTarget.value)} data-testid="adhoc-start" />
            <TextInput
              type="time"
              label={t('notebook.adHoc.end')}
              value={end}
              onChange={(event) => setEnd(event.currentTarget.value)}
              error={tried ? timeProblem : null}
              data-testid="adhoc-end"
            />
          </Group>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('notebook.adHoc.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="adhoc-create">
              {t('notebook.adHoc.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
