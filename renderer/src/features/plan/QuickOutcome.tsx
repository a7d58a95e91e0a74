import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionOutcome } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { inferredStatus, needsReason } from '../../../../shared/plan/session-outcomes.ts';
import { formatDay } from '../../components/format.ts';
import type { PlanSession } from './plan-types.ts';
import { shortTitle } from './plan-words.ts';
import { plannedOf, recordOutcome, type AsRan } from './use-as-ran.ts';

export type QuickAction = { readonly kind: 'cancel' | 'times'; readonly session: PlanSession };

const TIMED: readonly SessionOutcome[] = ['held', 'moved', 'shortened', 'extended'];

/**
 * The two quick records of the As-it-ran view: C cancels a session and asks why (the reason is
 * required: the report lists it); T takes the actual day and times, reads from them whether the
 * session was held, moved, shortened or extended (the auditor can say otherwise), and asks the
 * reason of a deviation. Enter records; each record can be undone from its toast.
 */
export function QuickOutcome({ action, asRan, onClose, onError }: { action: QuickAction | null; asRan: AsRan; onClose: (recorded: boolean) => void; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const session = action?.session ?? null;
  const previous = session ? asRan.outcomeOf.get(session.id) : undefined;
  const [reason, setReason] = useState('');
  const [day, setDay] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [chosen, setChosen] = useState<SessionOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!session) return;
    setReason(previous?.reason ?? '');
    setDay(previous?.actual_day ?? session.day);
    setStart(previous?.actual_start ?? session.start_time);
    setEnd(previous?.actual_end ?? session.end_time);
    setChosen(null);
    // Reset for each session the action opens on, not on every reload of its outcome.
  }, [action]);
  if (!action || !session) return null;
  const title = session.title || t(`plan.kind.${session.kind}`);
  const inferred = inferredStatus(plannedOf(session), day, start, end);
  const status: SessionOutcome = action.kind === 'cancel' ? 'cancelled' : (chosen ?? inferred ?? 'held');
  const reasonNeeded = needsReason(status);
  const valid = (action.kind === 'cancel' || inferred !== null) && (!reasonNeeded || reason.trim() !== '');

  async function submit() {
    if (!valid || !session) return;
    setBusy(true);
    try {
      const values =
        action!.kind === 'cancel'
          ? { status: 'cancelled', actual_day: null, actual_start: null, actual_end: null, reason: reason.trim() }
          : { status, actual_day: day, actual_start: start, actual_end: end, reason: reason.trim() };
      await recordOutcome(session.id, values, previous, { t, message: t(action!.kind === 'cancel' ? 'plan.asRan.cancelledUndo' : 'plan.asRan.timesUndo', { title: shortTitle(title) }) });
      onClose(true);
    } catch (failure) {
      onError(failure);
    } finally {
      setBusy(false);
    }
  }

  const reasonField = (
    <TextInput
      label={action.kind === 'cancel' ? t('plan.cancel.reason') : t('plan.day.reason')}
      description={action.kind === 'cancel' ? t('plan.cancel.reasonHint') : t('plan.day.reasonRequired')}
      placeholder={action.kind === 'cancel' ? t('plan.cancel.placeholder') : undefined}
      value={reason}
      onChange={(event) => setReason(event.currentTarget.value)}
      required
      data-autofocus={action.kind === 'cancel' ? true : undefined}
      data-testid="quick-reason"
    />
  );
  return (
    <Modal opened onClose={() => onClose(false)} title={t(action.kind === 'cancel' ? 'plan.cancel.title' : 'plan.times.title', { title })} size="md" data-testid={`quick-${action.kind}`}>
      <form onSubmit={(event) => (event.preventDefault(), void submit())}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('plan.times.planned', { day: formatDay(session.day), start: session.start_time, end: session.end_time })}
          </Text>
          {action.kind === 'times' ? (
            <>
              <SimpleGrid cols={3}>
                <TextInput type="date" label={t('plan.day.actualDay')} value={day} onChange={(event) => setDay(event.currentTarget.value)} />
                <TextInput type="time" label={t('plan.day.actualStart')} value={start} onChange={(event) => setStart(event.currentTarget.value)} data-autofocus />
                <TextInput type="time" label={t('plan.day.actualEnd')} value={end} onChange={(event) => setEnd(event.currentTarget.value)} />
              </SimpleGrid>
              <Select
                label={t('plan.times.status')}
                description={inferred ? t('plan.times.inferred', { status: t(`plan.outcome.${inferred}`) }) : t('plan.day.issues.TIMES_INVALID')}
                data={TIMED.map((value) => ({ value, label: t(`plan.outcome.${value}`) }))}
                value={status}
                onChange={(value) => value && setChosen(value as SessionOutcome)}
                allowDeselect={false}
                data-testid="quick-status"
              />
              {reasonNeeded ? reasonField : null}
            </>
          ) : (
            reasonField
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose(false)}>
              {t('common.close')}
            </Button>
            <Button type="submit" disabled={!valid} loading={busy} color={action.kind === 'cancel' ? 'red' : undefined} data-testid="quick-submit">
              {action.kind === 'cancel' ? t('plan.cancel.submit') : t('plan.times.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
