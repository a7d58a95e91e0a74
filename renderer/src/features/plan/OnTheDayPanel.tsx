import { Alert, Select, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EFFECTIVENESS_RATINGS, SESSION_MODES, SESSION_OUTCOMES, type EffectivenessRating, type SessionMode, type SessionOutcome } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { needsReason, placeOf } from '../../../../shared/plan/session-outcomes.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { useSaveStore } from '../../state/save-store.ts';
import type { PlanSession } from './plan-types.ts';
import { shortTitle, topicLabel } from './plan-words.ts';
import { recordOutcome, statusValues, type AsRan } from './use-as-ran.ts';
import type { Plan } from './use-plan.ts';

type TextField = 'actual_day' | 'actual_start' | 'actual_end' | 'reason' | 'remote_note';
const VALID: Partial<Record<TextField, RegExp>> = { actual_day: /^\d{4}-\d{2}-\d{2}$/, actual_start: /^\d\d:\d\d$/, actual_end: /^\d\d:\d\d$/ };

/**
 * "On the day" in the session drawer: what happened (the status writes the outcome row at once,
 * with the plan's times when held; undo from the toast), the actual day and times, where the time
 * was spent, the reason — required for a deviation, as the field says — and for a remote session
 * its effectiveness (IAF MD 4). Text saves itself like every field (500 ms, or on leaving it).
 */
