import { Alert, Badge, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementProfileView, LibraryProfileView } from '../../../../../shared/contract/profile-views.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { formatInstant } from '../../../components/format.ts';
import { invoke } from '../../../contract/client.ts';
import { useAppStore } from '../../../state/app-store.ts';

/**
 * Which certification body profile the engagement uses (its own copy: title, version, the CB), a
 * choice from this computer's library, and — while the profile has no audit-time table — where to get one.
 */
export function ProfileCard({ handle, readOnly }: { handle: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const [library, setLibrary] = useState<readonly LibraryProfileView[]>([]);
  const [current, setCurrent] = useState<EngagementProfileView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    invoke('profiles:list', {}).then((view) => setLibrary(view.profiles), setError);
    invoke('engagement:profile', { engagementHandle: handle }).then(setCurrent, setError);
  }, [handle]);
  useEffect(load, [load]);

  async function choose(key: string | null) {
    if (!key || key === current?.key) return;
    setBusy(true);
    try {
      const chosen = await invoke('engagement:chooseProfile', { engagementHandle: handle, key });
      setCurrent(chosen);
      // The engagement row now names the profile: cards that read it (auditor-days) follow.
      const summary = await invoke('engagement:summary', { engagementHandle: handle });
      useAppStore.getState().updateCurrent({ engagement: summary.engagement });
      notifications.show({ color: 'green', message: t('profiles.card.chosen', { title: chosen.title, version: chosen.version }) });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const options = library.map((entry) => ({ value: entry.key, label: `${entry.title} · ${entry.version}` }));
  if (current && !options.some((option) => option.value === current.key)) options.unshift({ value: current.key, label: `${current.title} · ${current.version}` });

  return (
    <Card withBorder padding="lg" data-testid="profile-card">
      <Title order={5} mb={4}>
        {t('profiles.card.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {t('profiles.card.intro')}
      </Text>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      <Group align="flex-start" gap="xl" wrap="nowrap">
        <Select
          label={t('profiles.card.choose')}
          placeholder={t('profiles.card.placeholder')}
          data={options}
          value={current?.key ?? null}
          onChange={(key) => void choose(key)}
          allowDeselect={false}
          readOnly={readOnly}
          disabled={busy}
          w={360}
          name="cb_profile"
          data-testid="profile-select"
        />
        <Stack gap={4} pt={26} style={{ flex: 1 }} data-testid="profile-current">
          {current ? (
            <>
              <Group gap="xs">
                <Text fw={600} translate="no">
                  {current.title}
                </Text>
                <Badge variant="light">{t('profiles.card.version', { version: current.version })}</Badge>
              </Group>
              <Text size="sm">
                {t('profiles.card.body')}:{' '}
                {current.cbName ? (
                  <Text span fw={500} translate="no">
                    {current.cbName}
                  </Text>
                ) : (
                  <Text span c="dimmed">
                    {t('profiles.card.template')}
                  </Text>
                )}
              </Text>
              <Text size="xs" c="dimmed">
                {current.auditTimeRows > 0 ? `${t('profiles.card.tableRows', { count: current.auditTimeRows })} · ` : ''}
                {t('profiles.card.copied', { date: formatInstant(current.addedAt) })}
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('profiles.card.none')}
            </Text>
          )}
        </Stack>
      </Group>
      {current && current.auditTimeRows === 0 ? (
        <Alert mt="md" variant="light" color="blue" icon={<IconInfoCircle size={18} />} data-testid="profile-table-empty">
          {t('profiles.card.tableEmpty')}
        </Alert>
      ) : null}
    </Card>
  );
}
