import { ActionIcon, Alert, Anchor, Badge, Box, Button, Container, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconBook2, IconDownload, IconFileImport, IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import type { LibraryPackView, PackImportView, PackLibraryView } from '../../../../shared/contract/pack-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatInstant } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useFileChooser } from '../files/use-file-chooser.tsx';
import { ChecklistBrowser } from './ChecklistBrowser.tsx';
import { ImportPackModal } from './ImportPackModal.tsx';
import { ProfileLibrarySection } from './ProfileLibrarySection.tsx';

/** The Checklist library: every pack on this computer, who uses which version, import and export. */
export function LibraryScreen() {
  const { t } = useTranslation();
  const goHome = useAppStore((s) => s.showHome);
  const [library, setLibrary] = useState<PackLibraryView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [importing, setImporting] = useState(false);
  const [browsing, setBrowsing] = useState<{ view: LibraryPackView; pack: ChecklistPack } | null>(null);
  const chooser = useFileChooser();

  const load = useCallback(() => {
    invoke('packs:list', {}).then(setLibrary, setError);
  }, []);
  useEffect(load, [load]);
  useGuardedHotkeys([['mod+I', () => setImporting(true)]]);

  async function browse(view: LibraryPackView) {
    try {
      setBrowsing({ view, pack: await invoke('packs:get', { key: view.key }) });
    } catch (failure) {
      setError(failure);
    }
  }

  async function exportPack(view: LibraryPackView) {
    const file = await chooser.choose({ mode: 'save', kind: 'checklist', suggestedName: `${view.id}-${view.version}`, title: t('checklists.export') });
    if (!file) return;
    try {
      const done = await invoke('packs:export', { key: view.key, file });
      notifications.show({ color: 'green', message: t('checklists.exported', { file: done.file }) });
    } catch (failure) {
      setError(failure);
    }
  }

  function imported(view: PackImportView) {
    if (view.status === 'refused') return;
    notifications.show({
      color: 'green',
      message: t(view.status === 'imported' ? 'checklists.importModal.imported' : 'checklists.importModal.alreadyPresent', {
        title: view.pack.title,
        version: view.pack.version,
      }),
    });
    load();
  }

  const header = (
    <Box bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Container size="xl" py="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Button variant="subtle" color="gray" size="xs" leftSection={<IconArrowLeft size={16} />} onClick={() => (browsing ? setBrowsing(null) : goHome())} data-testid="library-back">
              {browsing ? t('checklists.library') : t('checklists.back')}
            </Button>
            <Title order={3} translate={browsing ? 'no' : undefined}>
              {browsing ? browsing.view.title : t('checklists.library')}
            </Title>
            {browsing ? (
              <Badge variant="light" size="lg">
                {browsing.view.version}
              </Badge>
            ) : null}
          </Group>
          <Group gap="xs">
            {browsing ? (
              <Button variant="default" leftSection={<IconDownload size={18} />} onClick={() => void exportPack(browsing.view)}>
                {t('checklists.export')}
              </Button>
            ) : (
              <Tooltip label="Ctrl+I">
                <Button leftSection={<IconFileImport size={18} />} onClick={() => setImporting(true)} data-testid="pack-import">
                  {t('checklists.import')}
                </Button>
              </Tooltip>
            )}
          </Group>
        </Group>
      </Container>
    </Box>
  );

  return (
    <Box bg="gray.0" mih="100vh">
      {header}
      <Container size="xl" py="md">
        {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
        {browsing ? (
          <ChecklistBrowser pack={browsing.pack} height="calc(100vh - 110px)" />
        ) : (
          <Stack gap="md">
            <Text size="sm" c="dimmed" maw={820}>
              {t('checklists.libraryIntro')}
            </Text>
            {library?.unreadable.map((bad) => (
              <Alert key={bad.file} color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
                {t('checklists.unreadable', { file: bad.file, problem: bad.problem })}
              </Alert>
            ))}
            <Paper withBorder radius="md">
              {library && library.packs.length === 0 ? (
                <Stack align="center" py="xl" gap="xs">
                  <IconBook2 size={40} color="var(--mantine-color-gray-5)" />
                  <Text fw={500}>{t('checklists.emptyTitle')}</Text>
                  <Text size="sm" c="dimmed">
                    {t('checklists.emptyText')}
                  </Text>
                </Stack>
              ) : (
                <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="pack-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('checklists.columns.pack')}</Table.Th>
                      <Table.Th>{t('checklists.columns.version')}</Table.Th>
                      <Table.Th>{t('checklists.columns.content')}</Table.Th>
                      <Table.Th>{t('checklists.columns.usedBy')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {library?.packs.map((pack) => (
                      <Table.Tr key={pack.key} data-testid={`pack-row-${pack.key}`}>
                        <Table.Td>
                          <Anchor fw={600} onClick={() => void browse(pack)} translate="no">
                            {pack.title}
                          </Anchor>
                          <Text size="xs" c="dimmed" translate="no">
                            {pack.criteria} · <Text span ff="monospace" size="xs">{pack.id}</Text>
                          </Text>
                          <Text size="xs" c="dimmed">
                            {pack.source === 'shipped' ? t('checklists.source.shipped') : `${t('checklists.source.imported')} ${pack.addedAt ? formatInstant(pack.addedAt) : ''}`}
                            {pack.publisher ? <span translate="no"> · {pack.publisher}</span> : null}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light">{pack.version}</Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{t('checklists.counts', { ...pack.counts })}</Text>
                        </Table.Td>
                        <Table.Td>
                          {pack.usedBy.length === 0 ? (
                            <Text size="sm" c="dimmed">
                              {t('checklists.usedByNone')}
                            </Text>
                          ) : (
                            <Tooltip label={pack.usedBy.map((use) => t('common.withDetail', { name: use.clientName, detail: use.file })).join('\n')} multiline maw={420}>
                              <Stack gap={0}>
                                <Text size="sm">{t('checklists.usedBy', { count: pack.usedBy.length })}</Text>
                                <Text size="xs" c="dimmed" lineClamp={2}>
                                  {pack.usedBy.map((use) => use.clientName).join(t('common.listSeparator'))}
                                </Text>
                              </Stack>
                            </Tooltip>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} justify="flex-end" wrap="nowrap">
                            <Button size="xs" variant="light" onClick={() => void browse(pack)} data-testid={`pack-browse-${pack.key}`}>
                              {t('checklists.browse')}
                            </Button>
                            <Tooltip label={t('checklists.export')}>
                              <ActionIcon variant="subtle" color="gray" onClick={() => void exportPack(pack)} aria-label={t('checklists.export')}>
                                <IconDownload size={18} />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
            <Text size="xs" c="dimmed">
              {t('checklists.shortcutHint')}
            </Text>
            <ProfileLibrarySection />
          </Stack>
        )}
      </Container>
      <ImportPackModal opened={importing} onClose={() => setImporting(false)} onImported={imported} />
      {chooser.picker}
    </Box>
  );
}
