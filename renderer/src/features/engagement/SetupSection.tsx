import { Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { AuditorDaysCard } from './setup/AuditorDaysCard.tsx';
import { SiteSampleCard } from './setup/SiteSampleCard.tsx';
import { useEngagementProfile } from './setup/use-engagement-profile.ts';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { AuditCard } from './setup/AuditCard.tsx';
import { ClientCard } from './setup/ClientCard.tsx';
import { DatesCard } from './setup/DatesCard.tsx';
import { HistoryCard } from './setup/HistoryCard.tsx';
import { ProfileCard } from './setup/ProfileCard.tsx';
import { useEngagementForm } from './setup/use-engagement-form.tsx';
import { SitesEditor } from './SitesEditor.tsx';

/** Setup: the client, the audit, its days and the sites; every field saves itself. */
export function SetupSection() {
  const { t } = useTranslation();
  const form = useEngagementForm();
  const handle = useAppStore((s) => s.current!.handle);
  // The engagement's CB profile, read once for the cards that follow it.
  const profile = useEngagementProfile(handle);
  // The sample card reloads the sites whenever the sites editor adds, deletes or restores one.
  const [sitesVersion, setSitesVersion] = useState(0);
  const sitesChanged = useCallback(() => setSitesVersion((v) => v + 1), []);
  return (
    <Stack gap="lg" maw={980}>
      <div>
        <Title order={2}>{t('setup.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('setup.intro')}
        </Text>
      </div>
      {form.saveState === 'failed' && !form.serverField ? <ErrorNotice error={form.saveError} /> : null}
      <ClientCard form={form} profile={profile} />
      <AuditCard form={form} />
      <ProfileCard handle={handle} readOnly={form.readOnly} />
      <DatesCard form={form} />
      <HistoryCard form={form} />
      <SitesEditor onSitesChanged={sitesChanged} />
      <SiteSampleCard form={form} handle={handle} sitesVersion={sitesVersion} />
      <AuditorDaysCard form={form} handle={handle} profile={profile} />
    </Stack>
  );
}
