import { Alert, Button, Grid, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconFileExport, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { requestedTab } from '../../state/app-store.ts';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { deleteRowWithUndo } from '../../state/row-actions.ts';
import { ActualTimeTable } from './ActualTimeTable.tsx';
import { AsRanSummary } from './AsRanSummary.tsx';
import { AsRanView } from './AsRanView.tsx';
import { ExportPlanModal } from './ExportPlanModal.tsx';
import { PlanChecks } from './PlanChecks.tsx';
import { DayView, ListView } from './PlanViews.tsx';
import type { PlanSession } from './plan-types.ts';
import { shortTitle, wordIssue } from './plan-words.ts';
import { QuickOutcome, type QuickAction } from './QuickOutcome.tsx';
import { addSession, duplicateSession, movedSession, moveSession, newSessionValues } from './session-actions.ts';
import { SessionEditor, type EditorTab } from './SessionEditor.tsx';
import type { Severity } from './SessionCard.tsx';
import { SignInSheetModal } from './SignInSheetModal.tsx';
import { recordOutcome, statusValues, useAsRan } from './use-as-ran.ts';
import { usePlan } from './use-plan.ts';

const VIEWS = ['days', 'list', 'asRan'] as const;
type PlanView = (typeof VIEWS)[number];

/** The days a plan shows: every audit day, plus any day a session sits on outside them (so it can be moved back). */
function planDays(start: string, end: string, sessionDays: readonly string[]): string[] {
  const days: string[] = [];
  for (let day = new Date(`${start}T00:00:00Z`); day <= new Date(`${end}T00:00:00Z`) && days.length < 31; day.setUTCDate(day.getUTCDate() + 1)) days.push(day.toISOString().slice(0, 10));
  return [...new Set([...days, ...sessionDays])].sort();
}

/**
 * The audit plan: sessions day by day or as a list, the session being edited in a drawer, and the
 * checks beside them — conflicts, gaps in coverage and sites, auditor time against the allocation.
 * "As it ran" records each session's outcome from the keyboard and sets planned against actual time.
 */
export function PlanSection() {
  const { t, i18n } = useTranslation();
  const plan = usePlan();
  const asRan = useAsRan(plan);
  const { engagement, rows, check, readOnly, handle } = plan;
  const [view, setView] = useState<PlanView>(() => requestedTab(VIEWS, 'days'));
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [editTab, setEditTab] = useState<EditorTab>('plan');
  const [exporting, setExporting] = useState(false);
  const [quick, setQuick] = useState<QuickAction | null>(null);
  const [printing, setPrinting] = useState<string | null>(null);
  const days = useMemo(() => planDays(engagement.start_date, engagement.end_date, rows.sessions.map((session) => session.day)), [engagement.start_date, engagement.end_date, rows.sessions]);
  const severityOf = useMemo(() => {
    const marks = new Map<string, Severity>();
    for (const issue of check.issues) for (const id of issue.sessionIds) if (marks.get(id) !== 'error') marks.set(id, issue.severity);
    return (id: string): Severity => marks.get(id) ?? null;
  }, [check.issues]);
  const editingSession = rows.sessions.find((session) => session.id === editing) ?? null;
  const selectedSession = rows.sessions.find((session) => session.id === selected) ?? null;
  const printingSession = rows.sessions.find((session) => session.id === printing) ?? null;

  const open = (session: PlanSession) => {
    setSelected(session.id);
    setEditTab(view === 'asRan' && session.kind !== 'break' ? 'day' : 'plan');
    setEditing(session.id);
  };
  /** A new session; in the As-it-ran view it was held on the day without being planned ("added"). */
  async function add() {
    if (readOnly) return;
    const day = selectedSession?.day ?? days.find((candidate) => candidate >= engagement.start_date) ?? engagement.start_date;
    const { values, leadId } = newSessionValues(rows, day, plan.team);
    try {
      const id = await addSession(handle, view === 'asRan' ? { ...values, title: t('plan.asRan.addedTitle') } : values, leadId ? [leadId] : []);
      if (view === 'asRan') await recordOutcome(id, { status: 'added', actual_day: String(values.day), actual_start: String(values.start_time), actual_end: String(values.end_time) }, undefined, null);
      plan.reload();
      setSelected(id);
      setEditTab('plan');
      setEditing(id);
    } catch (failure) {
      plan.setError(failure);
    }
  }
  /** H: the selected session held as planned (undo from the toast), then the next one is selected. */
  async function heldAsPlanned() {
    if (!selectedSession || readOnly || selectedSession.kind === 'break') return;
    const previous = asRan.outcomeOf.get(selectedSession.id);
    const title = selectedSession.title || t(`plan.kind.${selectedSession.kind}`);
    try {
      await recordOutcome(selectedSession.id, { ...statusValues('held', selectedSession, previous), mode: 'as_planned', reason: '' }, previous, { t, message: t('plan.asRan.heldUndo', { title: shortTitle(title) }) });
      step(1);
    } catch (failure) {
      plan.setError(failure);
    }
  }
  const quickAction = (kind: QuickAction['kind']) => {
    if (selectedSession && !readOnly && selectedSession.kind !== 'break') setQuick({ kind, session: selectedSession });
  };
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
  // The section's keys rest while the drawer or a dialog is open, and never take a key meant for a
  // focused control (Enter on a button presses the button).
  const sectionKeys = !editing && !exporting && !quick && !printing;
  const IGNORED = ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'];
  useGuardedHotkeys(
    !sectionKeys
      ? []
      : [
          ...VIEWS.map((name, index): [string, () => void] => [`alt+shift+${index + 1}`, () => setView(name)]),
          ['n', () => void add()],
          ['Enter', () => selectedSession && open(selectedSession)],
          ['ArrowDown', () => step(1)],
          ['ArrowUp', () => step(-1)],
          ...(view === 'asRan'
            ? ([
                ['h', () => void heldAsPlanned()],
                ['c', () => quickAction('cancel')],
                ['t', () => quickAction('times')],
              ] as [string, () => void][])
            : ([
                ['d', () => selectedSession && !readOnly && void duplicate(selectedSession)],
                ['Delete', () => selectedSession && !readOnly && remove(selectedSession)],
                // Shift+arrows move the selected session: a day left or right, 15 minutes up or down.
                ['shift+ArrowLeft', () => move(-1, 0)],
                ['shift+ArrowRight', () => move(1, 0)],
                ['shift+ArrowUp', () => move(0, -15)],
                ['shift+ArrowDown', () => move(0, 15)],
              ] as [string, () => void][])),
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
          <SegmentedControl value={view} onChange={(next) => setView(next as PlanView)} data={VIEWS.map((name) => ({ value: name, label: t(`plan.views.${name}`) }))} data-testid="plan-views" />
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
          {view === 'asRan' ? (
            <Text size="sm" c="dimmed" mb="xs">
              {t('plan.asRan.intro')}
            </Text>
          ) : null}
          {view === 'days' ? (
            <DayView plan={plan} asRan={asRan} days={days} selected={selected} severity={severityOf} onOpen={open} />
          ) : view === 'list' ? (
            <ListView plan={plan} asRan={asRan} days={days} selected={selected} severity={severityOf} onOpen={open} />
          ) : (
            <AsRanView plan={plan} asRan={asRan} days={days} selected={selected} onSelect={setSelected} onOpen={open} />
          )}
          <Text size="xs" c="dimmed" mt="sm" data-testid="plan-keys">
            {view === 'asRan' ? t('plan.asRan.hint') : t('plan.addHint')} · {t('plan.views.keys')} · {t('plan.export.shortcut')}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          {view === 'asRan' ? <AsRanSummary plan={plan} asRan={asRan} onSelect={setSelected} /> : <PlanChecks plan={plan} onSelect={(id) => setSelected(id)} />}
        </Grid.Col>
      </Grid>
      {view === 'asRan' ? <ActualTimeTable plan={plan} time={asRan.time} /> : null}
      <ExportPlanModal opened={exporting} onClose={() => setExporting(false)} handle={handle} client={engagement.client_name} readOnly={readOnly} />
      <SessionEditor
        plan={plan}
        asRan={asRan}
        session={editingSession}
        issues={editingSession ? issuesOf(editingSession.id) : []}
        tab={editTab}
        onTab={setEditTab}
        onClose={() => setEditing(null)}
        onDuplicate={(session) => void duplicate(session)}
        onDelete={remove}
        onPrint={(session) => setPrinting(session.id)}
      />
      <QuickOutcome action={quick} asRan={asRan} onClose={(recorded) => (setQuick(null), recorded && step(1))} onError={plan.setError} />
      <SignInSheetModal plan={plan} asRan={asRan} session={printingSession} onClose={() => setPrinting(null)} />
    </Stack>
  );
}
