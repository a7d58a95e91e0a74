import { Alert, Button, Group, Modal, Radio, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupView } from '../../../../shared/contract/views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatBytes, formatInstant } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { withExtension } from '../files/FilePickerModal.tsx';

/** Restore from backup: pick a backup, name the new file, then it opens. The original is untouched. */
export function RestoreBackupModal({
  opened,
  onClose,
  onRestored,
}: {
  opened: boolean;
  onClose: () => void;
  onRestored: (file: string) => void;
}) {
  const { t } = useTranslation();
  const [backups, setBackups] = useState<BackupView[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const native = useAppStore((s) => s.info?.fileAccess === 'native');

  useEffect(() => {
    if (!opened) return;
    setBackups(null);
    setSelected(null);
    setError(null);
    invoke('backup:list', {}).then(setBackups, setError);
  }, [opened]);

  function choose(backup: BackupView) {
    setSelected(backup.id);
    setName(`${backup.clientName} (restored ${backup.createdAt.slice(0, 10)})`);
  }

  async function restore() {
    if (!selected || !name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      // Desktop: the user picks where the restored file goes; browser: a name in the workspace.
      const file = native
        ? (await invoke('dialog:pickFile', { mode: 'save', suggestedName: withExtension(name.trim()) })).file
        : withExtension(name.trim());
      if (!file) return;
      const restored = await invoke('backup:restore', { backupId: selected, file });
      onRestored(restored.file);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('restore.title')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('restore.intro')}
        </Text>
        {backups && backups.length === 0 ? (
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
            {t('restore.empty')}
          </Alert>
        ) : null}
        {backups && backups.length > 0 ? (
          <ScrollArea.Autosize mah={320}>
            <Table highlightOnHover aria-label={t('restore.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36} />
                  <Table.Th>{t('restore.columns.client')}</Table.Th>
                  <Table.Th>{t('restore.columns.taken')}</Table.Th>
                  <Table.Th>{t('restore.columns.reason')}</Table.Th>
                  <Table.Th ta="right">{t('restore.columns.size')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {backups.map((backup) => (
                  <Table.Tr key={backup.id} onClick={() => choose(backup)} style={{ cursor: 'pointer' }}>
                    <Table.Td>
                      <Radio checked={selected === backup.id} onChange={() => choose(backup)} aria-label={backup.createdAt} />
                    </Table.Td>
                    <Table.Td>{backup.clientName}</Table.Td>
                    <Table.Td>{formatInstant(backup.createdAt)}</Table.Td>
                    <Table.Td>{t(`restore.reason.${backup.reason}`)}</Table.Td>
                    <Table.Td ta="right">{formatBytes(backup.size)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        ) : null}
        {selected ? (
          <TextInput label={t('restore.fileName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void restore()} disabled={!selected || !name.trim()} loading={busy}>
            {t('restore.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
