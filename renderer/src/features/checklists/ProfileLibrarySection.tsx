import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconFileImport } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryProfileView, ProfileImportView, ProfileLibraryView } from '../../../../shared/contract/profile-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatInstant } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { useFileChooser } from '../files/use-file-chooser.tsx';

type Refused = Extract<ProfileImportView, { status: 'refused' }>;

/** The library's second section: this computer's certification body profiles, import (every issue of a bad file) and export. */
export function ProfileLibrarySection() {
  const { t } = useTranslation();
  const [library, setLibrary] = useState<ProfileLibraryView | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [error, setError] = useState<unknown>(null);
  const chooser = useFileChooser();

  const load = useCallback(() => {
    invoke('profiles:list', {}).then(setLibrary, setError);
  }, []);
  useEffect(load, [load]);

  async function importProfile() {
    const file = await chooser.choose({ mode: 'open', kind: 'profile', suggestedName: '', title: t('profiles.import') });
    if (!file) return;
    try {
      const outcome = await invoke('profiles:import', { file });
      if (outcome.status === 'refused') return setRefused(outcome);
      setRefused(null);
      const params = { title: outcome.profile.title, version: outcome.profile.version };
      notifications.show({ color: 'green', message: t(outcome.status === 'imported' ? 'profiles.imported' : 'profiles.alreadyPresent', params) });
      load();
    } catch (failure) {
      setError(failure);
    }
  }

  async function exportProfile(view: LibraryProfileView) {
    const file = await chooser.choose({ mode: 'save', kind: 'profile', suggestedName: `${view.id}-${view.version}`, title: t('profiles.export') });
    if (!file) return;
    try {
      const done = await invoke('profiles:export', { key: view.key, file });
      notifications.show({ color: 'green', message: t('profiles.exported', { file: done.file }) });
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <Stack gap="sm" mt="lg" data-testid="profile-library">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={4}>{t('profiles.section')}</Title>
          <Text size="sm" c="dimmed" maw={820}>
            {t('profiles.sectionIntro')}
          </Text>
        </div>
        <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={() => void importProfile()} data-testid="profile-import">
          {t('profiles.import')}
        </Button>
      </Group>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      {refused ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('profiles.refusedTitle', { file: refused.fileName })} withCloseButton onClose={() => setRefused(null)} data-testid="profile-refused">
          <Text size="sm" mb="xs">
            {t('profiles.refusedText')}
          </Text>
          <Table withRowBorders={false} verticalSpacing={2} fz="sm">
            <Table.Tbody>
              {refused.issues.map((issue, index) => (
                <Table.Tr key={index}>
                  <Table.Td w={80} c="dimmed">
                    {issue.line !== undefined ? t('profiles.line', { line: issue.line }) : ''}
                  </Table.Td>
                  <Table.Td w={260} ff="monospace" translate="no">
                    {issue.path || t('profiles.whole')}
                  </Table.Td>
                  <Table.Td>{t(`profiles.issues.${issue.code}`, { ...issue.params })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      ) : null}
      {library?.unreadable.map((bad) => (
        <Alert key={bad.file} color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('profiles.unreadable', { file: bad.file, codes: bad.codes.join(', ') })}
        </Alert>
      ))}
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="profile-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('profiles.columns.profile')}</Table.Th>
              <Table.Th>{t('profiles.columns.version')}</Table.Th>
              <Table.Th>{t('profiles.columns.body')}</Table.Th>
              <Table.Th>{t('profiles.columns.auditTime')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {library?.profiles.map((profile) => (
              <Table.Tr key={profile.key} data-testid={`profile-row-${profile.key}`}>
                <Table.Td>
                  <Text fw={600} size="sm" translate="no">
                    {profile.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <Text span ff="monospace" size="xs" translate="no">
                      {profile.id}
                    </Text>{' '}
                    · {profile.source === 'shipped' ? t('profiles.shipped') : t('profiles.importedOn', { date: profile.addedAt ? formatInstant(profile.addedAt) : '' })} ·{' '}
                    {t('profiles.grades', { count: profile.grades })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{profile.version}</Badge>
                </Table.Td>
                <Table.Td>
                  {profile.cbName ? (
                    <Text size="sm" translate="no">
                      {profile.cbName}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('profiles.template')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={profile.auditTimeRows ? undefined : 'dimmed'}>
                    {profile.auditTimeRows ? t('profiles.tableRows', { count: profile.auditTimeRows }) : t('profiles.tableMissing')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Tooltip label={t('profiles.export')}>
                      <ActionIcon variant="subtle" color="gray" onClick={() => void exportProfile(profile)} aria-label={t('profiles.export')}>
                        <IconDownload size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {chooser.picker}
    </Stack>
  );
}
