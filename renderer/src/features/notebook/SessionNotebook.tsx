import { Alert, Badge, Box, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconDeviceLaptop, IconMapPin } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entryMarks, type MarkInProgress } from '../../../../shared/fieldwork/notebook-marks.ts';
import { entryDefaultTopic, sessionTopics } from '../../../../shared/fieldwork/notebook-topics.ts';
import type { PlanSession } from '../../../../shared/plan/plan-rows.ts';
import { formatDay } from '../../components/format.ts';
import { showUndo } from '../../components/undo.tsx';
import { intlLocale } from '../../i18n/locale.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { RAISE_KEY, useRaiseFinding } from '../findings/raise-finding.tsx';
import { EntryBody } from './EntryBody.tsx';
import { EntryItem, type EntryRow } from './EntryItem.tsx';
import { MarkTextarea } from './MarkTextarea.tsx';
import { localNow, suggestionsFor } from './notebook-logic.ts';
import { SessionPeople } from './SessionPeople.tsx';
import { fromChoice, toChoice, topicChoices, topicName } from './topics.ts';
import type { Notebook } from './use-notebook.ts';

/** What the composer was about per session, so coming back to a session keeps it (this page only). */
const composerTopics = new Map<string, string>();

/**
 * One session's notebook: what the session is, the people interviewed, the entries as a log (newest
 * at the bottom) and the composer: one field, Enter adds, the field stays focused for the next.
 */
