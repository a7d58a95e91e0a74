import { Card, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EngagementProfileView } from '../../../../shared/contract/profile-views.ts';
import { auditLanguageOptions } from '../../components/options.ts';
import type { EngagementForm } from '../engagement/setup/use-engagement-form.tsx';
import { requires } from '../engagement/setup/use-engagement-profile.ts';

/**
 * The SMS scope as the client states it, and the certificate's wording derived from it — twice
 * when the certification body prints the certificate in two languages. When the engagement's CB
 * profile requires the scope in two languages, the second language and its wording are always
 * shown and each says so while empty.
 */
export function ScopeWordingCard({ form, profile }: { form: EngagementForm; profile: EngagementProfileView | null }) {
  const { t } = useTranslation();
  const { values, text, choose, readOnly, authorHint } = form;
  const twoLanguages = requires(profile, 'scope-in-two-languages');
  const title = profile?.title ?? '';
  const languageMissing = twoLanguages && !values.certificate_second_language;
  const wordingMissing = twoLanguages && !values.certificate_wording_second.trim();
  return (
    <Card withBorder padding="lg" data-testid="scope-wording">
      <Title order={5}>{t('scope.wordingTitle')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('scope.wordingIntro')}
        {twoLanguages ? (
          <>
            {' '}
            <span data-testid="two-languages-required">{t('scope.wordingIntroTwoLanguages', { profile: title })}</span>
          </>
        ) : null}
      </Text>
      <Stack>
        {text('sms_scope', t('scope.smsScope'), { description: t('scope.smsScopeHint'), rows: 3 })}
        {text('certificate_wording', t('scope.certificateWording'), { description: t('scope.certificateWordingHint'), rows: 3 })}
        <SimpleGrid cols={{ base: 1, md: twoLanguages ? 2 : 3 }}>
          <Select
            label={t('scope.secondLanguage')}
            description={authorHint('certificate_second_language') ?? t('scope.secondLanguageHint')}
            placeholder={twoLanguages ? undefined : t('scope.secondLanguageNone')}
            data={auditLanguageOptions(values.certificate_second_language)}
            value={values.certificate_second_language || null}
            onChange={(value) => choose('certificate_second_language', value ?? '')}
            error={languageMissing ? t('scope.secondLanguageRequired', { profile: title }) : null}
            searchable
            clearable
            readOnly={readOnly}
          />
        </SimpleGrid>
        {twoLanguages || values.certificate_second_language || values.certificate_wording_second
          ? text('certificate_wording_second', t('scope.certificateWordingSecond'), {
              rows: 3,
              error: wordingMissing ? t('scope.certificateWordingSecondRequired', { profile: title }) : null,
            })
          : null}
      </Stack>
    </Card>
  );
}
