import { Alert, Card, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { auditDatesInOrder } from '../../../../../shared/engagement-rules.ts';
import { timeZoneOptions } from '../../../components/options.ts';
import type { EngagementForm } from './use-engagement-form.tsx';

/** The audit days and the time zone they are recorded in. */
export function DatesCard({ form }: { form: EngagementForm }) {
  const { t } = useTranslation();
  const { values, change, choose, blur, problem, readOnly } = form;
  return (
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
          onChange={(value) => value && choose('time_zone', value)}
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
  );
}