export function SessionNotebook({ notebook, session, canWrite }: { notebook: Notebook; session: PlanSession; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { plan, pack, records, typing, pending, engagement } = notebook;
  const language = i18n.language;
  const [editingId, setEditingId] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const composer = useRef<HTMLTextAreaElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const links = plan?.topics ?? [];
  const covered = useMemo(() => sessionTopics(session.id, links, pack ?? null), [session.id, links, pack]);
  const [composerTopic, setComposerTopic] = useState(() => composerTopics.get(session.id) ?? covered[0] ?? '');
  useEffect(() => {
    setComposerTopic(composerTopics.get(session.id) ?? covered[0] ?? '');
    setDraft('');
    setEditingId(null);
    requestAnimationFrame(() => composer.current?.focus());
  }, [session.id]);
  const choices = useMemo(() => topicChoices(covered, pack ?? null, language, t), [covered, pack, language, t]);

  const entries = useMemo(
    () =>
      (records?.notebook_entry ?? [])
        .filter((entry) => entry.session_id === session.id)
        .sort((a, b) => a.written_at.localeCompare(b.written_at) || a.id.localeCompare(b.id)),
    [records?.notebook_entry, session.id],
  );
  const mine = pending.filter((item) => item.sessionId === session.id);
  useEffect(() => {
    // Newest at the bottom, like a chat log: keep the end in view (the log scrolls, not the page).
    const log = bottom.current?.parentElement;
    if (log) log.scrollTop = log.scrollHeight;
  }, [entries.length, mine.length, session.id]);

  const timeFormat = useMemo(
    () => new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: engagement.time_zone }),
    [engagement.time_zone, language],
  );
  const timeOf = (entry: EntryRow): string => {
    const ms = Date.parse(entry.written_at);
    const day = localNow(ms, engagement.time_zone).day;
    return day === session.day ? timeFormat.format(ms) : `${formatDay(day)} ${timeFormat.format(ms)}`;
  };
  const team = plan?.team ?? [];
  const authorOf = (entry: EntryRow) => {
    const member = team.find((candidate) => candidate.id === entry.team_member_id);
    return member ? { name: member.name, initials: member.initials } : null;
  };
  const recordTopicOf = useCallback((topic: string) => entryDefaultTopic(topic, session.id, links, pack ?? null), [session.id, links, pack]);

  const suggester = useCallback(
    (topic: string) => (mark: MarkInProgress) =>
      suggestionsFor(mark, { records, auditees: plan?.auditees ?? [], sessionId: session.id, pack: pack ?? null, language, recordTopic: recordTopicOf(topic) }),
    [records, plan?.auditees, session.id, pack, language, recordTopicOf],
  );
  const composerSuggest = useMemo(() => suggester(composerTopic), [suggester, composerTopic]);

  const add = () => {
    const body = draft.trim();
    if (!body || !canWrite) return;
    setDraft('');
    void notebook.write({ sessionId: session.id, body, topic: composerTopic }, (lost) => setDraft((now) => (now ? `${lost}\n${now}` : lost)));
  };

  const remove = async (entry: EntryRow) => {
    const { remove: removeRow, restore } = useFieldworkRecords.getState();
    try {
      await removeRow('notebook_entry', entry.id);
      showUndo(t, t('notebook.entries.deleted', { time: timeOf(entry) }), () => restore('notebook_entry', entry.id).catch(notebook.setError));
    } catch (failure) {
      notebook.setError(failure);
    }
    requestAnimationFrame(() => composer.current?.focus());
  };

  const editLast = (): boolean => {
    const last = [...entries].reverse().find((entry) => entry.team_member_id === typing?.memberId);
    if (!last) return false;
    setEditingId(last.id);
    return true;
  };

  // A finding from an entry: its flag, or Alt+Shift+F for the entry being edited, else one's last entry here.
  const raiser = useRaiseFinding(notebook.setError);
  const raiseFrom = (entryId: string) => void raiser.raise(() => ({ kind: 'notebook', entryId }));
  useGuardedHotkeys(
    [
      [
        RAISE_KEY,
        () => {
          const target = entries.find((entry) => entry.id === editingId) ?? [...entries].reverse().find((entry) => entry.team_member_id === typing?.memberId) ?? entries.at(-1);
          if (target) raiseFrom(target.id);
        },
      ],
    ],
    [],
  );

  const site = notebook.plan?.sites.find((candidate) => candidate.id === session.site_id);
  const draftMarks = draft ? entryMarks(draft) : [];

  return (
    // The height of the session list beside it: the composer stays on screen however long the log grows.
    <Stack gap="sm" h="calc(100vh - 250px)" mih={460}>
      <div>
        <Group gap="xs" align="baseline" wrap="wrap">
          <Title order={3} translate={session.title ? 'no' : undefined} data-testid="notebook-session-title">
            {session.title || t(`plan.kind.${session.kind}`)}
          </Title>
          <Text size="sm" c="dimmed">
            {formatDay(session.day)} · {session.start_time}–{session.end_time}
          </Text>
          {session.remote ? (
            <Badge size="sm" variant="light" color="grape" leftSection={<IconDeviceLaptop size={12} />}>
              {t('notebook.session.remote')}
            </Badge>
          ) : site ? (
            <Badge size="sm" variant="light" color="gray" tt="none" leftSection={<IconMapPin size={12} />} translate="no">
              {site.name}
            </Badge>
          ) : null}
        </Group>
        {covered.length ? (
          <Group gap={4} mt={4}>
            {covered.map((topic) => (
              <Badge key={topic} size="sm" variant="outline" color="indigo" tt="none" translate="no">
                {topicName(topic, pack ?? null, language)}
              </Badge>
            ))}
          </Group>
        ) : session.kind === 'audit' ? (
          <Alert color="yellow" variant="light" mt="xs" p="xs">
            <Text size="sm">{t('notebook.session.noTopics')}</Text>
          </Alert>
        ) : null}
      </div>

      {records ? (
        <div style={{ maxHeight: '28vh', overflowY: 'auto', flexShrink: 0 }}>
          <SessionPeople sessionId={session.id} records={records} auditees={plan?.auditees ?? []} readOnly={!canWrite} onError={notebook.setError} />
        </div>
      ) : null}

      <Paper withBorder radius="sm" style={{ flex: 1, minHeight: 220, display: 'flex', flexDirection: 'column' }}>
        <div style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="notebook-log">
          {entries.length === 0 && mine.length === 0 ? (
            <Text size="sm" c="dimmed" p="md" data-testid="notebook-empty">
              {t('notebook.entries.empty')}
            </Text>
          ) : null}
          {entries.map((entry) => (
            <EntryItem
              key={entry.id}
              entry={entry}
              time={timeOf(entry)}
              author={authorOf(entry)}
              topics={choices}
              recordTopic={recordTopicOf(entry.topic)}
              pack={pack ?? null}
              readOnly={!canWrite}
              editing={editingId === entry.id}
              onStartEdit={() => setEditingId(entry.id)}
              onStopEdit={() => {
                setEditingId(null);
                requestAnimationFrame(() => composer.current?.focus());
              }}
              onBodyChange={(body) => useFieldworkRecords.getState().edit('notebook_entry', entry.id, { body })}
              onCommit={(body, topic) => void notebook.write({ entryId: entry.id, sessionId: session.id, body, topic })}
              onDelete={() => void remove(entry)}
              onRaise={() => raiseFrom(entry.id)}
              suggest={suggester(entry.topic)}
            />
          ))}
          {mine.map((item) => (
            <Box key={item.key} py={6} px="xs" style={{ opacity: 0.6 }} data-testid="notebook-entry-pending">
              <Text size="xs" c="dimmed">
                {t('notebook.entries.saving')}
              </Text>
              <Text size="sm" component="div">
                <EntryBody body={item.body} recordTopic={recordTopicOf(item.topic)} pack={pack ?? null} />
              </Text>
            </Box>
          ))}
          <div ref={bottom} />
        </div>
        {canWrite ? (
          <Box p="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Group gap="xs" mb={4} wrap="nowrap">
              <Text size="xs" c="dimmed">
                {t('notebook.topic.label')}
              </Text>
              <Select
                size="xs"
                data={choices}
                value={toChoice(composerTopic)}
                onChange={(choice) => {
                  const topic = fromChoice(choice);
                  composerTopics.set(session.id, topic);
                  setComposerTopic(topic);
                  requestAnimationFrame(() => composer.current?.focus());
                }}
                allowDeselect={false}
                searchable
                comboboxProps={{ width: 340, position: 'top-start' }}
                aria-label={t('notebook.topic.label')}
                data-testid="composer-topic"
                style={{ width: 300 }}
                translate="no"
              />
            </Group>
            <MarkTextarea
              ref={composer}
              value={draft}
              onValueChange={setDraft}
              onSubmit={add}
              onOtherKey={(event) => {
                if (event.key === 'ArrowUp' && draft === '' && !event.shiftKey && !event.altKey && editLast()) {
                  event.preventDefault();
                  return true;
                }
                return false;
              }}
              suggest={composerSuggest}
              listPlacement="above"
              minRows={2}
              maxRows={8}
              placeholder={t('notebook.composer.placeholder')}
              aria-label={t('notebook.composer.label')}
              data-testid="notebook-composer"
            />
            {draftMarks.length ? (
              <Text size="xs" mt={4} component="div" data-testid="composer-preview">
                <Text span size="xs" c="dimmed" mr={4}>
                  {t('notebook.composer.preview')}
                </Text>
                {draftMarks.map((mark) => (
                  <EntryBody key={mark.start} body={mark.raw} recordTopic={recordTopicOf(composerTopic)} pack={pack ?? null} />
                ))}
              </Text>
            ) : (
              <Text size="xs" c="dimmed" mt={4}>
                {t('notebook.composer.hint')}
              </Text>
            )}
          </Box>
        ) : null}
      </Paper>
    </Stack>
  );
}
