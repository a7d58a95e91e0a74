import { Button, Card, Input, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementForm } from './use-engagement-form.tsx';
import type { EngagementProfileView } from '../../../../../shared/contract/profile-views.ts';
import { requires } from './use-engagement-profile.ts';

const LICENCE = { unknown: null, yes: 1, no: 0 } as const;
type LicenceState = keyof typeof LICENCE;
const licenceState = (value: number | null): LicenceState => (value === 1 ? 'yes' : value === 0 ? 'no' : 'unknown');

/**
 * Who is audited: the client, the CB, who speaks for the client. The facts a Chinese certificate
 * needs (unified social credit code, business licence covers the scope) show when the audit is held
 * in Chinese or they are already filled; otherwise one button adds them.
 */
export function ClientCard({ form, profile }: { form: EngagementForm; profile: EngagementProfileView | null }) {
  const { t } = useTranslation();
  const { values, text, choose, readOnly, authorHint } = form;
  const creditCodeRequired = requires(profile, 'unified-social-credit-code');
  const licenceRequired = requires(profile, 'business-licence-scope-check');
  const filled = values.client_credit_code !== '' || values.licence_covers_scope !== null || creditCodeRequired || licenceRequired;
  const [chinaFacts, setChinaFacts] = useState(filled || values.audit_language.startsWith('zh'));
  const missing = [
    creditCodeRequired && !values.client_credit_code.trim() ? t('setup.creditCode') : null,
    licenceRequired && values.licence_covers_scope === null ? t('setup.licence') : null,
  ].filter((label): label is string => label !== null);
  return (
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
        <SimpleGrid cols={2}>
          {text('client_representative', t('setup.clientRepresentative'), { description: t('setup.clientRepresentativeHint') })}
          {text('client_contact', t('setup.clientContact'), { description: t('setup.clientContactHint') })}
        </SimpleGrid>
        {chinaFacts || filled ? (
          <Stack gap="xs" data-testid="china-facts">
            <Text size="sm" fw={600}>
              {t('setup.chinaFacts')}
            </Text>
            {missing.length && profile ? (
              <Text size="sm" c="orange.8" data-testid="required-by-profile">
                {t('setup.requiredByProfile', { profile: profile.title, fields: missing.join(t('common.listSeparator')) })}
              </Text>
            ) : null}
            <SimpleGrid cols={2}>
              {text('client_credit_code', t('setup.creditCode'), { description: t('setup.creditCodeHint') })}
              <Input.Wrapper label={t('setup.licence')} description={authorHint('licence_covers_scope') ?? t('setup.licenceHint')} labelElement="div">
                <SegmentedControl
                  mt={6}
                  display="flex"
                  w="fit-content"
                  aria-label={t('setup.licence')}
                  value={licenceState(values.licence_covers_scope)}
                  onChange={(state) => choose('licence_covers_scope', LICENCE[state as LicenceState])}
                  readOnly={readOnly}
                  data={(Object.keys(LICENCE) as LicenceState[]).map((state) => ({ value: state, label: t(`setup.licenceState.${state}`) }))}
                />
              </Input.Wrapper>
            </SimpleGrid>
          </Stack>
        ) : (
          <div>
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setChinaFacts(true)} disabled={readOnly}>
              {t('setup.chinaFactsAdd')}
            </Button>
          </div>
        )}
      </Stack>
    </Card>
  );
}
