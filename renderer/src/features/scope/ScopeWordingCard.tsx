import { Card, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { auditLanguageOptions } from '../../components/options.ts';
import type { EngagementForm } from '../engagement/setup/use-engagement-form.tsx';

/**
 * The SMS scope as the client states it, and the certificate's wording derived from it — twice
 * when the certification body prints the certificate in two languages.
 */
export function ScopeWordingCard({ form }: { form: EngagementForm }) {
  const { t } = useTranslation();
  const { values, text, choose, readOnly, authorHint } = form;
  return (
    <Card withBorder padding="lg">
      <Title order={5}>{t('scope.wordingTitle')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('scope.wordingIntro')}
      </Text>
      <Stack>
        {text('sms_scope', t('scope.smsScope'), { description: t('scope.smsScopeHint'), rows: 3 })}
        {text('certificate_wording', t('scope.certificateWording'), { description: t('scope.certificateWordingHint'), rows: 3 })}
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Select
            label={t('scope.secondLanguage')}
            description={authorHint('certificate_second_language') ?? t('scope.secondLanguageHint')}
            placeholder={t('scope.secondLanguageNone')}
            data={auditLanguageOptions(values.certificate_second_language)}
            value={values.certificate_second_language || null}
            onChange={(value) => choose('certificate_second_language', value ?? '')}
            searchable
            clearable
            readOnly={readOnly}
          />
        </SimpleGrid>
        {values.certificate_second_language || values.certificate_wording_second
          ? text('certificate_wording_second', t('scope.certificateWordingSecond'), { rows: 3 })
          : null}
      </Stack>
    </Card>
  );
}
