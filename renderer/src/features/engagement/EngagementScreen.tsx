import { Alert, AppShell, Badge, Button, Group, Kbd, NavLink, Stack, Text, Tooltip } from '@mantine/core';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { IconClockExclamation, IconCopy, IconLock, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMenuCommand } from '../../commands.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { SettingsButton } from '../settings/SettingsButton.tsx';
import { FileNotices } from './FileNotices.tsx';
import { SaveCopyModal } from './SaveCopyModal.tsx';
import { SECTIONS, sectionShortcut } from './sections.ts';
import { StatusBar } from './StatusBar.tsx';

/** One engagement: navigation on the left, the section in the middle, the status bar below. */
export function EngagementScreen() {
  const { t } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const section = useAppStore((s) => s.section);
  const setSection = useAppStore((s) => s.setSection);
  const goHome = useAppStore((s) => s.goHome);
  const resetSave = useSaveStore((s) => s.reset);
  const flush = useSaveStore((s) => s.flush);
  const [copying, setCopying] = useState(false);
  const engagement = current.engagement;

  useEffect(() => resetSave, [resetSave]);

  const desktop = useAppStore((s) => s.info?.platform === 'electron');

  async function close() {
    await flush();
    // A failed save keeps the screen open: closing would drop the edits the status bar says are unsaved.
    if (useSaveStore.getState().state === 'failed') return;
    try {
      await invoke('engagement:close', { engagementHandle: current.handle });
    } finally {
      // On the desktop each engagement has its own window: closing the engagement closes it.
      if (desktop) window.close();
      else goHome();
    }
  }
  useMenuCommand('saveCopy', () => setCopying(true));
  useMenuCommand('close', () => void close());

  useGuardedHotkeys([
    ['mod+shift+S', () => setCopying(true)],
    ...SECTIONS.flatMap(({ id }, index): [string, () => void][] => {
      const key = sectionShortcut(index);
      return key ? [[`alt+${key}`, () => setSection(id)]] : [];
    }),
  ]);
  const Current = (SECTIONS.find((entry) => entry.id === section) ?? SECTIONS[0]!).component;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} footer={{ height: 34 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Text fw={700} c="indigo" size="sm">
              {t('app.name')}
            </Text>
            <Text c="dimmed">/</Text>
            <Text fw={600} truncate data-testid="engagement-title" translate="no">
              {engagement?.client_name}
            </Text>
            {engagement ? (
              <Badge variant="light" size="sm">
                {t(`auditType.${engagement.audit_type}`)}
              </Badge>
            ) : null}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Tooltip label={<Kbd size="xs">Ctrl+Shift+S</Kbd>}>
              <Button variant="default" size="xs" leftSection={<IconCopy size={16} />} onClick={() => setCopying(true)}>
                {t('engagement.saveCopy')}
              </Button>
            </Tooltip>
            <Button variant="subtle" color="gray" size="xs" leftSection={<IconX size={16} />} onClick={() => void close()}>
              {t('engagement.close')}
            </Button>
            <SettingsButton />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {SECTIONS.map(({ id, icon: Icon }, index) => (
            <NavLink
              key={id}
              label={t(`engagement.nav.${id}`)}
              leftSection={<Icon size={18} />}
              rightSection={sectionShortcut(index) ? <Text size="xs" c="dimmed" translate="no">Alt+{sectionShortcut(index)}</Text> : null}
              active={section === id}
              onClick={() => setSection(id)}
              data-testid={`nav-${id}`}
            />
          ))}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <Stack gap="md">
          {current.readOnly && current.readOnlyReason ? (
            <Alert color="orange" variant="light" icon={<IconLock size={18} />} data-testid="read-only-banner">
              {t(`engagement.readOnly.${current.readOnlyReason}`)}
            </Alert>
          ) : null}
          <FileNotices />
          {current.clockAhead ? (
            <Alert color="yellow" variant="light" icon={<IconClockExclamation size={18} />}>
              {t('engagement.clockAhead')}
            </Alert>
          ) : null}
          <Current />
        </Stack>
      </AppShell.Main>

      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>

      <SaveCopyModal
        opened={copying}
        onClose={() => setCopying(false)}
        handle={current.handle}
        suggestedName={t('common.copyName', { name: current.file.replace(/\.iso20k$/, '') })}
      />
    </AppShell>
  );
}
