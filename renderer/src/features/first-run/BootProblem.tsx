import { Alert, Center, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAppStore } from '../../state/app-store.ts';

/** What the page shows when it cannot start: opened without its key, or the host did not answer. */
export function BootProblem() {
  const { t } = useTranslation();
  const phase = useAppStore((s) => s.phase);
  const error = useAppStore((s) => s.bootError);
  return (
    <Center h="100vh" p="xl">
      <Stack maw={560}>
        <Title order={2}>{t('app.name')}</Title>
        {phase === 'no-token' ? (
          <Alert color="yellow" icon={<IconKey size={20} />} title={t('boot.noTokenTitle')}>
            <Text size="sm">{t('boot.noTokenText')}</Text>
          </Alert>
        ) : (
          <>
            <Text fw={500}>{t('boot.failedTitle')}</Text>
            <ErrorNotice error={error} />
          </>
        )}
      </Stack>
    </Center>
  );
}
