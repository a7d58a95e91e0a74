import type { TFunction } from 'i18next';
import { Alert, Card, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { FieldAuthorView } from '../../../../shared/contract/team-views.ts';
import { formatInstant } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { useTranslation } from 'react-i18next';
import { auditDatesInOrder } from '../../../../shared/engagement-rules.ts';
import type { EngagementFields } from '../../../../shared/engagement.ts';
import { isCalendarDate, isIanaTimeZone } from '../../../../shared/time.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { auditTypeOptions, editionOptions, timeZoneOptions } from '../../components/options.ts';
import { ContractFailure } from '../../contract/client.ts';

import { useAppStore } from '../../state/app-store.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { SitesEditor } from './SitesEditor.tsx';

type Field = keyof EngagementFields;

/** Why a value cannot be saved yet (kept on screen, not written), or null. */
function localProblem(field: Field, value: string, t: TFunction): string | null {
  if (field === 'client_name' && !value.trim()) return t('create.required');
  if ((field === 'start_date' || field === 'end_date') && !isCalendarDate(value)) return t('create.required');
  if (field === 'time_zone' && !isIanaTimeZone(value)) return t('create.required');
  return null;
}

/** Setup: every field saves itself 500 ms after the last keystroke, or when it loses focus. */
export function SetupSection() {
  const { t } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const queue = useSaveStore((s) => s.queue);
  const flush = useSaveStore((s) => s.flush);
  const saveError = useSaveStore((s) => s.error);
  const saveState = useSaveStore((s) => s.state);
  const [values, setValues] = useState<EngagementFields>(() => ({ ...(current.engagement as EngagementFields) }));
  const readOnly = current.readOnly;
  const [authors, setAuthors] = useState<FieldAuthorView[]>([]);

  // Who did what stays visible: fields last changed by someone else say who and when.
  useEffect(() => {
    const engagementId = current.engagement?.id;
    if (!engagementId) return;
    invoke('engagement:fieldAuthors', { engagementHandle: current.handle, entity: 'engagement', rowId: engagementId }).then(setAuthors, () => setAuthors([]));
  }, [current.handle, current.engagement?.id]);
  const authorHint = (field: Field): string | undefined => {
    const author = authors.find((a) => a.field === field && !a.byMe);
    return author ? t('team.lastChangedBy', { name: author.actorName, time: formatInstant(author.wallTime) }) : undefined;
  };

  const change = (field: Field, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    if (!readOnly && !localProblem(field, value, t)) queue(current.handle, { [field]: value });
  };
  const blur = () => void flush();

  const serverField =
    saveState === 'failed' && saveError instanceof ContractFailure && saveError.error.code === 'INVALID_VALUE'
      ? String(saveError.error.params.field ?? '')
      : '';
  const problem = (field: Field): string | null =>
    localProblem(field, values[field], t) ?? (serverField === field ? String((saveError as ContractFailure).error.params.problem ?? '') : null);

  const text = (field: Field, label: string, options: { description?: string; rows?: number } = {}) => {
    const common = {
      label,
      description: authorHint(field) ?? options.description,
      value: values[field],
      onChange: (e: { currentTarget: { value: string } }) => change(field, e.currentTarget.value),
      onBlur: blur,
      error: problem(field),
      readOnly,
      name: field,
    };
    return options.rows ? <Textarea {...common} autosize minRows={options.rows} maxRows={12} /> : <TextInput {...common} />;
  };

  return (
    <Stack gap="lg" maw={980}>
      <div>
        <Title order={2}>{t('setup.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('setup.intro')}
        </Text>
      </div>
      {saveState === 'failed' && !serverField ? <ErrorNotice error={saveError} /> : null}

      <Card withBorder padding="lg">
        <Title order={5} mb="md">
          {t('setup.client')}
        </Title>
        <Stack>
          <SimpleGrid cols={2}>
            {text('client_name', t('setup.clientName'))}
            {text('certification_body', t('setup.certificationBody'))}
          </SimpleGrid>
          {text('client_address', t('setup.clientAddress'), { rows: 2 })}
        </Stack>
      </Card>

      <Card withBorder padding="lg">
        <Title order={5} mb="md">
          {t('setup.audit')}
        </Title>
        <Stack>
          <SimpleGrid cols={2}>
            <Select
              label={t('setup.auditType')}
              data={auditTypeOptions(t)}
              value={values.audit_type}
              onChange={(value) => value && (change('audit_type', value), void flush())}
              allowDeselect={false}
              readOnly={readOnly}
              name="audit_type"
            />
            <Select
              label={t('setup.standardEdition')}
              data={editionOptions(t)}
              value={values.standard_edition}
              onChange={(value) => value && (change('standard_edition', value), void flush())}
              allowDeselect={false}
              readOnly={readOnly}
              name="standard_edition"
            />
          </SimpleGrid>
          {text('criteria', t('setup.criteria'), { description: t('setup.criteriaHint'), rows: 2 })}
          {text('objectives', t('setup.objectives'), { rows: 3 })}
          {text('scope', t('setup.scope'), { description: t('setup.scopeHint'), rows: 3 })}
        </Stack>
      </Card>

      <Card withBorder padding="lg">
        <Title order={5} mb="md">
          {t('setup.dates')}
        </Title>
        <SimpleGrid cols={3}>
          <TextInput
            type="date"
            label={t('setup.startDate')}
            value={values.start_date}
            onChange={(e) => change('start_date', e.currentTarget.value)}
            onBlur={blur}
            error={problem('start_date')}
            readOnly={readOnly}
            name="start_date"
          />
          <TextInput
            type="date"
            label={t('setup.endDate')}
            value={values.end_date}
            onChange={(e) => change('end_date', e.currentTarget.value)}
            onBlur={blur}
            error={problem('end_date')}
            readOnly={readOnly}
            name="end_date"
          />
          <Select
            label={t('setup.timeZone')}
            data={timeZoneOptions(values.time_zone)}
            value={values.time_zone}
            onChange={(value) => value && (change('time_zone', value), void flush())}
            searchable
            allowDeselect={false}
            limit={50}
            readOnly={readOnly}
            name="time_zone"
          />
        </SimpleGrid>
        {!auditDatesInOrder(values.start_date, values.end_date) ? (
          <Alert color="orange" variant="light" mt="md">
            {t('create.datesOrder')}
          </Alert>
        ) : null}
      </Card>

      <SitesEditor />
    </Stack>
  );
}
