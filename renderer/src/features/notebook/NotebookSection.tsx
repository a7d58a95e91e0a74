import { Alert, Badge, Button, Grid, Group, NavLink, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconCalendarTime, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionTopics } from '../../../../shared/fieldwork/notebook-topics.ts';
import type { PlanSession } from '../../../../shared/plan/plan-rows.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDay } from '../../components/format.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { AdHocSessionModal, type AdHocSessionInput } from './AdHocSessionModal.tsx';
import { adHocDefaults, localNow, notebookDays } from './notebook-logic.ts';
import { SessionNotebook } from './SessionNotebook.tsx';
import { topicName } from './topics.ts';
import { useNotebook } from './use-notebook.ts';
import { WhoAreYou } from '../fieldwork/WhoAreYou.tsx';

/** The session open in the notebook, per engagement, so leaving the section and coming back keeps it. */
const openSession = new Map<string, string>();

/**
 * The session notebook (Alt+8): the plan's sessions by day on the left with how many entries each
 * has; the chosen session's notebook on the right. An ad-hoc session (Alt+Shift+N) adds a session
 * the plan did not have and opens its notebook.
 */
export function NotebookSection() {
  const { t, i18n } = useTranslation();
  const notebook = useNotebook();
  const { handle, plan, pack, records, typing, readOnly, engagement } = notebook;
  const setSection = useAppStore((s) => s.setSection);
  const [adHocOpen, setAdHocOpen] = useState(false);

  const days = useMemo(() => notebookDays(plan?.sessions ?? []), [plan?.sessions]);
  const ordered = useMemo(() => days.flatMap((day) => day.sessions), [days]);
  const [selectedId, setSelectedId] = useState<string | null>(() => openSession.get(handle) ?? null);
  const select = (id: string) => {
    openSession.set(handle, id);
    setSelectedId(id);
  };
  // Nothing chosen yet: the session going on now, if the audit is on.
  const nowId = useMemo(() => {
    const now = localNow(Date.now(), engagement.time_zone);
    return ordered.find((session) => session.day === now.day && session.start_time <= now.time && now.time < session.end_time)?.id ?? null;
  }, [ordered, engagement.time_zone]);
  const selected: PlanSession | undefined = ordered.find((session) => session.id === (selectedId ?? nowId));

  const counts = useMemo(() => {
    const count = new Map<string, number>();
    for (const entry of records?.notebook_entry ?? []) if (entry.session_id) count.set(entry.session_id, (count.get(entry.session_id) ?? 0) + 1);
    return count;
  }, [records?.notebook_entry]);
  const added = useMemo(() => new Set((records?.session_outcome ?? []).filter((outcome) => outcome.status === 'added').map((outcome) => outcome.session_id)), [records?.session_outcome]);

  const move = (by: number) => {
    if (!ordered.length) return;
    const index = selected ? ordered.indexOf(selected) : -1;
    const next = ordered[Math.min(Math.max(index + by, 0), ordered.length - 1)];
    if (next) select(next.id);
  };
  const canWrite = !readOnly && Boolean(typing?.memberId);
  useGuardedHotkeys(
    [
      ['alt+ArrowDown', () => move(1)],
      ['alt+ArrowUp', () => move(-1)],
      ['alt+shift+N', () => !readOnly && setAdHocOpen(true)],
    ],
    [],
  );

  const defaults = useMemo(
    () =>
      adHocDefaults({
        now: Date.now(),
        timeZone: engagement.time_zone,
        startDate: engagement.start_date,
        endDate: engagement.end_date,
        sessions: plan?.sessions ?? [],
        selectedDay: selected?.day ?? null,
      }),
    // Recomputed when the dialog opens, so "now" is the time it was opened.
    [adHocOpen, plan?.sessions, selected?.day, engagement.time_zone, engagement.start_date, engagement.end_date],
  );

  const createAdHoc = async (input: AdHocSessionInput): Promise<boolean> => {
    const created = await notebook.addSession({ ...input, ...(selected?.site_id && !selected.remote ? { siteId: selected.site_id } : {}) });
    if (created) select(created.session.id);
    return created !== null;
  };

  if (!plan || pack === undefined) return notebook.error ? <ErrorNotice error={notebook.error} onClose={() => notebook.setError(null)} /> : null;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ flex: 1, minWidth: 0 }}>
          <Title order={2}>{t('notebook.title')}</Title>
          <Text size="sm" c="dimmed" maw={900}>
            {t('notebook.intro')}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap" mt={6} style={{ flexShrink: 0 }}>
          {typing?.name ? (
            <Badge size="lg" variant="light" data-testid="writing-as" tt="none">
              {t('notebook.writingAs', { name: typing.name })}
            </Badge>
          ) : null}
          {!readOnly ? (
            <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setAdHocOpen(true)} data-testid="adhoc-open">
              {t('notebook.adHoc.button')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {notebook.error ? <ErrorNotice error={notebook.error} onClose={() => notebook.setError(null)} /> : null}
      {readOnly ? <Alert color="gray">{t('notebook.readOnly')}</Alert> : null}
      {typing && typing.source === 'none' && !readOnly ? (
        <WhoAreYou
          team={plan.team}
          title={t('notebook.whoTitle')}
          text={t('notebook.whoText')}
          none={t('notebook.whoNone')}
          testId="who-are-you"
          onPick={(memberId) => void notebook.linkMe(memberId)}
        />
      ) : null}

      {!ordered.length ? (
        <Paper withBorder p="lg" data-testid="notebook-no-plan">
          <Text mb="md">{t('notebook.noPlan')}</Text>
          <Group gap="xs">
            <Button leftSection={<IconCalendarTime size={16} />} onClick={() => setSection('plan')}>
              {t('notebook.goToPlan')}
            </Button>
            {!readOnly ? (
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdHocOpen(true)}>
                {t('notebook.adHoc.button')}
              </Button>
            ) : null}
          </Group>
        </Paper>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
              {t('notebook.sessions')}
            </Text>
            <ScrollArea h="calc(100vh - 250px)" type="auto" data-testid="notebook-sessions">
              {days.map((day) => (
                <div key={day.day}>
                  <Text size="sm" fw={600} mt="xs" mb={2} px="xs">
                    {formatDay(day.day)}
                  </Text>
                  {day.sessions.map((session) => {
                    const topics = sessionTopics(session.id, plan.topics, pack);
                    const site = plan.sites.find((candidate) => candidate.id === session.site_id);
                    const count = counts.get(session.id) ?? 0;
                    const where = session.remote ? t('notebook.session.remote') : (site?.name ?? '');
                    return (
                      <NavLink
                        key={session.id}
                        active={session.id === selected?.id}
                        onClick={() => select(session.id)}
                        data-testid="notebook-session"
                        data-session={session.id}
                        label={
                          <>
                            <Group gap={6} wrap="nowrap">
                              <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                                {session.start_time}–{session.end_time}
                              </Text>
                              {added.has(session.id) ? (
                                <Badge size="xs" variant="light" color="orange">
                                  {t('notebook.adHoc.badge')}
                                </Badge>
                              ) : null}
                            </Group>
                            <Text size="sm" fw={500} lineClamp={2} translate={session.title ? 'no' : undefined}>
                              {session.title || t(`plan.kind.${session.kind}`)}
                            </Text>
                          </>
                        }
                        description={
                          topics.length || where ? (
                            <Text size="xs" c="dimmed" lineClamp={2} translate="no">
                              {[topics.map((topic) => topicName(topic, pack, i18n.language).split(' ')[0]).join(t('common.listSeparator')), where].filter(Boolean).join(' · ')}
                            </Text>
                          ) : undefined
                        }
                        rightSection={
                          <Badge size="sm" variant={count ? 'filled' : 'default'} color={count ? 'indigo' : 'gray'} data-testid="session-count" aria-label={t('notebook.entriesCount', { count })}>
                            {count}
                          </Badge>
                        }
                      />
                    );
                  })}
                </div>
              ))}
            </ScrollArea>
            <Text size="xs" c="dimmed" mt="xs">
              {t('notebook.keys')}
            </Text>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
            {selected ? (
              <SessionNotebook notebook={notebook} session={selected} canWrite={canWrite} />
            ) : (
              <Paper withBorder p="lg" data-testid="notebook-choose">
                <Text c="dimmed">{t('notebook.chooseSession')}</Text>
              </Paper>
            )}
          </Grid.Col>
        </Grid>
      )}
      <AdHocSessionModal opened={adHocOpen} defaults={defaults} pack={pack} onClose={() => setAdHocOpen(false)} onCreate={createAdHoc} />
    </Stack>
  );
}
