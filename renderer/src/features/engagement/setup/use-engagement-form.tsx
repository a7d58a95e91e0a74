import { TextInput, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldAuthorView } from '../../../../../shared/contract/team-views.ts';
import { creditCodeProblem } from '../../../../../shared/credit-code.ts';
import type { EngagementFields } from '../../../../../shared/engagement.ts';
import { isCalendarDate, isIanaTimeZone } from '../../../../../shared/time.ts';
import { formatInstant } from '../../../components/format.ts';
import { ContractFailure, invoke } from '../../../contract/client.ts';
import { useAppStore } from '../../../state/app-store.ts';
import { useSaveStore } from '../../../state/save-store.ts';

export type Field = keyof EngagementFields;
/** The engagement's fields that hold text (the others are choices, flags, days). */
export type TextField = { [K in Field]: EngagementFields[K] extends string ? K : never }[Field];

/** Counts and days: a negative one is kept on screen with its problem, never saved (nor silently clamped). */
const NUMBER_FIELDS: readonly Field[] = ['effective_personnel', 'table_auditor_days', 'allocated_onsite_days', 'allocated_remote_days', 'earlier_last_finding_seq'];

/** Why a value cannot be saved yet (kept on screen, not written), or null. */
function localProblem(field: Field, value: EngagementFields[Field], values: EngagementFields, t: TFunction): string | null {
  if (field === 'client_name' && !String(value).trim()) return t('create.required');
  if ((field === 'start_date' || field === 'end_date') && !isCalendarDate(String(value))) return t('create.required');
  if (field === 'time_zone' && !isIanaTimeZone(String(value))) return t('create.required');
  if (field === 'certificate_expires_on' || field === 'certification_decision_on') {
    const decision = field === 'certification_decision_on' ? value : values.certification_decision_on;
    const expiry = field === 'certificate_expires_on' ? value : values.certificate_expires_on;
    if (decision && expiry && String(expiry) <= String(decision)) return t(field === 'certificate_expires_on' ? 'history.expiryBeforeDecision' : 'history.decisionAfterExpiry');
  }
  if (NUMBER_FIELDS.includes(field) && typeof value === 'number' && value < 0) return t('setup.notNegative');
  if (field === 'client_credit_code') {
    const problem = creditCodeProblem(String(value));
    if (problem) return t(`setup.creditCodeProblem.${problem}`);
  }
  return null;
}

/**
 * The engagement row as a form: every field saves itself 500 ms after the last keystroke, or when
 * it loses focus; a value that cannot be saved stays on screen with its problem; fields last
 * changed by someone else say who and when.
 */
export function useEngagementForm() {
  const { t } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const queue = useSaveStore((s) => s.queue);
  const flush = useSaveStore((s) => s.flush);
  const saveError = useSaveStore((s) => s.error);
  const saveState = useSaveStore((s) => s.state);
  const [values, setValues] = useState<EngagementFields>(() => ({ ...(current.engagement as EngagementFields) }));
  // The latest values, also between renders: two changes in one handler (a draw records its seed
  // and its hash) must both land.
  const latest = useRef(values);
  const readOnly = current.readOnly;
  const [authors, setAuthors] = useState<FieldAuthorView[]>([]);

  useEffect(() => {
    const engagementId = current.engagement?.id;
    if (!engagementId) return;
    invoke('engagement:fieldAuthors', { engagementHandle: current.handle, entity: 'engagement', rowId: engagementId }).then(setAuthors, () => setAuthors([]));
  }, [current.handle, current.engagement?.id]);
  const authorHint = (field: Field): string | undefined => {
    const author = authors.find((a) => a.field === field && !a.byMe);
    return author ? t('team.lastChangedBy', { name: author.actorName, time: formatInstant(author.wallTime) }) : undefined;
  };

  const change = <F extends Field>(field: F, value: EngagementFields[F]) => {
    const next = { ...latest.current, [field]: value };
    latest.current = next;
    setValues(next);
    if (!readOnly && !localProblem(field, value, next, t)) queue(current.handle, { [field]: value });
  };
  /** A choice (select, switch) is committed at once, not after the typing pause. */
  const choose = <F extends Field>(field: F, value: EngagementFields[F]) => {
    change(field, value);
    void flush();
  };
  const blur = () => void flush();

  const serverField =
    saveState === 'failed' && saveError instanceof ContractFailure && saveError.error.code === 'INVALID_VALUE'
      ? String(saveError.error.params.field ?? '')
      : '';
  const problem = (field: Field): string | null =>
    localProblem(field, values[field], values, t) ?? (serverField === field ? String((saveError as ContractFailure).error.params.problem ?? '') : null);

  /** `error`: what the card itself finds wrong (a value the CB profile requires), shown after the field's own problem. */
  const text = (field: TextField, label: string, options: { description?: string; rows?: number; placeholder?: string; error?: string | null } = {}) => {
    const common = {
      label,
      description: authorHint(field) ?? options.description,
      placeholder: options.placeholder,
      value: values[field],
      onChange: (e: { currentTarget: { value: string } }) => change(field, e.currentTarget.value),
      onBlur: blur,
      error: problem(field) ?? options.error ?? null,
      readOnly,
      name: field,
    };
    return options.rows ? <Textarea {...common} autosize minRows={options.rows} maxRows={12} /> : <TextInput {...common} />;
  };

  return { values, readOnly, change, choose, blur, problem, authorHint, text, saveError, saveState, serverField };
}

export type EngagementForm = ReturnType<typeof useEngagementForm>;
