import { Card, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../../../../shared/time.ts';
import { useAppStore } from '../../../state/app-store.ts';
import { EarlierAudits } from './EarlierAudits.tsx';
import type { EngagementForm } from './use-engagement-form.tsx';

/**
 * The client's certification history: the current certificate (its expiry counts down on the
 * Overview) and the earlier audits. Entered by hand when there is no earlier engagement file.
 */
export function HistoryCard({ form }: { form: EngagementForm }) {
  const { t } = useTranslation();
  const handle = useAppStore((s) => s.current!.handle);
  const { values, text, change, blur, problem, readOnly, authorHint } = form;
  const day = (field: 'certification_decision_on' | 'certificate_expires_on', label: string) => (
    <TextInput
      type="date"
      label={label}
      description={authorHint(field)}
      value={values[field] ?? ''}
      onChange={(e) => {
        const value = e.currentTarget.value;
        if (value === '' || isCalendarDate(value)) change(field, value || null);
      }}
      onBlur={blur}
      error={problem(field)}
      readOnly={readOnly}
      name={field}
    />
  );
  return (
    <Card withBorder padding="lg" data-testid="history">
      <Title order={5}>{t('history.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('history.intro')}
      </Text>
      <Stack>
        <SimpleGrid cols={3}>
          {text('certificate_number', t('history.certificate'), { placeholder: t('history.certificatePlaceholder') })}
          {day('certification_decision_on', t('history.decision'))}
          {day('certificate_expires_on', t('history.expiry'))}
        </SimpleGrid>
        <EarlierAudits handle={handle} readOnly={readOnly} />
        <NumberInput
          label={t('history.lastFindingSeq')}
          description={authorHint('earlier_last_finding_seq') ?? t('history.lastFindingSeqHint')}
          value={values.earlier_last_finding_seq ?? ''}
          onChange={(value) => change('earlier_last_finding_seq', typeof value === 'number' ? value : null)}
          onBlur={blur}
          error={problem('earlier_last_finding_seq')}
          clampBehavior="none"
          min={0}
          allowDecimal={false}
          readOnly={readOnly}
          w={{ base: '100%', md: '50%' }}
          name="earlier_last_finding_seq"
        />
      </Stack>
    </Card>
  );
}
