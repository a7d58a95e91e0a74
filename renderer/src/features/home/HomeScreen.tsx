import { Avatar, Box, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { IconBook2, IconFilePlus, IconFolderOpen, IconHistory, IconSparkles } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { droppedFilePath, useMenuCommand, useOpenRequests } from '../../commands.ts';
import { useTranslation } from 'react-i18next';
import type { RecentEngagementView } from '../../../../shared/contract/views.ts';
import { isInterfaceLanguage } from '../../../../shared/languages.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { FilePickerModal } from '../files/FilePickerModal.tsx';
import { SettingsButton } from '../settings/SettingsButton.tsx';
import { VerifyButton } from '../signing/VerifyButton.tsx';
import { CreateEngagementModal } from './CreateEngagementModal.tsx';
import { OpenProblemModal } from './OpenProblemModal.tsx';
import { RecentEngagements } from './RecentEngagements.tsx';
import { RestoreBackupModal } from './RestoreBackupModal.tsx';
import { useOpenEngagement } from './use-open-engagement.ts';

type Dialog = 'create' | 'open' | 'restore' | null;

/** Home: start or continue an engagement. */
export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const installation = useAppStore((s) => s.installation);
  const opener = useOpenEngagement();
  const showLibrary = useAppStore((s) => s.showLibrary);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [recent, setRecent] = useState<RecentEngagementView[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const loadRecent = useCallback(() => {
    invoke('recent:list', {}).then(setRecent, setError);
  }, []);
  useEffect(loadRecent, [loadRecent]);

  const native = useAppStore((s) => s.info?.fileAccess === 'native');
  // The interface language picks the demo: its Chinese twin in 简体中文, the English one otherwise (the pseudo-locale too).
  const demoLanguage = isInterfaceLanguage(i18n.language) ? i18n.language : 'en';

  async function openFile(file: string) {
    setDialog(null);
    await opener.open(file);
    loadRecent();
  }

  /** Open…: the system dialog on the desktop, the in-page workspace picker in the browser. */
  async function chooseAndOpen() {
    if (!native) return setDialog('open');
    try {
      const { file } = await invoke('dialog:pickFile', { mode: 'open' });
      if (file) await openFile(file);
    } catch (failure) {
      setError(failure);
    }
  }

  useGuardedHotkeys([
    ['mod+N', () => setDialog('create')],
    ['mod+O', () => void chooseAndOpen()],
    ['mod+shift+L', () => showLibrary()],
  ]);
  useMenuCommand('new', () => setDialog('create'));
  useMenuCommand('open', () => void chooseAndOpen());
  useOpenRequests((file) => void openFile(file));

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    const dropped = file ? droppedFilePath(file) : null;
    if (dropped) void openFile(dropped);
  }

  async function remove(file: string) {
    try {
      await invoke('recent:remove', { file });
      loadRecent();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <Box bg="gray.0" mih="100vh" onDragOver={(e) => e.preventDefault()} onDrop={drop}>
      <Box bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" py="md">
          <Group justify="space-between">
            <div>
              <Title order={3}>{t('app.name')}</Title>
              <Text size="sm" c="dimmed">
                {t('app.tagline')}
              </Text>
            </div>
            <Group gap="md">
              {installation ? (
                <Group gap="xs" data-testid="current-auditor" translate="no">
                  <Avatar color="indigo" radius="xl" size="md">
                    {installation.initials}
                  </Avatar>
                  <Text size="sm" fw={500}>
                    {installation.name}
                  </Text>
                </Group>
              ) : null}
              <SettingsButton />
            </Group>
          </Group>
        </Container>
      </Box>

      <Container size="lg" py="xl">
        <Stack gap="xl">
          <Group>
            <Button leftSection={<IconFilePlus size={18} />} onClick={() => setDialog('create')}>
              {t('home.newEngagement')}
            </Button>
            <Button variant="default" leftSection={<IconFolderOpen size={18} />} onClick={() => void chooseAndOpen()}>
              {t('home.open')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconSparkles size={18} />}
              onClick={() => void opener.openDemo(demoLanguage)}
              loading={opener.busy && !dialog}
            >
              {t('home.demo')}
            </Button>
            {demoLanguage !== 'en' ? (
              // A bilingual team, or a trainer, may want the English demo from a Chinese interface.
              <Button variant="subtle" onClick={() => void opener.openDemo('en')} disabled={opener.busy && !dialog} data-testid="open-english-demo">
                {t('home.demoEnglish')}
              </Button>
            ) : null}
            <Button variant="subtle" leftSection={<IconHistory size={18} />} onClick={() => setDialog('restore')}>
              {t('home.restore')}
            </Button>
            <VerifyButton variant="subtle" testId="verify-open" />
            <Button variant="subtle" leftSection={<IconBook2 size={18} />} onClick={() => showLibrary()} data-testid="open-library">
              {t('checklists.library')}
            </Button>
          </Group>

          {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}

          <Paper withBorder radius="md" p="lg">
            <Stack>
              <Title order={4}>{t('home.recentTitle')}</Title>
              {recent && recent.length === 0 ? (
                <Stack align="center" gap="xs" py="xl" data-testid="recent-empty">
                  <IconFolderOpen size={40} color="var(--mantine-color-gray-5)" />
                  <Text fw={500}>{t('home.recentEmptyTitle')}</Text>
                  <Text size="sm" c="dimmed" ta="center" maw={480}>
                    {t('home.recentEmptyText')}
                  </Text>
                </Stack>
              ) : null}
              {recent && recent.length > 0 ? (
                <RecentEngagements recent={recent} onOpen={(file) => void openFile(file)} onRemove={(file) => void remove(file)} />
              ) : null}
            </Stack>
          </Paper>
          <Text size="xs" c="dimmed">
            {t('home.shortcuts', { newKey: 'Ctrl+N', openKey: 'Ctrl+O', libraryKey: 'Ctrl+Shift+L' })}
          </Text>
        </Stack>
      </Container>

      <CreateEngagementModal opened={dialog === 'create'} onClose={() => setDialog(null)} opener={opener} />
      <FilePickerModal mode="open" opened={dialog === 'open'} onClose={() => setDialog(null)} onPick={(file) => void openFile(file)} />
      <RestoreBackupModal
        opened={dialog === 'restore'}
        onClose={() => setDialog(null)}
        onRestored={(file) => void openFile(file)}
      />
      <OpenProblemModal
        problem={opener.problem}
        busy={opener.busy}
        onClose={() => {
          opener.clearProblem();
          loadRecent();
        }}
        onRecover={(file) => void opener.open(file, true)}
      />
    </Box>
  );
}
