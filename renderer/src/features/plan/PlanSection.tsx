import { Alert, Button, Grid, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconFileExport, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { deleteRowWithUndo } from '../../state/row-actions.ts';
import { ExportPlanModal } from './ExportPlanModal.tsx';
import { PlanChecks } from './PlanChecks.tsx';
import { DayView, ListView } from './PlanViews.tsx';
import type { PlanSession } from './plan-types.ts';
import { wordIssue } from './plan-words.ts';
import { addSession, duplicateSession, movedSession, moveSession, newSessionValues } from './session-actions.ts';
import { SessionEditor } from './SessionEditor.tsx';
import type { Severity } from './SessionCard.tsx';
import { usePlan } from './use-plan.ts';

/** The days a plan shows: every audit day, plus any day a session sits on outside them (so it can be moved back). */
function planDays(start: string, end: string, sessionDays: readonly string[]): string[] {
  const days: string[] = [];
  for (let day = new Date(`${start}T00:00:00Z`); day <= new Date(`${end}T00:00:00Z`) && days.length < 31; day.setUTCDate(day.getUTCDate() + 1)) days.push(day.toISOString().slice(0, 10));
  return [...new Set([...days, ...sessionDays])].sort();
}

/**
 * The audit plan: sessions day by day or as a list, the session being edited in a drawer, and the
 * checks beside them — conflicts, gaps in coverage and sites, auditor time against the allocation.
 */
export function PlanSection() {
  const { t, i18n } = useTranslation();
  const plan = usePlan();
  const { engagement, rows, check, readOnly, handle } = plan;
  const [view, setView] = useState<'days' | 'list'>('days');
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const days = useMemo(() => planDays(engagement.start_date, engagement.end_date, rows.sessions.map((session) => session.day)), [engagement.start_date, engagement.end_date, rows.sessions]);
  const severityOf = useMemo(() => {
    const marks = new Map<string, Severity>();
    for (const issue of check.issues) for (const id of issue.sessionIds) if (marks.get(id) !== 'error') marks.set(id, issue.severity);
    return (id: string): Severity => marks.get(id) ?? null;
  }, [check.issues]);
  const editingSession = rows.sessions.find((session) => session.id === editing) ?? null;
  const selectedSession = rows.sessions.find((session) => session.id === selected) ?? null;

  const open = (session: PlanSession) => {
    setSelected(session.id);
    setEditing(session.id);
  };
  async function add() {
    if (readOnly) return;
    const day = selectedSession?.day ?? days.find((candidate) => candidate >= engagement.start_date) ?? engagement.start_date;
    const { values, leadId } = newSessionValues(rows, day, plan.team);
    try {
      const id = await addSession(handle, values, leadId ? [leadId] : []);
      plan.reload();
      setSelected(id);
      setEditing(id);
    } catch (failure) {
      plan.setError(failure);
    }
  }
  async function duplicate(session: PlanSession) {
    try {
      const id = await duplicateSession(handle, session, rows);
      plan.reload();
      setSelected(id);
      setEditing(id);
    } catch (failure) {
      plan.setError(failure);
    }
  }
  function remove(session: PlanSession) {
    setEditing(null);
    setSelected(null);
    void deleteRowWithUndo(handle, 'plan_session', session.id, t('plan.deleted', { title: session.title || t(`plan.kind.${session.kind}`) }), t, { reload: plan.reload, onError: plan.setError });
  }
  // Moves from the keyboard come faster than the file answers: each starts from where the previous
  // one put the session (not the row last loaded), and they are written one after another.
  const moves = useRef<{ queue: Promise<unknown>; last: Map<string, Pick<PlanSession, 'day' | 'start_time' | 'end_time'>> }>({ queue: Promise.resolve(), last: new Map() });
  useEffect(() => {
    for (const session of rows.sessions) {
      const last = moves.current.last.get(session.id);
      if (last && last.day === session.day && last.start_time === session.start_time && last.end_time === session.end_time) moves.current.last.delete(session.id);
    }
  }, [rows.sessions]);
  const move = (days: number, minutes: number) => {
    if (!selectedSession || readOnly) return;
    const from = { ...selectedSession, ...moves.current.last.get(selectedSession.id) };
    const to = movedSession(from, days, minutes);
    if (!to) return;
    moves.current.last.set(selectedSession.id, to);
    const id = selectedSession.id;
    moves.current.queue = moves.current.queue
      .then(() => moveSession(handle, from, days, minutes))
      .then(plan.reload, (failure: unknown) => {
        // Not written: the next move starts from the file's position again.
        moves.current.last.delete(id);
        plan.setError(failure);
      });
  };
  const step = (by: number) => {
    const index = rows.sessions.findIndex((session) => session.id === selected);
    const next = rows.sessions[Math.min(Math.max(index + by, 0), rows.sessions.length - 1)];
    if (next) setSelected(next.id);
  };

  useGuardedHotkeys([['mod+E', () => rows.sessions.length > 0 && setExporting(true)]], []);
  // The section's keys rest while the drawer or the export dialog is open, and never take a key
  // meant for a focused control (Enter on a button presses the button).
  const sectionKeys = !editing && !exporting;
  const IGNORED = ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'];
  useGuardedHotkeys(
    !sectionKeys
      ? []
      : [
          ['n', () => void add()],
          ['d', () => selectedSession && !readOnly && void duplicate(selectedSession)],
          ['Enter', () => selectedSession && setEditing(selectedSession.id)],
          ['Delete', () => selectedSession && !readOnly && remove(selectedSession)],
          ['ArrowDown', () => step(1)],
          ['ArrowUp', () => step(-1)],
          // Shift+arrows move the selected session: a day left or right, 15 minutes up or down.
          ['shift+ArrowLeft', () => move(-1, 0)],
          ['shift+ArrowRight', () => move(1, 0)],
          ['shift+ArrowUp', () => move(0, -15)],
          ['shift+ArrowDown', () => move(0, 15)],
        ],
    IGNORED,
  );

  const issuesOf = (sessionId: string) => check.issues.filter((issue) => issue.sessionIds.includes(sessionId)).map((issue) => wordIssue(issue, t, plan.pack, i18n.language));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('plan.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('plan.intro')}
          </Text>
        </div>
        <Group gap="sm">
          <SegmentedControl value={view} onChange={(next) => setView(next as 'days' | 'list')} data={[{ value: 'days', label: t('plan.views.days') }, { value: 'list', label: t('plan.views.list') }]} />
          <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={() => setExporting(true)} disabled={rows.sessions.length === 0} data-testid="plan-export">
            {t('plan.export.button')}
          </Button>
          {!readOnly ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => void add()} data-testid="plan-add">
              {t('plan.add')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {plan.error ? <ErrorNotice error={plan.error} onClose={() => plan.setError(null)} /> : null}
      {plan.loaded && !plan.pack ? <Alert color="yellow" variant="light">{t('plan.emptyNoPack')}</Alert> : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          {plan.loaded && rows.sessions.length === 0 ? (
            <Alert variant="light" color="indigo" data-testid="plan-empty">
              {t('plan.empty')}
            </Alert>
          ) : null}
          {view === 'days' ? (
            <DayView plan={plan} days={days} selected={selected} severity={severityOf} onOpen={open} />
          ) : (
            <ListView plan={plan} days={days} selected={selected} severity={severityOf} onOpen={open} />
          )}
          <Text size="xs" c="dimmed" mt="sm">
            {t('plan.addHint')} · {t('plan.export.shortcut')}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <PlanChecks plan={plan} onSelect={(id) => setSelected(id)} />
        </Grid.Col>
      </Grid>
      <ExportPlanModal opened={exporting} onClose={() => setExporting(false)} handle={handle} client={engagement.client_name} readOnly={readOnly} />
      <SessionEditor
        plan={plan}
        session={editingSession}
        issues={editingSession ? issuesOf(editingSession.id) : []}
        onClose={() => setEditing(null)}
        onDuplicate={(session) => void duplicate(session)}
        onDelete={remove}
      />
    </Stack>
  );
}
