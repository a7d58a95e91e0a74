import { Alert, Button, Card, Grid, Select, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../shared/checklist/pack.ts';
import { minutesOf, timeOfDay } from '../../../../shared/plan/local-time.ts';
import { sessionOrder } from '../../../../shared/plan/plan-rows.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDay } from '../../components/format.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useEngagementProfile } from '../engagement/setup/use-engagement-profile.ts';
import { ClosingDocumentsCard } from '../nc-documents/ClosingDocumentsCard.tsx';
import { AttendancePanel } from '../plan/AttendancePanel.tsx';
import type { PlanSession } from '../plan/plan-types.ts';
import { addSession } from '../plan/session-actions.ts';
import { SignInSheetModal } from '../plan/SignInSheetModal.tsx';
import { useAsRan } from '../plan/use-as-ran.ts';
import { usePlan } from '../plan/use-plan.ts';
import { ClosingPoints } from './ClosingPoints.tsx';
import { FindingsPresented } from './FindingsPresented.tsx';
import { RecommendationCard } from './RecommendationCard.tsx';
import { useClosing } from './use-closing.ts';

/**
 * Findings → Closing meeting: the plan's closing meeting (added from here, as the plan editor adds a
 * session, when the plan has none), its attendance and sign-in sheet (the plan's own panel and
 * sheet), the statements of 17021-1 9.4.7 ticked as made, the findings presented by grade with the
 * auditee's acknowledgement of each nonconformity, the recommendation, and the documents printed
 * from them (the NC forms and the meeting record).
 */
export function ClosingMeetingPanel() {
  const { t, i18n } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const readOnly = current.readOnly;
  const plan = usePlan();
  const asRan = useAsRan(plan);
  const closing = useClosing(handle);
  const profile = useEngagementProfile(handle);
  const [chosen, setChosen] = useState<string | null>(null);
  const [printing, setPrinting] = useState<PlanSession | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const sessions = plan.rows.sessions.filter((session) => session.kind === 'closing').sort(sessionOrder);
  // The last closing meeting by default: a plan with two (two sites, say) ends with the main one.
  const session = sessions.find((candidate) => candidate.id === chosen) ?? sessions[sessions.length - 1] ?? null;
  // The view counts attendance: read it again when the attendance changes.
  const attendanceKey = asRan.attendance.filter((row) => row.session_id === session?.id).map((row) => `${row.id}:${row.presence}`).join(',');
  useEffect(() => {
    void closing.reload();
  }, [attendanceKey]);

  const engagement = plan.engagement;
  const cbName = (profile ? textIn(profile.profile.certificationBody?.name, i18n.language, 'en') : '') || engagement.certification_body;

  async function addClosing() {
    setAdding(true);
    try {
      // On the last audit day, after that day's last session; the whole team attends.
      const day = engagement.end_date || plan.rows.sessions.map((row) => row.day).sort().at(-1) || engagement.start_date;
      const lastEnd = Math.max(...plan.rows.sessions.filter((row) => row.day === day).map((row) => minutesOf(row.end_time) ?? 0), 16 * 60);
      const start = Math.min(lastEnd, 23 * 60 - 45);
      const id = await addSession(handle, { day, start_time: timeOfDay(start), end_time: timeOfDay(start + 45), kind: 'closing', title: '' }, plan.team.map((member) => member.id));
      setChosen(id);
      plan.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setAdding(false);
    }
  }

  const failure = error ?? closing.error ?? plan.error;
  const clearError = () => {
    setError(null);
    closing.setError(null);
    plan.setError(null);
  };

  return (
    <Stack gap="md" data-testid="closing-meeting">
      <div>
        <Title order={3}>{t('closing.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('closing.intro')}
        </Text>
      </div>
      {failure ? <ErrorNotice error={failure} onClose={clearError} /> : null}
      {!plan.loaded ? null : session === null ? (
        <Alert color="yellow" variant="light" title={t('closing.session.none')} data-testid="closing-no-session">
          <Text size="sm" mb="sm">
            {readOnly ? t('closing.session.readOnly') : t('closing.session.noneHelp')}
          </Text>
          {!readOnly ? (
            <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => void addClosing()} loading={adding} data-testid="closing-add-session">
              {t('closing.session.add')}
            </Button>
          ) : null}
        </Alert>
      ) : (
        <>
          {sessions.length > 1 ? (
            <Select
              label={t('closing.session.label')}
              maw={360}
              data={sessions.map((row) => ({ value: row.id, label: `${row.title || t('closing.session.addedTitle')} · ${t('closing.session.option', { day: formatDay(row.day), start: row.start_time, end: row.end_time })}` }))}
              value={session.id}
              onChange={(value) => value && setChosen(value)}
              allowDeselect={false}
              data-testid="closing-session"
            />
          ) : (
            <Text size="sm" fw={500} data-testid="closing-session-when">
              {t('closing.session.option', { day: formatDay(session.day), start: session.start_time, end: session.end_time })}
            </Text>
          )}
          <Grid gap="md" align="flex-start">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Card withBorder padding="lg">
                <AttendancePanel plan={plan} asRan={asRan} session={session} onPrint={() => setPrinting(session)} />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <ClosingPoints sessionId={session.id} readOnly={readOnly} onError={setError} />
            </Grid.Col>
          </Grid>
        </>
      )}
      {closing.view ? (
        <>
          <FindingsPresented handle={handle} view={closing.view} readOnly={readOnly} onChanged={() => void closing.reload()} onError={setError} />
          <RecommendationCard handle={handle} view={closing.view} cbName={cbName} readOnly={readOnly} onChanged={() => void closing.reload()} onError={setError} />
        </>
      ) : null}
      <ClosingDocumentsCard />
      <SignInSheetModal plan={plan} asRan={asRan} session={printing} onClose={() => setPrinting(null)} />
    </Stack>
  );
}
