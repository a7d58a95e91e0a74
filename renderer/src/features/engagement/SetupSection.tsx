import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { AuditCard } from './setup/AuditCard.tsx';
import { ClientCard } from './setup/ClientCard.tsx';
import { DatesCard } from './setup/DatesCard.tsx';
import { HistoryCard } from './setup/HistoryCard.tsx';
import { useEngagementForm } from './setup/use-engagement-form.tsx';
import { SitesEditor } from './SitesEditor.tsx';

/** Setup: the client, the audit, its days and the sites; every field saves itself. */
export function SetupSection() {
  const { t } = useTranslation();
  const form = useEngagementForm();
  return (
    <Stack gap="lg" maw={980}>
      <div>
        <Title order={2}>{t('setup.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('setup.intro')}
        </Text>
      </div>
      {form.saveState === 'failed' && !form.serverField ? <ErrorNotice error={form.saveError} /> : null}
      <ClientCard form={form} />
      <AuditCard form={form} />
      <DatesCard form={form} />
      <HistoryCard form={form} />
      <SitesEditor />
    </Stack>
  );
}
