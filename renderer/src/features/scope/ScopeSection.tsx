import { Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useEngagementForm } from '../engagement/setup/use-engagement-form.tsx';
import { useEngagementProfile } from '../engagement/setup/use-engagement-profile.ts';
import { OtherPartiesCard } from './OtherPartiesCard.tsx';
import { ProcessMatrix } from './ProcessMatrix.tsx';
import type { Service, ServiceProcess } from './scope-types.ts';
import { ScopeWordingCard } from './ScopeWordingCard.tsx';
import { ServicesCard } from './ServicesCard.tsx';

/**
 * Scope: the SMS scope and the certificate's wording, the services in scope, which services each
 * process's audit trail covers, and the other parties that operate parts of them (8.2.3).
 */
export function ScopeSection() {
  const { t } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const form = useEngagementForm();
  // Read once for the cards that follow the CB: categories per service, the scope in two languages.
  const profile = useEngagementProfile(handle);
  const [services, setServices] = useState<Service[]>([]);
  const [links, setLinks] = useState<ServiceProcess[]>([]);
  const [pack, setPack] = useState<ChecklistPack | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    Promise.all([
      invoke('rows:list', { engagementHandle: handle, table: 'service' }),
      invoke('rows:list', { engagementHandle: handle, table: 'service_process' }),
    ]).then(([serviceRows, linkRows]) => {
      setServices(serviceRows as unknown as Service[]);
      setLinks(linkRows as unknown as ServiceProcess[]);
    }, setError);
  }, [handle]);
  useEffect(load, [load]);
  useEffect(() => {
    invoke('engagement:checklist', { engagementHandle: handle }).then((view) => setPack(view?.pack ?? null), setError);
  }, [handle]);

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={2}>{t('scope.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('scope.intro')}
        </Text>
      </div>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      <ScopeWordingCard form={form} profile={profile} />
      <ServicesCard handle={handle} readOnly={current.readOnly} services={services} profile={profile} onChanged={load} onError={setError} />
      <ProcessMatrix handle={handle} readOnly={current.readOnly} services={services} links={links} pack={pack} onChanged={load} onError={setError} />
      <OtherPartiesCard handle={handle} readOnly={current.readOnly} services={services} />
    </Stack>
  );
}