export function OnTheDayPanel({ plan, asRan, session }: { plan: Plan; asRan: AsRan; session: PlanSession }) {
  const { t, i18n } = useTranslation();
  const edit = useFieldworkRecords((s) => s.edit);
  const flush = useSaveStore((s) => s.flush);
  const outcome = asRan.outcomeOf.get(session.id);
  const status: SessionOutcome = outcome?.status ?? 'planned';
  const [draft, setDraft] = useState<Partial<Record<TextField, string>>>({});
  useEffect(() => setDraft({}), [session.id, outcome?.id, status]);
  const readOnly = plan.readOnly;
  const title = session.title || t(`plan.kind.${session.kind}`);

  const value = (field: TextField): string => draft[field] ?? outcome?.[field] ?? '';
  const change = (field: TextField, next: string) => {
    setDraft((all) => ({ ...all, [field]: next }));
    // A half-typed day or time stays on screen until it is one: never queued invalid.
    if (!outcome || (VALID[field] && !VALID[field]!.test(next))) return;
    edit('session_outcome', outcome.id, { [field]: next });
  };
  const choose = (next: SessionOutcome) => {
    if (next === status) return;
    void recordOutcome(session.id, statusValues(next, session, outcome), outcome, { t, message: t('plan.asRan.statusUndo', { title: shortTitle(title), status: t(`plan.outcome.${next}`) }) }).catch(plan.setError);
  };
  const set = (patch: Record<string, string>) => {
    if (!outcome) return;
    edit('session_outcome', outcome.id, patch);
    void flush();
  };

  const recorded = status !== 'planned';
  const ran = recorded && status !== 'cancelled';
  const place = outcome && ran ? placeOf({ remote: session.remote === 1 }, outcome.mode) : null;
  const reasonRequired = needsReason(status);
  const issues = asRan.issues.get(session.id) ?? [];
  const gap = asRan.gaps.find((candidate) => candidate.sessionId === session.id);
  const statuses = SESSION_OUTCOMES.filter((candidate) => candidate !== 'added' || status === 'added');
  const plannedWhere = t(session.remote ? 'plan.mode.remote' : 'plan.mode.on_site');

  return (
    <Stack gap="sm" data-testid="on-the-day">
      <Select
        label={t('plan.day.status')}
        data={statuses.map((candidate) => ({ value: candidate, label: t(`plan.outcome.${candidate}`) }))}
        value={status}
        onChange={(next) => next && choose(next as SessionOutcome)}
        allowDeselect={false}
        readOnly={readOnly}
        data-testid="day-status"
      />
      {!recorded ? (
        <Text size="sm" c="dimmed">
          {t('plan.day.chooseFirst')}
        </Text>
      ) : null}
      <SimpleGrid cols={3}>
        <TextInput type="date" label={t('plan.day.actualDay')} value={value('actual_day')} onChange={(e) => change('actual_day', e.currentTarget.value)} onBlur={() => void flush()} disabled={!ran} readOnly={readOnly} />
        <TextInput type="time" label={t('plan.day.actualStart')} value={value('actual_start')} onChange={(e) => change('actual_start', e.currentTarget.value)} onBlur={() => void flush()} disabled={!ran} readOnly={readOnly} />
        <TextInput type="time" label={t('plan.day.actualEnd')} value={value('actual_end')} onChange={(e) => change('actual_end', e.currentTarget.value)} onBlur={() => void flush()} disabled={!ran} readOnly={readOnly} />
      </SimpleGrid>
      <div>
        <Text size="sm" fw={500} mb={4} id={`mode-${session.id}`}>
          {t('plan.day.mode')}
        </Text>
        <SegmentedControl
          fullWidth
          size="xs"
          aria-labelledby={`mode-${session.id}`}
          data={SESSION_MODES.map((mode) => ({ value: mode, label: mode === 'as_planned' ? t('plan.day.modeAsPlanned', { where: plannedWhere }) : t(`plan.mode.${mode}`) }))}
          value={outcome?.mode ?? 'as_planned'}
          onChange={(next) => set({ mode: next as SessionMode })}
          disabled={!ran || readOnly}
          data-testid="day-mode"
        />
      </div>
      <Textarea
        label={t('plan.day.reason')}
        description={reasonRequired ? t('plan.day.reasonRequired') : t('plan.day.reasonOptional')}
        required={reasonRequired}
        error={reasonRequired && !value('reason').trim() ? t('plan.day.reasonMissing') : undefined}
        value={value('reason')}
        onChange={(e) => change('reason', e.currentTarget.value)}
        onBlur={() => void flush()}
        autosize
        minRows={2}
        disabled={!recorded}
        readOnly={readOnly}
        data-testid="day-reason"
      />
      {place === 'remote' ? (
        <Stack gap={6} data-testid="day-remote">
          <div>
            <Text size="sm" fw={500} id={`effective-${session.id}`}>
              {t('plan.day.effectiveness')}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {t('plan.day.effectivenessHint')}
            </Text>
            <SegmentedControl
              fullWidth
              size="xs"
              aria-labelledby={`effective-${session.id}`}
              data={[...EFFECTIVENESS_RATINGS.filter((rating) => rating !== 'not_assessed'), 'not_assessed' as const].map((rating) => ({ value: rating, label: t(`plan.effectiveness.${rating}`) }))}
              value={outcome?.remote_effectiveness ?? 'not_assessed'}
              onChange={(next) => set({ remote_effectiveness: next as EffectivenessRating })}
              disabled={readOnly}
              data-testid="day-effectiveness"
            />
          </div>
          <TextInput label={t('plan.day.effectivenessNote')} placeholder={t('plan.day.effectivenessNotePlaceholder')} value={value('remote_note')} onChange={(e) => change('remote_note', e.currentTarget.value)} onBlur={() => void flush()} readOnly={readOnly} />
        </Stack>
      ) : null}
      {issues.length ? (
        <Stack gap={2} data-testid="day-issues">
          {issues.map((code) => (
            <Text key={code} size="sm" c="orange.8">
              <IconAlertTriangle size={14} style={{ verticalAlign: 'text-bottom' }} /> {t(`plan.day.issues.${code}`)}
            </Text>
          ))}
        </Stack>
      ) : null}
      {gap ? (
        <Alert color="red" variant="light" title={t('plan.asRan.gapsTitle')} data-testid="day-gap">
          <Text size="sm">{gap.units.map((unit) => topicLabel(unit.kind, unit.key, plan.pack, i18n.language)).join(t('common.groupSeparator'))}</Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('plan.asRan.gapHint')}
          </Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
